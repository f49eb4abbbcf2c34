package org.elementa.atomic.dirac;

import java.util.List;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.atomic.scf.Energies;

/**
 * A converged relativistic Kohn-Sham atom: its total energy and parts, and every occupied
 * subshell's eigenvalue (rest energy subtracted), in the configuration's order.
 *
 * @param z              nuclear charge
 * @param functional     the exchange-correlation functional's name ("RLDA")
 * @param energies       total energy and its parts, Hartree
 * @param orbitals       occupied subshells with their eigenvalues, in the configuration's order
 * @param iterations     SCF iterations used
 * @param residuals      potential residual of each iteration
 * @param discretization the finite element discretization
 * @param unknowns       unknowns of each radial Dirac problem (2 N p)
 */
public record DiracAtomSolution(int z, String functional, Energies energies,
                                List<OrbitalEnergy> orbitals, int iterations, double[] residuals,
                                RadialDiscretization discretization, int unknowns) {

    /**
     * One subshell's eigenvalue.
     *
     * @param state      (n, kappa): l, j follow
     * @param occupation electrons in it
     * @param energy     Kohn-Sham eigenvalue, Hartree (rest energy subtracted)
     */
    public record OrbitalEnergy(DiracState state, double occupation, double energy) {
    }

    /** The eigenvalue of a state, or NaN when it is not occupied. */
    public double eigenvalue(DiracState state) {
        for (OrbitalEnergy o : orbitals) {
            if (o.state().equals(state)) {
                return o.energy();
            }
        }
        return Double.NaN;
    }
}
