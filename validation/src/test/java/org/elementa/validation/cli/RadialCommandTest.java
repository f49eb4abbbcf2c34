package org.elementa.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RadialCommandTest {

    /**
     * Coulomb Z = 92, 28 states in JSON: ordered by n then l, each energy within 5e-10 Ha of the Bohr
     * level -Z^2/(2 n^2) computed here (the accuracy the radial solver promises with its defaults).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dense", "banded", "ejml"})
    void coulombJsonListsTwentyEightStatesByNThenL(String eigensolver) throws Exception {
        CliRun r = CliRun.of("radial", "--potential", "coulomb", "--Z", "92", "--states", "28", "--json", "--eigensolver", eigensolver);
        assertEquals(0, r.status(), r.err());
        JsonNode node = new ObjectMapper().readTree(r.out());
        JsonNode states = node.get("states");
        assertEquals(28, states.size());
        int i = 0;
        for (int n = 1; n <= 7; n++) {
            for (int l = 0; l < n; l++) {
                JsonNode s = states.get(i++);
                assertEquals(n, s.get("n").asInt());
                assertEquals(l, s.get("l").asInt());
                double exact = -92.0 * 92.0 / (2.0 * n * n);
                assertEquals(exact, s.get("exact").asDouble(), 1e-12 * Math.abs(exact));
                assertEquals(exact, s.get("energy").asDouble(), 5e-10);
            }
        }
        assertEquals(7, node.get("elements").asInt());
        assertEquals(31, node.get("order").asInt());
        assertEquals(7 * 31 - 1, node.get("dofs").asInt());
        assertEquals(eigensolver, node.get("eigensolver").asText());
    }

    /** Harmonic, text output, a coarse explicit mesh: E(n=2, l=1) = 2.5 (n_r = 0), to 1e-6 on 8 elements of order 8. */
    @Test
    void harmonicTextWithExplicitMesh() {
        CliRun r = CliRun.of("radial", "--potential", "harmonic", "--states", "3", "--ne", "8", "--order", "8", "--rmax", "12", "--a", "1");
        assertEquals(0, r.status(), r.err());
        String row = r.out().lines().filter(s -> s.trim().startsWith("2    1")).findFirst().orElseThrow();
        double e = Double.parseDouble(row.trim().split("\\s+")[2]);
        assertEquals(2.5, e, 1e-6);
    }

    @Test
    void badOptionsGiveOneLineAndStatusTwo() {
        for (String[] args : new String[][] {
                {"radial", "--Z", "-3"}, {"radial", "--Z", "NaN"}, {"radial", "--states", "0"},
                {"radial", "--a", "-1"}, {"radial", "--rmax", "NaN"}, {"radial", "--potential", "yukawa"},
                {"radial", "--order", "0"}, {"radial", "--eigensolver", "lapack"}, {"radial", "--states", "28", "--ne", "1", "--order", "2"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
    }

    /** 2000 elements of order 31 are 61999 unknowns: a dense 61999^2 matrix overflows an int index. */
    @ParameterizedTest
    @ValueSource(strings = {"dense", "ejml"})
    void denseSolversRefuseTooManyUnknowns(String eigensolver) {
        CliRun r = CliRun.of("radial", "--ne", "2000", "--states", "1", "--eigensolver", eigensolver);
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--ne") && r.err().contains("--order") && r.err().contains("--eigensolver banded"),
                r.err());
    }

    /** Errors from the discretization speak in option names, not Java parameter names. */
    @Test
    void discretizationErrorsNameTheOption() {
        CliRun r = CliRun.of("radial", "--quadrature", "3", "--order", "5");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--quadrature = 3"), r.err());
        assertTrue(!r.err().contains("quadraturePoints"), r.err());
        assertEquals("--ne = 0 must be >= 1", RadialCommand.optionNames("elements = 0 must be >= 1"));
        assertEquals("--a = -1.0 must be finite and > 0", RadialCommand.optionNames("a = -1.0 must be finite and > 0"));
    }
}
