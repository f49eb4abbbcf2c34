package org.elementa.fem.space;

import java.util.Arrays;

/**
 * A function u = sum_i c_i phi_i of a {@link LagrangeSpace1D}. Immutable: the constructor copies the
 * coefficients and {@link #coefficients()} returns a copy. Two functions are equal when their spaces
 * are equal and their coefficients are equal element by element ({@link Arrays#equals(double[], double[])}).
 *
 * @param space        the space
 * @param coefficients one per dof
 */
public record FeFunction(LagrangeSpace1D space, double[] coefficients) {

    /**
     * Checks the length and copies the coefficients.
     *
     * @throws IllegalArgumentException if space or coefficients is null, or the length is not space.dofs()
     */
    public FeFunction {
        if (space == null || coefficients == null) {
            throw new IllegalArgumentException("space and coefficients must not be null");
        }
        if (coefficients.length != space.dofs()) {
            throw new IllegalArgumentException("coefficients: length " + coefficients.length + " but the space has "
                    + space.dofs() + " dofs");
        }
        coefficients = coefficients.clone();
    }

    /** A copy of the coefficients, one per dof. */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The coefficients without a copy, for evaluation inside this package; never modified there. */
    double[] coefficientsView() {
        return coefficients;
    }

    /** u(r); r inside the mesh. */
    public double value(double r) {
        return space.value(coefficients, r);
    }

    /** u'(r); r inside the mesh. */
    public double derivative(double r) {
        return space.derivative(coefficients, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeFunction f && space.equals(f.space) && Arrays.equals(coefficients, f.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * space.hashCode() + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "FeFunction[" + space + "]";
    }
}
