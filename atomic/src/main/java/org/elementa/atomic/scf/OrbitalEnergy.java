package org.elementa.atomic.scf;

/**
 * One Kohn-Sham orbital of a solved atom.
 *
 * @param n          principal quantum number
 * @param l          angular momentum
 * @param occupation electrons in the subshell
 * @param energy     Kohn-Sham eigenvalue (Hartree)
 */
public record OrbitalEnergy(int n, int l, double occupation, double energy) {
}
