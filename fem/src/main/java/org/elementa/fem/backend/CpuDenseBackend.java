package org.elementa.fem.backend;

import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;

/**
 * The CPU provider of {@link DenseBackend}, on Elementa's (vector or scalar) kernels. Arguments are
 * checked once per call (dimensions non-negative, leading dimensions at least the row count, arrays
 * long enough) and rejected with an {@link IllegalArgumentException} naming the parameter.
 */
public final class CpuDenseBackend implements DenseBackend {

    private final Kernels kernels;

    /** A CPU backend on the kernels {@link KernelProvider} chose for this JVM. */
    public CpuDenseBackend() {
        this(KernelProvider.get());
    }

    /** A CPU backend on the given kernels (tests and benchmarks compare implementations). */
    public CpuDenseBackend(Kernels kernels) {
        this.kernels = java.util.Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc) {
        checkDims(m, n, k);
        checkMatrix("a", a, 0, transA ? k : m, transA ? m : k, lda);
        checkMatrix("b", b, 0, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("c", c, 0, m, n, ldc);
        kernels.gemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int lda,
                     double[] x, double beta, double[] y) {
        checkDims(m, n, 0);
        checkMatrix("a", a, 0, m, n, lda);
        checkVector("x", x, transA ? m : n);
        checkVector("y", y, transA ? n : m);
        kernels.gemv(transA, m, n, alpha, a, 0, lda, x, 0, beta, y, 0);
    }

    /** Column-block width of {@link #syrk}: diagonal blocks are formed whole in a small buffer. */
    private static final int SYRK_BLOCK = 64;

    @Override
    public void syrk(boolean trans, int n, int k, double alpha, double[] a, int lda, double beta, double[] c, int ldc) {
        checkDims(n, n, k);
        checkMatrix("a", a, 0, trans ? k : n, trans ? n : k, lda);
        checkMatrix("c", c, 0, n, n, ldc);
        // Blocks of SYRK_BLOCK columns: the part below the diagonal block is one gemm straight into
        // C; the diagonal block is formed whole in a buffer and only its lower triangle is copied,
        // so the strict upper triangle of C is never read or written.
        // Row i of op(A) (op(A) = A, or A^T when trans) starts at a[i] (stride lda) or a[i*lda].
        int nb = Math.min(SYRK_BLOCK, n);
        double[] diag = new double[nb * nb];
        for (int j0 = 0; j0 < n; j0 += nb) {
            int w = Math.min(nb, n - j0);
            int rowJ = trans ? j0 * lda : j0;
            kernels.gemm(trans, !trans, w, w, k, alpha, a, rowJ, lda, a, rowJ, lda, 0.0, diag, 0, w);
            for (int j = 0; j < w; j++) {
                int col = j0 + (j0 + j) * ldc;
                for (int i = j; i < w; i++) {
                    double t = diag[i + j * w];
                    c[col + i] = beta == 0 ? t : t + beta * c[col + i];
                }
            }
            int i0 = j0 + w;
            if (i0 < n) {
                int rowI = trans ? i0 * lda : i0;
                kernels.gemm(trans, !trans, n - i0, w, k, alpha, a, rowI, lda, a, rowJ, lda,
                        beta, c, i0 + j0 * ldc, ldc);
            }
        }
    }

    @Override
    public void gemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                   double[] a, int lda, int strideA, double[] b, int ldb, int strideB,
                                   double beta, double[] c, int ldc, int strideC, int batch) {
        checkDims(m, n, k);
        if (batch < 0) {
            throw new IllegalArgumentException("batch = " + batch + " must be >= 0");
        }
        if (strideA < 0 || strideB < 0 || strideC < 0) {
            throw new IllegalArgumentException("strides must be >= 0: strideA = " + strideA
                    + ", strideB = " + strideB + ", strideC = " + strideC);
        }
        if (batch == 0) {
            return;
        }
        long lastA = (long) (batch - 1) * strideA;
        long lastB = (long) (batch - 1) * strideB;
        long lastC = (long) (batch - 1) * strideC;
        checkMatrix("a (last batch entry)", a, lastA, transA ? k : m, transA ? m : k, lda);
        checkMatrix("b (last batch entry)", b, lastB, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("c (last batch entry)", c, lastC, m, n, ldc);
        for (int q = 0; q < batch; q++) {
            kernels.gemm(transA, transB, m, n, k, alpha, a, q * strideA, lda, b, q * strideB, ldb,
                    beta, c, q * strideC, ldc);
        }
    }

    private static void checkDims(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0: m = " + m + ", n = " + n + ", k = " + k);
        }
    }

    /** A rows-by-cols column-major matrix at {@code off} with leading dimension ld fits in the array. */
    private static void checkMatrix(String name, double[] arr, long off, int rows, int cols, int ld) {
        java.util.Objects.requireNonNull(arr, name);
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException("leading dimension of " + name + " = " + ld
                    + " must be >= max(1, rows) = " + Math.max(1, rows));
        }
        if (rows > 0 && cols > 0) {
            long need = off + (long) (cols - 1) * ld + rows;
            if (need > arr.length) {
                throw new IllegalArgumentException(name + " has length " + arr.length + " but a " + rows + "-by-"
                        + cols + " matrix with leading dimension " + ld + " needs " + need);
            }
        }
    }

    private static void checkVector(String name, double[] arr, int len) {
        java.util.Objects.requireNonNull(arr, name);
        if (arr.length < len) {
            throw new IllegalArgumentException(name + " has length " + arr.length + " but needs " + len);
        }
    }
}
