package org.elementa.fem.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;

/**
 * The fast path for a few eigenpairs of a banded pencil: cost about n kd^2 per factorization and
 * n kd per Lanczos step, never n^3 on its own path. It hands over to
 * {@link DenseGeneralizedEigensolver} (O(n^3), then cheaper) for more than a third of the spectrum,
 * and when a repeated eigenvalue (a cluster that no Sturm count can split) holds more than n / 3
 * eigenvalues and more wanted indices than its locked vectors (see below).
 *
 * <p>Method: spectrum slicing with shift-invert Lanczos (Ericsson and Ruhe, "The spectral
 * transformation Lanczos method for the numerical solution of large sparse generalized symmetric
 * eigenvalue problems", Math. Comp. 35 (1980) 1251-1268; Grimes, Lewis and Simon, "A shifted block
 * Lanczos algorithm for solving sparse symmetric generalized eigenproblems", SIAM J. Matrix Anal.
 * Appl. 15 (1994) 228-272):
 * <ul>
 * <li>At a shift sigma, the banded LDL^T factorization of H - sigma S (no pivoting) gives, by
 *     Sylvester's law of inertia, the number of eigenvalues below sigma: the number of negative
 *     entries of D. Every shift is such an anchor.</li>
 * <li>Lanczos on OP = (H - sigma S)^-1 S, which is self-adjoint in the S inner product, with full
 *     re-orthogonalization (classical Gram-Schmidt twice) against its own basis and against the
 *     already locked eigenvectors; a breakdown (an invariant subspace, as for a repeated
 *     eigenvalue) restarts the run from a new vector orthogonal to both. Ritz values theta give
 *     E = sigma + 1/theta; a Ritz pair is locked when the eigenvalue error bound
 *     beta_j |y_j| / theta^2 from the Lanczos estimate is below 1e-14 |E| and, after one
 *     inverse-iteration step that damps far components (two if needed), the backward error
 *     ||H x - E S x|| / ((||H|| + |E| ||S||) ||x||) is below 1e-13.</li>
 * <li>The run is complete when two anchors a below and b above the wanted indices satisfy
 *     count(b) - count(a) = number of locked eigenvalues between them: then no eigenvalue was
 *     missed. Only trusted counts certify: not those of a factor whose growth stayed above its
 *     limit, not those within a window (proportional to the growth) of a locked eigenvalue, and
 *     not two anchors whose counts decrease with sigma (both are set aside and noted). Until then
 *     the next shift goes to a hint, to a Ritz estimate inside the lowest interval that lacks
 *     eigenvalues, between the estimates that straddle a wanted index boundary, or (with no
 *     estimate at hand) bisects the interval; a cluster of locked eigenvalues that counts cannot
 *     split (a repeated eigenvalue) is bracketed by two counts at the cluster margin, 1e-8
 *     (|E| + tolScale), from it. The cluster is then certified as soon as at least as many of its
 *     S-orthonormal vectors are locked as wanted indices fall inside it: the counts show all its
 *     eigenvalues inside the bracket, so they agree to the bracket's width, and its other copies
 *     (n of them for H = S = I, where a Lanczos run locks at most 16) are not locked. If the
 *     cluster holds more than n / 3 eigenvalues and fewer locked vectors than wanted indices, the
 *     dense solver takes over.</li>
 * <li>A final Rayleigh-Ritz step on the wanted vectors in the original pencil gives Rayleigh
 *     quotient accuracy and exact S-orthonormality, also inside near-degenerate clusters.</li>
 * </ul>
 * With hints (previous eigenvalues, as in a self-consistent field loop) a hinted pass runs first,
 * one wanted index at a time: a shift just above the hint, a few steps of inverse iteration with
 * that single factor (eigenvalue from the shifted Rayleigh quotient, no product with H), and the
 * inertia of the same factor proposes the index of the limit (the limit e is eigenvalue c if e
 * lies above the shift, c - 1 if below, with c the count, provided inverse iteration reached the
 * eigenvalue nearest the shift). When the hint is poor, Rayleigh-quotient reshifts and bisection of
 * the index's Sturm bracket follow. Because a start vector can miss the nearest eigenvector, the
 * indices are then certified by Sturm counts alone: one more factorization just above the highest
 * pair (and just below the lowest when the range does not start at 0) must bracket exactly the
 * pairs found; otherwise the Lanczos slicing above continues from its anchors and locked pairs.
 * Each pair's backward error is checked on the bits returned, after its last orthogonalization.
 * A repeated hint (a repeated eigenvalue, whose copies no count can index one by one) is left to
 * the Lanczos slicing.
 * With good hints this costs one factorization per pair plus one (two for a range not starting at
 * 0), and two or three banded solves per pair.
 *
 * <p>S is checked (positive definite, lambda_min estimate) once per distinct S: a solver reused
 * with the same S (a self-consistent field loop's mass matrix) skips that factorization (it
 * remembers the 16 most recent distinct S, and at most 32 MiB of their data). The check depends on
 * S alone, so values and vectors never depend on earlier calls; {@link EigenResult#factorizations()}
 * counts only this call's work, so it is one less when S's check was remembered.
 *
 * <p>Two options fit stiff pencils whose wanted eigenvalues lie many orders of magnitude below
 * ||S^-1 H|| (squared Dirac Hamiltonians: ||S^-1 H|| up to 1e22, wanted |E| from 1e3 to 1e9):
 * {@link #withLowerBound(double)}, a known lower bound of the spectrum, which then serves as the
 * Sturm anchor with count 0 instead of blind steps of order -||S^-1 H||; and
 * {@link #withToleranceScale(double)}, the absolute scale in the tolerances (default
 * 1e-6 ||S^-1 H||), so that they become relative to |E| for such pencils.
 *
 * <p>H = 0 (or ||S^-1 H|| below 1e-120) has no scale of its own: the tolerances then take
 * ||S^-1 H|| = 1e-120, and the eigenvalue 0 comes back to within about 1e-136.
 *
 * <p>Deterministic: the Lanczos start vectors come from a fixed-seed generator.
 */
public final class BandedGeneralizedEigensolver implements GeneralizedEigensolver {

    private static final double EPS = Math.ulp(1.0);
    /** Lanczos lock test: the bound on the error of E from the Lanczos estimate, relative to |E| (see lockable). */
    private static final double LOCK_TOL = 1e-14;
    /**
     * Acceptance on the backward error ||H x - E S x||_2 / ((||H||_1 + |E| ||S||_1) ||x||_2): a
     * backward-stable dense method reaches a small multiple of eps; 1e-13 is about 500 eps.
     */
    private static final double BACKWARD_TOL = 1e-13;
    /**
     * Hinted pass: the shift sits this fraction of the spacing between hints above the hint, so
     * that an exact hint does not put it on the eigenvalue, while inverse iteration still gains
     * about five digits per solve when the hint is good (but never closer than ANCHOR_CLEARANCE,
     * see hintOffset).
     */
    private static final double HINT_OFFSET = 1e-5;
    /**
     * Distance, relative to |E| + tolScale, from an eigenvalue E at which a shift is a reliable Sturm
     * anchor: ten times COUNT_WINDOW, the count window of a factor of growth 100 (see countWindow;
     * about 4 eps ||S^-1 H|| by default). The hinted shifts and the certifying shifts keep this distance
     * from their eigenvalues and no more: a larger one loses, on pencils whose ||S^-1 H|| is large
     * (finite elements graded towards a nucleus), the gap to the neighbouring eigenvalues.
     */
    private static final double ANCHOR_CLEARANCE = 1e-9;
    /**
     * Hinted pass: the shift stays within this fraction of the spacing between hints from its hint,
     * so that inverse iteration contracts the neighbours' components at least a hundredfold per solve.
     */
    private static final double MAX_HINT_OFFSET = 1e-2;
    /**
     * Hinted pass: acceptance on the backward error, tighter than BACKWARD_TOL because a locked vector
     * that is slightly off pollutes, through the orthogonalization against it, every pair found later
     * near it (nearly double eigenvalues).
     */
    private static final double FAST_BACKWARD_TOL = 1e-14;
    /**
     * Hinted pass: inverse iteration has settled only when the S-norm change of its normalized vector
     * shrinks at least this much per solve. A component along an eigenvalue e' is multiplied by
     * |E - sigma| / |e' - sigma| relative to the wanted one per solve; a slower decay means an eigenvalue
     * nearly as close to the shift as E (or closer), whose component a warm start would carry from one
     * call to the next and grow. The Rayleigh quotient alone does not show it (its error is quadratic).
     */
    private static final double CONTRACTION = 0.5;
    /**
     * Hinted pass: a change of the normalized vector this small is rounding (measured: 3e-16 to 1e-15
     * on the atomic SCF's pencils), not an eigenvector's component, and passes the contraction test.
     */
    private static final double CHANGE_FLOOR = 1e-13;
    /** Hinted pass: most inverse-iteration solves with one factor before a new shift. */
    private static final int INVERSE_STEPS = 6;
    /**
     * Hinted pass: most factorizations per hint (a shift at the hint, then Rayleigh quotient shifts
     * or bisection steps of the Sturm bracket) before the robust path takes over.
     */
    private static final int SHIFTS_PER_HINT = 24;
    /**
     * Hinted pass: the shifted Rayleigh quotient has settled when its last change is below this
     * fraction of |E - sigma| (it is computed to about eps relative to that distance).
     */
    private static final double SETTLE_TOL = 1e-10;
    /** Length of the first Lanczos run of a solve without hints (see lanczos). */
    private static final int FIRST_RUN_STEPS = 18;
    /** Longest Lanczos run before a new shift is chosen. */
    private static final int MAX_STEPS = 60;
    /** Largest tolerated growth of the LDL^T factors relative to ||H|| + |sigma| ||S|| (see factor). */
    private static final double MAX_GROWTH = 1e3;
    /**
     * Half-width, relative to (|sigma| + tolScale), of the window around a shift inside which a
     * locked eigenvalue makes the shift's Sturm count undecidable, for factors of growth up to
     * ABSORBED_GROWTH; in proportion to the growth beyond (see countWindow for the derivation).
     */
    private static final double COUNT_WINDOW = 1e-10;
    /** Factor growth that COUNT_WINDOW already covers; the window grows with the growth beyond it (see countWindow). */
    private static final double ABSORBED_GROWTH = 10;
    /**
     * Floor of ||S^-1 H||, the scale of every absolute tolerance, for H = 0 (which has no scale of its
     * own) and pencils below it. The solver places shifts as close as about 1e-16 ||S^-1 H|| to an
     * eigenvalue (moves of 1e-9 tolScale = 1e-15 ||S^-1 H|| in factor), so Lanczos values theta reach
     * 1e16 / ||S^-1 H||, and the tridiagonal QR squares them: 1e-120 keeps theta^2 below 1e272; the
     * smallest tolerances, about 1e-31 ||S^-1 H||, stay normal numbers.
     */
    private static final double NORM_C_FLOOR = 1e-120;
    /**
     * Most Ritz pairs a Lanczos run aims at inside a cluster that Sturm counts cannot split (an
     * exactly repeated eigenvalue): every vector of the cluster must be locked before the counts can
     * certify it, and 16 keeps a run within MAX_STEPS (3 * 16 + 12 = 60).
     */
    private static final int CLUSTER_TARGET = 16;

    private final Kernels kernels;
    /** Shift budget per wanted eigenpair beyond a fixed allowance; lowered only by tests that provoke failure. */
    private final int shiftsPerPair;
    private final int shiftAllowance;
    /** Every eigenvalue of the pencils solved is >= lowerBound (-inf: nothing known). */
    private final double lowerBound;
    /** Absolute term in the tolerances (added to |E| or |sigma|); NaN: 1e-6 ||S^-1 H|| of the pencil. */
    private final double toleranceScale;

    /** A solver on the kernels chosen by {@link KernelProvider#get()}. */
    public BandedGeneralizedEigensolver() {
        this(KernelProvider.get());
    }

    /** A solver on the given kernels. */
    public BandedGeneralizedEigensolver(Kernels kernels) {
        this(kernels, 4, 40);
    }

    /** A solver that gives up after shiftsPerPair * (iu - il + 1) + shiftAllowance shifts (tests of the failure path). */
    BandedGeneralizedEigensolver(Kernels kernels, int shiftsPerPair, int shiftAllowance) {
        this(kernels, shiftsPerPair, shiftAllowance, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    private BandedGeneralizedEigensolver(Kernels kernels, int shiftsPerPair, int shiftAllowance, double lowerBound,
                                         double toleranceScale) {
        if (kernels == null) {
            throw new IllegalArgumentException("kernels must not be null");
        }
        this.kernels = kernels;
        this.shiftsPerPair = shiftsPerPair;
        this.shiftAllowance = shiftAllowance;
        this.lowerBound = lowerBound;
        this.toleranceScale = toleranceScale;
    }

    /**
     * This solver for pencils whose eigenvalues are all known to be >= bound (a promise of the
     * caller, e.g. mu >= -c^4 for the squared Dirac Hamiltonian H^2 - c^4 S): the bound is then a
     * Sturm anchor with zero eigenvalues below it, which brackets the lowest wanted eigenvalue without
     * factorizations far below the spectrum. A wrong bound makes the certification wrong.
     *
     * @throws IllegalArgumentException if bound is not finite
     */
    public BandedGeneralizedEigensolver withLowerBound(double bound) {
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("bound = " + bound + " must be finite");
        }
        return new BandedGeneralizedEigensolver(kernels, shiftsPerPair, shiftAllowance, bound, toleranceScale);
    }

    /**
     * This solver with the absolute term of its tolerances set to scale. The tolerances (side of a
     * shift, nearness of an eigenvalue to a shift or to a locked one) are relative: t (|E| + scale).
     * The default scale, 1e-6 ||S^-1 H||, suits pencils whose eigenvalues carry errors of order
     * eps ||S^-1 H||; for stiff pencils whose wanted eigenvalues are accurate relative to |E| (far
     * below ||S^-1 H||) it would make every shift near them undecidable; give a scale of the order
     * of the smallest |E| of interest instead.
     *
     * @throws IllegalArgumentException if scale is not a finite number > 0
     */
    public BandedGeneralizedEigensolver withToleranceScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale = " + scale + " must be a finite number > 0");
        }
        return new BandedGeneralizedEigensolver(kernels, shiftsPerPair, shiftAllowance, lowerBound, scale);
    }

    @Override
    public EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count) {
        EigenSupport.checkCount(h, s, count);
        return solve(h, s, 0, count - 1, null);
    }

    /**
     * The {@code count} lowest eigenpairs, using {@code guesses[i]} (approximations of eigenvalue i,
     * i < guesses.length <= count) as shifts. Good hints (previous eigenvalues of a slightly
     * changed H) cost about one factorization per eigenpair, one more for the certifying Sturm count,
     * and a few banded solves per eigenpair; bad hints cost
     * time, never correctness (Sturm counts certify the result).
     *
     * @throws IllegalArgumentException if shapes differ, count is outside [1, n], guesses is longer
     *                                  than count or holds a non-finite value
     */
    @Override
    public EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count, double[] guesses) {
        EigenSupport.checkCount(h, s, count);
        checkGuesses(guesses, count);
        return solve(h, s, 0, count - 1, guesses);
    }

    /** True: good hints make a solve several times cheaper (one factorization per pair). */
    @Override
    public boolean usesHints() {
        return true;
    }

    @Override
    public EigenResult range(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu) {
        EigenSupport.checkRange(h, s, il, iu);
        return solve(h, s, il, iu, null);
    }

    /**
     * Eigenpairs il..iu (0-based, inclusive), with {@code guesses[i]} approximating eigenvalue il+i.
     *
     * @throws IllegalArgumentException if shapes differ, not 0 <= il <= iu < n, or guesses is
     *                                  longer than iu-il+1 or holds a non-finite value
     */
    public EigenResult range(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu, double[] guesses) {
        EigenSupport.checkRange(h, s, il, iu);
        checkGuesses(guesses, iu - il + 1);
        return solve(h, s, il, iu, guesses);
    }

    private static void checkGuesses(double[] guesses, int max) {
        if (guesses == null) {
            return;
        }
        if (guesses.length > max) {
            throw new IllegalArgumentException("guesses.length = " + guesses.length + " must be <= " + max
                    + " (the number of wanted eigenpairs)");
        }
        for (int i = 0; i < guesses.length; i++) {
            if (!Double.isFinite(guesses[i])) {
                throw new IllegalArgumentException("guesses[" + i + "] = " + guesses[i] + " must be finite");
            }
        }
    }

    /**
     * What a solve needs to know about S alone: that it is positive definite (every pivot of its
     * LDL^T factorization positive) and lambda_min(S), estimated by four steps of inverse iteration,
     * which scales ||S^-1 H|| ~ ||H||_1 / lambda_min(S) (the size of the largest |E|) in tolerances.
     *
     * @param data      a copy of S's band data, to recognize the same S in a later solve
     * @param hash      Arrays.hashCode(data), to skip the comparison with a different S
     * @param norm1     ||S||_1
     * @param reused    whether this came from an earlier solve (no factorization done now)
     */
    private record MetricCheck(double[] data, int hash, int n, int kd, double lambdaMin, double norm1, boolean reused) {
    }

    /**
     * A factored shift: its Sturm count (negative pivots), the growth of its factor, and whether the
     * count may certify completeness. Not trusted: a factor whose growth stayed above MAX_GROWTH (its
     * inertia may be wrong far from any eigenvalue), or a count found inconsistent with another
     * anchor's or with the locked eigenvalues (see reliableAnchors and complete).
     */
    private record Anchor(int count, double growth, boolean trusted) {
    }

    /**
     * The checks of the most recent distinct S (newest first; at most METRIC_CACHE of them and at
     * most METRIC_CACHE_BYTES of copied S data in all, the oldest evicted first), kept so that a
     * sequence of solves with a few fixed S (a self-consistent field loop: one mass matrix per
     * angular momentum, or per kappa for the Dirac pencils, that never changes) factors each once.
     * Computed from S alone, so that a solve's values and vectors never depend on which solves came
     * before it; only its cost does. The array is replaced, never changed in place; races only
     * cost a recomputation.
     */
    private volatile MetricCheck[] recentMetrics = new MetricCheck[0];

    /** Distinct S remembered: an atom's SCF cycles through up to 4 (l) or 12 (kappa) of them. */
    private static final int METRIC_CACHE = 16;

    /**
     * Most bytes of copied S data the cache holds (32 MiB): the 16 radial mass matrices of an SCF
     * (n ~ 200, kd ~ 31: 50 KiB each) fit many times over, while a few large S (n = 10^5, kd = 40:
     * 32 MiB each) do not pile up. An S larger than this alone is still remembered as the newest.
     */
    static final long METRIC_CACHE_BYTES = 32L << 20;

    private MetricCheck checkMetric(SymmetricBandMatrix s) {
        MetricCheck[] recent = recentMetrics;
        int n = s.size();
        int kd = s.bandwidth();
        int hash = java.util.Arrays.hashCode(s.data());
        for (MetricCheck last : recent) {
            if (last.hash() == hash && last.n() == n && last.kd() == kd && java.util.Arrays.equals(last.data(), s.data())) {
                return new MetricCheck(last.data(), hash, n, kd, last.lambdaMin(), last.norm1(), true);
            }
        }
        int ld = kd + 1;
        double[] f = s.data().clone();
        int info = kernels.sbldlt(n, kd, f, ld);
        for (int j = 0; j < n && info == 0; j++) {
            if (!(f[j * ld] > 0)) {
                info = j + 1;
            }
        }
        if (info != 0) {
            throw new EigenSolverException("S is not positive definite: pivot " + info
                    + " of its LDL^T factorization is not positive");
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.0 + 0.25 * Math.sin(1.0 + i);
        }
        double lambda = 0;
        for (int it = 0; it < 4; it++) {
            double xx = kernels.dot(n, x, 0, x, 0);
            System.arraycopy(x, 0, y, 0, n);
            kernels.sbldltSolve(n, kd, f, ld, y, 1, n);
            double xy = kernels.dot(n, x, 0, y, 0);
            lambda = xx / xy;
            double norm = Math.sqrt(kernels.dot(n, y, 0, y, 0));
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / norm;
            }
        }
        MetricCheck fresh = new MetricCheck(s.data().clone(), hash, n, kd, lambda, EigenSupport.norm1(s), false);
        int keep = 1;
        long bytes = 8L * fresh.data().length;
        while (keep < METRIC_CACHE && keep - 1 < recent.length
                && bytes + 8L * recent[keep - 1].data().length <= METRIC_CACHE_BYTES) {
            bytes += 8L * recent[keep - 1].data().length;
            keep++;
        }
        MetricCheck[] next = new MetricCheck[keep];
        next[0] = fresh;
        System.arraycopy(recent, 0, next, 1, keep - 1);
        recentMetrics = next;
        return fresh;
    }

    /**
     * The {@code count} lowest eigenpairs, warm-started from an earlier result of a nearby pencil (a
     * self-consistent field loop's previous iteration): its eigenvalues are the hints and its
     * eigenvectors the start vectors of the hinted pass, which then usually needs two banded solves
     * per pair. As with hints, a poor start costs time, never correctness.
     *
     * @throws IllegalArgumentException as {@link #lowest(SymmetricBandMatrix, SymmetricBandMatrix, int, double[])},
     *                                  or if previous is null or its order differs from h's
     */
    public EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count, EigenResult previous) {
        EigenSupport.checkCount(h, s, count);
        if (previous == null || previous.n() != h.size()) {
            throw new IllegalArgumentException("previous must be a result of order n = " + h.size()
                    + (previous == null ? ", got null" : ", got order " + previous.n()));
        }
        int m = Math.min(count, previous.count());
        double[] guesses = java.util.Arrays.copyOf(previous.values(), m);
        checkGuesses(guesses, count);
        for (int i = 1; i < m; i++) {
            if (!(guesses[i] >= guesses[i - 1])) {
                throw new IllegalArgumentException("previous.values() must be ascending");
            }
        }
        EigenSupport.checkFinite(h, "h");
        EigenSupport.checkFinite(s, "s");
        if (3 * count > h.size()) {
            return new DenseGeneralizedEigensolver(kernels).range(h, s, 0, count - 1);
        }
        Run run = new Run(h, s, 0, count - 1, guesses);
        run.starts = previous.vectors();
        return run.solve();
    }

    /** A result with the lines of the solver's history (shifts, counts, growths, runs, anchors set aside). */
    record Traced(EigenResult result, List<String> history) {
    }

    /**
     * {@link #range(SymmetricBandMatrix, SymmetricBandMatrix, int, int, double[])} with its history,
     * for tests of the decisions a result does not show (empty history on the dense path).
     */
    Traced traced(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu, double[] guesses) {
        EigenSupport.checkRange(h, s, il, iu);
        checkGuesses(guesses, iu - il + 1);
        EigenSupport.checkFinite(h, "h");
        EigenSupport.checkFinite(s, "s");
        if (3 * (iu - il + 1) > h.size()) {
            return new Traced(new DenseGeneralizedEigensolver(kernels).range(h, s, il, iu), List.of());
        }
        Run run = new Run(h, s, il, iu, guesses);
        EigenResult result = run.solve();
        List<String> lines = new ArrayList<>();
        for (java.util.function.Supplier<String> line : run.history) {
            lines.add(line.get());
        }
        return new Traced(result, lines);
    }

    private EigenResult solve(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu, double[] guesses) {
        EigenSupport.checkFinite(h, "h");
        EigenSupport.checkFinite(s, "s");
        int n = h.size();
        int k = iu - il + 1;
        if (3 * k > n) {
            return new DenseGeneralizedEigensolver(kernels).range(h, s, il, iu);
        }
        return new Run(h, s, il, iu, guesses).solve();
    }

    /** The state of one solve. */
    private final class Run {
        final int n;
        final int il;
        final int iu;
        final SymmetricBandMatrix h;
        final SymmetricBandMatrix s;
        final int kd;
        final int ld;
        final double[] hPadded;
        final double[] sPadded;
        /** Envelope: column j of every factor has non-zeros in rows j..j+env[j] only. */
        final int[] env;
        final double normC;
        /** The absolute term of the relative tolerances: toleranceScale, or 1e-6 ||S^-1 H||. */
        final double tolScale;
        /** ||H||_1, floored at NORM_C_FLOOR lambda_min(S) (H = 0): the scale of H in backward errors and growth. */
        final double normH;
        final double normS;
        /** Every shift factored, with its count, its growth and whether its count may certify. */
        final TreeMap<Double, Anchor> anchors = new TreeMap<>();
        /**
         * Every shift asked of factor, also those it then moved (growth): a request is not repeated,
         * or a shift that factor keeps moving the same way would be asked for again and again.
         */
        final java.util.TreeSet<Double> requested = new java.util.TreeSet<>();
        /** Diagnostics for the failure message, formatted only when one is thrown. */
        final List<java.util.function.Supplier<String>> history = new ArrayList<>();
        final double[] work;
        final double[] work2;
        double[] lockedX;
        double[] lockedSX;
        double[] lockedE;
        /** Whether locked pair i came from the hinted pass (its value is the shifted Rayleigh quotient). */
        boolean[] lockedFast;
        int nLocked;
        double[] estimates = new double[0];
        final double[] hints;
        /** Start vectors of the hinted pass (column i for hint i), or null: generic ones. */
        double[] starts;
        final double[] hintSpacing;
        /** Whether hint i has no distinct neighbour (its hintSpacing is then a fallback scale, not a spacing). */
        final boolean[] hintAlone;
        int nextHint;
        int factorizations;
        int steps;
        int runs;
        int blindSteps;
        /** Growth of the latest factor (see factor). */
        double lastGrowth;
        /** Sturm count of the latest factor, and whether it may be trusted (see factor). */
        int lastCount;
        boolean lastTrusted;
        /** Set by inverseIteration when it settled on an eigenvalue already locked (see hintedPass). */
        boolean settledOnLocked;

        Run(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu, double[] guesses) {
            this.h = h;
            this.s = s;
            this.n = h.size();
            this.il = il;
            this.iu = iu;
            this.kd = Math.max(h.bandwidth(), s.bandwidth());
            this.ld = kd + 1;
            this.hPadded = pad(h);
            this.sPadded = pad(s);
            this.env = envelope();
            MetricCheck metric = checkMetric(s);
            factorizations = metric.reused() ? 0 : 1;
            this.work = new double[n];
            this.work2 = new double[n];
            // Room for the wanted pairs and one more; lock() grows the arrays when the robust path locks more.
            int cap = Math.min(n, iu - il + 2);
            lockedX = new double[n * cap];
            lockedSX = new double[n * cap];
            lockedE = new double[cap];
            lockedFast = new boolean[cap];
            double hNorm = EigenSupport.norm1(h);
            this.normS = metric.norm1();
            double nc = hNorm / metric.lambdaMin();
            // H = 0 (or below the floor): all tolerances and backward errors are measured as if
            // ||H||_1 = NORM_C_FLOOR lambda_min(S), so that none of them is zero or 0/0.
            boolean floored = !(nc >= NORM_C_FLOOR);
            this.normC = floored ? NORM_C_FLOOR : nc;
            this.normH = floored ? NORM_C_FLOOR * metric.lambdaMin() : hNorm;
            this.tolScale = Double.isNaN(toleranceScale) ? 1e-6 * normC : toleranceScale;
            if (guesses != null && guesses.length > 0) {
                hints = guesses.clone();
                java.util.Arrays.sort(hints);
                hintSpacing = new double[hints.length];
                hintAlone = new boolean[hints.length];
                for (int i = 0; i < hints.length; i++) {
                    // Hints closer than the certification margin are copies of one (repeated) eigenvalue,
                    // not a spacing: a shift that close to the hint could not tell the side of its limit.
                    double sp = Double.POSITIVE_INFINITY;
                    if (i > 0 && hints[i] - hints[i - 1] > certificationMargin(hints[i])) {
                        sp = Math.min(sp, hints[i] - hints[i - 1]);
                    }
                    if (i + 1 < hints.length && hints[i + 1] - hints[i] > certificationMargin(hints[i])) {
                        sp = Math.min(sp, hints[i + 1] - hints[i]);
                    }
                    hintAlone[i] = sp == Double.POSITIVE_INFINITY;
                    if (hintAlone[i]) {
                        sp = 1e-3 * Math.max(Math.abs(hints[i]), tolScale);
                    }
                    hintSpacing[i] = sp;
                }
            } else {
                hints = new double[0];
                hintSpacing = new double[0];
                hintAlone = new boolean[0];
            }
        }

        /**
         * The envelope of H and S: the last row with a non-zero in columns 0..j of the lower band,
         * minus j. Factors without pivoting fill only inside it (the fill of L stays within the
         * profile of A: George and Liu, Computer Solution of Large Sparse Positive Definite
         * Systems, 1981, ch. 4), so finite element matrices of high-order elements, whose band is
         * mostly zeros between element blocks, factor at a fraction of the band cost.
         */
        private int[] envelope() {
            int[] out = new int[n];
            int last = 0;
            for (int j = 0; j < n; j++) {
                int len = Math.min(kd, n - 1 - j);
                int r = len;
                while (r > 0 && hPadded[r + j * ld] == 0 && sPadded[r + j * ld] == 0) {
                    r--;
                }
                last = Math.max(last, j + r);
                out[j] = last - j;
            }
            return out;
        }

        /** In-place LDL^T of H - sigma S (already in f) within the envelope. */
        private int ldlt(double[] f) {
            return kernels.sbldlt(n, kd, env, f, ld);
        }

        /** Solves with a factor from {@link #ldlt}; b is overwritten. */
        private void ldltSolve(double[] f, double[] b) {
            kernels.sbldltSolve(n, kd, env, f, ld, b);
        }

        /** A's band data widened to kd (A's own array, read only, when it already has that width). */
        private double[] pad(SymmetricBandMatrix a) {
            if (a.bandwidth() == kd) {
                return a.data();
            }
            double[] out = new double[ld * n];
            int lda = a.ldab();
            double[] src = a.data();
            int w = a.bandwidth() + 1;
            for (int j = 0; j < n; j++) {
                System.arraycopy(src, j * lda, out, j * ld, w);
            }
            return out;
        }

        EigenResult solve() {
            int k = iu - il + 1;
            if (hints.length > 0) {
                EigenResult fast = hintedPass();
                if (fast != null) {
                    return fast;
                }
            }
            int maxShifts = shiftsPerPair * k + shiftAllowance;
            int shifts = 0;
            while (true) {
                int[] selection = complete();
                if (selection != null) {
                    return finish(selection);
                }
                if (hugeCluster()) {
                    note("a cluster of more than n / 3 eigenvalues lacks wanted vectors: dense solver");
                    return new DenseGeneralizedEigensolver(kernels).range(h, s, il, iu);
                }
                if (shifts++ >= maxShifts) {
                    throw failure("no convergence after " + maxShifts + " shifts");
                }
                double[] shift = nextShift();
                double sigma = shift[0];
                int target = (int) shift[1];
                double clusterRadius = shift.length > 2 ? shift[2] : Double.POSITIVE_INFINITY;
                double[] f = new double[ld * n];
                sigma = factor(sigma, f);
                if (target == 0 || complete() != null) {
                    continue;
                }
                lanczos(sigma, f, target, clusterRadius);
            }
        }

        /**
         * The hinted fast path: for each hint g (ascending) one factorization at sigma = g + an offset
         * (hintOffset: a small fraction of the spacing to the neighbouring hints, never less than the
         * anchor clearance), then inverse iteration with that factor alone
         * (Parlett, The Symmetric Eigenvalue Problem, sec. 4.2), from a fixed generic start vector
         * S-orthogonal to the pairs already locked. The eigenvalue estimate is the Rayleigh quotient of
         * the shifted operator, sigma + y^T S x / y^T S y with y = (H - sigma S)^-1 S x: it needs no
         * product with H, so it does not lose digits to the cancellation between large entries of a
         * stiff H (finite element stiffness near a singular potential), which x^T H x does. A pair is
         * locked when that estimate has settled, the vector's change contracts (CONTRACTION) and the
         * backward error of the vector as stored (after its last orthogonalization against the locked
         * ones) passes FAST_BACKWARD_TOL.
         *
         * <p>Index of a locked pair: c = number of eigenvalues below sigma (the inertia of the same
         * factor). Inverse iteration converges to the eigenvalue nearest sigma among those not
         * deflated, so none lies strictly between sigma and its limit e except locked ones: e is
         * eigenvalue c + (locked in (sigma, e)) if e > sigma, c - 1 - (locked in (e, sigma)) if e < sigma
         * (as the atomic SCF's solver did; a too small |e - sigma| to tell the side is left undecided).
         * Where the shifts' own counts bracket the pairs, {@link #complete()} certifies them by counts
         * alone. The result is returned only when every wanted index is covered exactly once; otherwise
         * the anchors and locked pairs stay and the robust path continues from them.
         */
        private EigenResult hintedPass() {
            int k = iu - il + 1;
            int[] slot = new int[k];
            int fastLocked = 0;
            double[] f = new double[ld * n];
            double[] x = new double[n];
            double[] sx = new double[n];
            double[] y = new double[n];
            double[] t1 = new double[n];
            double[] t2 = new double[n];
            boolean[] taken = new boolean[k];
            for (int i = 0; i < hints.length; i++) {
                int wanted = il + i;
                if (taken[i]) {
                    continue;
                }
                if (i > 0 && hints[i] - hints[i - 1] <= certificationMargin(hints[i])) {
                    // A repeated hint: a repeated eigenvalue, whose copies neither their counts nor
                    // their values (all equal) can index one by one. The robust path locks the whole
                    // cluster (see clusterShift).
                    continue;
                }
                double sigma = hints[i] + hintOffset(i, hints[i]);
                if (starts != null) {
                    System.arraycopy(starts, i * n, x, 0, n);
                } else {
                    startVector(i, x);
                }
                for (int shift = 0; shift < SHIFTS_PER_HINT && !taken[i]; shift++) {
                    sigma = factor(sigma, f);
                    int c = lastCount;
                    double lo = lowerAnchor(wanted);
                    double hi = upperAnchor(wanted);
                    if (!lastTrusted || c != wanted && c != wanted + 1) {
                        // An untrusted count cannot name the index of what inverse iteration finds here.
                        // Eigenvalue 'wanted' is not a neighbour of sigma: narrow its bracket (counts only).
                        sigma = bracketStep(lo, hi);
                        if (Double.isNaN(sigma)) {
                            // Inside a cluster of locked eigenvalues that counts cannot split: the robust path's job.
                            break;
                        }
                        startVector(i, x);
                        continue;
                    }
                    double e = inverseIteration(sigma, f, x, sx, y, t1, t2, false);
                    if (settledOnLocked) {
                        // Converged to a pair already locked: again, deflating it at every step (it is
                        // usually not needed, and costs a product with every locked vector per step).
                        startVector(i, x);
                        e = inverseIteration(sigma, f, x, sx, y, t1, t2, true);
                    }
                    if (Double.isNaN(e)) {
                        // Not settled: the next shift at the current Rayleigh quotient (Rayleigh quotient
                        // iteration) from the same vector while it stays inside the bracket, else bisect.
                        double rq = y[0];
                        if (rq > lo && rq < hi) {
                            double next = rq + hintOffset(i, rq);
                            if (nearAnchor(next)) {
                                // No progress (a cluster that one vector cannot resolve): the robust path's job.
                                break;
                            }
                            sigma = next;
                        } else {
                            sigma = split(lo, hi);
                            if (nearAnchor(sigma)) {
                                break;
                            }
                            startVector(i, x);
                        }
                        continue;
                    }
                    double margin = 1e-12 * (Math.abs(e) + tolScale);
                    int idx = -1;
                    boolean undecided = false;
                    if (e - sigma > margin) {
                        idx = c + lockedBetween(sigma, e);
                    } else if (sigma - e > margin) {
                        idx = c - 1 - lockedBetween(e, sigma);
                    } else {
                        undecided = true;
                    }
                    if (idx >= il && idx <= iu && !taken[idx - il]) {
                        taken[idx - il] = true;
                        slot[fastLocked++] = nLocked;
                        lockChecked(e, x, sx);
                    }
                    if (undecided) {
                        // Settled too close to sigma to tell its side: count just below it next, from the
                        // same (converged) vector, so that the side and the index are decidable.
                        sigma = e - certificationMargin(e);
                    } else if (!taken[i]) {
                        // Converged to a neighbour: look between the anchors that bracket the wanted index.
                        sigma = split(lowerAnchor(wanted), upperAnchor(wanted));
                        if (nearAnchor(sigma)) {
                            // The bracket no longer narrows (its ends are untrusted counts): the robust path's job.
                            break;
                        }
                        startVector(i, x);
                    }
                }
            }
            nextHint = hints.length;
            int[] byCounts = complete();
            if (byCounts != null) {
                history.add(() -> "hinted pass: certified by Sturm counts");
                return finish(byCounts);
            }
            if (fastLocked < k) {
                return null;
            }
            // The side rule above (inverse iteration settles on the eigenvalue nearest its shift) is not
            // a proof: a start vector with no component along the nearest eigenvector (an exact
            // symmetry, a level crossing in a warm start) converges to a farther one, which is a true
            // eigenpair and passes every residual test. One factorization just above the highest pair
            // (and one just below the lowest when il > 0) lets the Sturm counts certify the indices.
            double top = Double.NEGATIVE_INFINITY;
            double bottom = Double.POSITIVE_INFINITY;
            for (int m = 0; m < fastLocked; m++) {
                top = Math.max(top, lockedE[slot[m]]);
                bottom = Math.min(bottom, lockedE[slot[m]]);
            }
            factor(top + certificationMargin(top), f);
            if (il > 0) {
                factor(bottom - certificationMargin(bottom), f);
            }
            int[] certified = complete();
            if (certified != null) {
                history.add(() -> "hinted pass: certified by the Sturm counts around the pairs");
                return finish(certified);
            }
            history.add(() -> "hinted pass: the Sturm counts do not confirm the indices; robust path continues");
            return null;
        }

        /**
         * Inverse iteration at sigma with the factor f, at most INVERSE_STEPS solves; returns the
         * settled shifted Rayleigh quotient, or NaN (with the last quotient in y[0]). Settled: the
         * quotient has settled and the change of x shrank by CONTRACTION over the last solve (or is
         * rounding). On success x is the pair's vector as it will be stored: S-orthogonalized against
         * the locked vectors (one Gram-Schmidt pass), S-normalized, sx = S x, and its backward error
         * with the returned value, measured on exactly these bits, is within FAST_BACKWARD_TOL;
         * {@link #lockChecked} stores them unchanged, so the result of the hinted pass is the pair
         * that was checked. Without deflation, a quotient that settles on a locked eigenvalue returns
         * NaN and sets settledOnLocked (the caller then starts again with deflation).
         */
        private double inverseIteration(double sigma, double[] f, double[] x, double[] sx, double[] y,
                                        double[] t1, double[] t2, boolean deflate) {
            settledOnLocked = false;
            double[] coef = new double[Math.max(1, nLocked)];
            orthogonalizeLocked(x, coef);
            orthogonalizeLocked(x, coef);
            multiplyS(x, sx);
            double e = Double.NaN;
            double[] lastX = new double[n];
            double[] lastSX = new double[n];
            double norm0 = 1 / Math.sqrt(kernels.dot(n, x, 0, sx, 0));
            for (int i = 0; i < n; i++) {
                lastX[i] = x[i] * norm0;
                lastSX[i] = sx[i] * norm0;
            }
            double lastChange = Double.NaN;
            for (int step = 0; step < INVERSE_STEPS; step++) {
                System.arraycopy(sx, 0, y, 0, n);
                shiftedSolveRefined(sigma, f, y, t1, t2);
                steps++;
                double ysx = kernels.dot(n, y, 0, sx, 0);
                if (deflate) {
                    orthogonalizeLocked(y, coef);
                }
                multiplyS(y, sx);
                double ysy = kernels.dot(n, y, 0, sx, 0);
                if (!(ysy > 0) || !Double.isFinite(ysy)) {
                    return Double.NaN;
                }
                double scale = 1 / Math.sqrt(ysy);
                for (int i = 0; i < n; i++) {
                    x[i] = y[i] * scale;
                    sx[i] *= scale;
                }
                double next = sigma + ysx / ysy;
                double sign = ysx < 0 ? -1 : 1;
                double change2 = 0;
                for (int i = 0; i < n; i++) {
                    double dx = x[i] - sign * lastX[i];
                    change2 += dx * (sx[i] - sign * lastSX[i]);
                    lastX[i] = x[i];
                    lastSX[i] = sx[i];
                }
                double change = Math.sqrt(Math.max(change2, 0));
                boolean contracting = change <= CONTRACTION * lastChange || change <= CHANGE_FLOOR;
                lastChange = change;
                boolean settled = step > 0 && contracting
                        && Math.abs(next - e) <= SETTLE_TOL * Math.abs(next - sigma) + 4 * EPS * Math.abs(next);
                e = next;
                if (settled) {
                    if (!deflate && nLocked > 0 && nearLocked(e, 1e-8 * (Math.abs(e) + tolScale))) {
                        settledOnLocked = true;
                        y[0] = e;
                        return Double.NaN;
                    }
                    finalOrthogonalization(x, sx, coef);
                    double res = normalizedResidual(x, sx, y, t2);
                    if (res <= FAST_BACKWARD_TOL) {
                        note("  inverse iteration at %.17g: %.17g after %d solves, backward error %.3e",
                                sigma, e, step + 1, res);
                        return e;
                    }
                }
            }
            note("  inverse iteration at %.17g: no settled pair after %d solves (last %.17g)",
                    sigma, INVERSE_STEPS, e);
            y[0] = e;
            return Double.NaN;
        }

        /**
         * The last change a converged vector of the hinted pass sees: one Gram-Schmidt pass against
         * the locked vectors (it is S-orthogonal to them up to its own error, and one pass takes that
         * to rounding level), then S-normalization, with sx = S x recomputed.
         */
        private void finalOrthogonalization(double[] x, double[] sx, double[] coef) {
            if (nLocked > 0) {
                orthogonalizeLocked(x, coef);
                multiplyS(x, sx);
            }
            double nrm = Math.sqrt(kernels.dot(n, x, 0, sx, 0));
            kernels.scal(n, 1 / nrm, x, 0);
            kernels.scal(n, 1 / nrm, sx, 0);
        }

        /**
         * The next count-only shift inside the bracket (lo, hi) of a wanted index: where the locked
         * eigenvalues in the bracket form one tight cluster (within one count window; see
         * clusterShift), first just beside it (at the cluster margin), since plain bisection
         * would only crawl towards it when the index sits inside the cluster; otherwise the
         * bisection point. NaN when the bracket already lies within that margin band around the
         * cluster (counts cannot split it), or when the bisection point was asked for before (the
         * bracket does not narrow: its ends are untrusted counts).
         */
        private double bracketStep(double lo, double hi) {
            double[] span = lockedSpan(lo, hi);
            if (span != null && span[1] - span[0] <= countWindow(span[1], 1.0)) {
                double below = span[0] - clusterMargin(span[0]);
                double above = span[1] + clusterMargin(span[1]);
                if (lo >= below && hi <= above) {
                    return Double.NaN;
                }
                if (above < hi && !nearAnchor(above)) {
                    return above;
                }
                if (below > lo && !nearAnchor(below)) {
                    return below;
                }
            }
            double sigma = split(lo, hi);
            // A bisection point asked for before: the bracket does not narrow (its ends are untrusted counts).
            return nearAnchor(sigma) ? Double.NaN : sigma;
        }

        /** {lowest, highest} locked eigenvalue in (lo, hi), or null if none lies there. */
        private double[] lockedSpan(double lo, double hi) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < nLocked; i++) {
                if (lockedE[i] > lo && lockedE[i] < hi) {
                    min = Math.min(min, lockedE[i]);
                    max = Math.max(max, lockedE[i]);
                }
            }
            return min <= max ? new double[] {min, max} : null;
        }

        /** A fixed generic start vector for hint i (no eigenvector is orthogonal to it in practice). */
        private void startVector(int i, double[] x) {
            SplittableRandom rnd = new SplittableRandom(0x5EED_1A2CL + 104729L * i);
            for (int r = 0; r < n; r++) {
                x[r] = 1.0 + 0.5 * (rnd.nextDouble() - 0.5);
            }
        }

        /** The largest trusted anchor with at most index eigenvalues below it (lowerBound if none). */
        private double lowerAnchor(int index) {
            double best = lowerBound;
            for (Map.Entry<Double, Anchor> e : anchors.entrySet()) {
                if (e.getValue().trusted() && e.getValue().count() <= index && e.getKey() > best) {
                    best = e.getKey();
                }
            }
            return best;
        }

        /** The smallest trusted anchor with more than index eigenvalues below it (+inf if none). */
        private double upperAnchor(int index) {
            for (Map.Entry<Double, Anchor> e : anchors.entrySet()) {
                if (e.getValue().trusted() && e.getValue().count() > index) {
                    return e.getKey();
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        /**
         * Factors H - sigma S = L D L^T into f and records the shift's Sturm count. LDL^T without
         * pivoting of an indefinite matrix is stable only while its factors stay small: the growth
         * g = max_i (|L| |D| |L|^T)_ii / (||H|| + |sigma| ||S||) is checked, and when it exceeds
         * MAX_GROWTH (a pivot nearly vanished: sigma is close to an eigenvalue of a leading block)
         * sigma is moved by a relative 1e-9, 1e-8, ..., 1e-4 until it does not. A factor still above
         * MAX_GROWTH after six moves is kept for its solves (iterative refinement repairs them, see
         * shiftedSolveRefined) but its count is recorded as not trusted: the rounding of such a factor
         * (proportional to g, see countWindow) can flip the inertia of eigenvalues far from sigma,
         * and a wrong count that certifies completeness returns a wrong answer. Returns the shift used.
         */
        private double factor(double sigma, double[] f) {
            requested.add(sigma);
            double[] growth = new double[n];
            for (int attempt = 0; ; attempt++) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = hPadded[i] - sigma * sPadded[i];
                }
                int info = ldlt(f);
                factorizations++;
                int negative = 0;
                double worst = Double.POSITIVE_INFINITY;
                if (info == 0) {
                    java.util.Arrays.fill(growth, 0.0);
                    for (int j = 0; j < n; j++) {
                        int col = j * ld;
                        double dj = Math.abs(f[col]);
                        if (f[col] < 0) {
                            negative++;
                        }
                        growth[j] += dj;
                        int len = env[j];
                        for (int r = 1; r <= len; r++) {
                            double l = f[col + r];
                            growth[j + r] += l * l * dj;
                        }
                    }
                    worst = 0;
                    for (double g : growth) {
                        worst = Math.max(worst, g);
                    }
                    worst /= normH + Math.abs(sigma) * normS;
                }
                boolean ok = info == 0 && worst <= MAX_GROWTH;
                if (ok || attempt >= 6 && info == 0 && Double.isFinite(worst)) {
                    Anchor before = anchors.get(sigma);
                    // A shift set aside earlier stays aside: the same factor gives the same count again.
                    anchors.put(sigma, new Anchor(negative, worst, ok && (before == null || before.trusted())));
                    lastGrowth = worst;
                    lastCount = negative;
                    lastTrusted = ok;
                    note("shift %.17g: %d eigenvalues below (factor growth %.2e%s)", sigma, negative, worst,
                            ok ? "" : String.format(" > %.0e after %d moves: count not trusted", MAX_GROWTH, attempt));
                    return sigma;
                }
                if (attempt >= 10) {
                    throw failure("H - sigma S could not be factored stably near sigma = " + sigma);
                }
                double delta = 1e-9 * (Math.abs(sigma) + tolScale) * Math.pow(10, attempt);
                sigma += (attempt % 2 == 0) ? delta : -2 * delta;
            }
        }

        // ---------------------------------------------------------------- completeness and shifts

        /**
         * Half-width of the window around sigma inside which the count of a factor of growth g cannot
         * be relied on to put an eigenvalue on its true side:
         * COUNT_WINDOW max(1, g / ABSORBED_GROWTH) (|sigma| + tolScale).
         *
         * <p>Why it scales with g. The computed factor is the exact LDL^T factor of H - sigma S + E
         * with |E| <= gamma_{kd+1} |L| |D| |L|^T entrywise (LDL^T without pivoting is Gaussian
         * elimination with U = D L^T: Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
         * 2002, Thm 9.3; in a band every entry sums at most kd + 1 products, gamma_m = m eps / (1 - m eps)).
         * |L| |D| |L|^T = B B^T with B = |L| |D|^(1/2) is positive semidefinite, so its largest entry is
         * its largest diagonal entry, g (||H|| + |sigma| ||S||). The count is exact for the pencil
         * (H + E, S), whose eigenvalues lie within ||E||_2 / lambda_min(S) of those of (H, S) (Weyl),
         * to first order at lambda + x^T E x with x the S-normalized eigenvector; ||E||_2 is at most
         * (2 kd + 1) gamma_{kd+1} g (||H|| + |sigma| ||S||). Either way the distance within which the
         * count may err is proportional to g.
         *
         * <p>Why (|sigma| + tolScale), 1e-10, and growth absorbed up to 10. (|sigma| + tolScale) is
         * the solver's model of how well the eigenvalues near sigma are determined (see
         * withToleranceScale: relative to |E|, with the absolute floor tolScale), the same model as in
         * all its tolerances; with the default tolScale = 1e-6 ||S^-1 H|| the floor of the window is
         * 1e-16 ||S^-1 H||, the rounding of an eigenvalue of a normwise backward-stable method
         * (eps ||S^-1 H|| / 2). The relative part, 1e-10 = 4.5e5 eps, exceeds the constant
         * (2 kd + 1) gamma_{kd+1} of the bound above (2e3 eps at kd = 31, 3e2 eps at kd = 12) by a
         * factor of 200 or more: it covers factors of growth up to ABSORBED_GROWTH = 10 with a factor
         * of 20 to spare, and beyond that the window grows in proportion to g.
         *
         * <p>Consistency with the shifts placed next to eigenvalues: certificationMargin
         * (ANCHOR_CLEARANCE = 10 COUNT_WINDOW) is the window of a factor of growth 100, so a hinted or
         * certifying shift there counts when its factor's growth is at most 100 (random indefinite
         * pencils give 1 to 20 there, the finite element pencils about 1), and otherwise the robust
         * path continues; clusterMargin is the window at the largest accepted growth MAX_GROWTH, so
         * every accepted factor bracketing a cluster counts.
         *
         * <p>What the derivation does not give. The bound above is of order kd eps g (||H|| + |sigma|
         * ||S||) / lambda_min(S), so it scales with ||S^-1 H|| and kappa(S); the window's floor
         * (1e-16 ||S^-1 H|| by default) is far below it, and its relative part drops the factor
         * kappa(S). The constants are therefore an empirical choice (measured on the random,
         * finite element and stiff radial pencils of the tests), not a proven bound; the safety
         * net is the consistency checks of the counts described next.
         *
         * <p>A window that is too small costs a count off by one next to a locked eigenvalue: it shows
         * as a mismatch between counts and locked eigenvalues (more shifts, or anchors set aside as
         * inconsistent); a wrong certification needs two such errors that cancel.
         */
        private double countWindow(double sigma, double growth) {
            return COUNT_WINDOW * Math.max(1.0, growth / ABSORBED_GROWTH) * (Math.abs(sigma) + tolScale);
        }

        /** Whether the anchor at sigma may certify now: trusted, and no locked eigenvalue within its count window. */
        private boolean reliable(double sigma, Anchor a) {
            if (!a.trusted()) {
                return false;
            }
            double tol = countWindow(sigma, a.growth());
            for (int i = 0; i < nLocked; i++) {
                if (Math.abs(lockedE[i] - sigma) <= tol) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reliable anchors as (sigma, count) pairs, ascending, with the virtual ends (lowerBound, 0)
         * and (+inf, n). Counts must not decrease with sigma; two neighbours that do are the sign
         * of a factor whose inertia rounding changed, and nothing tells which of the two: both are
         * set aside (no longer trusted, noted in the history with their counts and growths), and
         * the search then places new shifts where counts are missing.
         */
        private List<double[]> reliableAnchors() {
            while (true) {
                List<double[]> out = new ArrayList<>();
                out.add(new double[] {lowerBound, 0});
                for (Map.Entry<Double, Anchor> e : anchors.entrySet()) {
                    // At or below a given lower bound a count adds nothing to the bound's own count 0.
                    if (e.getKey() > lowerBound && reliable(e.getKey(), e.getValue())) {
                        out.add(new double[] {e.getKey(), e.getValue().count()});
                    }
                }
                out.add(new double[] {Double.POSITIVE_INFINITY, n});
                int bad = -1;
                for (int i = 1; i < out.size() && bad < 0; i++) {
                    if (out.get(i)[1] < out.get(i - 1)[1]) {
                        bad = i;
                    }
                }
                if (bad < 0) {
                    return out;
                }
                // The virtual ends cannot be the culprits (0 <= every count <= n): both are real anchors.
                double a = out.get(bad - 1)[0];
                double b = out.get(bad)[0];
                note("inconsistent Sturm counts: %d below %.17g (growth %.2e) but %d below %.17g (growth %.2e); "
                        + "both set aside", anchors.get(a).count(), a, anchors.get(a).growth(),
                        anchors.get(b).count(), b, anchors.get(b).growth());
                distrust(a);
                distrust(b);
            }
        }

        /** Marks the anchor at sigma as not trusted (it stays known to nearAnchor, so no shift is placed on it again). */
        private void distrust(double sigma) {
            Anchor a = anchors.get(sigma);
            if (a != null && a.trusted()) {
                anchors.put(sigma, new Anchor(a.count(), a.growth(), false));
            }
        }

        private int lockedBetween(double lo, double hi) {
            int c = 0;
            for (int i = 0; i < nLocked; i++) {
                if (lockedE[i] > lo && lockedE[i] < hi) {
                    c++;
                }
            }
            return c;
        }

        /** Indices into the locked arrays of eigenpairs il..iu in ascending order, or null if not yet certified. */
        private int[] complete() {
            List<double[]> a = reliableAnchors();
            int lo = 0;
            int hi = a.size() - 1;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i)[1] <= il) {
                    lo = i;
                }
            }
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i)[1] >= iu + 1) {
                    hi = i;
                }
            }
            double sLo = a.get(lo)[0];
            double sHi = a.get(hi)[0];
            int cLo = (int) a.get(lo)[1];
            int cHi = (int) a.get(hi)[1];
            int found = lockedBetween(sLo, sHi);
            if (found > cHi - cLo) {
                // More locked eigenvalues than the counts allow: one of the two counts is wrong (the
                // locked pairs are S-orthonormal with small residuals, so they are distinct eigenpairs).
                note("locked %d eigenvalues in (%.17g, %.17g) where the counts allow %d: both anchors set aside",
                        found, sLo, sHi, cHi - cLo);
                distrust(sLo);
                distrust(sHi);
                return null;
            }
            if (found < cHi - cLo) {
                return clusterSelection(a, lo, hi);
            }
            Integer[] idx = new Integer[found];
            int m = 0;
            for (int i = 0; i < nLocked; i++) {
                if (lockedE[i] > sLo && lockedE[i] < sHi) {
                    idx[m++] = i;
                }
            }
            java.util.Arrays.sort(idx, (x, y) -> Double.compare(lockedE[x], lockedE[y]));
            int[] sel = new int[iu - il + 1];
            for (int i = il; i <= iu; i++) {
                sel[i - il] = idx[i - cLo];
            }
            return sel;
        }

        /**
         * Whether the deficient interval (left, right) of reliable anchors is a tight cluster of
         * locked eigenvalues (all within countWindow(., 1) of one another, see clusterShift) whose two
         * anchors lie within twice the cluster margin of it: then all its eigenvalues, locked or not,
         * lie within 2 clusterMargin + countWindow of the locked ones, closer than any count can
         * separate, so they are one (repeated) eigenvalue to the solver's resolution.
         */
        private boolean bracketedCluster(double left, double right) {
            double[] span = lockedSpan(left, right);
            return span != null && span[1] - span[0] <= countWindow(span[1], 1.0)
                    && left >= span[0] - 2 * clusterMargin(span[0]) && right <= span[1] + 2 * clusterMargin(span[1]);
        }

        /** Wanted indices il..iu among the cr - cl eigenvalues counted in an interval with counts cl and cr. */
        private int wantedIn(int cl, int cr) {
            return Math.max(0, Math.min(iu, cr - 1) - Math.max(il, cl) + 1);
        }

        /**
         * The selection when fewer eigenvalues are locked than the anchors lo..hi count: certified only
         * if every interval between consecutive reliable anchors either holds as many locked
         * eigenvalues as its counts, or is a bracketed cluster (see bracketedCluster) holding at least
         * as many locked, S-orthonormal vectors as wanted indices fall inside it. The copies of a
         * repeated eigenvalue beyond the wanted ones need not be locked (H = S = I has n of them,
         * and a Lanczos run locks at most CLUSTER_TARGET); the wanted indices of the cluster take its
         * lowest locked pairs. Null if not certified.
         */
        private int[] clusterSelection(List<double[]> a, int lo, int hi) {
            int[] sel = new int[iu - il + 1];
            boolean cluster = false;
            for (int w = lo; w < hi; w++) {
                double left = a.get(w)[0];
                double right = a.get(w + 1)[0];
                int cl = (int) a.get(w)[1];
                int cr = (int) a.get(w + 1)[1];
                int found = lockedBetween(left, right);
                int wanted = wantedIn(cl, cr);
                boolean whole = found == cr - cl;
                if (!whole && !(found < cr - cl && found >= wanted && bracketedCluster(left, right))) {
                    return null;
                }
                cluster |= !whole;
                Integer[] idx = new Integer[found];
                int m = 0;
                for (int i = 0; i < nLocked; i++) {
                    if (lockedE[i] > left && lockedE[i] < right) {
                        idx[m++] = i;
                    }
                }
                java.util.Arrays.sort(idx, (x, y) -> Double.compare(lockedE[x], lockedE[y]));
                int first = whole ? cl : Math.max(il, cl);
                for (int i = Math.max(il, cl); i <= Math.min(iu, cr - 1); i++) {
                    sel[i - il] = idx[i - first];
                }
            }
            if (cluster) {
                note("a cluster bracketed by counts holds the wanted indices: its other copies are not locked");
            }
            return cluster ? sel : null;
        }

        /**
         * Whether a bracketed cluster (see bracketedCluster) holds more than n / 3 eigenvalues and more
         * wanted indices than locked vectors: locking them a Lanczos run at a time costs more than
         * the dense solver, which then takes over.
         */
        private boolean hugeCluster() {
            List<double[]> a = reliableAnchors();
            for (int w = 0; w + 1 < a.size(); w++) {
                double left = a.get(w)[0];
                double right = a.get(w + 1)[0];
                int cl = (int) a.get(w)[1];
                int cr = (int) a.get(w + 1)[1];
                int found = lockedBetween(left, right);
                if (3 * (cr - cl) > n && wantedIn(cl, cr) > found && found < cr - cl && bracketedCluster(left, right)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a shift within 1e-9 (|sigma| + tolScale) of sigma was factored or asked for already. */
        private boolean nearAnchor(double sigma) {
            double tol = 1e-9 * (Math.abs(sigma) + tolScale);
            Double f = anchors.floorKey(sigma);
            Double c = anchors.ceilingKey(sigma);
            Double rf = requested.floor(sigma);
            Double rc = requested.ceiling(sigma);
            return f != null && sigma - f <= tol || c != null && c - sigma <= tol
                    || rf != null && sigma - rf <= tol || rc != null && rc - sigma <= tol;
        }

        /**
         * Distance from an eigenvalue e at which a shift's inertia is trusted to put e on the right
         * side: ANCHOR_CLEARANCE = 10 COUNT_WINDOW, the count window (see countWindow) of a factor of
         * growth 100, and as far below the spacing of the levels as that allows; a neighbour closer
         * than this, or a factor there with more growth, makes the count disagree or not count, and
         * the robust path take over, so it costs speed, never correctness.
         */
        private double certificationMargin(double e) {
            return ANCHOR_CLEARANCE * (Math.abs(e) + tolScale);
        }

        /**
         * Distance from a cluster of locked eigenvalues at which the counts that bracket it are
         * placed (see clusterShift, bracketStep): the count window of a factor of the largest
         * accepted growth MAX_GROWTH, so that every accepted factor there is reliable; a cluster that
         * no count can split lies far from its neighbours compared with this in the pencils it is
         * meant for (repeated eigenvalues).
         */
        private double clusterMargin(double e) {
            return COUNT_WINDOW * (MAX_GROWTH / ABSORBED_GROWTH) * (Math.abs(e) + tolScale);
        }

        /**
         * How far above the value g (hint i, or a Rayleigh quotient for it) the hinted pass shifts:
         * HINT_OFFSET times the spacing to the neighbouring hints, but at least the anchor clearance
         * (so that the shift's count is reliable and certifies the pair without another factorization)
         * and at most MAX_HINT_OFFSET times the spacing. A hint without neighbours gets the clearance
         * alone: the gap to the next eigenvalue is unknown, and inverse iteration from a start vector
         * (a warm start's previous eigenvector) multiplies an eigenvector's component at distance d
         * from e by |e - sigma| / |d - (sigma - e)| per solve, which grows when the offset exceeds d / 2.
         * (A spacing of 1e-3 max(|g|, tolScale) put the shift of Mn's 3d level 0.15 Ha above it on a
         * finite element space with ||S^-1 H|| ~ 1.5e13, past half its 0.27 Ha gap to the box states:
         * the warm-started self-consistent field then fed those states' tails back and diverged.)
         */
        private double hintOffset(int i, double g) {
            double clearance = ANCHOR_CLEARANCE * (Math.abs(g) + tolScale);
            if (hintAlone[i]) {
                return clearance;
            }
            double sp = hintSpacing[i];
            return Math.min(Math.max(HINT_OFFSET * sp, clearance), MAX_HINT_OFFSET * sp);
        }

        private boolean nearLocked(double e, double tol) {
            for (int i = 0; i < nLocked; i++) {
                if (Math.abs(lockedE[i] - e) <= tol) {
                    return true;
                }
            }
            return false;
        }

        /** The next shift and the number of Ritz pairs nearest to it that the Lanczos run should converge. */
        private double[] nextShift() {
            while (nextHint < hints.length) {
                double g = hints[nextHint];
                double sp = hintSpacing[nextHint];
                nextHint++;
                if (!nearLocked(g, 0.25 * sp)) {
                    // Just above the hint, so that an exact hint does not put the shift on the eigenvalue.
                    return new double[] {g + 1e-7 * sp, 1};
                }
            }
            List<double[]> a = reliableAnchors();
            int lo = 0;
            int hi = a.size() - 1;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i)[1] <= il) {
                    lo = i;
                }
            }
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i)[1] >= iu + 1) {
                    hi = i;
                }
            }
            for (int w = lo; w < hi; w++) {
                double left = a.get(w)[0];
                double right = a.get(w + 1)[0];
                int cl = (int) a.get(w)[1];
                int cr = (int) a.get(w + 1)[1];
                int found = lockedBetween(left, right);
                if (found >= cr - cl) {
                    continue;
                }
                double[] shift = shiftInside(left, right, cl, cr, found);
                if (shift != null) {
                    return shift;
                }
            }
            throw failure("no interval to refine although the result is not certified");
        }

        /** A shift inside the deficient interval (left, right) whose anchors count cl and cr. */
        private double[] shiftInside(double left, double right, int cl, int cr, int found) {
            // Presumed eigenvalues of the interval: locked ones and Ritz estimates, ascending.
            List<double[]> presumed = new ArrayList<>(); // {value, locked ? 1 : 0}
            for (int i = 0; i < nLocked; i++) {
                if (lockedE[i] > left && lockedE[i] < right) {
                    presumed.add(new double[] {lockedE[i], 1});
                }
            }
            for (double e : estimates) {
                double tol = 1e-8 * (Math.abs(e) + tolScale);
                if (e > left && e < right && !nearLocked(e, tol)) {
                    presumed.add(new double[] {e, 0});
                }
            }
            presumed.sort((x, y) -> Double.compare(x[0], y[0]));
            // An index boundary (il or iu+1) inside the interval: an anchor between the two presumed
            // eigenvalues that straddle it keeps the search to the wanted indices.
            int wantedHere = Math.min(iu, cr - 1) - Math.max(il, cl) + 1;
            boolean crowded = cr - cl > 2 * wantedHere + 8;
            double[] cluster = clusterShift(left, right, cr - cl - found, crowded);
            if (cluster != null) {
                return cluster;
            }
            int[] boundaries = {il, iu + 1};
            for (int b : boundaries) {
                int r = b - cl;
                if (b > cl && b < cr && r >= 1 && r < presumed.size()) {
                    double sigma = 0.5 * (presumed.get(r - 1)[0] + presumed.get(r)[0]);
                    if (!nearAnchor(sigma) && presumed.get(r)[0] > presumed.get(r - 1)[0]) {
                        return new double[] {sigma, crowded ? 0 : 1};
                    }
                }
            }
            int missing = Math.min(cr - cl - found, iu - il + 1);
            int target = Math.max(1, Math.min(missing, 8));
            if (Double.isInfinite(left) && Double.isInfinite(right)) {
                return new double[] {initialShift(), target};
            }
            // Many more eigenvalues in the interval than wanted there: Ritz estimates cannot say
            // where the wanted ones are, Sturm counts can. Bisect (count only, no Lanczos).
            if (crowded) {
                double sigma = split(left, right);
                if (!nearAnchor(sigma)) {
                    return new double[] {sigma, 0};
                }
            }
            // The lowest estimate of a wanted, still missing eigenvalue.
            for (int r = 0; r < presumed.size(); r++) {
                int index = cl + r;
                double[] p = presumed.get(r);
                if (p[1] == 0 && index >= il - 1 && index <= iu + 1 && !nearAnchor(p[0])) {
                    return new double[] {p[0], 1};
                }
            }
            for (double[] p : presumed) {
                if (p[1] == 0 && !nearAnchor(p[0])) {
                    return new double[] {p[0], 1};
                }
            }
            return new double[] {split(left, right), target};
        }

        /**
         * The next shift for a deficient interval (left, right) whose locked eigenvalues form one
         * tight cluster (an exactly repeated eigenvalue, H = c S, H = 0, decoupled copies of one
         * block), or null when that is not the case. Tight: all within the count window of one
         * another (see countWindow), so that no count can split them: a shift among them has a
         * locked eigenvalue within its window, and bisection towards them only produces more such
         * shifts. Every vector of the cluster must be locked before counts around it can certify
         * anything, so: when no Ritz estimate lies in the interval (nothing better to aim at), or
         * when it is crowded (bisection would be next) and at least two such locked eigenvalues are
         * there, two counts just outside the cluster, at the cluster margin, bracket it; once the
         * interval lies within that bracket, a Lanczos run at its upper end (restarting at every
         * breakdown, see lanczos) locks up to CLUSTER_TARGET of the missing vectors, counting only
         * Ritz values inside the bracket (radius right - left from the shift).
         */
        private double[] clusterShift(double left, double right, int missing, boolean crowded) {
            double[] span = lockedSpan(left, right);
            if (span == null || missing <= 0 || span[1] - span[0] > countWindow(span[1], 1.0)) {
                return null;
            }
            double above = span[1] + clusterMargin(span[1]);
            double below = span[0] - clusterMargin(span[0]);
            if (left >= below && right <= above) {
                return new double[] {right, Math.min(missing, CLUSTER_TARGET), right - left};
            }
            // Ritz estimates in the interval guide the search better, unless it is crowded and the
            // cluster has two or more locked members already.
            if (estimateBetween(left, right) && !(crowded && lockedBetween(left, right) >= 2)) {
                return null;
            }
            if (right > above && !nearAnchor(above)) {
                return new double[] {above, 0};
            }
            if (left < below && !nearAnchor(below)) {
                return new double[] {below, 0};
            }
            return null;
        }

        /** Whether a Ritz estimate not near a locked eigenvalue lies in (left, right). */
        private boolean estimateBetween(double left, double right) {
            for (double e : estimates) {
                if (e > left && e < right && !nearLocked(e, 1e-8 * (Math.abs(e) + tolScale))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A point inside (left, right), halving the interval in t = asinh(sigma / tau) with
         * tau = 1e-6 times the tolerance scale (1e-12 ||S^-1 H|| by default): a bisection in a signed
         * logarithmic scale, so that eigenvalues many orders of magnitude below ||S^-1 H|| (stiff
         * finite element pencils) are reached in a few dozen steps at most. An infinite end is replaced by -+2 ||S^-1 H|| times 4^k, k growing
         * with each such step (the spectrum lies within about ||S^-1 H|| of zero).
         */
        private double split(double left, double right) {
            // Written as before the option existed, so the default path keeps its bits.
            double tau = Double.isNaN(toleranceScale) ? 1e-12 * normC : 1e-6 * tolScale;
            if (Double.isInfinite(left)) {
                left = Math.min(-2 * normC * Math.pow(4, blindSteps++), right - normC);
            }
            if (Double.isInfinite(right)) {
                right = Math.max(2 * normC * Math.pow(4, blindSteps++), left + normC);
            }
            double tl = asinh(left / tau);
            double tr = asinh(right / tau);
            double sigma = tau * Math.sinh(0.5 * (tl + tr));
            if (!(sigma > left && sigma < right)) {
                sigma = 0.5 * (left + right);
            }
            return sigma;
        }

        /**
         * A first shift with no hint: min_i (H_ii - sum_{j != i} |H_ij|) / S_ii, a Gershgorin-type
         * estimate that lies at or below the lowest eigenvalue for diagonally dominant pencils
         * (and is only a starting point otherwise: the Sturm counts decide).
         */
        private double initialShift() {
            double best = Double.POSITIVE_INFINITY;
            int kdh = h.bandwidth();
            double[] hd = h.data();
            double[] off = new double[n];
            for (int j = 0; j < n; j++) {
                int len = Math.min(kdh, n - 1 - j);
                for (int r = 1; r <= len; r++) {
                    double v = Math.abs(hd[r + j * (kdh + 1)]);
                    off[j] += v;
                    off[j + r] += v;
                }
            }
            for (int i = 0; i < n; i++) {
                double sii = s.data()[i * s.ldab()];
                best = Math.min(best, (hd[i * (kdh + 1)] - off[i]) / sii);
            }
            return best;
        }

        // ---------------------------------------------------------------- Lanczos

        /**
         * A shift-invert Lanczos run at sigma with full re-orthogonalization, until the target Ritz
         * pairs nearest sigma pass the lock test (with a finite clusterRadius: until target of those
         * within clusterRadius of sigma do), then lockRitzPairs. A breakdown (beta ~ 0: the Krylov
         * space is invariant, as for an exactly repeated eigenvalue, whose eigenspace a single start
         * vector sees in one direction only, or for H = c S) does not end the run: its Ritz pairs are
         * exact, and the run goes on from a new generic vector orthogonal to the basis and to the
         * locked vectors (beta = 0 decouples the tridiagonal matrix), so that each restart can
         * reach another vector of the repeated eigenvalue.
         */
        private void lanczos(double sigma, double[] f, int target, double clusterRadius) {
            // The first run (at the Gershgorin shift, which may lie far below the wanted eigenvalues of a
            // stiff pencil) is kept short: its Ritz estimates and the Sturm counts steer the next shifts.
            int stepLimit = runs == 0 ? FIRST_RUN_STEPS : Math.max(24, 3 * target + 12);
            int mMax = Math.min(n - nLocked, Math.min(MAX_STEPS, stepLimit));
            if (mMax <= 0) {
                return;
            }
            runs++;
            double[] q = new double[n * (mMax + 1)];
            double[] p = new double[n * (mMax + 1)];
            double[] alpha = new double[mMax];
            double[] beta = new double[mMax];
            double[] coef = new double[Math.max(mMax + 1, nLocked + 1)];
            SplittableRandom rnd = new SplittableRandom(0x1A2C_205L + 7919L * runs);
            double[] w = work;
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextDouble() - 0.5;
            }
            orthogonalizeLocked(w, coef);
            orthogonalizeLocked(w, coef);
            multiplyS(w, work2);
            double nrm = Math.sqrt(kernels.dot(n, w, 0, work2, 0));
            for (int i = 0; i < n; i++) {
                q[i] = w[i] / nrm;
                p[i] = work2[i] / nrm;
            }
            double[] d = new double[mMax];
            double[] e = new double[mMax];
            double[] z = new double[mMax];
            int m = 0;
            double lastBeta = 0;
            for (int j = 0; j < mMax; j++) {
                System.arraycopy(p, j * n, w, 0, n);
                ldltSolve(f, w);
                double a = kernels.dot(n, p, j * n, w, 0);
                alpha[j] = a;
                kernels.axpy(n, -a, q, j * n, w, 0);
                if (j > 0) {
                    kernels.axpy(n, -beta[j - 1], q, (j - 1) * n, w, 0);
                }
                for (int pass = 0; pass < 2; pass++) {
                    kernels.gemv(true, n, j + 1, 1.0, p, 0, n, w, 0, 0.0, coef, 0);
                    kernels.gemv(false, n, j + 1, -1.0, q, 0, n, coef, 0, 1.0, w, 0);
                    orthogonalizeLocked(w, coef);
                }
                multiplyS(w, work2);
                double b = Math.sqrt(Math.max(0.0, kernels.dot(n, w, 0, work2, 0)));
                beta[j] = b;
                m = j + 1;
                steps++;
                // Ritz values and the last components of their vectors.
                System.arraycopy(alpha, 0, d, 0, m);
                System.arraycopy(beta, 0, e, 0, m - 1);
                java.util.Arrays.fill(z, 0, m, 0.0);
                z[m - 1] = 1;
                EigenSupport.tridiagonalEigen(m, d, e, z, 1);
                double thetaMax = 0;
                for (int i = 0; i < m; i++) {
                    thetaMax = Math.max(thetaMax, Math.abs(d[i]));
                }
                boolean invariant = b <= 64 * EPS * thetaMax;
                if (invariant) {
                    // What is left of w is rounding: the Ritz pairs so far are exact.
                    b = 0;
                    beta[j] = 0;
                }
                lastBeta = b;
                if (m == n - nLocked || convergedNearest(sigma, m, d, z, b, target, clusterRadius) || j + 1 >= mMax) {
                    break;
                }
                if (invariant) {
                    if (!restart(rnd, q, p, j + 1, coef)) {
                        break;
                    }
                    note("  Lanczos at %.17g: invariant subspace after %d steps, restarted", sigma, m);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    q[(j + 1) * n + i] = w[i] / b;
                    p[(j + 1) * n + i] = work2[i] / b;
                }
            }
            lockRitzPairs(sigma, f, target, m, alpha, beta, lastBeta, q, p, clusterRadius);
        }

        /**
         * Column j of q (and p = S q) after a breakdown: a generic vector S-orthogonalized twice
         * against q_0..q_{j-1} and the locked vectors, S-normalized. False when less than 1e-8 of it
         * is left (a generic vector keeps about sqrt(1 - d/n) of its norm outside a d-dimensional
         * subspace, so that much loss means the basis and the locked vectors span the space).
         */
        private boolean restart(SplittableRandom rnd, double[] q, double[] p, int j, double[] coef) {
            double[] w = work;
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextDouble() - 0.5;
            }
            multiplyS(w, work2);
            double before = Math.sqrt(kernels.dot(n, w, 0, work2, 0));
            for (int pass = 0; pass < 2; pass++) {
                kernels.gemv(true, n, j, 1.0, p, 0, n, w, 0, 0.0, coef, 0);
                kernels.gemv(false, n, j, -1.0, q, 0, n, coef, 0, 1.0, w, 0);
                orthogonalizeLocked(w, coef);
            }
            multiplyS(w, work2);
            double nrm = Math.sqrt(Math.max(0.0, kernels.dot(n, w, 0, work2, 0)));
            if (!(nrm > 1e-8 * before)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                q[j * n + i] = w[i] / nrm;
                p[j * n + i] = work2[i] / nrm;
            }
            return true;
        }

        /**
         * b <- (H - sigma S)^-1 b with one step of iterative refinement (the residual of the first
         * solve computed with the original H and S), which repairs what a moderately grown
         * factor lost (skipped when the growth is at most 10). t1 and t2 are scratch.
         */
        private void shiftedSolveRefined(double sigma, double[] f, double[] b, double[] t1, double[] t2) {
            if (lastGrowth <= 10) {
                // A factor this close to |H - sigma S| solves to working accuracy without refinement.
                ldltSolve(f, b);
                return;
            }
            double[] rhs = b.clone();
            ldltSolve(f, b);
            multiplyH(b, t1);
            multiplyS(b, t2);
            for (int i = 0; i < n; i++) {
                t1[i] = rhs[i] - (t1[i] - sigma * t2[i]);
            }
            ldltSolve(f, t1);
            kernels.axpy(n, 1.0, t1, 0, b, 0);
        }

        /**
         * True when the target Ritz values of largest |theta| all pass the lock test; with a finite
         * clusterRadius, when target Ritz values within clusterRadius of sigma (|1/theta| <= radius) do.
         */
        private boolean convergedNearest(double sigma, int m, double[] theta, double[] last, double b, int target,
                                         double clusterRadius) {
            if (clusterRadius < Double.POSITIVE_INFINITY) {
                int inside = 0;
                for (int i = 0; i < m; i++) {
                    if (Math.abs(theta[i]) * clusterRadius >= 1 && lockable(sigma, theta[i], Math.abs(b * last[i]))) {
                        inside++;
                    }
                }
                return inside >= target;
            }
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(theta[y]), Math.abs(theta[x])));
            int t = Math.min(target, m);
            if (m < Math.min(target + 1, n - nLocked)) {
                return false;
            }
            for (int r = 0; r < t; r++) {
                int i = order[r];
                if (!lockable(sigma, theta[i], Math.abs(b * last[i]))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The lock test. A Ritz value theta with Lanczos residual estimate est = beta_j |y_j| is
         * within est of an eigenvalue of OP, so E = sigma + 1/theta is within est / theta^2 of one
         * of the pencil. Locked when that bound is below LOCK_TOL max(|E|, 1e-2 |E - sigma|): relative
         * accuracy in E, with a floor at 1e-16 |E - sigma|, about what Lanczos can reach at this shift.
         */
        private boolean lockable(double sigma, double theta, double est) {
            double e = sigma + 1 / theta;
            double bound = est / (theta * theta);
            return bound <= LOCK_TOL * Math.max(Math.abs(e), 1e-2 * Math.abs(e - sigma));
        }

        private void orthogonalizeLocked(double[] w, double[] coef) {
            if (nLocked == 0) {
                return;
            }
            kernels.gemv(true, n, nLocked, 1.0, lockedSX, 0, n, w, 0, 0.0, coef, 0);
            kernels.gemv(false, n, nLocked, -1.0, lockedX, 0, n, coef, 0, 1.0, w, 0);
        }

        /**
         * Locks the converged Ritz pairs among the target + 8 nearest to sigma (farther ones, even if
         * converged, are usually unwanted ends of the spectrum; they stay estimates). Each candidate
         * gets one inverse-iteration step with the shift's factor, which damps the error components
         * along far eigenvectors (large in ||H x - E S x||, invisible to the Lanczos estimate) by
         * |E - sigma| / |E_far - sigma|, then must pass the true-residual test (a candidate that does
         * not gets a second step first).
         */
        private void lockRitzPairs(double sigma, double[] f, int target, int m, double[] alpha, double[] beta,
                                   double b, double[] q, double[] p, double clusterRadius) {
            double[] d = new double[m];
            double[] e = new double[m];
            double[] y = new double[m * m];
            System.arraycopy(alpha, 0, d, 0, m);
            System.arraycopy(beta, 0, e, 0, m - 1);
            for (int i = 0; i < m; i++) {
                y[i + i * m] = 1;
            }
            EigenSupport.tridiagonalEigen(m, d, e, y, m);
            double[] x = new double[n];
            double[] sx = new double[n];
            double[] hx = new double[n];
            double[] r = new double[n];
            List<Double> unconverged = new ArrayList<>();
            int locked = 0;
            double worst = 0;
            double worstLocked = 0;
            double[] absTheta = new double[m];
            for (int i = 0; i < m; i++) {
                absTheta[i] = Math.abs(d[i]);
            }
            double[] sortedAbs = absTheta.clone();
            java.util.Arrays.sort(sortedAbs);
            double rankLimit = sortedAbs[Math.max(0, m - (target + 8))];
            double[] coef = new double[Math.max(1, nLocked + m)];
            for (int i = 0; i < m; i++) {
                double theta = d[i];
                double est = Math.abs(b * y[(m - 1) + i * m]);
                // In a cluster run only the cluster's Ritz pairs (within clusterRadius of sigma) are locked.
                boolean outside = absTheta[i] * clusterRadius < 1;
                if (theta == 0 || absTheta[i] < rankLimit || outside || !lockable(sigma, theta, est)) {
                    if (theta != 0) {
                        unconverged.add(sigma + 1 / theta);
                    }
                    continue;
                }
                kernels.gemv(false, n, m, 1.0, p, 0, n, y, i * m, 0.0, x, 0);
                shiftedSolveRefined(sigma, f, x, hx, r);
                orthogonalizeLocked(x, coef);
                orthogonalizeLocked(x, coef);
                double res = residual(x, sx, hx, r);
                if (!(res <= BACKWARD_TOL)) {
                    // One more step for a vector that passed the Lanczos test early (near a shift the
                    // test on E is lenient about the vector): it damps the far components once more.
                    System.arraycopy(sx, 0, x, 0, n);
                    shiftedSolveRefined(sigma, f, x, hx, r);
                    orthogonalizeLocked(x, coef);
                    orthogonalizeLocked(x, coef);
                    res = residual(x, sx, hx, r);
                }
                double energy = r[0];
                if (res <= BACKWARD_TOL && Double.isFinite(res)) {
                    lock(energy, x, sx);
                    locked++;
                    worstLocked = Math.max(worstLocked, res);
                } else {
                    worst = Math.max(worst, res);
                    unconverged.add(energy);
                }
            }
            estimates = new double[unconverged.size()];
            for (int i = 0; i < estimates.length; i++) {
                estimates[i] = unconverged.get(i);
            }
            note("  Lanczos at %.17g: %d steps, locked %d (now %d), residuals <= %.3e%s", sigma, m,
                    locked, nLocked, worstLocked,
                    worst > 0 ? String.format(", rejected backward error %.3e (limit %.1e)", worst, BACKWARD_TOL) : "");
        }

        /**
         * Normalizes x in the S norm (sx = S x alongside) and returns the backward error
         * ||H x - E S x||_2 / ((||H||_1 + |E| ||S||_1) ||x||_2), with E the Rayleigh quotient, which is
         * left in r[0] (r is scratch).
         */
        private double residual(double[] x, double[] sx, double[] hx, double[] r) {
            multiplyS(x, sx);
            double xsx = kernels.dot(n, x, 0, sx, 0);
            double scale = 1 / Math.sqrt(xsx);
            kernels.scal(n, scale, x, 0);
            kernels.scal(n, scale, sx, 0);
            return normalizedResidual(x, sx, hx, r);
        }

        /** {@link #residual} for an x already S-normalized, with sx = S x given. */
        private double normalizedResidual(double[] x, double[] sx, double[] hx, double[] r) {
            multiplyH(x, hx);
            double energy = kernels.dot(n, x, 0, hx, 0);
            System.arraycopy(hx, 0, r, 0, n);
            kernels.axpy(n, -energy, sx, 0, r, 0);
            double rn = Math.sqrt(kernels.dot(n, r, 0, r, 0));
            double xn = Math.sqrt(kernels.dot(n, x, 0, x, 0));
            r[0] = energy;
            return rn / ((normH + Math.abs(energy) * normS) * xn);
        }

        /**
         * Locks a pair of the hinted pass exactly as inverseIteration checked it (already orthogonalized
         * against the locked vectors and S-normalized; see finalOrthogonalization): no further change,
         * so the backward error measured there is the backward error of what finishFast returns.
         */
        private void lockChecked(double energy, double[] x, double[] sx) {
            ensureRoom();
            System.arraycopy(x, 0, lockedX, nLocked * n, n);
            System.arraycopy(sx, 0, lockedSX, nLocked * n, n);
            lockedFast[nLocked] = true;
            lockedE[nLocked++] = energy;
        }

        private void ensureRoom() {
            if (nLocked == lockedE.length) {
                int cap = Math.min(n, 2 * lockedE.length + 1);
                lockedE = java.util.Arrays.copyOf(lockedE, cap);
                lockedX = java.util.Arrays.copyOf(lockedX, cap * n);
                lockedSX = java.util.Arrays.copyOf(lockedSX, cap * n);
                lockedFast = java.util.Arrays.copyOf(lockedFast, cap);
            }
        }

        private void lock(double energy, double[] x, double[] sx) {
            ensureRoom();
            // Re-orthogonalize against the locked set (the Ritz vector is S-orthogonal to it up to rounding).
            if (nLocked > 0) {
                // sx (= S x on entry) is stale once x is orthogonalized.
                double[] coef = new double[nLocked];
                for (int pass = 0; pass < 2; pass++) {
                    orthogonalizeLocked(x, coef);
                }
                multiplyS(x, sx);
            }
            double nrm = Math.sqrt(kernels.dot(n, x, 0, sx, 0));
            kernels.scal(n, 1 / nrm, x, 0);
            kernels.scal(n, 1 / nrm, sx, 0);
            System.arraycopy(x, 0, lockedX, nLocked * n, n);
            System.arraycopy(sx, 0, lockedSX, nLocked * n, n);
            lockedE[nLocked++] = energy;
        }

        // ---------------------------------------------------------------- result

        /** Rayleigh-Ritz on the selected locked vectors in the original pencil, sign convention, final residual check. */
        private EigenResult finish(int[] sel) {
            int k = sel.length;
            boolean allFast = true;
            for (int c : sel) {
                allFast &= lockedFast[c];
            }
            if (allFast) {
                return finishFast(sel);
            }
            double[] x = new double[n * k];
            double[] hx = new double[n * k];
            double[] sx = new double[n * k];
            for (int c = 0; c < k; c++) {
                System.arraycopy(lockedX, sel[c] * n, x, c * n, n);
            }
            for (int c = 0; c < k; c++) {
                multiply(h, x, c * n, hx, c * n);
                multiply(s, x, c * n, sx, c * n);
            }
            double[] a = new double[k * k];
            double[] bm = new double[k * k];
            kernels.gemm(true, false, k, k, n, 1.0, x, 0, n, hx, 0, n, 0.0, a, 0, k);
            kernels.gemm(true, false, k, k, n, 1.0, x, 0, n, sx, 0, n, 0.0, bm, 0, k);
            // B = L L^T (B is the identity up to rounding), A' = L^-1 A L^-T, A' = V diag(E) V^T, X <- X L^-T V.
            double[] l = smallCholesky(k, bm);
            double[] ap = new double[k * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    ap[i + j * k] = 0.5 * (a[i + j * k] + a[j + i * k]);
                }
            }
            lowerSolveColumns(k, l, ap);
            transpose(k, ap);
            lowerSolveColumns(k, l, ap);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    double v = 0.5 * (ap[i + j * k] + ap[j + i * k]);
                    ap[i + j * k] = v;
                    ap[j + i * k] = v;
                }
            }
            double[] v = new double[k * k];
            double[] values = EigenSupport.jacobiEigen(k, ap, v);
            upperSolveColumns(k, l, v); // L^-T V
            double[] vectors = new double[n * k];
            kernels.gemm(false, false, n, k, k, 1.0, x, 0, n, v, 0, k, 0.0, vectors, 0, n);
            double[] r = new double[n];
            double[] one = new double[n];
            double[] sone = new double[n];
            double[] hone = new double[n];
            double worst = 0;
            for (int c = 0; c < k; c++) {
                EigenSupport.fixSign(vectors, c * n, n);
                System.arraycopy(vectors, c * n, one, 0, n);
                double res = residual(one, sone, hone, r);
                values[c] = r[0];
                System.arraycopy(one, 0, vectors, c * n, n);
                worst = Math.max(worst, res);
            }
            sortPairs(values, vectors, n);
            if (!(worst <= BACKWARD_TOL)) {
                throw failure(String.format("final backward error %.3e exceeds %.1e", worst, BACKWARD_TOL));
            }
            return new EigenResult(values, vectors, n, steps, factorizations);
        }

        /**
         * The result of the hinted pass without a Rayleigh-Ritz step: its vectors are already
         * S-orthonormal (each was orthogonalized against those locked before it) and each passed the
         * backward-error test FAST_BACKWARD_TOL on its final bits, after that orthogonalization
         * (inverseIteration checks the vector lockChecked stores, and no later lock changes an
         * earlier vector); the values stay the shifted Rayleigh quotients, which are more accurate
         * than x^T H x for stiff H.
         */
        private EigenResult finishFast(int[] sel) {
            int k = sel.length;
            double[] values = new double[k];
            double[] vectors = new double[n * k];
            for (int c = 0; c < k; c++) {
                values[c] = lockedE[sel[c]];
                System.arraycopy(lockedX, sel[c] * n, vectors, c * n, n);
                EigenSupport.fixSign(vectors, c * n, n);
            }
            sortPairs(values, vectors, n);
            return new EigenResult(values, vectors, n, steps, factorizations);
        }

        private void multiply(SymmetricBandMatrix a, double[] x, int xOff, double[] y, int yOff) {
            System.arraycopy(x, xOff, work, 0, n);
            if (a == h) {
                multiplyH(work, work2);
            } else {
                multiplyS(work, work2);
            }
            System.arraycopy(work2, 0, y, yOff, n);
        }

        private void multiplyH(double[] x, double[] y) {
            kernels.sbmv(n, kd, env, hPadded, ld, x, y);
        }

        private void multiplyS(double[] x, double[] y) {
            kernels.sbmv(n, kd, env, sPadded, ld, x, y);
        }

        /** Records a line of diagnostics, formatted only if a failure message needs it. */
        private void note(String format, Object... args) {
            history.add(() -> String.format(format, args));
        }

        private EigenSolverException failure(String why) {
            StringBuilder sb = new StringBuilder("banded eigensolver: ").append(why)
                    .append(" (wanted eigenpairs ").append(il).append("..").append(iu).append(" of n = ").append(n)
                    .append(", ||S^-1 H|| ~ ").append(String.format("%.3e", normC)).append("). History:");
            for (java.util.function.Supplier<String> line : history) {
                sb.append('\n').append(line.get());
            }
            return new EigenSolverException(sb.toString());
        }
    }

    /** Sorts eigenpairs ascending (Rayleigh quotients of a degenerate pair may come out of order by rounding). */
    private static double asinh(double x) {
        double ax = Math.abs(x);
        double r = ax > 1e150 ? Math.log(ax) + Math.log(2) : Math.log(ax + Math.sqrt(ax * ax + 1));
        return Math.copySign(r, x);
    }

    private static void sortPairs(double[] values, double[] vectors, int n) {
        double[] col = new double[n];
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            System.arraycopy(vectors, i * n, col, 0, n);
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                System.arraycopy(vectors, j * n, vectors, (j + 1) * n, n);
                j--;
            }
            values[j + 1] = v;
            System.arraycopy(col, 0, vectors, (j + 1) * n, n);
        }
    }

    private static double[] smallCholesky(int k, double[] b) {
        double[] l = new double[k * k];
        for (int j = 0; j < k; j++) {
            double d = b[j + j * k];
            for (int p = 0; p < j; p++) {
                d -= l[j + p * k] * l[j + p * k];
            }
            if (!(d > 0)) {
                throw new EigenSolverException("the locked eigenvectors are linearly dependent in the S inner product");
            }
            d = Math.sqrt(d);
            l[j + j * k] = d;
            for (int i = j + 1; i < k; i++) {
                double t = b[i + j * k];
                for (int p = 0; p < j; p++) {
                    t -= l[i + p * k] * l[j + p * k];
                }
                l[i + j * k] = t / d;
            }
        }
        return l;
    }

    /** Every column of b <- L^-1 b. */
    private static void lowerSolveColumns(int k, double[] l, double[] b) {
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < k; i++) {
                double t = b[i + c * k];
                for (int p = 0; p < i; p++) {
                    t -= l[i + p * k] * b[p + c * k];
                }
                b[i + c * k] = t / l[i + i * k];
            }
        }
    }

    /** Every column of b <- L^-T b. */
    private static void upperSolveColumns(int k, double[] l, double[] b) {
        for (int c = 0; c < k; c++) {
            for (int i = k - 1; i >= 0; i--) {
                double t = b[i + c * k];
                for (int p = i + 1; p < k; p++) {
                    t -= l[p + i * k] * b[p + c * k];
                }
                b[i + c * k] = t / l[i + i * k];
            }
        }
    }

    private static void transpose(int k, double[] a) {
        for (int j = 0; j < k; j++) {
            for (int i = j + 1; i < k; i++) {
                double t = a[i + j * k];
                a[i + j * k] = a[j + i * k];
                a[j + i * k] = t;
            }
        }
    }
}
