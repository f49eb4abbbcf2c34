package org.elementa.spectral.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The octant-reduced twiddles against cos and sin of the exact rational angle, evaluated in
 * 60-digit decimal arithmetic (Taylor series; pi to 60 digits is a mathematical constant).
 */
class TwiddlesTest {

    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal PI =
            new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");

    /** cos (wantCos) or sin of 2 pi j / len to about 55 digits. */
    private static double exact(long j, long len, boolean wantCos) {
        BigDecimal x = PI.multiply(BigDecimal.valueOf(2 * j), MC).divide(BigDecimal.valueOf(len), MC);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = wantCos ? BigDecimal.ONE : x;
        BigDecimal sum = term;
        for (int k = wantCos ? 0 : 1; k < 200; k += 2) {
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf((long) (k + 1) * (k + 2)), MC).negate();
            sum = sum.add(term, MC);
            if (term.abs().compareTo(new BigDecimal("1e-58")) < 0) {
                break;
            }
        }
        return sum.doubleValue();
    }

    @Test
    void withinOneEpsOfTheExactValueForEveryLength() {
        long[] lengths = new long[64 + 7];
        for (int i = 0; i < 64; i++) {
            lengths[i] = i + 1;
        }
        long[] more = {97, 194, 1000, 1024, 2310, 4096, 1L << 31};
        System.arraycopy(more, 0, lengths, 64, more.length);
        double worst = 0;
        for (long len : lengths) {
            long step = Math.max(1, len / 300);
            for (long j = 0; j < len; j += step) {
                for (boolean wantCos : new boolean[] {true, false}) {
                    double e = exact(j, len, wantCos);
                    // The 60-digit series leaves ~1e-60 where the exact value is 0 (j/len a quarter turn).
                    e = Math.abs(e) < 1e-40 ? 0.0 : e;
                    double t = wantCos ? Twiddles.cos(j, len) : Twiddles.sin(j, len);
                    // Math.cos/sin are within 1 ulp (<= eps/2 absolute: the results are below 1);
                    // psi = pi r / (4 len) carries at most 1.5 ulps of relative error (pi, one product,
                    // one quotient), |d psi| <= 1.5 (pi/4) eps/2 ~ 0.59 eps, which moves cos and sin
                    // by at most sin(pi/4) 0.59 eps ~ 0.42 eps: 0.92 eps in all, so 1 eps
                    // (measured worst: 0.5 eps). An exact 0 must come out as exactly 0.
                    double abs = Math.abs(t - e) / Reference.EPS;
                    worst = Math.max(worst, abs);
                    assertTrue(e == 0 ? t == 0 : abs <= 1, (wantCos ? "cos" : "sin") + "(2 pi " + j + "/" + len
                            + ") = " + t + ", exact " + e + ": error " + abs + " eps");
                }
            }
        }
        System.out.println("Twiddles: worst absolute error " + worst + " eps");
    }

    @Test
    void exactAtMultiplesOfAnEighthTurn() {
        double h = Math.sqrt(0.5);
        double[] cos = {1, h, 0, -h, -1, -h, 0, h};
        double[] sin = {0, h, 1, h, 0, -h, -1, -h};
        for (long len : new long[] {8, 16, 24, 1000, 4096, 8L * 997}) {
            for (int o = 0; o < 8; o++) {
                long j = o * len / 8;
                assertEquals(cos[o], Twiddles.cos(j, len), 0.0, "cos at " + o + " pi/4, len " + len);
                assertEquals(sin[o], Twiddles.sin(j, len), 0.0, "sin at " + o + " pi/4, len " + len);
                assertEquals(cos[o], Twiddles.cos(j - 3 * len, len), 0.0, "periodic in j");
            }
        }
        assertTrue(Twiddles.sin(1, 2) == 0.0 && Twiddles.cos(1, 2) == -1.0, "e^(i pi) = -1 exactly");
    }
}
