package org.elementa.fem.linalg;

/**
 * Solves the generalized symmetric-definite eigenproblem H x = E S x (H symmetric, S symmetric
 * positive definite, both banded) for its lowest eigenpairs.
 */
public interface GeneralizedEigensolver {

    /**
     * The {@code count} lowest eigenpairs, ascending.
     *
     * @throws IllegalArgumentException if the shapes differ or count is outside [1, n]
     * @throws EigenSolverException     if S is not positive definite or the method does not converge
     */
    EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count);

    /**
     * The {@code count} lowest eigenpairs with hints: {@code guesses[i]} (i &lt; guesses.length &lt;= count)
     * approximates eigenvalue i, for example from the previous iteration of a self-consistent field
     * loop. Solvers that can use hints converge faster with good ones; a bad hint costs time, never
     * correctness. This default ignores the hints.
     *
     * @throws IllegalArgumentException as {@link #lowest(SymmetricBandMatrix, SymmetricBandMatrix, int)},
     *                                  or if guesses is longer than count or holds a non-finite value
     */
    default EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count, double[] guesses) {
        if (guesses != null) {
            if (guesses.length > count) {
                throw new IllegalArgumentException("guesses.length = " + guesses.length + " must be <= count = " + count);
            }
            for (double g : guesses) {
                if (!Double.isFinite(g)) {
                    throw new IllegalArgumentException("guesses must be finite, got " + g);
                }
            }
        }
        return lowest(h, s, count);
    }

    /**
     * Whether {@link #lowest(SymmetricBandMatrix, SymmetricBandMatrix, int, double[])} uses its
     * hints. A caller whose hints cost work to form (a coarse predictor solve) skips that work for
     * a solver that would ignore them. This default: false.
     */
    default boolean usesHints() {
        return false;
    }

    /**
     * Eigenpairs il..iu (0-based, inclusive, counted from the lowest), ascending. This default
     * computes the iu+1 lowest and keeps the last iu-il+1.
     *
     * @throws IllegalArgumentException if the shapes differ or not 0 &lt;= il &lt;= iu &lt; n
     * @throws EigenSolverException     if S is not positive definite or the method does not converge
     */
    default EigenResult range(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu) {
        EigenSupport.checkRange(h, s, il, iu);
        EigenResult all = lowest(h, s, iu + 1);
        int n = all.n();
        int k = iu - il + 1;
        double[] values = new double[k];
        double[] vectors = new double[n * k];
        System.arraycopy(all.values(), il, values, 0, k);
        System.arraycopy(all.vectors(), il * n, vectors, 0, n * k);
        return new EigenResult(values, vectors, n, all.iterations(), all.factorizations());
    }
}
