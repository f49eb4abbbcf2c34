package org.elementa.fem.space;

import org.elementa.fem.basis.LagrangeBasis;
import org.elementa.fem.quadrature.GaussQuadrature;
import org.elementa.fem.quadrature.QuadratureRule;

/**
 * Quadrature points of a {@link LagrangeSpace1D}, element by element, with the basis tabulated at
 * them once: what assembly and the evaluation of FE functions at quadrature points read. Immutable.
 *
 * <p>Point i = e q + k is the k-th point of element e (q points per element). Its weight includes
 * the Jacobian h_e / 2, so sum_i weight(i) g(point(i)) approximates the integral of g over the mesh.
 * Element e's rule is exact for g(r) (r - r_e)^beta_e with g a polynomial of degree
 * {@link #exactDegree()}, where beta_e = {@link #weightExponent(int)} is 0 except on the first
 * element of a Gauss-Jacobi variant: there the rule integrates g(r) (r - r_0)^beta exactly, which
 * suits integrands singular like r^beta at r_0 = 0. Callers integrating f then sum
 * weight(i) f(point(i)) / (r - r_0)^beta on that element (see {@code org.elementa.fem.assembly}).
 */
public final class ElementQuadrature {

    private final LagrangeSpace1D space;
    private final int q;
    private final int exactDegree;
    private final double[] points;
    private final double[] weights;
    private final double[] inverseJacobian; // per element, 2 / h_e
    private final double firstExponent;
    // Basis-major tabulations (value[j * q + k] = L_j(x_k)), shared by every element of that rule.
    private final double[] values;
    private final double[] derivatives;
    private final double[] firstValues;
    private final double[] firstDerivatives;

    private ElementQuadrature(LagrangeSpace1D space, QuadratureRule rule, QuadratureRule firstRule, double firstExponent) {
        this.space = space;
        this.q = rule.size();
        this.exactDegree = Math.min(rule.exactDegree(), firstRule.exactDegree());
        this.firstExponent = firstExponent;
        int ne = space.mesh().elements();
        points = new double[ne * q];
        weights = new double[ne * q];
        inverseJacobian = new double[ne];
        for (int e = 0; e < ne; e++) {
            QuadratureRule r = e == 0 ? firstRule : rule;
            double a = space.mesh().node(e);
            double h = space.mesh().length(e);
            inverseJacobian[e] = 2 / h;
            // (r - r_0)^beta = (h/2)^beta (1 + x)^beta on the first element: the rule's weight, rescaled.
            double scale = 0.5 * h * (e == 0 && firstExponent != 0 ? Math.pow(0.5 * h, firstExponent) : 1.0);
            for (int k = 0; k < q; k++) {
                points[e * q + k] = a + 0.5 * h * (1 + r.node(k));
                weights[e * q + k] = scale * r.weight(k);
            }
        }
        LagrangeBasis basis = space.basis();
        double[][] t = basisMajor(basis, rule);
        values = t[0];
        derivatives = t[1];
        if (firstRule == rule) {
            firstValues = values;
            firstDerivatives = derivatives;
        } else {
            double[][] f = basisMajor(basis, firstRule);
            firstValues = f[0];
            firstDerivatives = f[1];
        }
    }

    private static double[][] basisMajor(LagrangeBasis basis, QuadratureRule rule) {
        int m = basis.size();
        int q = rule.size();
        LagrangeBasis.Tabulation tab = basis.tabulate(rule.nodes());
        double[] v = new double[m * q];
        double[] d = new double[m * q];
        for (int k = 0; k < q; k++) {
            for (int j = 0; j < m; j++) {
                v[j * q + k] = tab.value(k, j);
                d[j * q + k] = tab.derivative(k, j);
            }
        }
        return new double[][] {v, d};
    }

    /**
     * Gauss-Legendre with q points on every element (exact for polynomials of degree 2q - 1).
     *
     * @param q points per element, in [1, GaussQuadrature.MAX_POINTS]
     */
    public static ElementQuadrature gaussLegendre(LagrangeSpace1D space, int q) {
        checkArguments(space, q);
        QuadratureRule r = GaussQuadrature.legendre(q);
        return new ElementQuadrature(space, r, r, 0.0);
    }

    /**
     * Gauss-Legendre with q points per element, except the first element, which gets the q-point
     * Gauss-Jacobi rule for the weight (r - r_0)^beta (Jacobi a = 0, b = beta).
     *
     * The weights of the first element include the factor (r - r_0)^beta (see {@link #weight(int)}).
     *
     * @param q    points per element, in [1, GaussQuadrature.MAX_POINTS]
     * @param beta exponent of the singular weight at r_0, finite, &gt; -1
     */
    public static ElementQuadrature gaussLegendreWithJacobiFirst(LagrangeSpace1D space, int q, double beta) {
        checkArguments(space, q);
        if (!Double.isFinite(beta) || !(beta > -1)) {
            throw new IllegalArgumentException("beta = " + beta + " must be finite and > -1");
        }
        return new ElementQuadrature(space, GaussQuadrature.legendre(q), GaussQuadrature.jacobi(q, 0.0, beta), beta);
    }

    private static void checkArguments(LagrangeSpace1D space, int q) {
        if (space == null) {
            throw new IllegalArgumentException("space must not be null");
        }
        if (q < 1 || q > GaussQuadrature.MAX_POINTS) {
            throw new IllegalArgumentException("q = " + q + " must be in [1, " + GaussQuadrature.MAX_POINTS + "]");
        }
    }

    /**
     * Gauss-Lobatto with p+1 points per element, at the element nodes themselves: the mass matrix
     * it gives is diagonal (lumped), exact for polynomials of degree 2p - 1.
     */
    public static ElementQuadrature lobatto(LagrangeSpace1D space) {
        QuadratureRule r = GaussQuadrature.lobatto(space.order() + 1);
        return new ElementQuadrature(space, r, r, 0.0);
    }

    /** The space. */
    public LagrangeSpace1D space() {
        return space;
    }

    /** Points per element. */
    public int pointsPerElement() {
        return q;
    }

    /** Total number of points, elements * pointsPerElement. */
    public int size() {
        return points.length;
    }

    /** Each element's rule is exact for g (r - r_e)^beta_e with g of at most this degree. */
    public int exactDegree() {
        return exactDegree;
    }

    /** Point i (element i / q). */
    public double point(int i) {
        return points[i];
    }

    /**
     * Weight of point i, Jacobian included. On the first element of a Gauss-Jacobi variant
     * ({@link #weightExponent(int)} = beta != 0) this is the Gauss-Jacobi weight for the factor
     * (r - r_0)^beta, so sum weight(i) g(point(i)) there approximates integral g(r) (r - r_0)^beta dr,
     * not integral g(r) dr: to integrate f, sum weight(i) f(point(i)) / (point(i) - r_0)^beta.
     */
    public double weight(int i) {
        return weights[i];
    }

    /** A copy of all points, element by element. */
    public double[] points() {
        return points.clone();
    }

    /** A copy of all weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** beta_e: the exponent of the weight (r - r_e)^beta_e built into element e's rule (0 for Gauss-Legendre). */
    public double weightExponent(int element) {
        return element == 0 ? firstExponent : 0.0;
    }

    /** 2 / h_e: the factor from reference to physical derivatives on element e. */
    public double inverseJacobian(int element) {
        return inverseJacobian[element];
    }

    /**
     * L_j at the points of element e, basis-major: entry j * q + k. The array itself, shared between
     * elements and not copied, for assembly loops: it must not be modified.
     */
    public double[] valuesTable(int element) {
        return element == 0 ? firstValues : values;
    }

    /**
     * L_j' (reference derivative, d/dx on [-1, 1]) at the points of element e, basis-major: entry
     * j * q + k. Shared and not copied: it must not be modified.
     */
    public double[] derivativesTable(int element) {
        return element == 0 ? firstDerivatives : derivatives;
    }

    /** L_j(x_k) on element e (a copy-free accessor for assembly code in other packages). */
    public double basisValue(int element, int j, int k) {
        return valuesTable(element)[j * q + k];
    }

    /** L_j'(x_k) on element e, reference derivative: multiply by {@link #inverseJacobian(int)} for d/dr. */
    public double basisDerivative(int element, int j, int k) {
        return derivativesTable(element)[j * q + k];
    }

    /** out[i] = u(point(i)) for u = sum c_j phi_j. */
    public void values(double[] c, double[] out) {
        evaluate(c, out, false);
    }

    /** out[i] = u'(point(i)). */
    public void derivatives(double[] c, double[] out) {
        evaluate(c, out, true);
    }

    /** u at the points, a new array. */
    public double[] values(FeFunction u) {
        double[] out = new double[points.length];
        values(u.coefficientsView(), out);
        return out;
    }

    private void evaluate(double[] c, double[] out, boolean deriv) {
        if (c.length != space.dofs()) {
            throw new IllegalArgumentException("coefficients: length " + c.length + " but the space has " + space.dofs() + " dofs");
        }
        if (out.length != points.length) {
            throw new IllegalArgumentException("out: length " + out.length + " but there are " + points.length + " points");
        }
        int m = space.order() + 1;
        int ne = space.mesh().elements();
        for (int e = 0; e < ne; e++) {
            double[] t = deriv ? derivativesTable(e) : valuesTable(e);
            int base = e * q;
            for (int k = 0; k < q; k++) {
                out[base + k] = 0;
            }
            for (int j = 0; j < m; j++) {
                int g = space.dof(e, j);
                if (g < 0) {
                    continue;
                }
                double cj = c[g];
                int row = j * q;
                for (int k = 0; k < q; k++) {
                    out[base + k] += cj * t[row + k];
                }
            }
            if (deriv) {
                double s = inverseJacobian[e];
                for (int k = 0; k < q; k++) {
                    out[base + k] *= s;
                }
            }
        }
    }
}
