/**
 * The Boltzmann equation: velocity grids, Fourier spectral collision operators, BGK, and
 * asymptotic-preserving time integrators (to come). Depends on {@code spectral} for FFTs and on
 * {@code fem} for the kernels; never on {@code atomic}.
 */
package org.elementa.kinetic;
