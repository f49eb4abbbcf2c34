package org.elementa.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InfoCommandTest {

    @Test
    void jsonOnStdoutAloneWithTheDocumentedKeys() throws Exception {
        CliRun r = CliRun.of("info", "--json");
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
        CliRun r = CliRun.of("info", "--jsn");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--jsn"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.status());
        assertTrue(r.err().contains("subcommand"), r.err());
    }
}
