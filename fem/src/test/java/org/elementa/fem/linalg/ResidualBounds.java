package org.elementa.fem.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-eigenvalue tolerances for eigenvalues of a symmetric-definite pencil (H, S), from a
 * posteriori residual bounds instead of a multiple of max|E| (which, for a pencil whose |E| spans
 * ten orders of magnitude, allows the low levels errors of order one).
 *
 * <p>Derivation. For any vector x != 0 and any number e there is an eigenvalue lambda of (H, S)
 * with |lambda - e| <= ||H x - e S x||_{S^-1} / ||x||_S: this is the residual bound for the
 * symmetric matrix A = S^-1/2 H S^-1/2 and y = S^1/2 x (Parlett, The Symmetric Eigenvalue
 * Problem, SIAM 1998, Thm 4.5.1), and ||r||_{S^-1} <= ||r||_2 / sqrt(lambda_min(S)). Two results
 * whose i-th values carry such bounds b1 and b2 agree within b1 + b2 when both name the i-th
 * eigenvalue (the pairs in a test are compared in order; a result that names the wrong index misses
 * by the gap, far above the tolerance). The tested result's part is not its own measured b2 (a value
 * that is off but nearest the right eigenvalue would then always pass, since b2 grows with the
 * error) but the a-priori {@link #limit} of the solver's acceptance test, and b2 is asserted to be
 * below that limit. In terms of the backward error
 * eta = ||r||_2 / ((||H||_1 + |E| ||S||_1) ||x||_2), the bound is at most
 * eta (||S^-1 H|| + |E| kappa(S)) with ||S^-1 H|| ~ ||H||_1 / lambda_min(S) and kappa(S) =
 * ||S||_1 / lambda_min(S): per eigenvalue, eps-sized backward errors give the eps ||S^-1 H|| floor
 * that a normwise backward-stable method (EJML's reduction to standard form) has, plus a part
 * proportional to |E|.
 *
 * <p>The residual is computed in double-double (products split exactly by fma, sums compensated:
 * Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26 (2005)
 * 1955-1988, Algorithm Dot2), so that the bound describes the stored pair and not the rounding of
 * its own evaluation (an ordinary evaluation of H x - e S x carries errors of order
 * kd eps ||H|| ||x||, which would be the whole bound for stiff H). A margin of
 * 4 eps (|E1| + |E2|) covers the rounding of the bound itself.
 */
final class ResidualBounds {

    private static final double EPS = Math.ulp(1.0);

    /** The banded solver's acceptance test on the backward error (its BACKWARD_TOL). */
    private static final double ACCEPTED_BACKWARD_ERROR = 1e-13;

    private ResidualBounds() {
    }

    /** lambda_min(S), from EJML's eigendecomposition of the dense S (error eps ||S||, negligible here). */
    static double lambdaMin(SymmetricBandMatrix s) {
        SymmetricBandMatrix identity = new SymmetricBandMatrix(s.size(), 0);
        for (int i = 0; i < s.size(); i++) {
            identity.set(i, i, 1.0);
        }
        return new EjmlGeneralizedEigensolver().lowest(s, identity, 1).values()[0];
    }

    /** ||H x - e S x||_2 / (sqrt(lambda_min(S)) ||x||_S), the residual in double-double. */
    static double bound(Pencils.Pencil p, double lambdaMinS, double e, double[] x) {
        SymmetricBandMatrix h = p.h();
        SymmetricBandMatrix s = p.s();
        int n = p.n();
        int kd = Math.max(h.bandwidth(), s.bandwidth());
        double rr = 0;
        double xsx = 0;
        for (int i = 0; i < n; i++) {
            double hi = 0;
            double lo = 0;
            double sxi = 0;
            for (int j = Math.max(0, i - kd); j <= Math.min(n - 1, i + kd); j++) {
                double hij = Math.abs(i - j) <= h.bandwidth() ? h.get(Math.max(i, j), Math.min(i, j)) : 0;
                double sij = Math.abs(i - j) <= s.bandwidth() ? s.get(Math.max(i, j), Math.min(i, j)) : 0;
                // + H_ij x_j
                double pr = hij * x[j];
                lo += Math.fma(hij, x[j], -pr);
                double t = hi + pr;
                lo += twoSumError(hi, pr, t);
                hi = t;
                // - e S_ij x_j: S_ij x_j = q + qe exactly, then e q split exactly, e qe to first order.
                double q = sij * x[j];
                double qe = Math.fma(sij, x[j], -q);
                sxi += q;
                double eq = -e * q;
                lo += Math.fma(-e, q, -eq) - e * qe;
                t = hi + eq;
                lo += twoSumError(hi, eq, t);
                hi = t;
            }
            double r = hi + lo;
            rr += r * r;
            xsx += x[i] * sxi;
        }
        return Math.sqrt(rr) / (Math.sqrt(lambdaMinS) * Math.sqrt(xsx));
    }

    /** The rounding error of t = a + b (Knuth's TwoSum): a + b = t + error exactly. */
    private static double twoSumError(double a, double b, double t) {
        double bv = t - a;
        return (a - (t - bv)) + (b - bv);
    }

    /** Bounds of every pair of r. */
    static double[] bounds(Pencils.Pencil p, double lambdaMinS, EigenResult r) {
        double[] out = new double[r.count()];
        for (int c = 0; c < r.count(); c++) {
            out[c] = bound(p, lambdaMinS, r.values()[c], r.vector(c));
        }
        return out;
    }

    /**
     * The solvers' acceptance test (backward error at most 1e-13, the banded solver's BACKWARD_TOL)
     * turned into an a-priori eigenvalue limit near the value e (the reference or exact value, never
     * the value under test).
     *
     * <p>Derivation. With r = H x - e' S x and the backward error
     * eta = ||r||_2 / ((||H||_1 + |e'| ||S||_1) ||x||_2), the residual bound above gives
     * |lambda - e'| <= ||r||_2 / (sqrt(lambda_min(S)) ||x||_S), and ||x||_S >= sqrt(lambda_min(S))
     * ||x||_2, so |lambda - e'| <= eta (||H||_1 + |e'| ||S||_1) / lambda_min(S). A pair accepted
     * at eta <= 1e-13 therefore lies within 1e-13 (||H||_1 + |e'| ||S||_1) / lambda_min(S) of an
     * eigenvalue. The factor 2 covers |e'| versus |e| (e' is within this limit of e, far below
     * |e| for every pencil here) and the rounding of the solver's own evaluation of eta (about
     * kd eps, under 1e-14, against 1e-13): it is a limit of the acceptance test, not a fit to
     * measured errors.
     */
    static double limit(Pencils.Pencil p, double lambdaMinS, double e) {
        return 2 * ACCEPTED_BACKWARD_ERROR
                * (EigenSupport.norm1(p.h()) + Math.abs(e) * EigenSupport.norm1(p.s())) / lambdaMinS;
    }

    /**
     * Asserts got.values()[i] == ref.values()[offset + i] for every i within limit(E_ref) plus the
     * reference pair's own residual bound (the reference is not under test; EJML's bound is larger
     * than the limit for stiff pencils), and that got's measured residual bound is below
     * limit(E_ref). Neither tolerance depends on got's value: a value that is off by more than the
     * limit fails even when it is the one nearest the right eigenvalue.
     */
    static void assertAgree(Pencils.Pencil p, EigenResult ref, int offset, EigenResult got, String where) {
        double lambdaMinS = lambdaMin(p.s());
        for (int i = 0; i < got.count(); i++) {
            double e1 = ref.values()[offset + i];
            double e2 = got.values()[i];
            double limit = limit(p, lambdaMinS, e1);
            double gotBound = bound(p, lambdaMinS, e2, got.vector(i));
            assertTrue(gotBound <= limit, where + " E" + (offset + i) + ": residual bound " + gotBound
                    + " above the acceptance limit " + limit);
            double tol = limit + bound(p, lambdaMinS, e1, ref.vector(offset + i)) + 4 * EPS * Math.abs(e1);
            assertEquals(e1, e2, tol, where + " E" + (offset + i));
        }
    }

    /**
     * Asserts got.values()[i] == exact[i] for every i within limit(exact[i]) plus formulaUlps eps
     * |exact[i]| for the rounding of the formula that gave exact[i], and that got's measured
     * residual bound is below limit(exact[i]).
     */
    static void assertExact(Pencils.Pencil p, double[] exact, EigenResult got, double formulaUlps, String where) {
        double lambdaMinS = lambdaMin(p.s());
        for (int i = 0; i < got.count(); i++) {
            double limit = limit(p, lambdaMinS, exact[i]);
            double gotBound = bound(p, lambdaMinS, got.values()[i], got.vector(i));
            assertTrue(gotBound <= limit, where + " E" + i + ": residual bound " + gotBound
                    + " above the acceptance limit " + limit);
            double tol = limit + (formulaUlps + 4) * EPS * Math.abs(exact[i]);
            assertEquals(exact[i], got.values()[i], tol, where + " E" + i);
        }
    }
}
