package org.elementa.fem.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Mesh1DTest {

    @Test
    void uniformMesh() {
        Mesh1D m = Mesh1D.uniform(0, 2, 4);
        assertEquals(4, m.elements());
        for (int e = 0; e <= 4; e++) {
            assertEquals(0.5 * e, m.node(e), 1e-15);
        }
    }

    /** Geometric progression: each length ratio is q = a^(1/(Ne-1)), last/first = a, lengths sum to rmax - rmin. */
    @Test
    void exponentialMeshHasTheRequestedRatio() {
        for (double a : new double[] {1e-3, 0.5, 1 + 1e-12, 2, 200, 1e5}) {
            for (int ne : new int[] {2, 3, 7, 40}) {
                Mesh1D m = Mesh1D.exponential(0, 50, a, ne);
                assertEquals(0.0, m.start());
                assertEquals(50.0, m.end());
                double q = Math.pow(a, 1.0 / (ne - 1));
                for (int e = 1; e < ne; e++) {
                    // Lengths from differences of nodes up to 50: relative error ~ 1e-16 * 50 / h_min.
                    assertEquals(q, m.length(e) / m.length(e - 1), 1e-12 * 50 / Math.min(m.length(e), m.length(e - 1)),
                            "a=" + a + " ne=" + ne + " e=" + e);
                }
                assertEquals(a, m.length(ne - 1) / m.length(0), 1e-10 * a * 50 / m.length(0));
            }
        }
        // a = 1 is uniform, and a = 1 + 1e-12 (expm1 path) is uniform to ~1e-12.
        Mesh1D u = Mesh1D.exponential(1, 3, 1 + 1e-12, 4);
        assertEquals(1.5, u.node(1), 1e-11);
        // One element: [rmin, rmax] whatever a is.
        Mesh1D one = Mesh1D.exponential(0, 5, 7, 1);
        assertEquals(1, one.elements());
        assertEquals(5.0, one.end());
    }

    @Test
    void locateFindsTheElement() {
        Mesh1D m = Mesh1D.of(0, 1, 3, 6);
        assertEquals(0, m.locate(0));
        assertEquals(0, m.locate(0.99));
        assertEquals(1, m.locate(1));
        assertEquals(2, m.locate(5));
        assertEquals(2, m.locate(6));
        assertThrows(IllegalArgumentException.class, () -> m.locate(6.0001));
        assertThrows(IllegalArgumentException.class, () -> m.locate(Double.NaN));
    }

    /** Arrays.binarySearch orders -0.0 below +0.0: locate(-0.0) must still be element 0, not -1. */
    @Test
    void locateNegativeZero() {
        Mesh1D m = Mesh1D.of(0, 1, 3);
        assertEquals(0, m.locate(-0.0));
        Mesh1D n = Mesh1D.of(-0.0, 1, 3);
        assertEquals(0, n.locate(0.0));
        assertEquals(0, n.locate(-0.0));
        Mesh1D s = Mesh1D.of(-1, -0.0, 1);
        assertEquals(1, s.locate(0.0));
        assertEquals(1, s.locate(-0.0));
    }

    /**
     * a = 1e200 (ln a = 460 > 354, where q^Ne overflows for Ne = 2): the mesh must still be built,
     * with last/first length ratio a. With Ne = 2, h_0 = 50/(1+a) and h_1 = 50 a/(1+a); both are
     * computed from nodes near 0 and 50 to a relative error of a few ulps.
     */
    @Test
    void exponentialMeshWithHugeRatio() {
        for (int ne : new int[] {2, 3, 10}) {
            Mesh1D m = Mesh1D.exponential(0, 50, 1e200, ne);
            assertEquals(ne, m.elements());
            double q = Math.pow(1e200, 1.0 / (ne - 1));
            // h_0 = 50 (q - 1) / (q^Ne - 1), which for q >= 1e22 is 50 / q^(Ne-1) to 1e-22. Both
            // sides evaluate exp of an exponent ~460 whose rounding (~460 ulp ~ 5e-14) is the error.
            double h0 = 50 / Math.pow(q, ne - 1);
            assertEquals(1.0, m.length(0) / h0, 1e-12, "ne=" + ne);
            // The last length is 50 - r_{Ne-1}, with r_{Ne-1} ~ 50/q: equal to 50 to 1e-15 relative.
            assertEquals(50.0, m.length(ne - 1), 50 * 1e-15, "ne=" + ne);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        assertNames("ne", () -> Mesh1D.exponential(0, 1, 1, 0));
        assertNames("rmax", () -> Mesh1D.exponential(0, 0, 1, 3));
        assertNames("rmax", () -> Mesh1D.exponential(0, -1, 1, 3));
        assertNames("rmax", () -> Mesh1D.uniform(0, Double.NaN, 3));
        assertNames("rmin", () -> Mesh1D.uniform(Double.NaN, 1, 3));
        assertNames("a", () -> Mesh1D.exponential(0, 1, 0, 3));
        assertNames("a", () -> Mesh1D.exponential(0, 1, -2, 3));
        assertNames("a", () -> Mesh1D.exponential(0, 1, Double.NaN, 3));
        assertNames("nodes", () -> Mesh1D.of(0, 1, 1));
        assertNames("nodes", () -> Mesh1D.of(0, 2, 1));
        assertNames("nodes", () -> Mesh1D.of(0));
        assertNames("nodes", () -> Mesh1D.of(0, Double.NaN));
    }

    private static void assertNames(String param, Executable call) {
        String msg = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(msg.startsWith(param), msg);
    }
}
