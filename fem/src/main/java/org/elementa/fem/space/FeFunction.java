package org.elementa.fem.space;

/**
 * A function u = sum_i c_i phi_i of a {@link LagrangeSpace1D}. The coefficient array is owned by
 * this record: {@link #coefficients()} returns it without copying, for speed; treat it as read-only.
 *
 * @param space        the space
 * @param coefficients one per dof
 */
public record FeFunction(LagrangeSpace1D space, double[] coefficients) {

    public FeFunction {
        if (coefficients.length != space.dofs()) {
            throw new IllegalArgumentException("coefficients: length " + coefficients.length + " but the space has "
                    + space.dofs() + " dofs");
        }
    }

    /** u(r); r inside the mesh. */
    public double value(double r) {
        return space.value(coefficients, r);
    }

    /** u'(r); r inside the mesh. */
    public double derivative(double r) {
        return space.derivative(coefficients, r);
    }
}
