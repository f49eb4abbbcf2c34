/**
 * Relativistic atoms: the radial Dirac equation by high-order finite elements and relativistic
 * Kohn-Sham density functional theory (RLDA).
 *
 * <ul>
 * <li>{@link org.elementa.atomic.dirac.RadialDiracSolver}: the radial Dirac equation for one kappa
 *     in a central potential, by the squared Hamiltonian (Čertík et al., CPC 297 (2024) 109051),
 *     free of spurious states, with the r^beta behaviour at a point nucleus built into the first
 *     element so that kappa = +-1 converge exponentially like every other kappa.</li>
 * <li>{@link org.elementa.atomic.dirac.DiracCoulomb}: Sommerfeld's exact Dirac-Coulomb energies,
 *     the reference the solver is tested against; {@link org.elementa.atomic.dirac.DiracState}:
 *     (n, kappa) bookkeeping, l, j and labels.</li>
 * <li>{@link org.elementa.atomic.dirac.DiracAtomSolver}: the RLDA self-consistent field
 *     (MacDonald-Vosko exchange and VWN correlation from {@code atomic.xc}, Anderson mixing from
 *     {@code atomic.scf}, NIST's relativistic configurations from {@code atomic.config}).</li>
 * </ul>
 * Hartree atomic units; the speed of light defaults to 137.0359895.
 */
package org.elementa.atomic.dirac;
