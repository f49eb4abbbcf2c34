package org.elementa.atomic.dirac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiracStateTest {

    @Test
    void kappaToLAndJ() {
        // kappa = -(l+1) for j = l + 1/2, kappa = l for j = l - 1/2.
        DiracState s = new DiracState(1, -1);
        assertEquals(0, s.l());
        assertEquals(0.5, s.j());
        assertEquals("1s1/2", s.label());
        DiracState p1 = new DiracState(2, 1);
        assertEquals(1, p1.l());
        assertEquals(0.5, p1.j());
        assertEquals("2p1/2", p1.label());
        DiracState p3 = new DiracState(2, -2);
        assertEquals(1, p3.l());
        assertEquals(1.5, p3.j());
        assertEquals(4, p3.capacity());
        assertEquals("4f5/2", new DiracState(4, 3).label());
        assertEquals("7h11/2", new DiracState(7, -6).label());
    }

    @Test
    void parseRoundTripsEveryState() {
        for (DiracState s : DiracCoulomb.states(-7, 6, 7)) {
            assertEquals(s, DiracState.parse(s.label()));
            assertEquals(s, DiracState.of(s.n(), s.l(), s.kappa() < 0));
            assertEquals(s.n() - DiracState.lowestN(s.kappa()), s.indexInKappa());
        }
    }

    @Test
    void rejectsWhatIsNoState() {
        assertThrows(IllegalArgumentException.class, () -> new DiracState(0, -1));
        assertThrows(IllegalArgumentException.class, () -> new DiracState(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new DiracState(2, 2)); // would be 2d3/2
        assertThrows(IllegalArgumentException.class, () -> new DiracState(2, -3));
        assertThrows(IllegalArgumentException.class, () -> DiracState.parse("1s3/2"));
        assertThrows(IllegalArgumentException.class, () -> DiracState.parse("2s-1/2"));
        assertThrows(IllegalArgumentException.class, () -> DiracState.parse("1p1/2"));
        assertThrows(IllegalArgumentException.class, () -> DiracState.parse("2p"));
        assertThrows(IllegalArgumentException.class, () -> DiracState.parse("2x1/2"));
    }
}
