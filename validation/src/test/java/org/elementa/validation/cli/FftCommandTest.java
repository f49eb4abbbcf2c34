package org.elementa.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FftCommandTest {

    /**
     * The command's checks on shapes that exercise radix 2..7, Bluestein (97, 11) and odd last axes.
     * Bound: an FFT's error grows like eps * log2(N) (Higham, Accuracy and Stability, Thm 24.2); with
     * N <= 2000 and inputs of order one, 1e-13 is about 40 eps * log2(N), far above what a correct
     * transform makes and far below what any wrong twiddle or index would (errors of order one).
     */
    @ParameterizedTest
    @CsvSource({"97,false", "12x5,false", "4x6x7,false", "11x13,false", "7x9,true", "2x3x8,true", "1000,true"})
    void agreesWithTheNaiveDftRoundTripAndParseval(String shape, boolean real) throws Exception {
        CliRun r = real ? CliRun.of("fft", "--shape", shape, "--real", "--json") : CliRun.of("fft", "--shape", shape, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertEquals(real ? "real" : "complex", node.get("transform").asText());
        assertTrue(node.get("naiveDftError").asDouble() < 1e-13, r.out());
        assertTrue(node.get("roundTripError").asDouble() < 1e-13, r.out());
        assertTrue(node.get("parsevalError").asDouble() < 1e-13, r.out());
    }

    /** A wrong transform must be caught: the naive DFT here is independent of the plan's code. */
    @Test
    void naiveDftMatchesTheDefinitionOnADelta() {
        double[] x = new double[2 * 6];
        x[2 * 1] = 1; // delta at j = 1 in a 2x3 array: index (0, 1)
        double[] y = FftCommand.naiveDft(x, new int[] {2, 3});
        for (int k0 = 0; k0 < 2; k0++) {
            for (int k1 = 0; k1 < 3; k1++) {
                int k = k0 * 3 + k1;
                // X[k] = exp(-2 pi i k1 / 3); rounding of one cos/sin evaluation: 1e-15.
                assertEquals(Math.cos(2 * Math.PI * k1 / 3), y[2 * k], 1e-15);
                assertEquals(-Math.sin(2 * Math.PI * k1 / 3), y[2 * k + 1], 1e-15);
            }
        }
    }

    @Test
    void badShapeIsOneLineAndStatusTwo() {
        CliRun r = CliRun.of("fft", "--shape", "0x4");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--shape"), r.err());
    }
}
