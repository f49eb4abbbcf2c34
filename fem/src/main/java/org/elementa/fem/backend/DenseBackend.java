package org.elementa.fem.backend;

/**
 * Dense linear algebra that can run on the CPU or be offloaded to a GPU: the seam between
 * Elementa's solvers and where the flops happen. All matrices are column-major {@code double[]}
 * (BLAS order) with explicit leading dimensions.
 *
 * <p>Implementations: {@link CpuDenseBackend} on Elementa's kernels (always available) and, where a
 * CUDA device and cuBLAS are present, a GPU provider. {@link DenseBackends#get()} chooses once.
 */
public interface DenseBackend {

    /** Short provider name: {@code cpu}, or the GPU provider's name. */
    String name();

    /** Whether this provider can run here (library found, device present). */
    boolean isAvailable();

    /** C = alpha*op(A)*op(B) + beta*C, op(A) m-by-k, op(B) k-by-n, C m-by-n. */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
              double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc);

    /** y = alpha*op(A)*x + beta*y, A m-by-n. */
    void gemv(boolean transA, int m, int n, double alpha, double[] a, int lda,
              double[] x, double beta, double[] y);

    /**
     * Symmetric rank-k update of the lower triangle: C = alpha*A*A^T + beta*C (trans = false, A
     * n-by-k) or C = alpha*A^T*A + beta*C (trans = true, A k-by-n); C is n-by-n and only its lower
     * triangle (i &gt;= j) is referenced and written.
     */
    void syrk(boolean trans, int n, int k, double alpha, double[] a, int lda, double beta, double[] c, int ldc);

    /**
     * Batched product: for each b in [0, batch), C_b = alpha*op(A_b)*op(B_b) + beta*C_b, where the
     * matrices of batch entry b start at {@code b*strideA}, {@code b*strideB}, {@code b*strideC}
     * in the respective arrays (cuBLAS's strided-batched layout).
     */
    void gemmStridedBatched(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int lda, int strideA, double[] b, int ldb, int strideB,
                            double beta, double[] c, int ldc, int strideC, int batch);
}
