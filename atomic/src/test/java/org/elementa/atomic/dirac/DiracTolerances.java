package org.elementa.atomic.dirac;

import org.elementa.atomic.radial.RadialDiscretization;

/** Tolerances shared by the Dirac tests, each with its reason. */
final class DiracTolerances {

    private DiracTolerances() {
    }

    /** Issue 5's bound for Dirac-Coulomb Z = 92 eigenvalues against Sommerfeld's formula, Hartree. */
    static final double SOMMERFELD_Z92 = 5e-9;

    /**
     * How far below the exact energy a computed one may fall from rounding alone (the squared
     * Hamiltonian is variational, so above the floor every error is positive). The measured floor
     * for Z = 92 is 3e-11 Ha (|E_1s| = 4861 Ha, so about 1e-14 relative); 2e-10 leaves room for
     * another summation order.
     */
    static final double ROUNDING_FLOOR_Z92 = 2e-10;

    /** The mesh of the Z = 92 checks: rmax = 10 (n = 7 states decay as exp(-13 r)), 10 elements, p = 14. */
    static final RadialDiscretization Z92_MESH = RadialDiscretization.of(10, 100, 10, 14);
}
