package org.elementa.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reference readers: every table complete and consistent, bad keys rejected. */
class AtomicReferenceTest {

    @Test
    void everyNistLdaTableHasAllParts() {
        for (int z = 1; z <= 92; z++) {
            AtomicReference.NistEnergies e = AtomicReference.nistLda(z);
            // NIST's tables: Etot = Ekin + Ecoul + Eenuc + Exc, each printed to 6 decimals (5 roundings
            // of 5e-7). A missing part (formerly read as 0) breaks this by far more.
            assertEquals(e.total(), e.kinetic() + e.coulomb() + e.electronNucleus() + e.exchangeCorrelation(), 2.5e-6,
                    "Z = " + z);
            // The same total in the one-line-per-atom file nist_lda_etot.txt.
            assertEquals(AtomicReference.nistTotal(z), e.total(), 0.0, "Z = " + z);
        }
        // Read once, then cached.
        assertSame(AtomicReference.nistLda(26), AtomicReference.nistLda(26));
    }

    @Test
    void outOfRangeOrUnknownKeysThrow() {
        assertThrows(IllegalArgumentException.class, () -> AtomicReference.nistLda(0));
        assertThrows(IllegalArgumentException.class, () -> AtomicReference.nistLda(93));
        assertThrows(IllegalArgumentException.class, () -> AtomicReference.nistTotal(93));
        assertThrows(IllegalArgumentException.class, () -> AtomicReference.nistMagnesium("PBE"));
    }
}
