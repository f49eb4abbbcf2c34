package org.elementa.fem.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What only the banded solver promises: hints, few factorizations, the Rydberg-like radial spectrum,
 * certification. Eigenvalues are compared with EJML's (or exact ones) within per-eigenvalue residual
 * bounds (see {@link ResidualBounds}), never with this solver's own other path: a tolerance of
 * 1e-12 max|E| is 1e-2 for the radial pencils here (max|E| ~ 1e10), as large as the error of a
 * wrong low level.
 */
class BandedGeneralizedEigensolverTest {

    private final BandedGeneralizedEigensolver banded = new BandedGeneralizedEigensolver();
    private final EjmlGeneralizedEigensolver ejml = new EjmlGeneralizedEigensolver();

    private static double scale(Pencils.Pencil p) {
        EigenResult all = new EjmlGeneralizedEigensolver().lowest(p.h(), p.s(), p.n());
        return Math.max(Math.abs(all.values()[0]), Math.abs(all.values()[p.n() - 1]));
    }

    /** H + delta * (random symmetric band), as one SCF step changes a Kohn-Sham Hamiltonian. */
    private static SymmetricBandMatrix perturbed(SymmetricBandMatrix h, double delta, long seed) {
        SymmetricBandMatrix out = h.copy();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int j = 0; j < h.size(); j++) {
            for (int i = j; i <= Math.min(h.size() - 1, j + h.bandwidth()); i++) {
                out.add(i, j, delta * (2 * rnd.nextDouble() - 1));
            }
        }
        return out;
    }

    @Test
    void hintsFromASlightlyDifferentHamiltonianGiveTheSameAnswerInOneFactorizationPerPair() {
        int[][] cases = {{217, 31, 7}, {300, 12, 10}, {120, 4, 5}};
        long seed = 3;
        for (int[] c : cases) {
            Pencils.Pencil p = Pencils.random(c[0], c[1], seed++);
            double[] previous = ejml.lowest(p.h(), p.s(), c[2]).values();
            SymmetricBandMatrix h1 = perturbed(p.h(), 1e-4, seed);
            Pencils.Pencil p1 = new Pencils.Pencil(h1, p.s());
            EigenResult ref = ejml.lowest(h1, p.s(), c[2]);
            EigenResult hinted = banded.lowest(h1, p.s(), c[2], previous);
            double sc = scale(p1);
            ResidualBounds.assertAgree(p1, ref, 0, hinted, "hinted n=" + c[0]);
            GeneralizedEigensolverContractTest.checkPairs(p1, hinted, sc, "hinted");
            GeneralizedEigensolverContractTest.checkVectorsAgree(p1, ref, hinted, sc, "hinted");
            // The promise of hints: one shifted factorization per wanted pair (plus S's Cholesky and at
            // most one extra Sturm count) when H moved by much less than the eigenvalue gaps.
            assertTrue(hinted.factorizations() <= c[2] + 2,
                    "hinted run used " + hinted.factorizations() + " factorizations for " + c[2] + " pairs");
        }
    }

    @Test
    void exactAndBadHintsChangeNothingButTheCost() {
        Pencils.Pencil p = Pencils.random(150, 10, 21);
        EigenResult ref = ejml.lowest(p.h(), p.s(), 6);
        double sc = scale(p);
        double[][] hintSets = {
            ref.values().clone(),                                // exact: shifts land next to the eigenvalues
            {0, 0, 0, 0, 0, 0},                                  // all equal
            {5, 4, 3, 2, 1, 0},                                  // out of order
            {-1e6, 1e6},                                         // far away, fewer than count
            {ref.values()[3]},                                   // a hint for index 0 that is eigenvalue 3
        };
        for (double[] hints : hintSets) {
            EigenResult got = banded.lowest(p.h(), p.s(), 6, hints);
            ResidualBounds.assertAgree(p, ref, 0, got, java.util.Arrays.toString(hints));
            GeneralizedEigensolverContractTest.checkPairs(p, got, sc, "hints");
        }
    }

    @Test
    void rangeWithHintsMatchesTheReference() {
        Pencils.Pencil p = Pencils.random(200, 7, 8);
        EigenResult ref = ejml.lowest(p.h(), p.s(), 40);
        double[] hints = java.util.Arrays.copyOfRange(ref.values(), 30, 36);
        EigenResult got = banded.range(p.h(), p.s(), 30, 35, hints);
        double sc = scale(p);
        ResidualBounds.assertAgree(p, ref, 30, got, "range+hints");
        GeneralizedEigensolverContractTest.checkPairs(p, got, sc, "range+hints");
        assertThrows(IllegalArgumentException.class, () -> banded.range(p.h(), p.s(), 30, 35, new double[7]));
    }

    @Test
    void radialCoulombZ92MatchesDenseAndHydrogenicLevels() {
        // 7 elements of order 31 (n = 216, kd = 31): the radial uranium-like 1s..7s problem.
        double z = 92;
        Pencils.Pencil p = Pencils.radialCoulomb(z, 7, 31, 8.0, 9.0);
        EigenResult ref = ejml.lowest(p.h(), p.s(), 7);
        EigenResult dense = new DenseGeneralizedEigensolver().lowest(p.h(), p.s(), 7);
        EigenResult cold = banded.lowest(p.h(), p.s(), 7);
        EigenResult hinted = banded.lowest(p.h(), p.s(), 7, ref.values());
        double sc = scale(p);
        // Per-eigenvalue tolerances: the acceptance limit of the tested result plus EJML's residual
        // bound (3e-8 to 6e-7 here, its normwise rounding of order eps ||S^-1 H||), against
        // 1e-12 max|E| ~ 1e-2 before; each tested pair's own bound is asserted below the limit.
        ResidualBounds.assertAgree(p, ref, 0, cold, "cold");
        ResidualBounds.assertAgree(p, ref, 0, hinted, "hinted");
        ResidualBounds.assertAgree(p, ref, 0, dense, "dense");
        for (int i = 0; i < 7; i++) {
            double exact = -z * z / (2.0 * (i + 1) * (i + 1));
            // Rayleigh-Ritz: discrete eigenvalues lie above the exact ones (up to rounding), and order-31
            // elements resolve these states to well under 1e-6 relative (p-convergence is exponential).
            assertTrue(cold.values()[i] > exact - 1e-9 * Math.abs(exact), "variational bound E" + i);
            assertEquals(exact, cold.values()[i], 1e-6 * Math.abs(exact), "hydrogenic E" + i);
        }
        GeneralizedEigensolverContractTest.checkPairs(p, cold, sc, "radial");
        GeneralizedEigensolverContractTest.checkPairs(p, hinted, sc, "radial hinted");
        GeneralizedEigensolverContractTest.checkPairs(p, dense, sc, "radial dense");
        GeneralizedEigensolverContractTest.checkVectorsAgree(p, ref, cold, sc, "radial");
        GeneralizedEigensolverContractTest.checkVectorsAgree(p, ref, hinted, sc, "radial hinted");
        assertTrue(hinted.factorizations() <= 7 + 2, "hinted factorizations " + hinted.factorizations());
    }

    @Test
    void largeIndexRangesUseTheDensePathAndStillAgree() {
        Pencils.Pencil p = Pencils.random(30, 3, 4);
        EigenResult ref = ejml.lowest(p.h(), p.s(), 30);
        EigenResult got = banded.range(p.h(), p.s(), 0, 29);
        ResidualBounds.assertAgree(p, ref, 0, got, "dense path");
    }

    @Test
    void nonConvergenceThrowsWithTheHistoryOfShiftsAndResiduals() {
        // One shift cannot certify the lowest 6 of this stiff pencil: the solver must say so, not guess.
        Pencils.Pencil p = Pencils.radialCoulomb(92, 7, 31, 8.0, 9.0);
        BandedGeneralizedEigensolver starved =
                new BandedGeneralizedEigensolver(org.elementa.fem.kernel.KernelProvider.get(), 0, 1);
        EigenSolverException e = assertThrows(EigenSolverException.class, () -> starved.lowest(p.h(), p.s(), 6));
        assertTrue(e.getMessage().contains("no convergence"), e.getMessage());
        assertTrue(e.getMessage().contains("eigenvalues below"), "history of Sturm counts: " + e.getMessage());
        assertTrue(e.getMessage().contains("Lanczos at"), "history of Lanczos runs: " + e.getMessage());
    }

    @Test
    void sameInputSameBits() {
        Pencils.Pencil p = Pencils.random(180, 9, 77);
        EigenResult a = banded.lowest(p.h(), p.s(), 5);
        EigenResult b = new BandedGeneralizedEigensolver().lowest(p.h().copy(), p.s().copy(), 5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.values(), b.values(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.vectors(), b.vectors(), 0.0);
        EigenResult c = new DenseGeneralizedEigensolver().lowest(p.h(), p.s(), 5);
        EigenResult d = new DenseGeneralizedEigensolver().lowest(p.h(), p.s(), 5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(c.vectors(), d.vectors(), 0.0);
    }

    @Test
    void tridiagonalQrReproducesTheSecondDifferenceSpectrum() {
        // tridiag(-1, 2, -1) of order m: eigenvalues 2 - 2 cos(k pi / (m + 1)), k = 1..m (exact).
        int m = 57;
        double[] d = new double[m];
        double[] e = new double[m];
        java.util.Arrays.fill(d, 2.0);
        java.util.Arrays.fill(e, -1.0);
        double[] z = new double[m * m];
        for (int i = 0; i < m; i++) {
            z[i + i * m] = 1;
        }
        EigenSupport.tridiagonalEigen(m, d, e, z, m);
        double[] sorted = d.clone();
        java.util.Arrays.sort(sorted);
        for (int k = 1; k <= m; k++) {
            // The QR iteration is backward stable: errors of a few eps ||T|| (||T|| <= 4).
            assertEquals(2 - 2 * Math.cos(k * Math.PI / (m + 1)), sorted[k - 1], 1e-14, "k=" + k);
        }
        // Columns of z are orthonormal eigenvectors: T z_i = d_i z_i.
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < m; r++) {
                double tz = 2 * z[r + i * m] - (r > 0 ? z[r - 1 + i * m] : 0) - (r < m - 1 ? z[r + 1 + i * m] : 0);
                assertEquals(d[i] * z[r + i * m], tz, 1e-13);
            }
        }
    }

    @Test
    void randomSweepOfSizesBandwidthsRangesAndHints() {
        // 40 random problems (a 250-case run of this sweep, seeds 42 and 7, passed during development):
        // random pencils and exactly or nearly double spectra, random index ranges, noisy hints.
        SplittableRandom rnd = new SplittableRandom(2026);
        for (int t = 0; t < 40; t++) {
            int n = 5 + rnd.nextInt(200);
            int kd = rnd.nextInt(Math.min(n, 40));
            Pencils.Pencil p = t % 3 == 0
                    ? Pencils.doubled(Math.max(3, n / 2), t % 2 == 0 ? 0 : 1e-8, t)
                    : Pencils.random(n, kd, 1000 + t);
            n = p.n();
            int il = Math.min(rnd.nextInt(Math.max(1, n / 4)), n - 1);
            int iu = Math.min(n - 1, il + rnd.nextInt(10));
            EigenResult all = ejml.lowest(p.h(), p.s(), n);
            double sc = Math.max(Math.abs(all.values()[0]), Math.abs(all.values()[n - 1]));
            double[] hints = new double[iu - il + 1];
            for (int i = 0; i < hints.length; i++) {
                hints[i] = all.values()[il + i] + (rnd.nextDouble() - 0.5) * 1e-2 * sc;
            }
            String where = "case " + t + " n=" + n + " [" + il + ", " + iu + "]";
            EigenResult cold = banded.range(p.h(), p.s(), il, iu);
            EigenResult hinted = banded.range(p.h(), p.s(), il, iu, hints);
            ResidualBounds.assertAgree(p, all, il, cold, where + " cold");
            ResidualBounds.assertAgree(p, all, il, hinted, where + " hinted");
            GeneralizedEigensolverContractTest.checkPairs(p, cold, sc, where + " cold");
            GeneralizedEigensolverContractTest.checkPairs(p, hinted, sc, where + " hinted");
        }
    }

    @Test
    void hintedPassOnAStiffRadialPencilNeedsOneFactorizationPerPair() {
        // One SCF-like step on the radial Z = 92 pencil (n = 216, kd = 31, ||S^-1 H|| ~ 1e9): every
        // level moves by about 1e-2 (H1 = H0 + 0.01 (1 + 0.3 sin) S entrywise), far more than the
        // hint offset, far less than the level spacing.
        Pencils.Pencil p = Pencils.radialCoulomb(92, 7, 31, 8.0, 9.0);
        SymmetricBandMatrix h1 = p.h().copy();
        for (int i = 0; i < h1.data().length; i++) {
            h1.data()[i] += 0.01 * p.s().data()[i] * (1 + 0.3 * Math.sin(i));
        }
        Pencils.Pencil p1 = new Pencils.Pencil(h1, p.s());
        double[] hints = ejml.lowest(p.h(), p.s(), 7).values();
        EigenResult ref = ejml.lowest(h1, p.s(), 7);
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver();
        EigenResult first = solver.lowest(h1, p.s(), 7, hints);
        EigenResult again = solver.lowest(h1, p.s(), 7, hints);
        double sc = scale(p1);
        ResidualBounds.assertAgree(p1, ref, 0, first, "stiff hinted");
        GeneralizedEigensolverContractTest.checkPairs(p1, first, sc, "stiff hinted");
        GeneralizedEigensolverContractTest.checkVectorsAgree(p1, ref, first, sc, "stiff hinted");
        // One shift per hint, one above the highest pair whose Sturm count certifies the indices,
        // plus S's check in the first call only (the second sees the same S).
        assertEquals(7 + 1 + 1, first.factorizations(), "first call");
        assertEquals(7 + 1, again.factorizations(), "same S again");
    }

    @Test
    void aReusedSolverGivesTheBitsOfAFreshOne() {
        // The solver keeps S's check between calls; results must not depend on the calls before.
        // Scalar kernels: the vector kernels' lane reduction may round differently interpreted and
        // compiled, which is not what this test is about.
        Pencils.Pencil a = Pencils.random(150, 7, 5);
        Pencils.Pencil b = new Pencils.Pencil(perturbed(a.h(), 1e-3, 9), a.s());
        double[] hints = ejml.lowest(a.h(), a.s(), 4).values();
        BandedGeneralizedEigensolver reused = new BandedGeneralizedEigensolver(org.elementa.fem.kernel.KernelProvider.scalar());
        reused.lowest(a.h(), a.s(), 4);
        EigenResult warm = reused.lowest(b.h(), b.s(), 4, hints);
        EigenResult fresh = new BandedGeneralizedEigensolver(org.elementa.fem.kernel.KernelProvider.scalar())
                .lowest(b.h(), b.s(), 4, hints);
        org.junit.jupiter.api.Assertions.assertArrayEquals(fresh.values(), warm.values(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(fresh.vectors(), warm.vectors(), 0.0);
    }

    @Test
    void aChangedSIsCheckedAgain() {
        // Same solver, S first positive definite, then indefinite: the second call must not reuse the first check.
        Pencils.Pencil p = Pencils.random(60, 3, 11);
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver();
        solver.lowest(p.h(), p.s(), 2);
        SymmetricBandMatrix bad = p.s().copy();
        bad.set(30, 30, -1.0);
        assertThrows(EigenSolverException.class, () -> solver.lowest(p.h(), bad, 2, new double[] {0.0}));
    }

    @Test
    void warmStartFromAPreviousResultMatchesTheReferenceAndChecksItsArgument() {
        // An SCF step: the previous result (values and vectors) of H0 starts the solve of H1 = H0 + small change.
        Pencils.Pencil p = Pencils.radialCoulomb(92, 7, 31, 8.0, 9.0);
        SymmetricBandMatrix h1 = p.h().copy();
        for (int i = 0; i < h1.data().length; i++) {
            h1.data()[i] += 0.01 * p.s().data()[i] * (1 + 0.3 * Math.sin(i));
        }
        Pencils.Pencil p1 = new Pencils.Pencil(h1, p.s());
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver();
        EigenResult previous = ejml.lowest(p.h(), p.s(), 7);
        solver.lowest(p.h(), p.s(), 7); // checks this S once, as an SCF loop's first step would
        EigenResult warm = solver.lowest(h1, p.s(), 7, previous);
        EigenResult ref = ejml.lowest(h1, p.s(), 7);
        double sc = scale(p1);
        ResidualBounds.assertAgree(p1, ref, 0, warm, "warm");
        GeneralizedEigensolverContractTest.checkPairs(p1, warm, sc, "warm");
        GeneralizedEigensolverContractTest.checkVectorsAgree(p1, ref, warm, sc, "warm");
        // Same S as the call before: one shift per pair and one certifying count, no factorization of S.
        assertEquals(7 + 1, warm.factorizations());
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(h1, p.s(), 7, (EigenResult) null));
        Pencils.Pencil small = Pencils.random(40, 3, 1);
        EigenResult other = solver.lowest(small.h(), small.s(), 2);
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(h1, p.s(), 7, other));
    }

    /**
     * A warm start whose vectors miss the nearest eigenvector (two decoupled sectors of a
     * block-diagonal pencil, as at a level crossing between symmetry sectors): inverse iteration
     * from e3 near the guess 2.6 settles on 4, a true eigenpair with a tiny residual. Only the
     * Sturm counts can tell that eigenvalue 3 was skipped; the exact spectrum is 1, 2, 3, ...
     */
    @Test
    void warmStartThatMissesAnEigenvectorStillReturnsTheLowestEigenvalues() {
        int n = 30;
        SymmetricBandMatrix h = new SymmetricBandMatrix(n, 1);
        SymmetricBandMatrix s = new SymmetricBandMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            h.set(i, i, i + 1);
            s.set(i, i, 1);
        }
        double[] vectors = new double[3 * n];
        vectors[0] = 1;
        vectors[n + 1] = 1;
        vectors[2 * n + 3] = 1;
        EigenResult previous = new EigenResult(new double[] {1, 2, 2.6}, vectors, n, 0, 0);
        EigenResult got = new BandedGeneralizedEigensolver().lowest(h, s, 3, previous);
        // Diagonal pencil: the eigenvalues are the diagonal entries, exact in floating point up to
        // the solver's Rayleigh quotients (a few ulps).
        for (int i = 0; i < 3; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(i + 1, got.values()[i], 1e-12, "eigenvalue " + i);
        }
    }

    /**
     * A warm start must not carry a neighbour's component forward, let alone grow it. Diagonal
     * pencil: a wanted level at 1 whose next level lies g above it, and one stiff entry 1e12 that
     * stands for the finite elements at a nucleus (||S^-1 H|| = 1e12, so the tolerances' absolute
     * scale 1e-6 ||S^-1 H|| is 1e6). The previous eigenvector carries 1e-6 of the neighbour's, as
     * one self-consistent field iteration leaves it. Inverse iteration at a shift sigma multiplies
     * that component by |1 - sigma| / |1 + g - sigma| per solve: g = 0.015 was the defect of the
     * shift 1e-8 times that scale (0.01) above an isolated hint, past g / 2 (growth 2 per solve;
     * the atomic SCF's Mn 3d level on a fine space diverged so); g = 0.0015 lies below twice even
     * the anchor clearance (1e-3), where only the contraction test of inverse iteration notices.
     */
    @Test
    void warmStartDoesNotAmplifyANeighboursComponent() {
        int n = 40;
        for (double g : new double[] {0.015, 0.0015}) {
            SymmetricBandMatrix h = new SymmetricBandMatrix(n, 1);
            SymmetricBandMatrix s = new SymmetricBandMatrix(n, 1);
            for (int i = 0; i < n; i++) {
                h.set(i, i, i == 0 ? 1 : i == 1 ? 1 + g : i == n - 1 ? 1e12 : i + 1);
                s.set(i, i, 1);
            }
            double contamination = 1e-6;
            double[] start = new double[n];
            start[0] = 1 / Math.sqrt(1 + contamination * contamination);
            start[1] = contamination * start[0];
            EigenResult previous = new EigenResult(new double[] {1.0}, start, n, 0, 0);
            EigenResult got = new BandedGeneralizedEigensolver().lowest(h, s, 1, previous);
            // Exact eigenpair: E = 1, x = e_0. The eigenvalue is insensitive (quadratic in the
            // component); the vector must have shed the component, by 10 at least (each of the two or
            // more solves at the clearance of 1e-3 divides it by more than 13 for g = 0.015).
            assertEquals(1.0, got.values()[0], 1e-12, "E for g = " + g);
            double ratio = Math.abs(got.vector(0, 1) / got.vector(0, 0));
            assertTrue(ratio <= 0.1 * contamination, "neighbour component " + ratio + " for g = " + g
                    + " (start " + contamination + ")");
        }
    }

    @Test
    void lowerBoundAndToleranceScaleKeepTheAnswerAndTheHintedCost() {
        // Radial Z = 92 (||S^-1 H|| ~ 1e10): the exact lowest level -Z^2/2 bounds the Galerkin spectrum
        // from below (Rayleigh-Ritz); the bound given is -Z^2, well clear of it (a bound within the
        // rounding of E_0 would leave no room for an anchor below E_0). Every wanted |E| is >= Z^2/98 ~ 86,
        // so a tolerance scale of 1 keeps the tolerances relative to |E| instead of to 1e-6 ||S^-1 H||.
        double z = 92;
        Pencils.Pencil p = Pencils.radialCoulomb(z, 7, 31, 8.0, 9.0);
        EigenResult ref = ejml.lowest(p.h(), p.s(), 7);
        BandedGeneralizedEigensolver plain = new BandedGeneralizedEigensolver();
        BandedGeneralizedEigensolver bounded = new BandedGeneralizedEigensolver().withLowerBound(-z * z);
        BandedGeneralizedEigensolver both = bounded.withToleranceScale(1.0);
        EigenResult coldPlain = plain.lowest(p.h(), p.s(), 7);
        EigenResult coldBounded = bounded.lowest(p.h(), p.s(), 7);
        EigenResult coldBoth = both.lowest(p.h(), p.s(), 7);
        EigenResult hintedBoth = both.lowest(p.h(), p.s(), 7, ref.values());
        double sc = scale(p);
        ResidualBounds.assertAgree(p, ref, 0, coldBounded, "bounded");
        ResidualBounds.assertAgree(p, ref, 0, coldBoth, "bounded, scaled");
        ResidualBounds.assertAgree(p, ref, 0, hintedBoth, "hinted, bounded, scaled");
        GeneralizedEigensolverContractTest.checkPairs(p, coldBoth, sc, "bounded, scaled");
        GeneralizedEigensolverContractTest.checkVectorsAgree(p, ref, hintedBoth, sc, "hinted, bounded, scaled");
        // The bound replaces the blind steps towards -||S^-1 H||: never more shifts than without it.
        assertTrue(coldBounded.factorizations() <= coldPlain.factorizations(),
                "bounded " + coldBounded.factorizations() + " vs plain " + coldPlain.factorizations());
        // Exact hints: one shift per pair (S was checked by the cold call of the same solver).
        assertEquals(7, hintedBoth.factorizations());
    }

    @Test
    void optionsRejectValuesOutsideTheirRange() {
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver();
        assertThrows(IllegalArgumentException.class, () -> solver.withLowerBound(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> solver.withLowerBound(Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> solver.withToleranceScale(0.0));
        assertThrows(IllegalArgumentException.class, () -> solver.withToleranceScale(-1.0));
        assertThrows(IllegalArgumentException.class, () -> solver.withToleranceScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> solver.withToleranceScale(Double.POSITIVE_INFINITY));
    }
}
