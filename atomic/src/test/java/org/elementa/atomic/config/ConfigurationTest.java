package org.elementa.atomic.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void symbolsRoundTrip() {
        assertEquals(92, PeriodicTable.atomicNumber("U"));
        assertEquals(26, PeriodicTable.atomicNumber("fe"));
        for (int z = 1; z <= PeriodicTable.MAX_Z; z++) {
            assertEquals(z, PeriodicTable.atomicNumber(PeriodicTable.symbol(z)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeriodicTable.atomicNumber("Xx"));
        assertTrue(e.getMessage().contains("Xx"));
        assertThrows(IllegalArgumentException.class, () -> PeriodicTable.symbol(0));
    }

    @Test
    void nistConfigurationsAreNeutralAndComplete() {
        for (int z = 1; z <= 92; z++) {
            Configuration c = Configuration.nist(z);
            assertEquals(z, c.z());
            // Occupations are integers or short decimals: their sum is exact to rounding.
            assertEquals(z, c.electrons(), 1e-12);
        }
        // Uranium: [Rn] 5f3 6d1 7s2 (NIST), 18 subshells in the reference order.
        Configuration u = Configuration.nist("U");
        assertEquals(18, u.orbitals().size());
        assertEquals(new Orbital(5, 3, 3), u.orbitals().get(13));
        assertEquals(new Orbital(6, 2, 1), u.orbitals().get(16));
        assertEquals(new Orbital(7, 0, 2), u.orbitals().get(17));
        // Chromium's 3d5 4s1 (the exception to Aufbau) is what NIST uses.
        assertEquals(List.of(5.0, 1.0), List.of(Configuration.nist(24).orbitals().get(5).occupation(),
                Configuration.nist(24).orbitals().get(6).occupation()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Configuration.nist(93));
        assertTrue(e.getMessage().contains("93"));
    }

    @Test
    void relativisticConfigurationsSplitTheLdaShells() {
        for (int z = 1; z <= 92; z++) {
            java.util.Map<Integer, Double> byShell = new java.util.HashMap<>();
            double sum = 0;
            for (DiracOrbital o : NistConfigurations.rlda(z)) {
                byShell.merge(o.n() * 100 + o.l(), o.occupation(), Double::sum);
                sum += o.occupation();
            }
            // 4-decimal occupations of split shells sum back to integers within the printed rounding.
            assertEquals(z, sum, 1e-9, "electrons of Z = " + z);
            // The j = l -/+ 1/2 pair of each (n, l) carries the LDA occupation of that shell.
            for (Orbital o : Configuration.nist(z).orbitals()) {
                assertEquals(o.occupation(), byShell.get(o.n() * 100 + o.l()), 1e-9, "Z = " + z + " " + o.label());
            }
        }
        // U 5f3: split 2l : 2l+2 = 6 : 8 over j = 5/2, 7/2.
        double f52 = NistConfigurations.rlda(92).stream().filter(o -> o.n() == 5 && o.kappa() == 3)
                .mapToDouble(DiracOrbital::occupation).sum();
        // The file prints occupations with 4 decimals (3 * 6/14 = 1.2857...).
        assertEquals(3.0 * 6 / 14, f52, 1e-4);
        assertThrows(IllegalArgumentException.class, () -> new DiracOrbital(2, 0, 0, 1));
    }

    @Test
    void parsesTextWithCores() {
        Configuration fe = Configuration.parse(26, "[Ar] 3d6 4s2");
        assertEquals(7, fe.orbitals().size());
        assertEquals(26, fe.electrons(), 0);
        assertEquals(fe, Configuration.parse(26, fe.toString()));
        Configuration frac = Configuration.parse(2, "1s1.5 2s0.5");
        assertEquals(0.5, frac.orbitals().get(1).occupation());
    }

    @Test
    void rejectsBadConfigurations() {
        assertMessage("sum to", () -> Configuration.parse(3, "1s2 2s2"));
        assertMessage("occupation", () -> Configuration.parse(2, "1s3 2s-1"));
        // Java's float syntax is not an occupation: suffixes, hex, exponents, NaN, bare points.
        for (String text : new String[] {"1s2d", "1s2f", "1s0x1p1", "1s2e0", "1sNaN", "1s.5 2s1.5", "1s2."}) {
            assertMessage("occupation", () -> Configuration.parse(2, text));
        }
        assertEquals(1.5, Configuration.parse(2, "1s1.5 2s0.5").orbitals().get(0).occupation());
        assertMessage("occupation", () -> new Orbital(2, 1, -0.5));
        assertMessage("occupation", () -> new Orbital(2, 1, Double.NaN));
        assertMessage("l = 2", () -> new Orbital(2, 2, 1));
        assertMessage("twice", () -> Configuration.parse(4, "1s2 1s2"));
        assertMessage("3x2", () -> Configuration.parse(2, "3x2"));
        assertMessage("[Zz]", () -> Configuration.parse(2, "[Zz] 1s2"));
        assertMessage("Z = 119", () -> Configuration.parse(119, "1s2"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
