package org.elementa.atomic.dirac;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss-Jacobi rules on [-1, 1] for the weight (1-x)^a (1+x)^b by the Golub-Welsch method (Math.
 * Comp. 23 (1969) 221): the nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of
 * the monic recurrence
 * <pre>
 *   alpha_k = (b^2 - a^2) / ((2k+a+b)(2k+a+b+2)),
 *   beta_k  = 4k(k+a)(k+b)(k+a+b) / ((2k+a+b)^2 (2k+a+b+1)(2k+a+b-1)),  k >= 1,
 * </pre>
 * and the weights mu_0 v_{0,i}^2 from the first components of its unit eigenvectors.
 *
 * <p>Package-private stand-in until the engine's {@code org.elementa.fem.quadrature} lands on main;
 * only the rules the Dirac discretization needs (a = 0 or a = b = 1).
 */
final class GaussRules {

    private GaussRules() {
    }

    /** Nodes (ascending) and weights of the n-point rule for (1-x)^a (1+x)^b; mu0 = integral of the weight. */
    static double[][] jacobi(int n, double a, double b, double mu0) {
        double[] nodes = new double[n];
        double[] weights = new double[n];
        if (n == 1) {
            nodes[0] = (b - a) / (a + b + 2);
            weights[0] = mu0;
            return new double[][] {nodes, weights};
        }
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double s = 2 * k + a + b;
            t.set(k, k, k == 0 ? (b - a) / (a + b + 2) : (b * b - a * a) / (s * (s + 2)));
            if (k >= 1) {
                double bk = k == 1
                        ? 4 * (1 + a) * (1 + b) / ((2 + a + b) * (2 + a + b) * (3 + a + b))
                        : 4 * k * (k + a) * (k + b) * (k + a + b) / (s * s * (s + 1) * (s - 1));
                double off = Math.sqrt(bk);
                t.set(k, k - 1, off);
                t.set(k - 1, k, off);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("Golub-Welsch eigendecomposition failed for n = " + n);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(eig.getEigenvalue(p).real, eig.getEigenvalue(q).real));
        for (int i = 0; i < n; i++) {
            DMatrixRMaj v = eig.getEigenVector(order[i]);
            double norm2 = 0;
            for (int k = 0; k < n; k++) {
                norm2 += v.get(k) * v.get(k);
            }
            nodes[i] = eig.getEigenvalue(order[i]).real;
            weights[i] = mu0 * v.get(0) * v.get(0) / norm2;
        }
        return new double[][] {nodes, weights};
    }

    /** n-point Gauss-Legendre rule. */
    static double[][] legendre(int n) {
        return jacobi(n, 0, 0, 2.0);
    }

    /** n-point Gauss-Jacobi rule for the weight (1+x)^b, b > -1. */
    static double[][] jacobiRight(int n, double b) {
        return jacobi(n, 0, b, Math.pow(2, b + 1) / (b + 1));
    }

    /** The n Gauss-Lobatto nodes on [-1, 1] (n >= 2): the end points and the zeros of P'_{n-1}. */
    static double[] lobattoNodes(int n) {
        double[] x = new double[n];
        x[0] = -1;
        x[n - 1] = 1;
        if (n > 2) {
            double[] inner = jacobi(n - 2, 1, 1, 4.0 / 3.0)[0];
            System.arraycopy(inner, 0, x, 1, n - 2);
        }
        return x;
    }
}
