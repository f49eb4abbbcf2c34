package org.elementa.atomic.scf;

/**
 * Kohn-Sham total energy and its parts as NIST SRD 141 reports them (Hartree):
 * total = kinetic + coulomb + electronNucleus + exchangeCorrelation, with
 * kinetic = sum_i f_i (P_i | -1/2 d^2/dr^2 + l(l+1)/(2 r^2) | P_i),
 * coulomb = 1/2 integral n V_H d^3r, electronNucleus = -Z integral n / r d^3r,
 * exchangeCorrelation = integral n e_xc(n) d^3r.
 *
 * @param total               Etot
 * @param kinetic             Ekin
 * @param coulomb             Ecoul (Hartree energy)
 * @param electronNucleus     Eenuc
 * @param exchangeCorrelation Exc
 */
public record Energies(double total, double kinetic, double coulomb, double electronNucleus, double exchangeCorrelation) {
}
