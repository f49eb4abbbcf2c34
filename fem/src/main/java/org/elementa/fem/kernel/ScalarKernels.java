package org.elementa.fem.kernel;

/**
 * Plain Java implementation of {@link Kernels}: always available, and the twin against which the
 * vector implementation is tested. Loops are written in the order that walks memory with stride
 * one (column-major), so C2's auto-vectorizer can still help where it applies.
 */
final class ScalarKernels implements Kernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String toString() {
        return name() + " kernels";
    }

    @Override
    public int vectorBitSize() {
        return 0;
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        KernelChecks.vectors(n, x, xOff, y, yOff);
        return dot0(n, x, xOff, y, yOff);
    }

    private static double dot0(int n, double[] x, int xOff, double[] y, int yOff) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        KernelChecks.vectors(n, x, xOff, y, yOff);
        axpy0(n, a, x, xOff, y, yOff);
    }

    private static void axpy0(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    @Override
    public void scal(int n, double a, double[] x, int xOff) {
        KernelChecks.vector(n, x, xOff);
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= a;
        }
    }

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                     double[] x, int xOff, double beta, double[] y, int yOff) {
        KernelChecks.gemv(transA, m, n, a, aOff, lda, x, xOff, y, yOff);
        if (alpha == 0) {
            // As reference BLAS: A and x are not read (NaNs in them do not reach y).
            scaleOrZero(transA ? n : m, beta, y, yOff);
            return;
        }
        if (transA) {
            for (int j = 0; j < n; j++) {
                double s = dot0(m, a, aOff + j * lda, x, xOff);
                y[yOff + j] = beta == 0 ? alpha * s : alpha * s + beta * y[yOff + j];
            }
        } else {
            scaleOrZero(m, beta, y, yOff);
            for (int j = 0; j < n; j++) {
                axpy0(m, alpha * x[xOff + j], a, aOff + j * lda, y, yOff);
            }
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        KernelChecks.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        for (int j = 0; j < n; j++) {
            scaleOrZero(m, beta, c, cOff + j * ldc);
        }
        if (alpha == 0 || m <= 0) {
            return;
        }
        if (!transA) {
            // C(:,j) += alpha * sum_p A(:,p) * op(B)(p,j): stride-one axpys down the columns of A.
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    double bpj = transB ? b[bOff + j + p * ldb] : b[bOff + p + j * ldb];
                    axpy0(m, alpha * bpj, a, aOff + p * lda, c, cOff + j * ldc);
                }
            }
        } else {
            // C(i,j) += alpha * dot(A(:,i), op(B)(:,j)).
            double[] col = transB ? new double[k] : null;
            for (int j = 0; j < n; j++) {
                int bCol = bOff + j * ldb;
                double[] bj = b;
                if (transB) {
                    for (int p = 0; p < k; p++) {
                        col[p] = b[bOff + j + p * ldb];
                    }
                    bj = col;
                    bCol = 0;
                }
                for (int i = 0; i < m; i++) {
                    c[cOff + i + j * ldc] += alpha * dot0(k, a, aOff + i * lda, bj, bCol);
                }
            }
        }
    }

    private static void scaleOrZero(int m, double beta, double[] y, int yOff) {
        if (beta == 0) {
            java.util.Arrays.fill(y, yOff, yOff + m, 0.0);
        } else if (beta != 1) {
            for (int i = 0; i < m; i++) {
                y[yOff + i] *= beta;
            }
        }
    }

    @Override
    public void sbmv(int n, int kd, double alpha, double[] ab, int ldab, double[] x, double beta, double[] y) {
        KernelChecks.sbmv(n, kd, ab, ldab, x, y);
        scaleOrZero(n, beta, y, 0);
        if (alpha == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int len = Math.min(kd, n - 1 - j);
            int col = j * ldab;
            double xj = alpha * x[j];
            // Diagonal, then the column below it (A(i,j)) and its mirror in row j (A(j,i)).
            double s = ab[col] * xj;
            double t = 0;
            for (int r = 1; r <= len; r++) {
                y[j + r] += ab[col + r] * xj;
                t += ab[col + r] * x[j + r];
            }
            y[j] += s + alpha * t;
        }
    }

    @Override
    public int pbtrf(int n, int kd, double[] ab, int ldab) {
        KernelChecks.band(n, kd, ab, ldab);
        for (int j = 0; j < n; j++) {
            int col = j * ldab;
            double d = ab[col];
            if (!(d > 0)) {
                return j + 1;
            }
            d = Math.sqrt(d);
            ab[col] = d;
            int len = Math.min(kd, n - 1 - j);
            double inv = 1.0 / d;
            for (int r = 1; r <= len; r++) {
                ab[col + r] *= inv;
            }
            // Rank-one update of the trailing triangle: A(i,c) -= L(i,j) L(c,j), i >= c in (j, j+len].
            for (int r = 1; r <= len; r++) {
                double lcj = ab[col + r];
                int c = j + r;
                int ccol = c * ldab;
                for (int s = r; s <= len; s++) {
                    ab[ccol + (s - r)] -= ab[col + s] * lcj;
                }
            }
        }
        return 0;
    }

    @Override
    public void pbtrs(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        KernelChecks.bandSolve(n, kd, ab, ldab, b, nrhs, ldb);
        for (int q = 0; q < nrhs; q++) {
            int off = q * ldb;
            // L y = b
            for (int j = 0; j < n; j++) {
                int col = j * ldab;
                double yj = b[off + j] / ab[col];
                b[off + j] = yj;
                int len = Math.min(kd, n - 1 - j);
                for (int r = 1; r <= len; r++) {
                    b[off + j + r] -= ab[col + r] * yj;
                }
            }
            // L^T x = y
            for (int j = n - 1; j >= 0; j--) {
                int col = j * ldab;
                int len = Math.min(kd, n - 1 - j);
                double s = b[off + j];
                for (int r = 1; r <= len; r++) {
                    s -= ab[col + r] * b[off + j + r];
                }
                b[off + j] = s / ab[col];
            }
        }
    }

    @Override
    public int sbldlt(int n, int kd, double[] ab, int ldab) {
        KernelChecks.band(n, kd, ab, ldab);
        return ldlt(n, kd, null, ab, ldab);
    }

    @Override
    public int sbldlt(int n, int kd, int[] profile, double[] ab, int ldab) {
        KernelChecks.band(n, kd, ab, ldab);
        KernelChecks.profile(n, kd, profile);
        return ldlt(n, kd, profile, ab, ldab);
    }

    private static int ldlt(int n, int kd, int[] profile, double[] ab, int ldab) {
        double pivmin = KernelChecks.ldltPivotMin(n, ab, ldab);
        for (int j = 0; j < n; j++) {
            int col = j * ldab;
            double d = ab[col];
            if (!(Math.abs(d) > pivmin)) {
                return j + 1;
            }
            int len = KernelChecks.extent(n, kd, profile, j);
            double inv = 1.0 / d;
            // A(i,c) -= A(i,j) A(c,j) / d, then L(i,j) = A(i,j) / d.
            for (int r = 1; r <= len; r++) {
                double acj = ab[col + r] * inv;
                int ccol = (j + r) * ldab;
                for (int s = r; s <= len; s++) {
                    ab[ccol + (s - r)] -= ab[col + s] * acj;
                }
            }
            for (int r = 1; r <= len; r++) {
                ab[col + r] *= inv;
            }
        }
        return 0;
    }

    @Override
    public void sbldltSolve(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        KernelChecks.bandSolve(n, kd, ab, ldab, b, nrhs, ldb);
        for (int q = 0; q < nrhs; q++) {
            ldltSolve(n, kd, null, ab, ldab, b, q * ldb);
        }
    }

    @Override
    public void sbldltSolve(int n, int kd, int[] profile, double[] ab, int ldab, double[] b) {
        KernelChecks.bandSolve(n, kd, ab, ldab, b, 1, n);
        KernelChecks.profile(n, kd, profile);
        ldltSolve(n, kd, profile, ab, ldab, b, 0);
    }

    private static void ldltSolve(int n, int kd, int[] profile, double[] ab, int ldab, double[] b, int off) {
        for (int j = 0; j < n; j++) {
            int col = j * ldab;
            double yj = b[off + j];
            int len = KernelChecks.extent(n, kd, profile, j);
            for (int r = 1; r <= len; r++) {
                b[off + j + r] -= ab[col + r] * yj;
            }
        }
        for (int j = 0; j < n; j++) {
            b[off + j] /= ab[j * ldab];
        }
        for (int j = n - 1; j >= 0; j--) {
            int col = j * ldab;
            int len = KernelChecks.extent(n, kd, profile, j);
            double s = b[off + j];
            for (int r = 1; r <= len; r++) {
                s -= ab[col + r] * b[off + j + r];
            }
            b[off + j] = s;
        }
    }

    @Override
    public void sbmv(int n, int kd, int[] profile, double[] ab, int ldab, double[] x, double[] y) {
        KernelChecks.sbmv(n, kd, ab, ldab, x, y);
        KernelChecks.profile(n, kd, profile);
        java.util.Arrays.fill(y, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            int len = profile[j];
            int col = j * ldab;
            double xj = x[j];
            double t = 0;
            for (int r = 1; r <= len; r++) {
                y[j + r] += ab[col + r] * xj;
                t += ab[col + r] * x[j + r];
            }
            y[j] += ab[col] * xj + t;
        }
    }
}
