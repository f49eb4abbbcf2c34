package org.elementa.fem.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.elementa.fem.kernel.KernelProvider;
import org.junit.jupiter.api.Test;

/**
 * The banded solver remembers the check of several distinct S (a Dirac SCF cycles through one
 * metric per kappa): a solve with an S seen before, even with others in between, skips S's
 * factorization, and still gives the bits of a fresh solver.
 */
class BandedEigensolverMetricCacheTest {

    @Test
    void alternatingMetricsAreEachCheckedOnce() {
        Pencils.Pencil a = Pencils.random(120, 6, 11);
        Pencils.Pencil b = Pencils.random(120, 6, 12);
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver(KernelProvider.scalar());
        EigenResult a1 = solver.lowest(a.h(), a.s(), 3);
        EigenResult b1 = solver.lowest(b.h(), b.s(), 3);
        EigenResult a2 = solver.lowest(a.h(), a.s(), 3);
        EigenResult b2 = solver.lowest(b.h(), b.s(), 3);
        // Same pencil, same path, except S's check (one factorization) in the first call only.
        assertEquals(a1.factorizations() - 1, a2.factorizations(), "a again after b");
        assertEquals(b1.factorizations() - 1, b2.factorizations(), "b again after a");
        // The check depends on S alone: the remembered one gives the bits of a fresh computation.
        EigenResult fresh = new BandedGeneralizedEigensolver(KernelProvider.scalar()).lowest(a.h(), a.s(), 3);
        assertArrayEquals(fresh.values(), a2.values(), 0.0);
        assertArrayEquals(fresh.vectors(), a2.vectors(), 0.0);
    }

    @Test
    void aChangedMetricIsCheckedAgain() {
        Pencils.Pencil a = Pencils.random(80, 5, 21);
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver(KernelProvider.scalar());
        EigenResult first = solver.lowest(a.h(), a.s(), 2);
        SymmetricBandMatrix s2 = a.s().copy();
        s2.data()[0] *= 1 + 1e-15 * 4; // a different S, however slightly
        EigenResult second = solver.lowest(a.h(), s2, 2);
        assertEquals(first.factorizations(), second.factorizations(), "a different S is factored again");
    }

    @Test
    void theSeventeenthDistinctMetricEvictsTheOldest() {
        // 16 distinct S are remembered (METRIC_CACHE); the 17th evicts the first one seen.
        BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver(KernelProvider.scalar());
        Pencils.Pencil[] p = new Pencils.Pencil[17];
        int[] first = new int[17];
        for (int i = 0; i < 17; i++) {
            p[i] = Pencils.random(60, 3, 100 + i);
            first[i] = solver.lowest(p[i].h(), p[i].s(), 2).factorizations();
        }
        // The 2nd .. 17th are still remembered (checked from the newest, so none is evicted meanwhile).
        for (int i = 16; i >= 1; i--) {
            assertEquals(first[i] - 1, solver.lowest(p[i].h(), p[i].s(), 2).factorizations(), "S " + i + " remembered");
        }
        // The 1st was evicted: its S is factored again, and the result has the bits of a fresh solver.
        EigenResult again = solver.lowest(p[0].h(), p[0].s(), 2);
        assertEquals(first[0], again.factorizations(), "S 0 evicted");
        EigenResult fresh = new BandedGeneralizedEigensolver(KernelProvider.scalar()).lowest(p[0].h(), p[0].s(), 2);
        assertArrayEquals(fresh.values(), again.values(), 0.0);
        assertArrayEquals(fresh.vectors(), again.vectors(), 0.0);
    }
}
