package org.elementa.atomic.dirac;

/** The relativistic SCF iteration did not converge; carries the potential residual of every iteration. */
public final class DiracScfNotConvergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double[] residuals;

    DiracScfNotConvergedException(String message, double[] residuals) {
        super(message + "; residuals: " + history(residuals));
        this.residuals = residuals.clone();
    }

    /** The potential residual of each iteration (a copy). */
    public double[] residuals() {
        return residuals.clone();
    }

    private static String history(double[] r) {
        StringBuilder b = new StringBuilder();
        int from = Math.max(0, r.length - 10);
        if (from > 0) {
            b.append("... ");
        }
        for (int i = from; i < r.length; i++) {
            b.append(String.format("%.3e", r[i])).append(i + 1 < r.length ? " " : "");
        }
        return b.toString();
    }
}
