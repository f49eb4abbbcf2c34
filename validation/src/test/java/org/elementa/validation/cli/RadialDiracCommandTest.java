package org.elementa.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RadialDiracCommandTest {

    /**
     * Issue 5: Z = 92 with the defaults, 49 states (every n <= 7) by n, l, j, each within 5e-9 Ha of
     * Sommerfeld's energy, recomputed here from the formula (not read back from the command).
     */
    @Test
    void uraniumJsonMatchesSommerfeld() throws Exception {
        CliRun r = CliRun.of("radial", "--dirac", "--potential", "coulomb", "--Z", "92", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode node = new ObjectMapper().readTree(r.out());
        JsonNode states = node.get("states");
        assertEquals(49, states.size());
        double c = 137.0359895;
        int i = 0;
        for (int n = 1; n <= 7; n++) {
            for (int l = 0; l < n; l++) {
                for (int kappa : l == 0 ? new int[] {-1} : new int[] {l, -l - 1}) {
                    JsonNode s = states.get(i++);
                    assertEquals(n, s.get("n").asInt());
                    assertEquals(l, s.get("l").asInt());
                    assertEquals(kappa, s.get("kappa").asInt());
                    assertEquals(Math.abs(kappa) - 0.5, s.get("j").asDouble(), 0.0);
                    double beta = Math.sqrt(kappa * kappa - (92 / c) * (92 / c));
                    double d = n - Math.abs(kappa) + beta;
                    double exact = c * c / Math.sqrt(1 + (92 / c) * (92 / c) / (d * d)) - c * c;
                    // The textbook form loses ~4 digits of c^2 = 18779: 1e-10 covers that rounding.
                    assertEquals(exact, s.get("exact").asDouble(), 1e-10);
                    assertEquals(exact, s.get("energy").asDouble(), 5e-9, n + " kappa " + kappa);
                }
            }
        }
        assertTrue(node.get("maxError").asDouble() <= 5e-9);
    }

    @Test
    void textTableAndBadInput() {
        CliRun r = CliRun.of("radial", "--dirac", "--Z", "10", "--states", "4");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2p3/2"), r.out());
        assertEquals(2, CliRun.of("radial", "--dirac", "--potential", "harmonic").status());
        assertEquals(2, CliRun.of("radial", "--dirac", "--Z", "130").status());
        assertEquals(2, CliRun.of("radial", "--dirac", "--c", "-1").status());
    }
}
