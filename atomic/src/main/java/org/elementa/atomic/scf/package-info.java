/**
 * Kohn-Sham self-consistent field for spherical atoms on the engine's radial finite elements.
 *
 * <pre>
 * AtomSolution u = AtomSolver.builder().tolerance(1e-8).build().solve(Configuration.nist("U"));
 * u.energies().total();                 // -25658.41788885 Ha
 * u.orbitals();                         // (n, l, occupation, eigenvalue)
 * u.density(radii); u.radialOrbital(5, 3, radii);
 * </pre>
 * Data flow per iteration: potential at quadrature points -> H_l = K/2 + l(l+1)/2 M_{1/r^2} + M_V
 * -> eigenpairs (the engine's {@code BandedGeneralizedEigensolver}, hinted with the previous eigenvalues) -> density -> Hartree (FE Poisson) and
 * xc -> Anderson mixing. Internals ({@code RadialFiniteElements}) are package-private.
 */
package org.elementa.atomic.scf;
