package org.elementa.fem.backend;

import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;

/** The CPU provider of {@link DenseBackend}, on Elementa's (vector or scalar) kernels. */
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
        kernels.gemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int lda,
                     double[] x, double beta, double[] y) {
        kernels.gemv(transA, m, n, alpha, a, 0, lda, x, 0, beta, y, 0);
    }

    @Override
    public void syrk(boolean trans, int n, int k, double alpha, double[] a, int lda, double beta, double[] c, int ldc) {
        // Column j of the lower triangle: C(j:n, j) = alpha * op(A)(j:n, :) * op(A)(j, :)^T + beta * C(j:n, j).
        for (int j = 0; j < n; j++) {
            int rows = n - j;
            if (trans) {
                kernels.gemv(true, k, rows, alpha, a, j * lda, lda, a, j * lda, beta, c, j + j * ldc);
            } else {
                gemvStrided(rows, k, alpha, a, lda, j, beta, c, ldc);
            }
        }
    }

    private void gemvStrided(int rows, int k, double alpha, double[] a, int lda, int j, double beta, double[] c, int ldc) {
        // Row j of A is strided by lda; gather it once so the product runs on stride-one columns.
        double[] rowJ = new double[k];
        for (int p = 0; p < k; p++) {
            rowJ[p] = a[j + p * lda];
        }
        kernels.gemv(false, rows, k, alpha, a, j, lda, rowJ, 0, beta, c, j + j * ldc);
    }

    @Override
    public void gemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                   double[] a, int lda, int strideA, double[] b, int ldb, int strideB,
                                   double beta, double[] c, int ldc, int strideC, int batch) {
        for (int q = 0; q < batch; q++) {
            kernels.gemm(transA, transB, m, n, k, alpha, a, q * strideA, lda, b, q * strideB, ldb,
                    beta, c, q * strideC, ldc);
        }
    }
}
