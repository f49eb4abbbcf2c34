package org.elementa.fem.linalg;

/** An eigensolver failed: S not positive definite, or no convergence (the message says which, with the residuals). */
public final class EigenSolverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message what failed, with the diagnostics
     */
    public EigenSolverException(String message) {
        super(message);
    }
}
