package org.elementa.atomic.scf;

/** The self-consistent field iteration did not reach its tolerance; carries the residual history. */
public final class ScfNotConvergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double[] residualHistory;

    ScfNotConvergedException(String message, double[] residualHistory) {
        super(message + "; potential residual history " + java.util.Arrays.toString(residualHistory));
        this.residualHistory = residualHistory.clone();
    }

    /** The potential residual norm of every iteration. */
    public double[] residualHistory() {
        return residualHistory.clone();
    }
}
