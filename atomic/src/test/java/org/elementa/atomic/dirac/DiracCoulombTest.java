package org.elementa.atomic.dirac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiracCoulombTest {

    private static final double C = DiracCoulomb.SPEED_OF_LIGHT;

    @Test
    void tendsToSchrodingerForLargeC() {
        // E = -Z^2/(2 n^2) (1 + O((Z/c)^2)); with c = 1e8 and Z <= 92 the correction is below 1e-12 relative.
        for (int z : new int[] {1, 10, 92}) {
            for (DiracState s : DiracCoulomb.states(-4, 3, 5)) {
                double schrodinger = -0.5 * z * z / (s.n() * s.n());
                assertEquals(schrodinger, DiracCoulomb.energy(s, z, 1e8), 1e-12 * Math.abs(schrodinger), s.label());
            }
        }
    }

    @Test
    void matchesTheFineStructureExpansionForHydrogen() {
        // Fine-structure formula to order (Z/c)^2 (Bethe and Salpeter, Quantum Mechanics of One- and Two-Electron
        // Atoms): E = -Z^2/(2n^2) - Z^4/(2 c^2 n^4) (n/(j+1/2) - 3/4) + O(Z^6/c^4).
        // The next term is about Z^6/(c^4 n^3) < 3e-9 for Z = 1; 1e-8 bounds it with room, and is 100 times
        // smaller than the alpha^2 term it checks (>= 1e-6 for n <= 3).
        for (DiracState s : DiracCoulomb.states(-3, 2, 3)) {
            int n = s.n();
            double expansion = -0.5 / (n * n) - 1 / (2 * C * C * Math.pow(n, 4)) * (n / (s.j() + 0.5) - 0.75);
            assertEquals(expansion, DiracCoulomb.energy(s, 1, C), 1e-8, s.label());
        }
    }

    @Test
    void stableFormEqualsTheTextbookFormForUranium() {
        // For Z = 92 no digits are lost in the textbook form c^2/sqrt(1 + x) - c^2 (|E| ~ 100..4861 Ha,
        // c^2 = 18779 Ha), so the two must agree to a few ulps of c^2 (4e-12 Ha): 1e-10 is generous.
        for (DiracState s : DiracCoulomb.states(-6, 5, 7)) {
            double beta = Math.sqrt(s.kappa() * s.kappa() - (92 / C) * (92 / C));
            double d = s.n() - Math.abs(s.kappa()) + beta;
            double textbook = C * C / Math.sqrt(1 + (92 / C) * (92 / C) / (d * d)) - C * C;
            assertEquals(textbook, DiracCoulomb.energy(s, 92, C), 1e-10, s.label());
        }
    }

    @Test
    void fineStructureOrdering() {
        // Dirac-Coulomb: E depends on n and |kappa| only (2s1/2 = 2p1/2), and rises with j.
        double s = DiracCoulomb.energy(DiracState.parse("2s1/2"), 92, C);
        double p1 = DiracCoulomb.energy(DiracState.parse("2p1/2"), 92, C);
        double p3 = DiracCoulomb.energy(DiracState.parse("2p3/2"), 92, C);
        assertEquals(s, p1, 0.0);
        assertTrue(p3 > p1);
        assertTrue(DiracCoulomb.energy(DiracState.parse("1s1/2"), 92, C) < s);
    }

    @Test
    void enumeratesTheBoundStatesOfIssueFive() {
        // n <= 7 has 2n - 1 kappas for each n: sum = 49, less kappa = -7 and kappa = 6 (outside -6..5) = 47.
        List<DiracState> states = DiracCoulomb.states(-6, 5, 7);
        assertEquals(47, states.size());
        assertEquals(7, DiracCoulomb.states(-1, 7).size());
        assertEquals(6, DiracCoulomb.states(1, 7).size());
        assertEquals(2, DiracCoulomb.states(-6, 7).size());
        assertEquals(2, DiracCoulomb.states(5, 7).size());
        assertEquals("1s1/2", states.get(0).label());
    }

    @Test
    void betaAndBadInput() {
        assertEquals(Math.sqrt(1 - (92 / C) * (92 / C)), DiracCoulomb.beta(-1, 92, C), 1e-15);
        assertEquals(2.0, DiracCoulomb.beta(2, 0, C), 0.0);
        assertThrows(IllegalArgumentException.class, () -> DiracCoulomb.beta(0, 1, C));
        assertThrows(IllegalArgumentException.class, () -> DiracCoulomb.beta(1, 140, C));
        assertThrows(IllegalArgumentException.class, () -> DiracCoulomb.beta(1, -1, C));
        assertThrows(IllegalArgumentException.class, () -> DiracCoulomb.beta(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DiracCoulomb.beta(1, Double.NaN, C));
    }
}
