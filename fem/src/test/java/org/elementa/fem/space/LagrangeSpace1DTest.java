package org.elementa.fem.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elementa.fem.mesh.Mesh1D;
import org.junit.jupiter.api.Test;

class LagrangeSpace1DTest {

    private static final BoundaryCondition D = BoundaryCondition.DIRICHLET;
    private static final BoundaryCondition N = BoundaryCondition.NATURAL;

    @Test
    void numberingAndBandwidth() {
        Mesh1D mesh = Mesh1D.uniform(0, 1, 3);
        LagrangeSpace1D nn = new LagrangeSpace1D(mesh, 4, N, N);
        assertEquals(13, nn.dofs());
        assertEquals(4, nn.bandwidth());
        assertEquals(4, nn.dof(0, 4));
        assertEquals(4, nn.dof(1, 0)); // shared node
        LagrangeSpace1D dd = new LagrangeSpace1D(mesh, 4, D, D);
        assertEquals(11, dd.dofs());
        assertEquals(-1, dd.dof(0, 0));
        assertEquals(0, dd.dof(0, 1));
        assertEquals(-1, dd.dof(2, 4));
        assertEquals(10, dd.dof(2, 3));
        LagrangeSpace1D dn = new LagrangeSpace1D(mesh, 2, D, N);
        assertEquals(6, dn.dofs());
        assertEquals(5, dn.dof(2, 2));
        // Every dof couples only with dofs of its element: |i - j| <= p.
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i <= 4; i++) {
                for (int j = 0; j <= 4; j++) {
                    if (nn.dof(e, i) >= 0 && nn.dof(e, j) >= 0) {
                        assertEquals(true, Math.abs(nn.dof(e, i) - nn.dof(e, j)) <= nn.bandwidth());
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new LagrangeSpace1D(Mesh1D.uniform(0, 1, 1), 1, D, D));
        assertThrows(IllegalArgumentException.class, () -> new LagrangeSpace1D(mesh, 0, N, N));
        // Out-of-range indices name the parameter instead of returning a wrong dof.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> nn.dof(3, 0)).getMessage().startsWith("element"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> nn.dof(-1, 0)).getMessage().startsWith("element"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> nn.dof(0, 5)).getMessage().startsWith("local"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dd.dof(1, -1)).getMessage().startsWith("local"));
    }

    /** FeFunction owns a copy of its coefficients: neither the caller's array nor the accessor's result aliases it. */
    @Test
    void feFunctionIsImmutableAndComparesContents() {
        LagrangeSpace1D space = new LagrangeSpace1D(Mesh1D.uniform(0, 1, 2), 2, N, N);
        double[] c = {1, 2, 3, 4, 5};
        FeFunction f = new FeFunction(space, c);
        c[0] = 100;
        assertEquals(1.0, f.value(0.0), 1e-15);
        f.coefficients()[1] = 100;
        assertEquals(1.0, f.coefficients()[0]);
        assertEquals(2.0, f.coefficients()[1]);
        FeFunction g = space.function(new double[] {1, 2, 3, 4, 5});
        assertEquals(f, g);
        assertEquals(f.hashCode(), g.hashCode());
        assertNotEquals(f, space.function(new double[] {1, 2, 3, 4, 6}));
        // At r = -0.0 (Arrays.binarySearch orders it below 0.0) the value is u(0), not an exception.
        assertEquals(1.0, f.value(-0.0), 1e-15);
    }

    @Test
    void quadratureErrorsNameTheirParameter() {
        LagrangeSpace1D space = new LagrangeSpace1D(Mesh1D.uniform(0, 1, 2), 2, N, N);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ElementQuadrature.gaussLegendre(space, 0))
                .getMessage().startsWith("q = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ElementQuadrature.gaussLegendreWithJacobiFirst(space, 4, -1)).getMessage().startsWith("beta = "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ElementQuadrature.gaussLegendreWithJacobiFirst(space, 0, 0.5)).getMessage().startsWith("q = "));
    }

    /**
     * The space contains every polynomial of degree <= p, so nodal interpolation reproduces one
     * exactly: values and derivatives at arbitrary points (pointwise and at quadrature points) equal
     * the polynomial's own. Tolerance: rounding only. Values: |u| &lt;= 44 on [0, 3], a sum of p + 1 = 6
     * terms with a Lebesgue constant below 2, so ~ 44 * 2 * 6 eps ~ 1e-13: 1e-12. Derivatives pick
     * up max |L_j'| ~ p (p + 1) / 2 = 15 and 2 / h_min ~ 7 (h_min ~ 0.28): ~ 44 * 15 * 7 * 6 eps ~
     * 6e-12: 1e-11.
     */
    @Test
    void interpolantOfAPolynomialIsExactEverywhere() {
        Mesh1D mesh = Mesh1D.exponential(0, 3, 5, 4);
        int p = 5;
        LagrangeSpace1D space = new LagrangeSpace1D(mesh, p, D, N);
        // Vanishes at r = 0 (Dirichlet end): u = r (1 - r)^2 (2 + r^2) / 3, degree 5.
        java.util.function.DoubleUnaryOperator u = r -> r * (1 - r) * (1 - r) * (2 + r * r) / 3;
        java.util.function.DoubleUnaryOperator du = r -> ((1 - r) * (1 - r) * (2 + r * r) - 2 * r * (1 - r) * (2 + r * r)
                + r * (1 - r) * (1 - r) * 2 * r) / 3;
        FeFunction f = space.interpolate(u);
        for (double r : new double[] {0, 1e-9, 0.1, 0.5, 0.77, 1.2, 2.9999, 3}) {
            assertEquals(u.applyAsDouble(r), f.value(r), 1e-12, "u at " + r);
            assertEquals(du.applyAsDouble(r), f.derivative(r), 1e-11, "u' at " + r);
        }
        ElementQuadrature quad = ElementQuadrature.gaussLegendre(space, 7);
        double[] v = new double[quad.size()];
        double[] d = new double[quad.size()];
        quad.values(f.coefficients(), v);
        quad.derivatives(f.coefficients(), d);
        for (int i = 0; i < quad.size(); i++) {
            double r = quad.point(i);
            assertEquals(u.applyAsDouble(r), v[i], 1e-12);
            assertEquals(du.applyAsDouble(r), d[i], 1e-11);
        }
        // Weights sum to the mesh length; points ascend.
        double s = 0;
        for (int i = 0; i < quad.size(); i++) {
            s += quad.weight(i);
            if (i > 0) {
                assertEquals(true, quad.point(i) > quad.point(i - 1));
            }
        }
        assertEquals(3.0, s, 1e-14);
    }
}
