/**
 * Atoms: radial Schroedinger and Dirac equations, exchange-correlation functionals and Kohn-Sham
 * self-consistency, on the high-order finite elements of {@code fem}. Atomic units (Hartree).
 */
package org.elementa.atomic;
