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
}
