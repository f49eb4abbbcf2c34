package org.elementa.fem.linalg;

import java.util.SplittableRandom;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;

/**
 * The dense reference path, written on Elementa's own kernels, O(n^3):
 * <ol>
 * <li>banded Cholesky S = L L^T ({@link Kernels#pbtrf});</li>
 * <li>the dense standard problem C = L^-1 H L^-T (banded triangular solves, O(n^2 kd));</li>
 * <li>Householder reduction C = Q T Q^T to symmetric tridiagonal form (4/3 n^3 with symmetric
 *     updates; here the full-storage update, 2 n^3, keeps it on the kernels' gemv/axpy);</li>
 * <li>all eigenvalues of T by the implicit Wilkinson-shifted QR iteration, O(n^2);</li>
 * <li>the wanted eigenvectors of T by inverse iteration with a pivoted tridiagonal LU, Gram-Schmidt
 *     against the previous vectors of a cluster (eigenvalues closer than 1e-3 ||T||), as in
 *     Dhillon, "Current inverse iteration software can fail", BIT 38 (1998), section 2;</li>
 * <li>back-transformation x = L^-T Q y.</li>
 * </ol>
 * Results are S-orthonormal with the sign convention of {@link EigenResult}'s producers in this
 * package (first component of magnitude >= 1e-3 max|x_i| positive). Eigenvalues are accurate to a
 * small multiple of eps * max|E| (backward stable), as any dense method.
 */
public final class DenseGeneralizedEigensolver implements GeneralizedEigensolver {

    private static final double EPS = Math.ulp(1.0);

    private final Kernels kernels;

    /** A solver on the kernels chosen by {@link KernelProvider#get()}. */
    public DenseGeneralizedEigensolver() {
        this(KernelProvider.get());
    }

    /** A solver on the given kernels (tests run both implementations). */
    public DenseGeneralizedEigensolver(Kernels kernels) {
        if (kernels == null) {
            throw new IllegalArgumentException("kernels must not be null");
        }
        this.kernels = kernels;
    }

    @Override
    public EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count) {
        EigenSupport.checkCount(h, s, count);
        return solve(h, s, 0, count - 1);
    }

    @Override
    public EigenResult range(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu) {
        EigenSupport.checkRange(h, s, il, iu);
        return solve(h, s, il, iu);
    }

    private EigenResult solve(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu) {
        EigenSupport.checkFinite(h, "h");
        EigenSupport.checkFinite(s, "s");
        int n = h.size();
        int kds = s.bandwidth();
        int lds = kds + 1;
        double[] l = s.data().clone();
        int info = kernels.pbtrf(n, kds, l, lds);
        if (info != 0) {
            throw new EigenSolverException("S is not positive definite: its leading minor of order " + info
                    + " is not positive (Cholesky failed)");
        }
        // C = L^-1 H L^-T: forward solves on the columns of H, transpose, forward solves again.
        double[] c = h.toDense();
        for (int j = 0; j < n; j++) {
            forwardSolve(n, kds, l, lds, c, j * n);
        }
        transposeInPlace(n, c);
        for (int j = 0; j < n; j++) {
            forwardSolve(n, kds, l, lds, c, j * n);
        }
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double v = 0.5 * (c[i + j * n] + c[j + i * n]);
                c[i + j * n] = v;
                c[j + i * n] = v;
            }
        }
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n)];
        double[] tau = new double[n];
        tridiagonalize(n, c, d, e, tau);

        double[] ev = d.clone();
        double[] ework = e.clone();
        EigenSupport.tridiagonalEigen(n, ev, ework, null, 0);
        java.util.Arrays.sort(ev);
        int k = iu - il + 1;
        double[] values = new double[k];
        System.arraycopy(ev, il, values, 0, k);

        double tnorm = 0;
        for (int i = 0; i < n; i++) {
            double row = Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
            tnorm = Math.max(tnorm, row);
        }
        double[] y = tridiagonalVectors(n, d, e, values, tnorm);

        double[] vectors = new double[n * k];
        for (int q = 0; q < k; q++) {
            int off = q * n;
            System.arraycopy(y, off, vectors, off, n);
            applyReflectors(n, c, tau, vectors, off);
            backSolve(n, kds, l, lds, vectors, off);
            EigenSupport.fixSign(vectors, off, n);
        }
        return new EigenResult(values, vectors, n, 0, 1);
    }

    /** b <- L^-1 b for the banded lower Cholesky factor l. */
    private void forwardSolve(int n, int kd, double[] l, int ld, double[] b, int off) {
        for (int j = 0; j < n; j++) {
            double yj = b[off + j] / l[j * ld];
            b[off + j] = yj;
            int len = Math.min(kd, n - 1 - j);
            if (yj != 0 && len > 0) {
                kernels.axpy(len, -yj, l, j * ld + 1, b, off + j + 1);
            }
        }
    }

    /** b <- L^-T b for the banded lower Cholesky factor l. */
    private void backSolve(int n, int kd, double[] l, int ld, double[] b, int off) {
        for (int j = n - 1; j >= 0; j--) {
            int len = Math.min(kd, n - 1 - j);
            double t = b[off + j];
            if (len > 0) {
                t -= kernels.dot(len, l, j * ld + 1, b, off + j + 1);
            }
            b[off + j] = t / l[j * ld];
        }
    }

    private static void transposeInPlace(int n, double[] a) {
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double t = a[i + j * n];
                a[i + j * n] = a[j + i * n];
                a[j + i * n] = t;
            }
        }
    }

    /**
     * Householder reduction of the full symmetric c to tridiagonal form T = Q^T C Q (Golub and Van
     * Loan, Algorithm 8.3.1). Reflector k, I - tau_k v v^T with v stored in column k below the
     * sub-diagonal (rows k+1..n-1), acts on rows k+1..n-1.
     */
    private void tridiagonalize(int n, double[] c, double[] d, double[] e, double[] tau) {
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1;
            int vOff = (k + 1) + k * n;
            double norm = Math.sqrt(kernels.dot(m, c, vOff, c, vOff));
            d[k] = c[k + k * n];
            double x0 = c[vOff];
            if (norm == 0 || norm == Math.abs(x0)) {
                e[k] = x0;
                tau[k] = 0;
                continue;
            }
            double alpha = x0 >= 0 ? -norm : norm;
            c[vOff] = x0 - alpha;
            double vtv = kernels.dot(m, c, vOff, c, vOff);
            if (vtv == 0) {
                e[k] = x0;
                tau[k] = 0;
                c[vOff] = x0;
                continue;
            }
            double beta = 2.0 / vtv;
            tau[k] = beta;
            e[k] = alpha;
            int aOff = (k + 1) + (k + 1) * n;
            // p = beta A22 v; w = p - (beta/2)(p^T v) v; A22 -= v w^T + w v^T.
            kernels.gemv(false, m, m, beta, c, aOff, n, c, vOff, 0.0, p, 0);
            double kfac = 0.5 * beta * kernels.dot(m, p, 0, c, vOff);
            kernels.axpy(m, -kfac, c, vOff, p, 0);
            for (int j = 0; j < m; j++) {
                int col = aOff + j * n;
                kernels.axpy(m, -p[j], c, vOff, c, col);
                kernels.axpy(m, -c[vOff + j], p, 0, c, col);
            }
        }
        if (n >= 2) {
            d[n - 2] = c[(n - 2) + (n - 2) * n];
            e[n - 2] = c[(n - 1) + (n - 2) * n];
            tau[n - 2] = 0;
        }
        d[n - 1] = c[(n - 1) + (n - 1) * n];
    }

    /** z <- Q z with Q = H_0 H_1 ... H_{n-3}. */
    private void applyReflectors(int n, double[] c, double[] tau, double[] z, int off) {
        for (int k = n - 3; k >= 0; k--) {
            if (tau[k] == 0) {
                continue;
            }
            int m = n - k - 1;
            int vOff = (k + 1) + k * n;
            double t = tau[k] * kernels.dot(m, c, vOff, z, off + k + 1);
            kernels.axpy(m, -t, c, vOff, z, off + k + 1);
        }
    }

    /**
     * Eigenvectors of the tridiagonal (d, e) for the given ascending eigenvalues, by inverse
     * iteration; vectors whose eigenvalues lie within 1e-3 ||T|| of the previous one are
     * Gram-Schmidt orthogonalized against the rest of their cluster at each iteration, and
     * eigenvalues closer than 10 eps ||T|| are separated by that much so the solves differ.
     */
    private static double[] tridiagonalVectors(int n, double[] d, double[] e, double[] values, double tnorm) {
        int k = values.length;
        double[] y = new double[n * k];
        if (n == 1) {
            java.util.Arrays.fill(y, 1.0);
            return y;
        }
        if (!(tnorm > 0)) {
            // T = 0 (H = 0): every vector is an eigenvector, and inverse iteration has no scale to
            // shift by (its solves overflow); the unit vectors are orthonormal eigenvectors.
            for (int q = 0; q < k; q++) {
                y[q * n + q] = 1;
            }
            return y;
        }
        double[] dl = new double[n - 1];
        double[] dd = new double[n];
        double[] du = new double[n - 1];
        double[] du2 = new double[n];
        boolean[] swapped = new boolean[n - 1];
        SplittableRandom rnd = new SplittableRandom(0x5EED_E16EL);
        double sep = 10 * EPS * Math.max(tnorm, Double.MIN_NORMAL);
        double clusterGap = 1e-3 * tnorm;
        int clusterStart = 0;
        double prev = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < k; q++) {
            double lambda = values[q];
            if (q > 0 && lambda - values[q - 1] > clusterGap) {
                clusterStart = q;
            }
            if (lambda - prev < sep) {
                lambda = prev + sep;
            }
            prev = lambda;
            factorShifted(n, d, e, lambda, dl, dd, du, du2, swapped, sep);
            int off = q * n;
            for (int i = 0; i < n; i++) {
                y[off + i] = rnd.nextDouble() - 0.5;
            }
            for (int it = 0; it < 5; it++) {
                solveShifted(n, dl, dd, du, du2, swapped, y, off);
                for (int p = clusterStart; p < q; p++) {
                    double t = 0;
                    for (int i = 0; i < n; i++) {
                        t += y[p * n + i] * y[off + i];
                    }
                    for (int i = 0; i < n; i++) {
                        y[off + i] -= t * y[p * n + i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += y[off + i] * y[off + i];
                }
                norm = Math.sqrt(norm);
                if (!(norm > 0) || !Double.isFinite(norm)) {
                    throw new EigenSolverException("inverse iteration on the tridiagonal failed for eigenvalue " + values[q]);
                }
                for (int i = 0; i < n; i++) {
                    y[off + i] /= norm;
                }
            }
        }
        return y;
    }

    /** LU with partial pivoting of the tridiagonal T - lambda I; zero pivots are replaced by tiny ones. */
    private static void factorShifted(int n, double[] d, double[] e, double lambda, double[] dl, double[] dd,
                                      double[] du, double[] du2, boolean[] swapped, double tiny) {
        for (int i = 0; i < n; i++) {
            dd[i] = d[i] - lambda;
            du2[i] = 0;
        }
        for (int i = 0; i < n - 1; i++) {
            dl[i] = e[i];
            du[i] = e[i];
        }
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(dd[i]) >= Math.abs(dl[i])) {
                swapped[i] = false;
                if (dd[i] == 0) {
                    dd[i] = tiny;
                }
                double mult = dl[i] / dd[i];
                dl[i] = mult;
                dd[i + 1] -= mult * du[i];
            } else {
                swapped[i] = true;
                double mult = dd[i] / dl[i];
                double rowIDiag = dl[i];
                double rowISup = dd[i + 1];
                double rowISup2 = i + 1 < n - 1 ? du[i + 1] : 0;
                double oldDu = du[i];
                dd[i] = rowIDiag;
                du[i] = rowISup;
                du2[i] = rowISup2;
                dd[i + 1] = oldDu - mult * rowISup;
                if (i + 1 < n - 1) {
                    du[i + 1] = -mult * rowISup2;
                }
                dl[i] = mult;
            }
        }
        if (dd[n - 1] == 0) {
            dd[n - 1] = tiny;
        }
    }

    private static void solveShifted(int n, double[] dl, double[] dd, double[] du, double[] du2, boolean[] swapped,
                                     double[] b, int off) {
        for (int i = 0; i < n - 1; i++) {
            if (swapped[i]) {
                double t = b[off + i];
                b[off + i] = b[off + i + 1];
                b[off + i + 1] = t;
            }
            b[off + i + 1] -= dl[i] * b[off + i];
        }
        b[off + n - 1] /= dd[n - 1];
        b[off + n - 2] = (b[off + n - 2] - du[n - 2] * b[off + n - 1]) / dd[n - 2];
        for (int i = n - 3; i >= 0; i--) {
            b[off + i] = (b[off + i] - du[i] * b[off + i + 1] - du2[i] * b[off + i + 2]) / dd[i];
        }
    }
}
