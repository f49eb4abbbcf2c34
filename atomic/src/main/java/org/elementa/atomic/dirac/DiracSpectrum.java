package org.elementa.atomic.dirac;

import org.elementa.fem.space.LagrangeSpace1D;

/**
 * The lowest eigenstates of one kappa from {@link RadialDiracSolver}: energies (rest energy
 * subtracted, ascending) and the radial functions P(r) = s(r) f(r), Q(r) = s(r) g(r) with f, g in
 * the solver's finite element space and s(r) = (r/r_1)^gamma, gamma = beta - |kappa| + 1, on the
 * first element [0, r_1], 1 elsewhere. Normalized so that the integral of P^2 + Q^2 over [0, rmax] is 1. Immutable.
 */
public final class DiracSpectrum {

    private final LagrangeSpace1D space;
    private final int kappa;
    private final double beta;
    private final double gamma;
    private final double[] energies;
    private final double[][] large;
    private final double[][] small;

    DiracSpectrum(LagrangeSpace1D space, int kappa, double beta, double gamma, double[] energies, double[][] large, double[][] small) {
        this.space = space;
        this.kappa = kappa;
        this.beta = beta;
        this.gamma = gamma;
        this.energies = energies;
        this.large = large;
        this.small = small;
    }

    /** The angular quantum number kappa. */
    public int kappa() {
        return kappa;
    }

    /** The exponent beta = sqrt(kappa^2 - (Z/c)^2) of P, Q ~ r^beta at the origin. */
    public double beta() {
        return beta;
    }

    /** Number of states. */
    public int count() {
        return energies.length;
    }

    /** Energy of state k (0 = lowest), rest energy subtracted. */
    public double energy(int k) {
        checkIndex(k);
        return energies[k];
    }

    /** All energies, ascending (a copy). */
    public double[] energies() {
        return energies.clone();
    }

    /** The state k of this kappa: principal number lowestN(kappa) + k. */
    public DiracState state(int k) {
        checkIndex(k);
        return new DiracState(DiracState.lowestN(kappa) + k, kappa);
    }

    /** The coefficients of f (P without the first element's r^beta factor) of state k, a copy. */
    public double[] largeCoefficients(int k) {
        checkIndex(k);
        return large[k].clone();
    }

    /** The coefficients of g (Q without the first element's r^beta factor) of state k, a copy. */
    public double[] smallCoefficients(int k) {
        checkIndex(k);
        return small[k].clone();
    }

    /**
     * {P(r), Q(r)} of state k.
     *
     * @throws IllegalArgumentException when r is outside [0, rmax]
     */
    public double[] radial(int k, double r) {
        checkIndex(k);
        double f = space.value(large[k], r);
        double g = space.value(small[k], r);
        double firstEnd = space.mesh().node(1);
        double s = r < firstEnd ? Math.pow(r / firstEnd, gamma) : 1.0;
        return new double[] {s * f, s * g};
    }

    /** P(r)^2 + Q(r)^2 of state k (4 pi r^2 times its density). */
    public double density(int k, double r) {
        double[] pq = radial(k, r);
        return pq[0] * pq[0] + pq[1] * pq[1];
    }

    private void checkIndex(int k) {
        if (k < 0 || k >= energies.length) {
            throw new IndexOutOfBoundsException("state " + k + " must be in [0, " + energies.length + ")");
        }
    }
}
