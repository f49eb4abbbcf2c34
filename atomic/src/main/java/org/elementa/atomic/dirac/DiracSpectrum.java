package org.elementa.atomic.dirac;

/**
 * The lowest eigenstates of one kappa from {@link RadialDiracSolver}: energies (rest energy
 * subtracted, ascending) and the radial functions P(r), Q(r), normalized so that the integral of
 * P^2 + Q^2 over [0, rmax] is 1.
 */
public final class DiracSpectrum {

    private final RadialDiracSolver solver;
    private final int kappa;
    private final double beta;
    private final double[] energies;
    private final double[] vectors;
    private final int n;

    DiracSpectrum(RadialDiracSolver solver, int kappa, double beta, double[] energies, double[] vectors, int n) {
        this.solver = solver;
        this.kappa = kappa;
        this.beta = beta;
        this.energies = energies;
        this.vectors = vectors;
        this.n = n;
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

    /** {P(r), Q(r)} of state k, for 0 <= r <= rmax. */
    public double[] radial(int k, double r) {
        checkIndex(k);
        return solver.evaluate(vectors, n, k, beta, r);
    }

    private void checkIndex(int k) {
        if (k < 0 || k >= energies.length) {
            throw new IndexOutOfBoundsException("state " + k + " must be in [0, " + energies.length + ")");
        }
    }
}
