package org.elementa.atomic.radial;

import org.elementa.fem.space.FeFunction;

/**
 * One bound state of the radial equation: principal quantum number n (= l + 1 + number of radial
 * nodes), angular momentum l, energy E (Hartree), and P(r) = r R(r) normalized to integral P^2 dr = 1,
 * with P > 0 near r = 0.
 *
 * @param n      principal quantum number, >= l + 1
 * @param l      angular momentum, >= 0
 * @param energy eigenvalue E (Hartree)
 * @param p      P(r) as a finite element function
 */
public record RadialState(int n, int l, double energy, FeFunction p) {
}
