/**
 * Local exchange-correlation functionals of the spin-unpolarized electron gas: Slater exchange,
 * VWN5 correlation (Vosko, Wilk, Nusair, Can. J. Phys. 58, 1200 (1980)), the MacDonald-Vosko
 * relativistic exchange correction, and their sums NIST uses (LDA, RLDA).
 */
package org.elementa.atomic.xc;
