package org.elementa.fem.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LagrangeBasisTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 17, 31, 64})
    void kroneckerAtTheNodes(int p) {
        LagrangeBasis b = LagrangeBasis.lobatto(p);
        double[] out = new double[p + 1];
        for (int i = 0; i <= p; i++) {
            b.values(b.node(i), out);
            for (int j = 0; j <= p; j++) {
                assertEquals(i == j ? 1.0 : 0.0, out[j], 0.0);
            }
        }
        assertEquals(-1.0, b.node(0));
        assertEquals(1.0, b.node(p));
    }

    /**
     * Partition of unity (sum_j L_j = 1, sum_j L_j' = 0) and reproduction of polynomials of degree
     * <= p at random points, including points a hair away from a node. The reference is the
     * polynomial itself, evaluated directly. Tolerance: interpolation is exact, so only rounding
     * remains; the Lebesgue constant of Lobatto nodes grows like (2/pi) ln p (< 4 at p = 64), times
     * the size of the values (<= 1 here) and a few ulps per term: 1e-13. Derivatives scale with the
     * node spacing ~ p^2, so 1e-13 * p^2.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12, 31, 64})
    void reproducesPolynomialsAndTheirDerivatives(int p) {
        LagrangeBasis b = LagrangeBasis.lobatto(p);
        Random rnd = new Random(42 + p);
        double[] v = new double[p + 1];
        double[] d = new double[p + 1];
        double[] pts = new double[40];
        for (int t = 0; t < pts.length; t++) {
            pts[t] = 2 * rnd.nextDouble() - 1;
        }
        pts[0] = b.node(p / 2) + 1e-13;
        pts[1] = Math.nextUp(b.node(1));
        pts[2] = -1;
        for (double x : pts) {
            b.values(x, v);
            b.derivatives(x, d);
            double sv = 0;
            double sd = 0;
            for (int j = 0; j <= p; j++) {
                sv += v[j];
                sd += d[j];
            }
            assertEquals(1.0, sv, 1e-14, "sum L_j at " + x);
            assertEquals(0.0, sd, 1e-13 * p * p, "sum L_j' at " + x);
            // Chebyshev polynomial T_p (max 1 on [-1, 1]) and T_p' = p U_{p-1}: a stringent degree-p test.
            double theta = Math.acos(Math.max(-1, Math.min(1, x)));
            double interp = 0;
            double dinterp = 0;
            for (int j = 0; j <= p; j++) {
                double tj = Math.cos(p * Math.acos(b.node(j)));
                interp += tj * v[j];
                dinterp += tj * d[j];
            }
            assertEquals(Math.cos(p * theta), interp, 1e-13, "T_p at " + x);
            if (Math.abs(Math.sin(theta)) > 1e-3) {
                double exactD = p * Math.sin(p * theta) / Math.sin(theta);
                assertEquals(exactD, dinterp, 1e-13 * p * p, "T_p' at " + x);
            }
        }
    }

    /** Monomial exactness of derivatives: L' reproduces (x^m)' = m x^(m-1) for m <= p. */
    @Test
    void derivativeIsExactOnMonomials() {
        int p = 9;
        LagrangeBasis b = LagrangeBasis.lobatto(p);
        double[] d = new double[p + 1];
        for (double x : new double[] {-0.77, 0.1, 0.999}) {
            b.derivatives(x, d);
            for (int m = 0; m <= p; m++) {
                double s = 0;
                for (int j = 0; j <= p; j++) {
                    s += Math.pow(b.node(j), m) * d[j];
                }
                double exact = m == 0 ? 0 : m * Math.pow(x, m - 1);
                // Values up to m <= 9 at |x| < 1; D entries up to ~ p^2/4: 1e-13.
                assertEquals(exact, s, 1e-13, "m=" + m + " x=" + x);
            }
        }
    }

    /** At order 64 the Lebesgue function stays small: sum |L_j(x)| < 4 (Lobatto nodes: ~ (2/pi) ln p + 1). */
    @Test
    void stableAtOrder64() {
        LagrangeBasis b = LagrangeBasis.lobatto(64);
        double[] v = new double[65];
        for (int t = 0; t <= 2000; t++) {
            double x = -1 + 2.0 * t / 2000;
            b.values(x, v);
            double leb = 0;
            for (double vj : v) {
                assertTrue(Double.isFinite(vj));
                leb += Math.abs(vj);
            }
            assertTrue(leb < 4, "Lebesgue function " + leb + " at " + x);
        }
        // Differentiation matrix: row sums vanish (exact on constants) to rounding of entries ~ p^2.
        double[] dm = b.differentiationMatrix();
        for (int i = 0; i <= 64; i++) {
            double s = 0;
            for (int j = 0; j <= 64; j++) {
                s += dm[i + j * 65];
            }
            assertEquals(0.0, s, 1e-10);
        }
        // Known corner entry of the Legendre-Lobatto differentiation matrix: D_00 = -p(p+1)/4
        // (Canuto, Hussaini, Quarteroni, Zang, Spectral Methods, eq. 2.4.34).
        assertEquals(-64 * 65 / 4.0, dm[0], 1e-9 * 64 * 65);
    }

    @Test
    void tabulationMatchesPointwiseEvaluation() {
        LagrangeBasis b = LagrangeBasis.lobatto(6);
        double[] pts = {-0.9, 0.0, 0.33};
        LagrangeBasis.Tabulation t = b.tabulate(pts);
        double[] v = new double[7];
        double[] d = new double[7];
        for (int q = 0; q < pts.length; q++) {
            b.values(pts[q], v);
            b.derivatives(pts[q], d);
            for (int j = 0; j < 7; j++) {
                assertEquals(v[j], t.value(q, j), 0.0);
                assertEquals(d[j], t.derivative(q, j), 0.0);
            }
        }
    }

    /** The tabulation is immutable: its accessors return copies and the caller's points are copied. */
    @Test
    void tabulationDoesNotLeakItsArrays() {
        LagrangeBasis b = LagrangeBasis.lobatto(3);
        double[] pts = {-0.5, 0.25};
        LagrangeBasis.Tabulation t = b.tabulate(pts);
        double v01 = t.value(0, 1);
        t.values()[1] = 99;
        t.derivatives()[1] = 99;
        t.points()[0] = 99;
        pts[0] = 99;
        assertEquals(v01, t.value(0, 1), 0.0);
        assertEquals(-0.5, t.points()[0], 0.0);
        assertEquals(t, b.tabulate(new double[] {-0.5, 0.25}));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LagrangeBasis.Tabulation(new double[2], new double[3], new double[3], 2));
    }

    @Test
    void cachedAndValidated() {
        assertSame(LagrangeBasis.lobatto(5), LagrangeBasis.lobatto(5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LagrangeBasis.lobatto(0)).getMessage().contains("order = 0"));
        assertThrows(IllegalArgumentException.class, () -> LagrangeBasis.lobatto(LagrangeBasis.MAX_ORDER + 1));
    }
}
