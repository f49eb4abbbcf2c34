package org.elementa.fem.linalg;

/**
 * Eigenpairs of a generalized symmetric-definite problem H x = E S x, in ascending order of E,
 * with the solver's diagnostics.
 *
 * @param values       eigenvalues, ascending
 * @param vectors      eigenvectors, column-major n-by-values.length, S-orthonormal (x_i^T S x_j = delta_ij)
 * @param n            problem order
 * @param iterations   solver iterations (method-specific: Lanczos steps, subspace sweeps, ...)
 * @param factorizations number of matrix factorizations performed
 */
public record EigenResult(double[] values, double[] vectors, int n, int iterations, int factorizations) {

    /**
     * Checks the shapes: n >= 1 and vectors.length == values.length * n.
     *
     * @throws IllegalArgumentException naming the inconsistent component
     */
    public EigenResult {
        java.util.Objects.requireNonNull(values, "values");
        java.util.Objects.requireNonNull(vectors, "vectors");
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " must be >= 1");
        }
        if ((long) values.length * n != vectors.length) {
            throw new IllegalArgumentException("vectors.length = " + vectors.length + " must be values.length * n = "
                    + values.length + " * " + n);
        }
    }

    /** Number of eigenpairs. */
    public int count() {
        return values.length;
    }

    /** Component i of eigenvector k. */
    public double vector(int k, int i) {
        return vectors[i + k * n];
    }

    /** A copy of eigenvector k. */
    public double[] vector(int k) {
        double[] v = new double[n];
        System.arraycopy(vectors, k * n, v, 0, n);
        return v;
    }
}
