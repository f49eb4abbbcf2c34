package org.elementa.atomic.dirac;

import java.util.Map;
import java.util.TreeMap;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EigenSolverException;
import org.elementa.fem.linalg.GeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;

/**
 * The lowest eigenpairs of a banded pencil A x = mu S x whose spectrum is known to lie above a
 * given bound, one eigenpair at a time: Sturm-sequence bisection isolates eigenvalue k (the banded
 * LDL^T factorization of A - sigma S has as many negative pivots as there are eigenvalues below
 * sigma, by Sylvester's law of inertia), then Rayleigh quotient iteration (shift-invert inverse
 * iteration whose shift is the last Rayleigh quotient, kept inside the isolating interval) converges
 * it. Every factorization is also a Sturm sample, so the interval only shrinks and the iteration
 * cannot slip to a neighbouring eigenvalue. With a guess (the previous SCF iteration's eigenvalue)
 * a single factorization at the guess usually suffices: inverse iteration with that fixed shift,
 * accepted when the Sturm count at the shift and the side of the converged Rayleigh quotient prove
 * it is eigenvalue k. See Parlett, "The Symmetric Eigenvalue Problem",
 * sections 3.3 (Sturm counts) and 4.6 (RQI).
 *
 * <p>Why not the engine's {@code BandedGeneralizedEigensolver}: on the squared Dirac pencils
 * (||S^-1 A|| up to 1e16..1e22, the wanted eigenvalues clustered near -c^4 relative to that) its
 * Lanczos slices took 0.2..1.2 s per kappa or failed to certify; the lower bound mu >= -c^4 that
 * the squared Hamiltonian guarantees makes plain bisection safe here. Guesses (the previous SCF
 * iteration's eigenvalues) make it a few factorizations per eigenpair, O(n kd^2) each.
 *
 * <p>Deterministic: fixed start vector, fixed summation order.
 */
final class SturmEigensolver implements GeneralizedEigensolver {

    private static final int MAX_FACTORIZATIONS = 400;
    private static final int MAX_RQI = 40;

    private final double lowerBound;
    private final double tolerance;
    private final Kernels kernels = KernelProvider.get();

    /**
     * @param lowerBound every eigenvalue of the pencils solved is >= lowerBound
     * @param tolerance  absolute change of the Rayleigh quotient below which an eigenpair is converged
     */
    SturmEigensolver(double lowerBound, double tolerance) {
        this.lowerBound = lowerBound;
        this.tolerance = tolerance;
    }

    @Override
    public EigenResult lowest(SymmetricBandMatrix a, SymmetricBandMatrix s, int count) {
        return lowest(a, s, count, null);
    }

    @Override
    public EigenResult lowest(SymmetricBandMatrix a, SymmetricBandMatrix s, int count, double[] guesses) {
        return new Run(a, s).solve(count, guesses);
    }

    private final class Run {
        final SymmetricBandMatrix a;
        final SymmetricBandMatrix s;
        final int n;
        final int kd;
        final int ld;
        final double[] factor;
        /** Sturm samples: shift -> number of eigenvalues below it. */
        final TreeMap<Double, Integer> samples = new TreeMap<>();
        int factorizations;
        double upperStart;
        int wanted;
        final StringBuilder history = new StringBuilder();

        Run(SymmetricBandMatrix a, SymmetricBandMatrix s) {
            if (a.size() != s.size() || a.bandwidth() != s.bandwidth()) {
                throw new IllegalArgumentException("A is " + a.size() + " (kd " + a.bandwidth() + ") but S is "
                        + s.size() + " (kd " + s.bandwidth() + ")");
            }
            this.a = a;
            this.s = s;
            this.n = a.size();
            this.kd = a.bandwidth();
            this.ld = kd + 1;
            this.factor = new double[ld * n];
            samples.put(lowerBound - Math.abs(lowerBound) * 1e-12 - 1, 0);
        }

        /** Factors A - sigma S into {@code factor}; returns the number of eigenvalues below sigma. */
        int factorAt(double sigma) {
            double[] ad = a.data();
            double[] sd = s.data();
            double shift = sigma;
            for (int attempt = 0; ; attempt++) {
                if (++factorizations > MAX_FACTORIZATIONS) {
                    throw new EigenSolverException("Sturm eigensolver: more than " + MAX_FACTORIZATIONS
                            + " factorizations (n = " + n + "); samples " + samples + history);
                }
                for (int i = 0; i < factor.length; i++) {
                    factor[i] = ad[i] - shift * sd[i];
                }
                int info = kernels.sbldlt(n, kd, factor, ld);
                if (info == 0 || attempt > 3) {
                    int negative = 0;
                    for (int j = 0; j < n; j++) {
                        if (factor[j * ld] < 0) {
                            negative++;
                        }
                    }
                    samples.put(shift, negative);
                    return negative;
                }
                // An exactly zero pivot: sigma hit an eigenvalue to the last bit; nudge it.
                shift += Math.ulp(shift) * 16 + 1e-300;
            }
        }

        EigenResult solve(int count, double[] guesses) {
            if (count < 1 || count > n) {
                throw new IllegalArgumentException("count = " + count + " must be in [1, " + n + "]");
            }
            double[] values = new double[count];
            double[] vectors = new double[n * count];
            this.upperStart = guesses != null && guesses.length == count
                    ? guesses[count - 1] + 1e-3 * Math.abs(guesses[count - 1]) + 1 : 0;
            this.wanted = count;
            double[] x = new double[n];
            double[] y = new double[n];
            double[] sx = new double[n];
            int rqiSteps = 0;
            for (int k = 0; k < count; k++) {
                double guess = guesses != null && k < guesses.length ? guesses[k] : Double.NaN;
                if (guess == guess) {
                    double rho = fixedShift(k, guess, x, y, sx);
                    if (rho == rho) {
                        store(k, rho, x, values, vectors);
                        continue;
                    }
                }
                isolate(k, guess);
                double lo = below(k);
                double up = above(k);
                double sigma = guess > lo && guess < up ? guess : 0.5 * (lo + up);
                startVector(x);
                double rho = Double.NaN;
                boolean converged = false;
                for (int it = 0; it < MAX_RQI; it++) {
                    int c = factorAt(sigma);
                    lo = below(k);
                    up = above(k);
                    if (c != k && c != k + 1) {
                        // The shift left the interval where eigenvalue k is alone (it cannot, but guard).
                        sigma = 0.5 * (lo + up);
                        continue;
                    }
                    // From the generic start vector, two inverse-iteration solves per factorization (a solve
                    // costs 1/kd of a factorization) before the Rayleigh quotient is trusted as a shift.
                    boolean broke = false;
                    for (int rep = 0; rep < (it < 2 ? 2 : 1) && !broke; rep++) {
                        kernels.sbmv(n, kd, 1.0, s.data(), ld, x, 0.0, y);
                        kernels.sbldltSolve(n, kd, factor, ld, y, 1, n);
                        kernels.sbmv(n, kd, 1.0, s.data(), ld, y, 0.0, sx);
                        double norm = Math.sqrt(kernels.dot(n, y, 0, sx, 0));
                        if (!(norm > 0) || Double.isInfinite(norm)) {
                            broke = true;
                        } else {
                            for (int i = 0; i < n; i++) {
                                x[i] = y[i] / norm;
                            }
                        }
                    }
                    if (broke) {
                        sigma = 0.5 * (lo + up);
                        startVector(x);
                        continue;
                    }
                    kernels.sbmv(n, kd, 1.0, a.data(), ld, x, 0.0, y);
                    double next = kernels.dot(n, x, 0, y, 0);
                    rqiSteps++;
                    history.append(String.format("%n  k %d step %d: sigma %.17g rho %.17g", k, it, sigma, next));
                    if (it >= 1 && Math.abs(next - rho) <= tolerance) {
                        rho = next;
                        converged = true;
                        break;
                    }
                    rho = next;
                    sigma = rho > lo && rho < up ? rho : 0.5 * (lo + up);
                }
                if (!converged) {
                    throw new EigenSolverException("Sturm eigensolver: eigenvalue " + k + " did not converge in "
                            + MAX_RQI + " Rayleigh quotient steps (tolerance " + tolerance + ")" + history);
                }
                store(k, rho, x, values, vectors);
            }
            return new EigenResult(values, vectors, n, rqiSteps, factorizations);
        }

        /**
         * The fast path for a good guess: one factorization at sigma = guess and inverse iteration with
         * it. If sigma has k eigenvalues below it, inverse iteration converges to the eigenvalue nearest
         * sigma, which is eigenvalue k when the limit lies at or above sigma (and eigenvalue k - 1
         * otherwise); with k + 1 below, symmetrically. A limit on the wrong side, or no convergence in
         * a few solves (sigma near the middle of two eigenvalues), returns NaN for the safe path.
         */
        double fixedShift(int k, double sigma, double[] x, double[] y, double[] sx) {
            int c = factorAt(sigma);
            if (c != k && c != k + 1) {
                return Double.NaN;
            }
            startVector(x);
            kernels.sbmv(n, kd, 1.0, s.data(), ld, x, 0.0, sx);
            double start = Math.sqrt(kernels.dot(n, x, 0, sx, 0));
            for (int i = 0; i < n; i++) {
                x[i] /= start;
                sx[i] /= start;
            }
            double estimate = Double.NaN;
            for (int it = 0; it < 6; it++) {
                // y = (A - sigma S)^-1 S x; sigma + 1 / (x^T S y) is the Rayleigh quotient of the inverted
                // operator at x: an eigenvalue estimate with the A product saved (x is S-normalized).
                System.arraycopy(sx, 0, y, 0, n);
                kernels.sbldltSolve(n, kd, factor, ld, y, 1, n);
                double xsy = kernels.dot(n, sx, 0, y, 0);
                kernels.sbmv(n, kd, 1.0, s.data(), ld, y, 0.0, sx);
                double norm = Math.sqrt(kernels.dot(n, y, 0, sx, 0));
                if (!(norm > 0) || Double.isInfinite(norm) || xsy == 0) {
                    return Double.NaN;
                }
                for (int i = 0; i < n; i++) {
                    x[i] = y[i] / norm;
                    sx[i] /= norm;
                }
                double next = sigma + 1 / xsy;
                if (it >= 1 && Math.abs(next - estimate) <= tolerance) {
                    boolean rightSide = c == k ? xsy > 0 : xsy < 0;
                    if (!rightSide) {
                        return Double.NaN;
                    }
                    kernels.sbmv(n, kd, 1.0, a.data(), ld, x, 0.0, y);
                    return kernels.dot(n, x, 0, y, 0);
                }
                estimate = next;
            }
            return Double.NaN;
        }

        void store(int k, double rho, double[] x, double[] values, double[] vectors) {
            values[k] = rho;
            double sign = 0;
            double max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, Math.abs(x[i]));
            }
            for (int i = 0; i < n && sign == 0; i++) {
                if (Math.abs(x[i]) >= 1e-3 * max) {
                    sign = Math.signum(x[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                vectors[i + k * n] = sign < 0 ? -x[i] : x[i];
            }
        }

        /** Makes sure some sample has at least {@code wanted} eigenvalues below it (done once, when first needed). */
        void ensureUpperSample() {
            if (samples.lastEntry().getValue() >= wanted) {
                return;
            }
            double hi = upperStart;
            while (factorAt(hi) < wanted) {
                hi = hi < -1 ? hi / 2 : 2 * Math.abs(hi) + 1;
            }
        }

        /** Bisects until eigenvalue k is alone between two samples (counts k and k + 1). */
        void isolate(int k, double guess) {
            ensureUpperSample();
            boolean triedGuess = !(guess == guess);
            while (true) {
                double lo = below(k);
                double up = above(k);
                if (samples.get(lo) == k && samples.get(up) == k + 1) {
                    return;
                }
                double sigma;
                if (!triedGuess && guess > lo && guess < up) {
                    sigma = guess;
                    triedGuess = true;
                } else {
                    sigma = split(lo, up);
                }
                factorAt(sigma);
            }
        }

        /**
         * The next bisection point: the geometric mean when both ends are negative and far apart (the
         * bound-state eigenvalues spread over decades, from -c^4 to about -2 c^2 * 0.1), else the midpoint.
         */
        double split(double lo, double up) {
            if (up < 0 && lo < 4 * up) {
                return -Math.sqrt(lo * up);
            }
            return 0.5 * (lo + up);
        }

        /** The largest sample with at most k eigenvalues below it. */
        double below(int k) {
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<Double, Integer> e : samples.entrySet()) {
                if (e.getValue() <= k) {
                    best = e.getKey();
                } else {
                    break;
                }
            }
            return best;
        }

        /** The smallest sample with at least k + 1 eigenvalues below it. */
        double above(int k) {
            for (Map.Entry<Double, Integer> e : samples.entrySet()) {
                if (e.getValue() >= k + 1) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("no sample above eigenvalue " + k);
        }

        /** A fixed, generic start vector (no eigenvector is orthogonal to it in practice). */
        void startVector(double[] x) {
            long state = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < n; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                x[i] = 1.0 + ((state >>> 11) * 0x1.0p-53 - 0.5);
            }
        }
    }
}
