package org.elementa.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InfoCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = ElementaCli.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonOnStdoutAloneWithTheDocumentedKeys() throws Exception {
        Run r = run("info", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode node = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"java", "kernels", "vectorBits", "backend", "backendReason"}) {
            assertTrue(node.has(key), "missing key " + key + " in " + r.out());
        }
        String kernels = node.get("kernels").asText();
        assertTrue(kernels.equals("vector") || kernels.equals("scalar"), kernels);
        assertEquals(kernels.equals("vector"), node.get("vectorBits").asInt() > 0);
        assertEquals("cpu", node.get("backend").asText());
    }

    @Test
    void unknownOptionGivesOneLineAndStatusTwo() {
        Run r = run("info", "--jsn");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--jsn"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void missingSubcommandIsAUsageError() {
        Run r = run();
        assertEquals(2, r.status());
        assertTrue(r.err().contains("subcommand"), r.err());
    }
}
