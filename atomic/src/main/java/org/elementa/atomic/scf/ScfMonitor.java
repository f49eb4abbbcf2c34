package org.elementa.atomic.scf;

/** Receives the progress of an SCF iteration (for progress output; called on the solving thread). */
@FunctionalInterface
public interface ScfMonitor {

    /**
     * @param iteration          1-based iteration number
     * @param potentialResidual  norm of V_out - V_in, sqrt(integral (V_out - V_in)^2 dr)
     * @param eigenvalueChange   largest change of an eigenvalue since the previous iteration (Hartree)
     * @param totalEnergy        total energy of this iteration's density (Hartree)
     */
    void iteration(int iteration, double potentialResidual, double eigenvalueChange, double totalEnergy);
}
