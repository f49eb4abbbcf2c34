package org.elementa.atomic.scf;

import java.util.List;
import org.elementa.atomic.config.Configuration;

/**
 * A converged Kohn-Sham atom: energies, eigenvalues, SCF diagnostics, and the density and radial
 * orbitals on any radii. Immutable.
 */
public final class AtomSolution {

    private final Configuration configuration;
    private final String functional;
    private final Energies energies;
    private final List<OrbitalEnergy> orbitals;
    private final double[][] coefficients;
    private final RadialFiniteElements space;
    private final double[] residualHistory;
    private final Discretization discretization;
    private final int factorizations;
    private final long nanos;

    AtomSolution(Configuration configuration, String functional, Energies energies, List<OrbitalEnergy> orbitals,
                 double[][] coefficients, RadialFiniteElements space, double[] residualHistory,
                 Discretization discretization, int factorizations, long nanos) {
        this.configuration = configuration;
        this.functional = functional;
        this.energies = energies;
        this.orbitals = List.copyOf(orbitals);
        this.coefficients = coefficients;
        this.space = space;
        this.residualHistory = residualHistory;
        this.discretization = discretization;
        this.factorizations = factorizations;
        this.nanos = nanos;
    }

    /** Banded factorizations of shifted Hamiltonians done by the eigensolver (a cost measure). */
    public int factorizations() {
        return factorizations;
    }

    /** Wall-clock time of the solve in seconds (diagnostic only; varies from run to run). */
    public double seconds() {
        return nanos * 1e-9;
    }

    /** The configuration solved. */
    public Configuration configuration() {
        return configuration;
    }

    /** Name of the exchange-correlation functional, e.g. "LDA". */
    public String functional() {
        return functional;
    }

    /** Total energy and its parts. */
    public Energies energies() {
        return energies;
    }

    /** The occupied orbitals with their eigenvalues, in the configuration's order. */
    public List<OrbitalEnergy> orbitals() {
        return orbitals;
    }

    /** The eigenvalue of orbital (n, l). */
    public double eigenvalue(int n, int l) {
        return orbitals.get(indexOf(n, l)).energy();
    }

    /** Number of SCF iterations done. */
    public int scfIterations() {
        return residualHistory.length;
    }

    /** Potential residual norm of each iteration. */
    public double[] residualHistory() {
        return residualHistory.clone();
    }

    /** Unknowns of each radial equation. */
    public int dofs() {
        return space.dofs;
    }

    /** The finite element space used. */
    public Discretization discretization() {
        return discretization;
    }

    /**
     * The spherically averaged electron density n(r) (electrons per bohr^3, integral 4 pi r^2 n dr
     * = Z) at each radius; n(0) = sum over the s orbitals of f P'(0)^2 / (4 pi), the limit r -> 0 of
     * the finite element density.
     */
    public double[] density(double[] radii) {
        double[] out = new double[radii.length];
        for (int k = 0; k < radii.length; k++) {
            double r = radii[k];
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("radius r[" + k + "] = " + r + " must be finite and >= 0");
            }
            double s = 0;
            if (r == 0) {
                // P = r R, so R(0) = P'(0): only l = 0 orbitals reach the nucleus, and their finite
                // element derivative at r = 0 is exact polynomial arithmetic (no 0/0 as P(r)/r is).
                for (int i = 0; i < orbitals.size(); i++) {
                    if (orbitals.get(i).l() == 0) {
                        double d = space.space.derivative(coefficients[i], 0);
                        s += orbitals.get(i).occupation() * d * d;
                    }
                }
                out[k] = s / (4 * Math.PI);
                continue;
            }
            for (int i = 0; i < orbitals.size(); i++) {
                double p = space.valueAt(coefficients[i], r);
                s += orbitals.get(i).occupation() * p * p;
            }
            out[k] = s / (4 * Math.PI * r * r);
        }
        return out;
    }

    /**
     * The radial function P(r) = r R(r) of orbital (n, l) at each radius, normalized so that
     * integral P^2 dr = 1 and positive near the nucleus; zero beyond rmax.
     */
    public double[] radialOrbital(int n, int l, double[] radii) {
        double[] c = coefficients[indexOf(n, l)];
        double[] out = new double[radii.length];
        for (int k = 0; k < radii.length; k++) {
            if (!(radii[k] >= 0) || !Double.isFinite(radii[k])) {
                throw new IllegalArgumentException("radius r[" + k + "] = " + radii[k] + " must be finite and >= 0");
            }
            out[k] = space.valueAt(c, radii[k]);
        }
        return out;
    }

    /**
     * For each orbital (in {@link #orbitals()} order), an estimate of how far the wall at rmax (where
     * the finite element orbitals are set to zero) raises its eigenvalue above the free atom's:
     * dE = P'(rmax)^2 / (4 kappa), kappa = sqrt(l(l+1)/rmax^2 - 2 E). (Green's identity between the
     * boxed and the free orbital gives dE = -P_free(rmax) P'(rmax) / 2, and beyond the turning point
     * P_free ~ exp(-kappa r), so P'(rmax) = -2 kappa P_free(rmax).) Infinite when kappa is zero (a
     * level at or above the continuum).
     */
    double[] boxErrors() {
        double rmax = space.rmax;
        double[] out = new double[orbitals.size()];
        for (int i = 0; i < out.length; i++) {
            OrbitalEnergy o = orbitals.get(i);
            double kappa2 = o.l() * (o.l() + 1.0) / (rmax * rmax) - 2 * o.energy();
            double d = space.space.derivative(coefficients[i], rmax);
            out[i] = kappa2 > 0 ? d * d / (4 * Math.sqrt(kappa2)) : Double.POSITIVE_INFINITY;
        }
        return out;
    }

    private int indexOf(int n, int l) {
        for (int i = 0; i < orbitals.size(); i++) {
            if (orbitals.get(i).n() == n && orbitals.get(i).l() == l) {
                return i;
            }
        }
        throw new IllegalArgumentException("orbital n = " + n + ", l = " + l + " is not in the configuration " + configuration);
    }
}
