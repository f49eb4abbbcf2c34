package org.elementa.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.scf.AtomSolution;
import org.elementa.atomic.scf.AtomSolver;
import org.junit.jupiter.api.Test;

class AtomCommandTest {

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        CliRun r = CliRun.of("atom", "Ne", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"Z", "symbol", "functional", "etot", "ekin", "ecoul", "eenuc", "exc",
            "orbitals", "scfIterations", "dofs"}) {
            assertTrue(n.has(key), "missing " + key);
        }
        assertEquals(10, n.get("Z").asInt());
        assertEquals(3, n.get("orbitals").size());
        // NIST SRD 141, Ne LDA: Etot = -128.233481 (6 decimals).
        assertEquals(-128.233481, n.get("etot").asDouble(), 1e-6);
        assertTrue(r.err().contains("scf"), "SCF progress goes to stderr");
    }

    @Test
    void textOutputListsEnergiesAndEigenvalues() {
        CliRun r = CliRun.of("atom", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Etot") && r.out().contains("Exc") && r.out().contains("He (Z = 2)"), r.out());
    }

    @Test
    void badInputsGiveOneLineAndStatusTwo() {
        String[][] cases = {
            {"atom", "Xx"}, {"atom", "0"}, {"atom", "93"}, {"atom", "C", "--config", "1s2 2s2 2p1"},
            {"atom", "He", "--config", "1s3 2s-1"}, {"atom", "He", "--tolerance", "NaN"}, {"atom"},
            {"atom", "He", "--all"},
        };
        String[] names = {"Xx", "Z = 0", "93", "sum to", "occupation", "NaN", "ATOM", "--all"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = CliRun.of(cases[i]);
            assertEquals(2, r.status(), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(names[i]), r.err());
        }
    }

    @Test
    void numbersThatAreNotAtomicNumbersNameTheRange() {
        for (String atom : new String[] {"-3", "1.5", "0", "93", "+7", "1e1"}) {
            CliRun r = CliRun.of("atom", atom);
            assertEquals(2, r.status(), atom + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("Z must be in 1..92"), atom + ": " + r.err());
        }
    }

    @Test
    void occupationsAreDecimalNumbersOnly() {
        // Java's float syntax (1s2d, 0x1p1, 1e0, NaN) is not an occupation.
        for (String config : new String[] {"1s2d", "1s0x1p1", "1s1e0 2s1", "1sNaN", "1s.5 2s1.5", "1s2."}) {
            CliRun r = CliRun.of("atom", "He", "--config", config);
            assertEquals(2, r.status(), config + ": " + r.err());
            assertTrue(r.err().contains("occupation"), config + ": " + r.err());
        }
    }

    @Test
    void nonConvergenceExitsNonZeroWithTheResidualHistory() {
        CliRun r = CliRun.of("atom", "U", "--max-iterations", "3");
        assertEquals(1, r.status());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.contains("did not converge") && last.contains("residual history"), last);
    }

    @Test
    void allPrintsEveryAtomEvenWhenTheyFail() {
        // Three SCF iterations converge no atom: every one must still get its row, and the status is 1.
        CliRun r = CliRun.of("atom", "--all", "--max-iterations", "3");
        assertEquals(1, r.status(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("\\s*\\d+ +\\w+ .*")).toList();
        assertEquals(92, rows.size(), r.out());
        for (String row : rows) {
            assertTrue(row.contains("FAIL (not converged: "), row);
        }
        assertTrue(rows.get(91).startsWith(" 92 U "), rows.get(91));
        assertTrue(r.out().contains("SOME ATOMS FAIL (92 not converged)"), r.out());
    }

    @Test
    void allInParallelGivesTheBitsOfSerialSolves() throws Exception {
        // --all solves the atoms in parallel; each must be bitwise what a lone serial solve gives.
        CliRun r = CliRun.of("atom", "--all", "--json", "--tolerance", "1e-5");
        JsonNode atoms = new ObjectMapper().readTree(r.out()).get("atoms");
        assertEquals(92, atoms.size());
        AtomSolver serial = AtomSolver.builder().tolerance(1e-5).build();
        for (int z = 1; z <= 92; z++) {
            AtomSolution s = serial.solve(Configuration.nist(z));
            JsonNode a = atoms.get(z - 1);
            assertEquals(z, a.get("Z").asInt());
            // Jackson writes the shortest decimal that reads back to the same double: exact compare.
            assertEquals(s.energies().total(), a.get("etot").asDouble(), 0.0, "Etot of Z = " + z);
            for (int i = 0; i < s.orbitals().size(); i++) {
                assertEquals(s.orbitals().get(i).energy(), a.get("orbitals").get(i).get("energy").asDouble(), 0.0,
                        "eigenvalue " + i + " of Z = " + z);
            }
        }
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void atomsBeyondUraniumNeedAConfiguration() {
        CliRun r = CliRun.of("atom", "Fm", "--config", "[Rn] 5f12 7s2", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"Z\" : 100"), r.out());
    }
}
