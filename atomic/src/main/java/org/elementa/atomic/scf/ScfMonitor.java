package org.elementa.atomic.scf;

/** Receives the progress of an SCF iteration (for progress output; called on the solving thread). */
@FunctionalInterface
public interface ScfMonitor {

    /**
     * @param iteration          1-based iteration number
     * @param potentialResidual  norm of V_out - V_in, sqrt(integral (V_out - V_in)^2 dr)
     * @param eigenvalueError    a-posteriori eigenvalue error estimate, max over the occupied orbitals of
     *                           |integral P_i^2 (V_out - V_in) dr| (Hartree)
     * @param totalEnergy        total energy of this iteration's density (Hartree)
     */
    void iteration(int iteration, double potentialResidual, double eigenvalueError, double totalEnergy);
}
