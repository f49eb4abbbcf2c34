package org.elementa.fem.quadrature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussQuadratureTest {

    private static final MathContext MC = new MathContext(50);

    /** Exact integral of x^m over [-1, 1]. */
    private static double monomial(int m) {
        return m % 2 == 1 ? 0.0 : 2.0 / (m + 1);
    }

    /**
     * Monomials are summed in the rule; the terms are bounded by the weights (sum 2), so a few ulps of
     * 2 per point, times the number of points, bounds the rounding: n * 4e-16 with margin.
     */
    private static double sumTolerance(int n) {
        return 1e-15 * Math.max(4, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 20, 33, 64, 100, 128})
    void legendreIntegratesMonomialsUpToDegree2nMinus1(int n) {
        QuadratureRule r = GaussQuadrature.legendre(n);
        assertEquals(n, r.size());
        assertEquals(2 * n - 1, r.exactDegree());
        for (int m = 0; m <= 2 * n - 1; m++) {
            final int mm = m;
            assertEquals(monomial(m), r.integrate(x -> Math.pow(x, mm)), sumTolerance(n), "x^" + m);
        }
        // Degree 2n: the remainder is known in closed form (A&S 25.4.29 with f^(2n) / (2n)! = 1 for
        // x^(2n)): E_n = 2^(2n+1) (n!)^4 / ((2n+1) ((2n)!)^2) = 2 / (2n+1) prod_{k=1..n} k^2 / (2k-1)^2,
        // positive, about pi 4^-n. The rule must miss x^(2n) by exactly E_n, to rounding. Where E_n is
        // above the rounding bound (n <= 20 here) this proves that degree 2n is not exact; beyond,
        // E_n is below rounding and the check says only that the miss is at most rounding.
        int m = 2 * n;
        double en = 2.0 / (2 * n + 1);
        for (int k = 1; k <= n; k++) {
            en *= (double) k * k / ((2.0 * k - 1) * (2.0 * k - 1));
        }
        double miss = monomial(m) - r.integrate(x -> Math.pow(x, m));
        assertEquals(en, miss, sumTolerance(n), "degree 2n remainder for n = " + n);
        if (en > 2 * sumTolerance(n)) {
            assertTrue(miss > sumTolerance(n), "degree 2n must not be exact for n = " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7, 16, 31, 65, 128})
    void lobattoIntegratesMonomialsUpToDegree2nMinus3AndHasEndpoints(int n) {
        QuadratureRule r = GaussQuadrature.lobatto(n);
        assertEquals(-1.0, r.node(0));
        assertEquals(1.0, r.node(n - 1));
        // A&S 25.4.32: end weights 2 / (n (n-1)).
        assertEquals(2.0 / (n * (n - 1.0)), r.weight(0), 1e-15 * r.weight(0));
        for (int m = 0; m <= 2 * n - 3; m++) {
            final int mm = m;
            assertEquals(monomial(m), r.integrate(x -> Math.pow(x, mm)), sumTolerance(n), "x^" + m);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 9, 40, 128})
    void rulesAreSymmetricWithAscendingNodesAndPositiveWeights(int n) {
        for (QuadratureRule r : new QuadratureRule[] {GaussQuadrature.legendre(n), GaussQuadrature.jacobi(n, 0.5, 0.5),
                n >= 2 ? GaussQuadrature.lobatto(n) : GaussQuadrature.legendre(1)}) {
            for (int i = 0; i < r.size(); i++) {
                assertEquals(-r.node(i), r.node(r.size() - 1 - i), 0.0, r.name());
                assertEquals(r.weight(i), r.weight(r.size() - 1 - i), 0.0, r.name());
                assertTrue(r.weight(i) > 0, r.name());
                if (i > 0) {
                    assertTrue(r.node(i) > r.node(i - 1), r.name());
                }
            }
        }
    }

    /**
     * Jacobi weight sums against mu_0 = 2^(a+b+1) Gamma(a+1) Gamma(b+1) / Gamma(a+b+2), with the
     * Gamma values written in closed form here (Gamma(k+1) = k!, Gamma(1/2) = sqrt(pi),
     * Gamma(3/2) = sqrt(pi)/2), independent of the implementation's lnGamma.
     */
    @Test
    void jacobiWeightSums() {
        double sqrtPi = Math.sqrt(Math.PI);
        // a = b = -1/2 (Chebyshev first kind): mu0 = pi.
        checkSum(-0.5, -0.5, Math.PI);
        // a = b = 1/2 (Chebyshev second kind): 2^2 (sqrt(pi)/2)^2 / Gamma(3) = pi / 2.
        checkSum(0.5, 0.5, Math.PI / 2);
        // a = 0, b = 2: 2^3 * 1 * 2 / Gamma(4) = 16/6.
        checkSum(0, 2, 16.0 / 6);
        // a = 1, b = 0: 2^2 * 1 * 1 / Gamma(3) = 2.
        checkSum(1, 0, 2.0);
        // a = 0, b = -1/2: 2^(1/2) * sqrtPi / Gamma(3/2) = 2^(1/2) * 2 = 2 sqrt 2.
        checkSum(0, -0.5, 2 * Math.sqrt(2));
        // a = 3, b = 1/2: 2^(4.5) * 6 * (sqrtPi/2) / Gamma(5.5); Gamma(5.5) = 4.5*3.5*2.5*1.5*0.5*sqrtPi.
        checkSum(3, 0.5, Math.pow(2, 4.5) * 6 * (sqrtPi / 2) / (4.5 * 3.5 * 2.5 * 1.5 * 0.5 * sqrtPi));
        // a = 0, b = 0.3 (general path for b): B(1, 1.3) = 1 / 1.3, so mu0 = 2^1.3 / 1.3.
        checkSum(0, 0.3, Math.pow(2, 1.3) / 1.3);
        // a = 0.3, b = 0.7 (lnGamma path): Gamma(1.3) Gamma(1.7) / Gamma(3) = (0.3 * 0.7 / 2) Gamma(0.3) Gamma(0.7)
        // = 0.105 pi / sin(0.3 pi) by the reflection formula; mu0 = 4 * that.
        checkSum(0.3, 0.7, 4 * 0.105 * Math.PI / Math.sin(0.3 * Math.PI));
    }

    private static void checkSum(double a, double b, double mu0) {
        for (int n : new int[] {1, 4, 17, 64, 128}) {
            QuadratureRule r = GaussQuadrature.jacobi(n, a, b);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r.weight(i);
            }
            // Relative: mu0 by lnGamma (a few ulps of its size ~ 1-10) and a sum of n positive terms.
            assertEquals(mu0, s, 1e-14 * mu0 * Math.max(1, Math.sqrt(n)), "a=" + a + " b=" + b + " n=" + n);
        }
    }

    /**
     * Closed forms (A&S 25.4.38 and 25.4.40): Gauss-Chebyshev of the first kind, a = b = -1/2, has
     * nodes cos((2i-1) pi / (2n)) and weights pi / n; of the second kind, a = b = 1/2, nodes
     * cos(i pi / (n+1)) and weights pi / (n+1) sin^2(i pi / (n+1)). Nodes to 1e-15 absolute (a few
     * ulps of 1 between the two computations); weights to n * 4e-16 relative (the Christoffel sum
     * runs the recurrence, with its rounded coefficients, to degree n).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 50, 128})
    void jacobiMatchesChebyshevClosedForms(int n) {
        QuadratureRule first = GaussQuadrature.jacobi(n, -0.5, -0.5);
        QuadratureRule second = GaussQuadrature.jacobi(n, 0.5, 0.5);
        double tolW = Math.max(4, n) * 4e-16;
        for (int i = 1; i <= n; i++) {
            int k = n - i; // ascending order
            assertEquals(Math.cos((2 * i - 1) * Math.PI / (2 * n)), first.node(k), 1e-15);
            assertEquals(Math.PI / n, first.weight(k), tolW * Math.PI / n);
            double t = i * Math.PI / (n + 1);
            double w2 = Math.PI / (n + 1) * Math.sin(t) * Math.sin(t);
            assertEquals(Math.cos(t), second.node(k), 1e-15);
            assertEquals(w2, second.weight(k), tolW * w2);
        }
    }

    /**
     * Jacobi exactness on (1+x)^m: the integral of (1-x)^a (1+x)^(b+m) is the weight sum of the
     * shifted exponent, 2^(a+b+m+1) B(a+1, b+m+1), computed with the same closed forms.
     * Here a = 0, b = -1/2: integral (1+x)^(m-1/2) dx = 2^(m+1/2) / (m + 1/2).
     */
    @Test
    void jacobiIsExactForPolynomialsTimesTheSingularWeight() {
        int n = 20;
        QuadratureRule r = GaussQuadrature.jacobi(n, 0, -0.5);
        for (int m = 0; m <= 2 * n - 1; m++) {
            final int mm = m;
            double exact = Math.pow(2, m + 0.5) / (m + 0.5);
            assertEquals(exact, r.integrate(x -> Math.pow(1 + x, mm)), 1e-14 * exact, "m=" + m);
        }
        // Gauss-Jacobi(1,1) nodes are the Lobatto interior nodes.
        QuadratureRule j = GaussQuadrature.jacobi(10, 1, 1);
        QuadratureRule l = GaussQuadrature.lobatto(12);
        for (int i = 0; i < 10; i++) {
            assertEquals(j.node(i), l.node(i + 1), 2e-16);
        }
    }

    /**
     * Independent high-precision check: Legendre nodes refined by Newton's method in 50-digit
     * BigDecimal arithmetic on the Bonnet recurrence, weights 2 / ((1 - x^2) P_n'(x)^2) (A&S 25.4.29).
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 24, 64, 128})
    void legendreMatchesFiftyDigitNewton(int n) {
        QuadratureRule r = GaussQuadrature.legendre(n);
        for (int i = 0; i < n; i++) {
            BigDecimal x = new BigDecimal(r.node(i));
            BigDecimal[] pd = null;
            for (int it = 0; it < 6; it++) {
                pd = legendreBig(n, x);
                x = x.subtract(pd[0].divide(pd[1], MC), MC);
            }
            pd = legendreBig(n, x);
            BigDecimal oneMinus = BigDecimal.ONE.subtract(x.multiply(x, MC), MC);
            BigDecimal w = BigDecimal.valueOf(2).divide(oneMinus.multiply(pd[1].multiply(pd[1], MC), MC), MC);
            // Nodes: within 2 ulps of 1 absolute (Newton-polished). Weights: double-double recurrence
            // and the sub-ulp node correction leave a few roundings: 1e-15 relative (~4 ulps; observed <= 3).
            assertEquals(x.doubleValue(), r.node(i), 2.5e-16, "node " + i + " of " + n);
            assertEquals(w.doubleValue(), r.weight(i), 1e-15 * w.doubleValue(), "weight " + i + " of " + n);
        }
    }

    /**
     * Lobatto against 50 digits: interior nodes are the zeros of P'_{n-1}, refined by Newton with
     * P''_{n-1} from the Legendre equation (1 - x^2) P'' = 2x P' - m(m+1) P; weights
     * 2 / (n (n-1) P_{n-1}(x)^2) (A&S 25.4.32).
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 10, 32, 65, 128})
    void lobattoMatchesFiftyDigitNewton(int n) {
        QuadratureRule r = GaussQuadrature.lobatto(n);
        int m = n - 1;
        for (int i = 0; i < n; i++) {
            BigDecimal x = new BigDecimal(r.node(i));
            if (i > 0 && i < n - 1) {
                for (int it = 0; it < 6; it++) {
                    BigDecimal[] pd = legendreBig(m, x);
                    BigDecimal second = x.multiply(pd[1], MC).multiply(BigDecimal.valueOf(2), MC)
                            .subtract(pd[0].multiply(BigDecimal.valueOf((long) m * (m + 1)), MC), MC)
                            .divide(BigDecimal.ONE.subtract(x.multiply(x, MC), MC), MC);
                    x = x.subtract(pd[1].divide(second, MC), MC);
                }
            }
            BigDecimal p = i == 0 || i == n - 1 ? BigDecimal.ONE : legendreBig(m, x)[0];
            BigDecimal w = BigDecimal.valueOf(2).divide(BigDecimal.valueOf((long) n * m).multiply(p.multiply(p, MC), MC), MC);
            // Same reasoning as for Legendre: 2 ulps on nodes, ~4 ulps on weights.
            assertEquals(x.doubleValue(), r.node(i), 2.5e-16, "node " + i + " of " + n);
            assertEquals(w.doubleValue(), r.weight(i), 1e-15 * w.doubleValue(), "weight " + i + " of " + n);
        }
    }

    /**
     * Published values for a spot check (Abramowitz and Stegun, Table 25.4, n = 5):
     * nodes 0, +-0.538469310105683, +-0.906179845938664; weights 0.568888888888889,
     * 0.478628670499366, 0.236926885056189 (15 digits as printed).
     */
    @Test
    void legendreFiveMatchesAbramowitzStegun() {
        QuadratureRule r = GaussQuadrature.legendre(5);
        assertEquals(0.0, r.node(2), 0.0);
        assertEquals(0.538469310105683, r.node(3), 1e-15);
        assertEquals(0.906179845938664, r.node(4), 1e-15);
        assertEquals(128.0 / 225, r.weight(2), 1e-15);
        assertEquals(0.478628670499366, r.weight(3), 1e-15);
        assertEquals(0.236926885056189, r.weight(4), 1e-15);
    }

    private static BigDecimal[] legendreBig(int n, BigDecimal x) {
        BigDecimal p0 = BigDecimal.ONE;
        BigDecimal p1 = x;
        for (int k = 1; k < n; k++) {
            BigDecimal p2 = x.multiply(p1, MC).multiply(BigDecimal.valueOf(2L * k + 1), MC)
                    .subtract(p0.multiply(BigDecimal.valueOf(k), MC), MC)
                    .divide(BigDecimal.valueOf(k + 1), MC);
            p0 = p1;
            p1 = p2;
        }
        // P_n' = n (x P_n - P_{n-1}) / (x^2 - 1)
        BigDecimal d = BigDecimal.valueOf(n).multiply(x.multiply(p1, MC).subtract(p0, MC), MC)
                .divide(x.multiply(x, MC).subtract(BigDecimal.ONE, MC), MC);
        return new BigDecimal[] {p1, d};
    }

    @Test
    void lnGammaMatchesFactorials() {
        double f = 1;
        for (int k = 1; k < 30; k++) {
            f *= k;
            assertEquals(Math.log(f), GaussQuadrature.lnGamma(k + 1), 1e-14 * Math.max(1, Math.log(f)));
        }
        assertEquals(0.5 * Math.log(Math.PI), GaussQuadrature.lnGamma(0.5), 1e-15);
    }

    @Test
    void rulesAreCachedAndBadArgumentsNameTheParameter() {
        assertSame(GaussQuadrature.legendre(7), GaussQuadrature.legendre(7));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GaussQuadrature.legendre(0)).getMessage().contains("n = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GaussQuadrature.lobatto(1)).getMessage().contains("n = 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GaussQuadrature.jacobi(3, -1, 0)).getMessage().startsWith("a ="));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GaussQuadrature.jacobi(3, 0, Double.NaN)).getMessage().startsWith("b ="));
    }

    /** jacobi(n, 0, 0) is the Legendre rule itself; Jacobi rules are cached while recent, and recomputed identically after eviction. */
    @Test
    void jacobiCacheRoutesLegendreAndStaysBounded() {
        org.junit.jupiter.api.Assertions.assertSame(GaussQuadrature.legendre(7), GaussQuadrature.jacobi(7, 0, 0));
        QuadratureRule r = GaussQuadrature.jacobi(6, 0.3, -0.2);
        org.junit.jupiter.api.Assertions.assertSame(r, GaussQuadrature.jacobi(6, 0.3, -0.2));
        for (int i = 0; i <= GaussQuadrature.JACOBI_CACHE_SIZE; i++) {
            GaussQuadrature.jacobi(2, 0.001 * (i + 1), 0.5);
        }
        QuadratureRule again = GaussQuadrature.jacobi(6, 0.3, -0.2);
        org.junit.jupiter.api.Assertions.assertNotSame(r, again);
        org.junit.jupiter.api.Assertions.assertArrayEquals(r.nodes(), again.nodes(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(r.weights(), again.weights(), 0.0);
    }
}
