package org.elementa.atomic.radial;

import org.elementa.fem.space.FeFunction;

/**
 * One bound state of the radial equation: principal quantum number n (= l + 1 + number of radial
 * nodes), angular momentum l, energy E (Hartree), and P(r) = r R(r) normalized to integral P^2 dr = 1,
 * with P &gt; 0 near r = 0.
 *
 * @param n      principal quantum number, &gt;= l + 1
 * @param l      angular momentum, &gt;= 0
 * @param energy eigenvalue E (Hartree)
 * @param p      P(r) as a finite element function
 */
public record RadialState(int n, int l, double energy, FeFunction p) {
}
