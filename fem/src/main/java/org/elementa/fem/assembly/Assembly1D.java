package org.elementa.fem.assembly;

import java.util.function.DoubleUnaryOperator;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.space.ElementQuadrature;
import org.elementa.fem.space.LagrangeSpace1D;

/**
 * Assembly of 1D finite element operators and load vectors on a {@link LagrangeSpace1D}, with the
 * quadrature of an {@link ElementQuadrature}, into LAPACK lower band storage
 * ({@link SymmetricBandMatrix}, half-bandwidth p):
 * <pre>
 *   mass       M_ij = integral phi_i phi_j r^k dr
 *   stiffness  K_ij = integral phi_i' phi_j' r^k dr
 *   potential  V_ij = integral V(r) phi_i phi_j r^k dr
 *   load       b_i  = integral f(r) phi_i r^k dr
 * </pre>
 * Each integral is the quadrature sum over elements; where an element's rule carries the weight
 * (r - r_e)^beta (Gauss-Jacobi on the first element), the integrand is divided by it at the points,
 * so r^k with r_0 = 0 becomes the smooth factor r^(k - beta). The basis is tabulated at the
 * reference points once per order (in the ElementQuadrature); one call allocates a few arrays of
 * length (points) or (p+1) q, nothing per entry.
 *
 * <p>Element matrices: E(i, j) = sum_k c_k L_i(x_k) L_j(x_k), with c_k = weight_k * r_k^k *
 * (coefficient at point k), as one product E = T^T (C T) of the q-by-(p+1) basis-major table T
 * (the {@link Kernels} gemm), of which the lower band (i &gt;= j) is added into the matrix.
 */
public final class Assembly1D {

    private Assembly1D() {
    }

    /** M_ij = integral phi_i phi_j r^k dr. */
    public static SymmetricBandMatrix mass(ElementQuadrature quad, double k) {
        SymmetricBandMatrix m = newMatrix(quad.space());
        addValueProducts(m, quad, radialWeights(quad, k), null, 1.0);
        return m;
    }

    /** K_ij = integral phi_i' phi_j' r^k dr. */
    public static SymmetricBandMatrix stiffness(ElementQuadrature quad, double k) {
        SymmetricBandMatrix m = newMatrix(quad.space());
        addDerivativeProducts(m, quad, radialWeights(quad, k), null, 1.0);
        return m;
    }

    /** V_ij = integral V(r) phi_i phi_j r^k dr, V evaluated at the quadrature points. */
    public static SymmetricBandMatrix potential(ElementQuadrature quad, DoubleUnaryOperator v, double k) {
        return potential(quad, atPoints(quad, v), k);
    }

    /** V_ij = integral V(r) phi_i phi_j r^k dr, V given at the quadrature points (length quad.size()). */
    public static SymmetricBandMatrix potential(ElementQuadrature quad, double[] vAtPoints, double k) {
        SymmetricBandMatrix m = newMatrix(quad.space());
        addValueProducts(m, quad, radialWeights(quad, k), vAtPoints, 1.0);
        return m;
    }

    /**
     * target += scale * integral c(r) phi_i phi_j r^k dr, with c at the quadrature points (null: c = 1).
     * For operators rebuilt often (the SCF potential): reuse the target and the weights array from
     * {@link #radialWeights(ElementQuadrature, double)}.
     *
     * @param weights r-weights from {@link #radialWeights(ElementQuadrature, double)}
     */
    public static void addValueProducts(SymmetricBandMatrix target, ElementQuadrature quad, double[] weights,
            double[] c, double scale) {
        addProducts(target, quad, weights, c, scale, false);
    }

    /** target += scale * integral c(r) phi_i' phi_j' r^k dr (c null: 1); weights as in addValueProducts. */
    public static void addDerivativeProducts(SymmetricBandMatrix target, ElementQuadrature quad, double[] weights,
            double[] c, double scale) {
        addProducts(target, quad, weights, c, scale, true);
    }

    /** b_i = integral f(r) phi_i r^k dr. */
    public static double[] load(ElementQuadrature quad, DoubleUnaryOperator f, double k) {
        return load(quad, atPoints(quad, f), k);
    }

    /** b_i = integral f(r) phi_i r^k dr, f given at the quadrature points. */
    public static double[] load(ElementQuadrature quad, double[] fAtPoints, double k) {
        checkPoints(quad, fAtPoints, "fAtPoints");
        LagrangeSpace1D space = quad.space();
        double[] w = radialWeights(quad, k);
        double[] b = new double[space.dofs()];
        int q = quad.pointsPerElement();
        int m = space.order() + 1;
        for (int e = 0; e < space.mesh().elements(); e++) {
            double[] t = quad.valuesTable(e);
            for (int j = 0; j < m; j++) {
                int g = space.dof(e, j);
                if (g < 0) {
                    continue;
                }
                double s = 0;
                for (int kk = 0; kk < q; kk++) {
                    s += w[e * q + kk] * fAtPoints[e * q + kk] * t[j * q + kk];
                }
                b[g] += s;
            }
        }
        return b;
    }

    /**
     * The quadrature weights times r^k divided by each element's built-in weight (r - r_e)^beta_e:
     * sum_i result[i] g(point(i)) approximates integral g(r) r^k dr. For k in {-2, -1, 0, 1, 2}, r^k is
     * formed by multiplications and one division instead of {@code Math.pow}.
     *
     * @throws IllegalArgumentException if k is NaN or infinite, or r^k is not finite at a point
     */
    public static double[] radialWeights(ElementQuadrature quad, double k) {
        if (!Double.isFinite(k)) {
            throw new IllegalArgumentException("k = " + k + " must be finite");
        }
        int q = quad.pointsPerElement();
        int ne = quad.space().mesh().elements();
        double[] w = new double[quad.size()];
        for (int e = 0; e < ne; e++) {
            double beta = quad.weightExponent(e);
            double re = quad.space().mesh().node(e);
            for (int kk = 0; kk < q; kk++) {
                int i = e * q + kk;
                double r = quad.point(i);
                double f = power(r, k);
                if (beta != 0) {
                    f /= Math.pow(r - re, beta);
                }
                if (!Double.isFinite(f)) {
                    throw new IllegalArgumentException("k = " + k + ": r^k is not finite at the quadrature point r = " + r);
                }
                w[i] = quad.weight(i) * f;
            }
        }
        return w;
    }

    private static double power(double r, double k) {
        if (k == 0) {
            return 1;
        } else if (k == 1) {
            return r;
        } else if (k == 2) {
            return r * r;
        } else if (k == -1) {
            return 1 / r;
        } else if (k == -2) {
            return 1 / (r * r);
        }
        return Math.pow(r, k);
    }

    private static double[] atPoints(ElementQuadrature quad, DoubleUnaryOperator f) {
        double[] v = new double[quad.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(quad.point(i));
        }
        return v;
    }

    private static SymmetricBandMatrix newMatrix(LagrangeSpace1D space) {
        return new SymmetricBandMatrix(space.dofs(), space.bandwidth());
    }

    private static void checkPoints(ElementQuadrature quad, double[] a, String name) {
        if (a.length != quad.size()) {
            throw new IllegalArgumentException(name + ": length " + a.length + " but the quadrature has " + quad.size() + " points");
        }
    }

    private static void addProducts(SymmetricBandMatrix target, ElementQuadrature quad, double[] weights, double[] c,
            double scale, boolean derivatives) {
        LagrangeSpace1D space = quad.space();
        if (target.size() != space.dofs() || target.bandwidth() < space.bandwidth()) {
            throw new IllegalArgumentException("target: " + target.size() + "x" + target.size() + " with bandwidth "
                    + target.bandwidth() + ", need " + space.dofs() + " dofs and bandwidth >= " + space.bandwidth());
        }
        checkPoints(quad, weights, "weights");
        if (c != null) {
            checkPoints(quad, c, "c");
        }
        Kernels kern = KernelProvider.get();
        int q = quad.pointsPerElement();
        int m = space.order() + 1;
        int ldab = target.ldab();
        double[] ab = target.data();
        double[] ck = new double[q];
        double[] scaled = new double[m * q];
        double[] elem = new double[m * m];
        for (int e = 0; e < space.mesh().elements(); e++) {
            double[] t = derivatives ? quad.derivativesTable(e) : quad.valuesTable(e);
            double factor = scale;
            if (derivatives) {
                double ij = quad.inverseJacobian(e);
                factor *= ij * ij;
            }
            for (int kk = 0; kk < q; kk++) {
                double v = weights[e * q + kk] * factor;
                ck[kk] = c == null ? v : v * c[e * q + kk];
            }
            for (int j = 0; j < m; j++) {
                for (int kk = 0; kk < q; kk++) {
                    scaled[j * q + kk] = ck[kk] * t[j * q + kk];
                }
            }
            // Element matrix E = T^T Sc in one product (T and Sc are q-by-m, column-major: column j
            // holds basis function j, resp. scaled by the weights, at the q points), then the lower
            // band is scattered: E(i, j) = sum_k T(k, i) Sc(k, j).
            kern.gemm(true, false, m, m, q, 1.0, t, 0, q, scaled, 0, q, 0.0, elem, 0, m);
            for (int j = 0; j < m; j++) {
                int gj = space.dof(e, j);
                if (gj < 0) {
                    continue;
                }
                for (int i = j; i < m; i++) {
                    int gi = space.dof(e, i);
                    if (gi < 0) {
                        continue;
                    }
                    ab[(gi - gj) + gj * ldab] += elem[i + j * m];
                }
            }
        }
    }
}
