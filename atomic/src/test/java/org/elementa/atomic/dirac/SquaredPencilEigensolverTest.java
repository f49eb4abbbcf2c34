package org.elementa.atomic.dirac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EigenSolverException;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.junit.jupiter.api.Test;

/**
 * The engine's banded eigensolver, configured as RadialDiracSolver uses it (lower bound -c^4,
 * tolerances relative to |mu| + c^2), against the dense reference path on squared-Dirac pencils.
 */
class SquaredPencilEigensolverTest {

    private static final double C = DiracCoulomb.SPEED_OF_LIGHT;

    @Test
    void matchesDenseReferenceWithAndWithoutGuesses() {
        RadialDiracSolver solver = new RadialDiracSolver(RadialDiscretization.of(10, 100, 6, 8), C);
        BandedGeneralizedEigensolver banded = RadialDiracSolver.squaredPencilEigensolver(C);
        DenseGeneralizedEigensolver dense = new DenseGeneralizedEigensolver();
        for (int kappa : new int[] {-1, 1, -3}) {
            SymmetricBandMatrix[] p = solver.coulombPencil(kappa, 92);
            int count = 5;
            EigenResult ref = dense.lowest(p[0], p[1], count);
            double[] good = ref.values().clone();
            double[] poor = new double[count];
            for (int k = 0; k < count; k++) {
                good[k] *= 1 + 1e-7;
                // 20 % off: a shift at the hint may converge to a neighbour; the Sturm counts must catch it.
                poor[k] = ref.values()[k] * 0.8;
            }
            for (double[] guesses : new double[][] {null, good, poor}) {
                EigenResult r = banded.lowest(p[0], p[1], count, guesses);
                for (int k = 0; k < count; k++) {
                    // The dense path is accurate to ~eps ||S^-1 B|| in absolute terms, the banded one's
                    // shifted Rayleigh quotients better. 1e-9 relative of mu (~2c^2 |E|) is E to ~1e-9 |E|.
                    assertEquals(ref.values()[k], r.values()[k], 1e-9 * Math.abs(ref.values()[k]),
                            "kappa " + kappa + " k " + k);
                    // Same eigenvector up to sign, S-normalized.
                    assertEquals(1.0, Math.abs(sOverlap(p[1], r.vector(k), ref.vector(k))), 1e-8,
                            "kappa " + kappa + " vector " + k);
                    assertEquals(1.0, sOverlap(p[1], r.vector(k), r.vector(k)), 1e-12);
                }
            }
        }
    }

    @Test
    void goodGuessesCostOneFactorizationPerEigenpairWhereTheDefaultScaleCannotCertify() {
        // Hydrogen-like Z = 1 on the uranium discretization of the 1e-8 Ha target (order 15, first
        // element 1.7e-4 bohr): ||S^-1 B|| ~ 1e20 while the wanted |mu| = |E (E + 2 c^2)| are ~ 1e4, the
        // situation of the outer shells of an atom.
        RadialDiracSolver solver = new RadialDiracSolver(DiracAtomSolver.discretizationFor(1e-8), C);
        BandedGeneralizedEigensolver banded = RadialDiracSolver.squaredPencilEigensolver(C);
        SymmetricBandMatrix[] p = solver.coulombPencil(-1, 1);
        int count = 2;
        EigenResult first = banded.lowest(p[0], p[1], count);
        // The previous eigenvalues as hints, as a converging SCF iteration gives them.
        double[] guesses = first.values().clone();
        EigenResult second = banded.lowest(p[0], p[1], count, guesses);
        List<DiracState> states = DiracCoulomb.states(-1, count);
        for (int k = 0; k < count; k++) {
            double mu = second.values()[k];
            double e = mu / (C * C + Math.sqrt(C * C * C * C + mu));
            // 1s and 2s of hydrogen (Sommerfeld): the eigenvalue mu carries an error of ~eps |mu| from the
            // shifted Rayleigh quotient; 1e-9 Ha is far above that and far below any level spacing.
            assertEquals(DiracCoulomb.energy(states.get(k), 1, C), e, 1e-9, states.get(k).label());
        }
        // One shift per hint; S was checked in the first call (same S).
        assertEquals(count, second.factorizations());
        // The engine's default tolerances (relative to 1e-6 ||S^-1 B||, ~1e14 here) cannot tell on which
        // side of a shift just above a hint the converged pair lies: many more shifts, or a failure.
        int defaultCost;
        try {
            defaultCost = new BandedGeneralizedEigensolver().lowest(p[0], p[1], count, guesses).factorizations();
        } catch (EigenSolverException ex) {
            defaultCost = Integer.MAX_VALUE;
        }
        assertTrue(defaultCost > 2 * count + 1, "default tolerances used " + defaultCost + " factorizations");
    }

    @Test
    void sameInputSameBits() {
        RadialDiracSolver solver = new RadialDiracSolver(RadialDiscretization.of(10, 100, 6, 8), C);
        SymmetricBandMatrix[] p = solver.coulombPencil(2, 80);
        EigenResult a = RadialDiracSolver.squaredPencilEigensolver(C).lowest(p[0], p[1], 3);
        EigenResult b = RadialDiracSolver.squaredPencilEigensolver(C).lowest(p[0], p[1], 3);
        assertArrayEquals(a.values(), b.values(), 0.0);
        assertArrayEquals(a.vectors(), b.vectors(), 0.0);
    }

    private static double sOverlap(SymmetricBandMatrix s, double[] x, double[] y) {
        double[] d = s.toDense();
        int n = s.size();
        double sum = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                sum += x[i] * d[i + j * n] * y[j];
            }
        }
        return sum;
    }
}
