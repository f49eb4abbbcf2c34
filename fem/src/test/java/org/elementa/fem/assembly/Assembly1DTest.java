package org.elementa.fem.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.elementa.fem.basis.LagrangeBasis;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.mesh.Mesh1D;
import org.elementa.fem.space.BoundaryCondition;
import org.elementa.fem.space.ElementQuadrature;
import org.elementa.fem.space.FeFunction;
import org.elementa.fem.space.LagrangeSpace1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Assembly1DTest {

    private static final BoundaryCondition D = BoundaryCondition.DIRICHLET;
    private static final BoundaryCondition N = BoundaryCondition.NATURAL;

    /** x^T A y for a band matrix. */
    private static double bilinear(SymmetricBandMatrix a, double[] x, double[] y) {
        double[] dense = a.toDense();
        int n = a.size();
        double s = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                s += x[i] * dense[i + j * n] * y[j];
            }
        }
        return s;
    }

    /** Polynomial with coefficients c (ascending powers). */
    private static DoubleUnaryOperator poly(double... c) {
        return r -> {
            double s = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                s = s * r + c[i];
            }
            return s;
        };
    }

    /** Exact integral over [a, b] (0 &lt; a) of r^k times the polynomial c (ascending powers), integer k. */
    private static double integralTimesPower(double[] c, int k, double a, double b) {
        double s = 0;
        for (int m = 0; m < c.length; m++) {
            int e = m + k; // integrand c_m r^e
            s += e == -1 ? c[m] * Math.log(b / a) : c[m] * (Math.pow(b, e + 1) - Math.pow(a, e + 1)) / (e + 1);
        }
        return s;
    }

    /** Exact integral over [a, b] of the polynomial with coefficients c (ascending powers). */
    private static double integral(double[] c, double a, double b) {
        double s = 0;
        for (int m = 0; m < c.length; m++) {
            s += c[m] * (Math.pow(b, m + 1) - Math.pow(a, m + 1)) / (m + 1);
        }
        return s;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    private static double[] derivative(double[] a) {
        double[] d = new double[Math.max(1, a.length - 1)];
        for (int i = 1; i < a.length; i++) {
            d[i - 1] = i * a[i];
        }
        return d;
    }

    /**
     * DOLFINx-style exactness: with u, v of degree p in the space and a rule exact to degree 2q-1 >=
     * the integrand's degree, u^T A v equals the exact integral (computed from the monomial
     * coefficients). Tolerance: rounding in sums of O(100) terms of size ~ 10: 1e-12 relative.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6})
    void operatorsAreExactOnPolynomials(int p) {
        Mesh1D mesh = Mesh1D.of(0.5, 0.8, 1.5, 2.0);
        LagrangeSpace1D space = new LagrangeSpace1D(mesh, p, N, N);
        Random rnd = new Random(p);
        double[] uc = new double[p + 1];
        double[] vc = new double[p + 1];
        for (int i = 0; i <= p; i++) {
            uc[i] = rnd.nextDouble() - 0.5;
            vc[i] = rnd.nextDouble() - 0.5;
        }
        double[] wc = {0.3, -1.0, 0.7}; // a quadratic potential
        // Integrands: u v r^2 (2p+2), u' v' r (2p-1), W u v r (2p+3), f u r^2 with f = W (p+4).
        int q = p + 3;
        ElementQuadrature quad = ElementQuadrature.gaussLegendre(space, q);
        FeFunction u = space.interpolate(poly(uc));
        FeFunction v = space.interpolate(poly(vc));
        double[] r2 = {0, 0, 1};
        double[] r1 = {0, 1};
        check(integral(multiply(multiply(uc, vc), r2), 0.5, 2), bilinear(Assembly1D.mass(quad, 2), u.coefficients(), v.coefficients()));
        check(integral(multiply(multiply(derivative(uc), derivative(vc)), r1), 0.5, 2),
                bilinear(Assembly1D.stiffness(quad, 1), u.coefficients(), v.coefficients()));
        check(integral(multiply(multiply(multiply(uc, vc), wc), r1), 0.5, 2),
                bilinear(Assembly1D.potential(quad, poly(wc), 1), u.coefficients(), v.coefficients()));
        double[] b = Assembly1D.load(quad, poly(wc), 2);
        double bu = 0;
        for (int i = 0; i < b.length; i++) {
            bu += b[i] * u.coefficients()[i];
        }
        check(integral(multiply(multiply(uc, wc), r2), 0.5, 2), bu);
        // Negative powers: u v / r^2 is not a polynomial, but its integral has a closed form (a sum of
        // powers and one logarithm). Gauss-Legendre converges geometrically on each element, with rate
        // rho = x + sqrt(x^2 - 1) >= 6.4 where x = (distance of r = 0 from the element centre) / (half
        // length) (Trefethen, Approximation Theory and Approximation Practice, ch. 19): rho^(-2q) is
        // far below rounding at q = 30 and 40, so both must meet the closed form to 1e-12.
        double exactInverse = integralTimesPower(multiply(uc, vc), -2, 0.5, 2);
        for (int qq : new int[] {30, 40}) {
            check(exactInverse, bilinear(Assembly1D.mass(ElementQuadrature.gaussLegendre(space, qq), -2),
                    u.coefficients(), v.coefficients()));
        }
    }

    private static void check(double exact, double got) {
        assertEquals(exact, got, 1e-12 * Math.max(1, Math.abs(exact)));
    }

    /**
     * The optimized assembly against a plain one (MFEM's check): every entry recomputed from
     * LagrangeBasis.values / derivatives at each physical point, summed in the plainest order, on a
     * random potential at the points. Dirichlet ends exercise the eliminated dofs. 1e-12 relative to
     * the largest entry: both are sums of the same ~q*p terms in different order.
     */
    @Test
    void optimizedAssemblyMatchesAPlainOne() {
        Mesh1D mesh = Mesh1D.exponential(0, 10, 30, 5);
        int p = 7;
        LagrangeSpace1D space = new LagrangeSpace1D(mesh, p, D, D);
        ElementQuadrature quad = ElementQuadrature.gaussLegendre(space, 11);
        Random rnd = new Random(7);
        double[] v = new double[quad.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        SymmetricBandMatrix fast = Assembly1D.potential(quad, v, -1);
        SymmetricBandMatrix fastK = Assembly1D.stiffness(quad, 2);
        int n = space.dofs();
        double[] plain = new double[n * n];
        double[] plainK = new double[n * n];
        LagrangeBasis basis = space.basis();
        double[] l = new double[p + 1];
        double[] dl = new double[p + 1];
        int q = quad.pointsPerElement();
        for (int e = 0; e < mesh.elements(); e++) {
            double h = mesh.length(e);
            for (int k = 0; k < q; k++) {
                int idx = e * q + k;
                double r = quad.point(idx);
                double x = 2 * (r - mesh.node(e)) / h - 1;
                basis.values(x, l);
                basis.derivatives(x, dl);
                for (int i = 0; i <= p; i++) {
                    for (int j = 0; j <= p; j++) {
                        int gi = space.dof(e, i);
                        int gj = space.dof(e, j);
                        if (gi >= 0 && gj >= 0) {
                            plain[gi + gj * n] += quad.weight(idx) * v[idx] / r * l[i] * l[j];
                            plainK[gi + gj * n] += quad.weight(idx) * r * r * dl[i] * dl[j] * 4 / (h * h);
                        }
                    }
                }
            }
        }
        compare(plain, fast.toDense());
        compare(plainK, fastK.toDense());
    }

    private static void compare(double[] plain, double[] fast) {
        double max = 0;
        for (double x : plain) {
            max = Math.max(max, Math.abs(x));
        }
        for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i], fast[i], 1e-12 * max, "entry " + i);
        }
    }

    /** Lobatto quadrature at the element nodes gives a diagonal (lumped) mass whose entries sum to the length. */
    @Test
    void lumpedMassIsDiagonalAndConservesTheIntegral() {
        LagrangeSpace1D space = new LagrangeSpace1D(Mesh1D.uniform(1, 4, 3), 5, N, N);
        SymmetricBandMatrix m = Assembly1D.mass(ElementQuadrature.lobatto(space), 0);
        double total = 0;
        for (int i = 0; i < space.dofs(); i++) {
            for (int j = 0; j < space.dofs(); j++) {
                double mij = m.get(i, j);
                if (i != j) {
                    assertEquals(0.0, mij, 1e-16);
                }
                total += mij;
            }
        }
        assertEquals(3.0, total, 1e-14);
        // Consistent mass conserves it too: 1^T M 1 = length.
        SymmetricBandMatrix mc = Assembly1D.mass(ElementQuadrature.gaussLegendre(space, 6), 0);
        double[] ones = new double[space.dofs()];
        java.util.Arrays.fill(ones, 1);
        assertEquals(3.0, bilinear(mc, ones, ones), 1e-13);
    }

    /**
     * Gauss-Jacobi on the first element integrates u v r^(-1/2) exactly on [0, R] (integrand singular
     * at 0): exact = sum_m c_m R^(m+1/2) / (m+1/2). Plain Gauss-Legendre misses it by far more.
     */
    @Test
    void jacobiFirstElementHandlesSingularWeights() {
        Mesh1D mesh = Mesh1D.of(0, 1.0); // one element, so the Jacobi rule covers the whole integral
        int p = 4;
        LagrangeSpace1D space = new LagrangeSpace1D(mesh, p, N, N);
        double[] uc = {1, -2, 0.5, 0.25, -0.1};
        double[] uu = multiply(uc, uc);
        double exact = 0;
        for (int m = 0; m < uu.length; m++) {
            exact += uu[m] / (m + 0.5);
        }
        FeFunction u = space.interpolate(poly(uc));
        double jac = bilinear(Assembly1D.mass(ElementQuadrature.gaussLegendreWithJacobiFirst(space, p + 1, -0.5), -0.5),
                u.coefficients(), u.coefficients());
        double leg = bilinear(Assembly1D.mass(ElementQuadrature.gaussLegendre(space, p + 1), -0.5),
                u.coefficients(), u.coefficients());
        assertEquals(exact, jac, 1e-13 * exact);
        assertTrue(Math.abs(leg - exact) > 1e-4 * exact, "Gauss-Legendre should not resolve r^-1/2: " + leg + " vs " + exact);
    }

    /**
     * -u'' = pi^2 sin(pi r) on [0, 1], u(0) = u(1) = 0, exact u = sin(pi r). The L2 error of the FE
     * solution (by a 30-point rule per element) must fall like h^(p+1): the observed
     * log2(e_h / e_{h/2}) within 0.25 of p + 1 (the asymptotic constant is reached at these h; the
     * band allows for the pre-asymptotic drift), and exponentially in p at fixed mesh.
     */
    @Test
    void poissonConvergesAtTheOptimalRateInH() {
        for (int p = 1; p <= 4; p++) {
            double e1 = poissonError(8, p);
            double e2 = poissonError(16, p);
            double rate = Math.log(e1 / e2) / Math.log(2);
            assertEquals(p + 1, rate, 0.25, "p = " + p + " errors " + e1 + ", " + e2);
        }
    }

    @Test
    void poissonConvergesExponentiallyInP() {
        double[] err = new double[13];
        for (int p = 2; p <= 12; p += 2) {
            err[p] = poissonError(2, p);
        }
        // Analytic solution: the error falls at least by a fixed factor (here > 30) every two orders,
        // until rounding (~1e-15) is reached.
        for (int p = 4; p <= 12; p += 2) {
            if (err[p - 2] > 1e-12) {
                assertTrue(err[p] < err[p - 2] / 30, "p = " + p + ": " + err[p] + " vs " + err[p - 2]);
            }
        }
        assertTrue(err[12] < 1e-12, "p = 12 error " + err[12]);
    }

    private static double poissonError(int ne, int p) {
        LagrangeSpace1D space = new LagrangeSpace1D(Mesh1D.uniform(0, 1, ne), p, D, D);
        ElementQuadrature quad = ElementQuadrature.gaussLegendre(space, p + 2);
        SymmetricBandMatrix k = Assembly1D.stiffness(quad, 0);
        double[] b = Assembly1D.load(quad, r -> Math.PI * Math.PI * Math.sin(Math.PI * r), 0);
        Kernels kern = KernelProvider.get();
        int info = kern.pbtrf(k.size(), k.bandwidth(), k.data(), k.ldab());
        assertEquals(0, info);
        kern.pbtrs(k.size(), k.bandwidth(), k.data(), k.ldab(), b, 1, b.length);
        ElementQuadrature fine = ElementQuadrature.gaussLegendre(space, 30);
        double[] uh = new double[fine.size()];
        fine.values(b, uh);
        double e2 = 0;
        for (int i = 0; i < fine.size(); i++) {
            double d = uh[i] - Math.sin(Math.PI * fine.point(i));
            e2 += fine.weight(i) * d * d;
        }
        return Math.sqrt(e2);
    }

    @Test
    void badInputsAreRejected() {
        LagrangeSpace1D space = new LagrangeSpace1D(Mesh1D.uniform(0, 1, 2), 2, D, N);
        ElementQuadrature quad = ElementQuadrature.gaussLegendre(space, 3);
        assertThrows(IllegalArgumentException.class, () -> Assembly1D.potential(quad, new double[2], 0));
        assertThrows(IllegalArgumentException.class, () -> Assembly1D.mass(quad, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Assembly1D.addValueProducts(new SymmetricBandMatrix(3, 1), quad, Assembly1D.radialWeights(quad, 0), null, 1));
    }
}
