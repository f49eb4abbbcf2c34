package org.elementa.atomic.scf;

import org.elementa.fem.linalg.EigenSolverException;

/**
 * One eigenpair, by index, of a banded generalized problem H x = E S x (S positive definite):
 * shifted inverse iteration with Rayleigh-quotient shifts, guarded by Sturm counts. Every
 * factorization of H - sigma S gives, by Sylvester's law of inertia, the number of eigenvalues
 * below sigma; this keeps a bracket [lo, hi] around eigenvalue j and decides which eigenvalue an
 * iteration has converged to, so warm starts from the previous SCF step can never silently land
 * on a neighbour. Falls back to bisection when the Rayleigh quotient leaves the bracket.
 */
final class ShiftInvertEigensolver {

    private static final int MAX_FACTORIZATIONS = 300;

    private final int n;
    private final int kd;
    private final BandLdlt ldlt;
    private final double[] sx;
    private final double[] hx;
    private final double[] start;
    private int factorizations;

    ShiftInvertEigensolver(int n, int kd) {
        this.n = n;
        this.kd = kd;
        this.ldlt = new BandLdlt(n, kd);
        this.sx = new double[n];
        this.hx = new double[n];
        // A deterministic start vector with components along every eigenvector in practice.
        this.start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = 1 + 0.5 * StrictMath.sin(1.3 * i + 0.7);
        }
    }

    /** Factorizations done since construction. */
    int factorizations() {
        return factorizations;
    }

    /** Number of eigenvalues below sigma; -1 when H - sigma S is singular to working precision. */
    int count(double[] h, double[] s, double sigma) {
        factorizations++;
        return ldlt.factor(h, -sigma, s);
    }

    /**
     * Eigenpair j (0-based, ascending) of (H, S).
     *
     * @param hint a guess of the eigenvalue (NaN: none)
     * @param lo   a value with at most j eigenvalues below it
     * @param hi   a value with at least j+1 eigenvalues below it
     * @param x    on entry a guess of the eigenvector (all zero: none); on exit the eigenvector,
     *             S-normalized, sign such that its first entry of magnitude above 1e-300 is positive
     * @param tol  relative accuracy of the shift at convergence (the vector converges to about
     *             tol / gap, the eigenvalue to its square)
     * @return the eigenvalue
     */
    double solve(double[] h, double[] s, int j, double hint, double lo, double hi, double[] x, double tol) {
        // Shifts sit a hair (1e-8 relative) below the estimate: inverse iteration still gains eight
        // digits per step, and the sign of e - sigma, which fixes the index, stays unambiguous.
        double sigma = (hint > lo && hint < hi) ? below(hint) : split(lo, hi);
        if (norm2(x) == 0) {
            generic(x);
        }
        for (int it = 0; it < MAX_FACTORIZATIONS; it++) {
            int c = count(h, s, sigma);
            if (c < 0) {
                sigma += 1e-11 * (1 + Math.abs(sigma));
                continue;
            }
            if (c <= j) {
                lo = Math.max(lo, sigma);
            } else {
                hi = Math.min(hi, sigma);
            }
            if (c != j && c != j + 1) {
                sigma = split(lo, hi);
                generic(x);
                continue;
            }
            // Inverse iteration at this shift until the Rayleigh quotient settles (it converges like
            // (|E - sigma| / gap)^2 per step, so a good warm-start shift needs one factorization).
            double e = inverseStep(s, x, false, sigma);
            boolean settled = false;
            for (int step = 1; step < 4 && !settled; step++) {
                double next = inverseStep(s, x, true, sigma);
                settled = Math.abs(next - e) <= tol * (1 + Math.abs(next));
                e = next;
            }
            if (settled || Math.abs(e - sigma) <= tol * (1 + Math.abs(e))) {
                // Inverse iteration converged to the eigenvalue nearest sigma, so none lies between
                // sigma and e: the count at sigma is index(e) if e > sigma, index(e)+1 if e < sigma.
                // When the two are too close to order in floating point, one more count just below
                // e settles the index.
                double margin = 64 * 1e-13 * (1 + Math.abs(e));
                int index;
                if (e - sigma > margin) {
                    index = c;
                } else if (sigma - e > margin) {
                    index = c - 1;
                } else {
                    index = count(h, s, e - 1e-8 * (1 + Math.abs(e)));
                }
                if (index == j) {
                    fixSign(x);
                    return e;
                }
                if (index >= 0) {
                    if (index < j) {
                        lo = Math.max(lo, e);
                    } else {
                        hi = Math.min(hi, e);
                    }
                    sigma = split(lo, hi);
                    generic(x);
                    continue;
                }
                sigma = e - 1e-9 * (1 + Math.abs(e));
                continue;
            }
            if (e > lo && e < hi) {
                sigma = Math.max(below(e), 0.5 * (lo + e));
            } else {
                sigma = split(lo, hi);
                generic(x);
            }
        }
        throw new EigenSolverException("eigenpair " + j + " not found after " + MAX_FACTORIZATIONS
                + " factorizations; bracket [" + lo + ", " + hi + "]");
    }

    /**
     * The next bisection point. Bound levels are negative, so while the bracket still reaches far
     * above zero (an unverified upper bound) and far below it, bisect [lo, 0] first.
     */
    private static double split(double lo, double hi) {
        double top = (hi > 1 && lo < -1e-3) ? 0 : hi;
        return 0.5 * (lo + top);
    }

    private static double below(double e) {
        return e - 1e-8 * (1 + Math.abs(e));
    }

    /**
     * x <- y / |y|_S with y = (H - sigma S)^{-1} S x; returns the Rayleigh quotient of y, computed as
     * sigma + y^T S x / y^T S y (since y^T (H - sigma S) y = y^T S x): no product with H, and no
     * cancellation between the large stiffness entries. On return sx holds S x for the new x.
     */
    private double inverseStep(double[] s, double[] x, boolean haveSx, double sigma) {
        if (!haveSx) {
            BandLdlt.multiply(s, n, kd, x, sx);
        }
        System.arraycopy(sx, 0, hx, 0, n);
        ldlt.solve(hx);
        double ysx = 0;
        for (int i = 0; i < n; i++) {
            ysx += hx[i] * sx[i];
        }
        BandLdlt.multiply(s, n, kd, hx, sx);
        double ysy = 0;
        for (int i = 0; i < n; i++) {
            ysy += hx[i] * sx[i];
        }
        double scale = 1 / Math.sqrt(ysy);
        for (int i = 0; i < n; i++) {
            x[i] = hx[i] * scale;
            sx[i] *= scale;
        }
        return sigma + ysx / ysy;
    }

    private void generic(double[] x) {
        System.arraycopy(start, 0, x, 0, n);
    }

    private static void fixSign(double[] x) {
        double first = 0;
        for (double v : x) {
            if (Math.abs(v) > 1e-300) {
                first = v;
                break;
            }
        }
        if (first < 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] = -x[i];
            }
        }
    }

    private static double norm2(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }
}
