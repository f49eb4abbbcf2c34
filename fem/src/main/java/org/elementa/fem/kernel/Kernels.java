package org.elementa.fem.kernel;

/**
 * The hot numerical kernels of Elementa, in one interface with two implementations: a scalar one
 * that always works and a Vector API one ({@code jdk.incubator.vector}). {@link KernelProvider}
 * picks one at start-up.
 *
 * <p>Conventions (BLAS/LAPACK): dense matrices are column-major in {@code double[]} with an offset
 * and a leading dimension; element (i, j) of A sits at {@code a[aOff + i + j*lda]}. Symmetric
 * banded matrices use LAPACK's lower band storage: with half-bandwidth {@code kd} and
 * {@code ldab >= kd+1}, A(i, j) for {@code j <= i <= min(n-1, j+kd)} sits at
 * {@code ab[(i-j) + j*ldab]}, so each column of the lower triangle is contiguous.
 *
 * <p>Implementations are stateless and thread-safe. No method allocates on its hot path except
 * where noted. Every method checks its arguments on entry, in O(1): sizes
 * ({@code n, m, k, kd, nrhs >= 0}), leading dimensions ({@code lda >= max(1, rows)}, {@code ldab >= kd+1},
 * {@code ldb >= max(1, n)}), offsets ({@code >= 0}) and that the last element touched lies inside
 * its array, and throws {@link IllegalArgumentException} naming the offending parameter. Values
 * are not checked (NaNs propagate, except as noted for {@link #sbldlt}).
 *
 * <p>Results are deterministic: the same arguments give the same bits on every call (sums are
 * reduced in a fixed order), though the scalar and vector implementations may differ from each
 * other in the last bits.
 *
 * <p>As in reference BLAS, a product with alpha = 0 only scales its output by beta: the matrix
 * and vector operands are not read, so NaNs in them do not propagate.
 */
public interface Kernels {

    /** Implementation name: {@code "vector"} or {@code "scalar"}. */
    String name();

    /** Width of the vector registers used, in bits; 0 for the scalar implementation. */
    int vectorBitSize();

    /** Returns sum_i x[xOff+i]*y[yOff+i] for i in [0, n). */
    double dot(int n, double[] x, int xOff, double[] y, int yOff);

    /** y[yOff+i] += a*x[xOff+i] for i in [0, n). */
    void axpy(int n, double a, double[] x, int xOff, double[] y, int yOff);

    /** x[xOff+i] *= a for i in [0, n). */
    void scal(int n, double a, double[] x, int xOff);

    /**
     * General matrix-vector product y = alpha*op(A)*x + beta*y, where A is m-by-n column-major and
     * op(A) is A or A^T. With beta = 0 the input y is not read (NaNs in it do not propagate).
     */
    void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
              double[] x, int xOff, double beta, double[] y, int yOff);

    /**
     * General matrix-matrix product C = alpha*op(A)*op(B) + beta*C with op(A) m-by-k, op(B) k-by-n,
     * C m-by-n, all column-major. With beta = 0 the input C is not read. May allocate packing
     * buffers per call (amortized over the O(mnk) work).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
              double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
              double beta, double[] c, int cOff, int ldc);

    /**
     * Symmetric banded matrix-vector product y = alpha*A*x + beta*y, A n-by-n symmetric with
     * half-bandwidth kd in lower band storage. With beta = 0 the input y is not read.
     */
    void sbmv(int n, int kd, double alpha, double[] ab, int ldab, double[] x, double beta, double[] y);

    /**
     * In-place banded Cholesky factorization A = L*L^T of a symmetric positive definite banded
     * matrix in lower band storage (LAPACK dpbtrf, uplo='L').
     *
     * @return 0 on success, or j+1 if the leading minor of order j+1 is not positive (the
     *         factorization stopped there), as LAPACK's {@code info}
     */
    int pbtrf(int n, int kd, double[] ab, int ldab);

    /**
     * Solves A*X = B with the factor from {@link #pbtrf}; B is n-by-nrhs column-major with leading
     * dimension ldb and is overwritten by X.
     */
    void pbtrs(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb);

    /**
     * In-place banded LDL^T factorization without pivoting of a symmetric (possibly indefinite)
     * banded matrix in lower band storage: on return the diagonal entries hold D and the
     * sub-diagonal entries hold the unit lower factor L. The number of negative entries of D is the
     * number of eigenvalues of A below zero (Sylvester's law of inertia), which makes this the
     * factorization of choice for shift-invert with a Sturm count.
     *
     * <p>A pivot d_j is accepted only when |d_j| &gt; pivmin = max(eps * max_i |A_ii|, MIN_NORMAL)
     * with eps = 2^-52 and the diagonal of the input: a smaller pivot is at the level of the
     * rounding errors of the elimination (of order eps times the matrix scale), so neither its value
     * nor its sign can be trusted. The test also rejects a NaN pivot. A matrix whose diagonal spans
     * more than about 1/eps in magnitude should be scaled symmetrically first.
     *
     * @return 0 on success, or j+1 if pivot j is zero, NaN, or at most pivmin in magnitude (the
     *         factorization stopped there; ab then holds a partial factorization)
     */
    int sbldlt(int n, int kd, double[] ab, int ldab);

    /** Solves A*X = B with the factor from {@link #sbldlt}; B is overwritten by X. */
    void sbldltSolve(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb);

    /**
     * {@link #sbmv} (alpha = 1, beta = 0: y = A*x) for a band matrix whose entries below the
     * diagonal are zero outside its profile: column j holds non-zeros at most in rows
     * j+1..j+profile[j]. The work is the sum of the profile, not n*kd.
     *
     * @throws IllegalArgumentException as {@link #sbmv}, or if the profile is not an envelope (see
     *                                  {@link #sbldlt(int, int, int[], double[], int)})
     */
    void sbmv(int n, int kd, int[] profile, double[] ab, int ldab, double[] x, double[] y);

    /**
     * {@link #sbldlt(int, int, double[], int)} within a profile (envelope): column j of A has
     * non-zeros below the diagonal at most in rows j+1..j+profile[j], with 0 &lt;= profile[j] &lt;=
     * min(kd, n-1-j) and the last row j+profile[j] non-decreasing in j. Elimination without
     * pivoting fills only inside such an envelope (A. George and J. W. H. Liu, Computer Solution of
     * Large Sparse Positive Definite Systems, Prentice-Hall 1981, ch. 4), so the factor has the
     * same profile and costs the sum of profile[j]^2 instead of n*kd^2: a finite element matrix of
     * high-order elements, whose band is mostly zeros between element blocks, factors at a fraction
     * of the band cost. Same pivot test and return value as the full-band version; with the full
     * profile min(kd, n-1-j) it gives the same bits.
     *
     * @throws IllegalArgumentException as the full-band version, or if profile is null, shorter
     *                                  than n, out of range, or its last rows decrease
     */
    int sbldlt(int n, int kd, int[] profile, double[] ab, int ldab);

    /** Solves A*x = b (one right-hand side, overwritten) with a factor from {@link #sbldlt(int, int, int[], double[], int)}. */
    void sbldltSolve(int n, int kd, int[] profile, double[] ab, int ldab, double[] b);
}
