package org.elementa.atomic.dirac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.junit.jupiter.api.Test;

/** The Sturm eigensolver against the engine's dense reference path, on squared-Dirac pencils. */
class SturmEigensolverTest {

    private static final double C = DiracCoulomb.SPEED_OF_LIGHT;

    @Test
    void matchesDenseReferenceWithAndWithoutGuesses() {
        RadialDiracSolver solver = new RadialDiracSolver(RadialDiscretization.of(10, 100, 6, 8), C);
        SturmEigensolver sturm = new SturmEigensolver(-C * C * C * C, 2 * C * C * 1e-10);
        DenseGeneralizedEigensolver dense = new DenseGeneralizedEigensolver();
        for (int kappa : new int[] {-1, 1, -3}) {
            SymmetricBandMatrix[] p = solver.coulombPencil(kappa, 92);
            int count = 5;
            EigenResult ref = dense.lowest(p[0], p[1], count);
            double[] good = ref.values().clone();
            double[] poor = new double[count];
            for (int k = 0; k < count; k++) {
                good[k] *= 1 + 1e-7;
                // 20 % off: the fixed-shift path may land on a neighbour; the Sturm count must catch it.
                poor[k] = ref.values()[k] * 0.8;
            }
            for (double[] guesses : new double[][] {null, good, poor}) {
                EigenResult r = sturm.lowest(p[0], p[1], count, guesses);
                for (int k = 0; k < count; k++) {
                    // The dense path is accurate to ~eps ||S^-1 B|| in absolute terms; the Sturm result's
                    // Rayleigh quotients are better. 1e-9 relative of mu (~2c^2 |E|) is E to ~1e-9 |E|.
                    assertEquals(ref.values()[k], r.values()[k], 1e-9 * Math.abs(ref.values()[k]),
                            "kappa " + kappa + " k " + k);
                    double overlap = sOverlap(p[1], r.vector(k), ref.vector(k));
                    // Same eigenvector up to sign, S-normalized.
                    assertEquals(1.0, Math.abs(overlap), 1e-8, "kappa " + kappa + " vector " + k);
                    assertEquals(1.0, sOverlap(p[1], r.vector(k), r.vector(k)), 1e-12);
                }
            }
        }
    }

    @Test
    void goodGuessesCostOneFactorizationPerEigenpair() {
        RadialDiracSolver solver = new RadialDiracSolver(RadialDiscretization.of(10, 100, 6, 8), C);
        SturmEigensolver sturm = new SturmEigensolver(-C * C * C * C, 2 * C * C * 1e-10);
        SymmetricBandMatrix[] p = solver.coulombPencil(-1, 92);
        EigenResult first = sturm.lowest(p[0], p[1], 4);
        double[] guesses = first.values().clone();
        for (int k = 0; k < 4; k++) {
            guesses[k] *= 1 + 1e-6;
        }
        EigenResult second = sturm.lowest(p[0], p[1], 4, guesses);
        assertEquals(4, second.factorizations());
        assertTrue(first.factorizations() > 4);
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
