package org.elementa.atomic.scf;

/** The self-consistent field iteration did not reach its tolerance; carries the residual history. */
public final class ScfNotConvergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double[] residualHistory;

    /**
     * @param message         what did not converge (the residual summary is appended)
     * @param residualHistory the residual norm of every iteration done
     */
    public ScfNotConvergedException(String message, double[] residualHistory) {
        super(message + "; potential residual history " + summary(residualHistory));
        this.residualHistory = residualHistory.clone();
    }

    private static String summary(double[] h) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < h.length; i++) {
            if (h.length > 13 && i == 3) {
                sb.append("..., ");
                i = h.length - 10;
            }
            sb.append(String.format(java.util.Locale.ROOT, "%.3e", h[i])).append(i + 1 < h.length ? ", " : "]");
        }
        return sb.toString();
    }

    /** The potential residual norm of every iteration. */
    public double[] residualHistory() {
        return residualHistory.clone();
    }
}
