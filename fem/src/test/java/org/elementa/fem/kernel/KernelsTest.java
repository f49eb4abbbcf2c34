package org.elementa.fem.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Level-1, level-2 and level-3 kernels of both implementations against plain loops written here.
 *
 * <p>Tolerances: a computed sum of k products satisfies |fl(s) - s| <= gamma_k * sum|terms|
 * with gamma_k = k*u/(1-k*u), u = 2^-53 (Higham, Accuracy and Stability of Numerical Algorithms,
 * 2nd ed., eq. (3.5)), whatever the summation order. The kernel and the naive reference each obey
 * this bound, so they differ by at most 2*gamma_k*sum|terms|; alpha and beta add two roundings.
 * {@link #sumBound} uses (k+2)*eps*sum|terms| with eps = 2u, which covers 2*gamma_(k+2) for every
 * k used here. The bound is on |terms|, not on the result, so cancellation cannot break it.
 */
class KernelsTest {

    static final double EPS = Math.ulp(1.0);

    /** Sizes that hit the vector tails (odd), the vector width, and the blocking boundaries. */
    static final int[] SIZES = {0, 1, 3, 7, 13, 31, 64, 127, 1000};

    static Stream<Kernels> implementations() {
        return Stream.of(KernelProvider.scalar(), KernelProvider.vector());
    }

    static double sumBound(int k, double absSum) {
        return (k + 2) * EPS * absSum + Double.MIN_NORMAL;
    }

    static double[] random(SplittableRandom rnd, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    static double[] nans(int len) {
        double[] v = new double[len];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    // ---------------------------------------------------------------- level 1

    @ParameterizedTest
    @MethodSource("implementations")
    void dotMatchesNaiveSum(Kernels k) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : SIZES) {
            int xOff = 3;
            int yOff = 5;
            double[] x = random(rnd, n + xOff + 2);
            double[] y = random(rnd, n + yOff + 1);
            double ref = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                ref += x[xOff + i] * y[yOff + i];
                abs += Math.abs(x[xOff + i] * y[yOff + i]);
            }
            assertEquals(ref, k.dot(n, x, xOff, y, yOff), sumBound(n, abs), k.name() + " dot n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void axpyAndScalTouchOnlyTheirRange(Kernels k) {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : SIZES) {
            int xOff = 2;
            int yOff = 7;
            double[] x = random(rnd, n + xOff + 3);
            double[] y = random(rnd, n + yOff + 3);
            double[] y0 = y.clone();
            double a = -0.75;
            k.axpy(n, a, x, xOff, y, yOff);
            for (int i = 0; i < y.length; i++) {
                boolean inside = i >= yOff && i < yOff + n;
                double expect = inside ? y0[i] + a * x[i - yOff + xOff] : y0[i];
                // One multiply and one add (or one fused multiply-add): at most one rounding each.
                assertEquals(expect, y[i], 2 * EPS * (Math.abs(y0[i]) + 1), k.name() + " axpy n=" + n + " i=" + i);
            }
            double[] z = y.clone();
            k.scal(n, 3.5, z, yOff);
            for (int i = 0; i < z.length; i++) {
                boolean inside = i >= yOff && i < yOff + n;
                // A single product is correctly rounded: bit-exact.
                assertEquals(inside ? 3.5 * y[i] : y[i], z[i], 0.0, k.name() + " scal n=" + n + " i=" + i);
            }
        }
    }

    // ---------------------------------------------------------------- level 2

    static Stream<Arguments> gemvCases() {
        List<Arguments> cases = new ArrayList<>();
        implementations().forEach(k -> {
            for (boolean trans : new boolean[] {false, true}) {
                cases.add(Arguments.of(k, trans));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("gemvCases")
    void gemvMatchesNaiveLoops(Kernels k, boolean trans) {
        SplittableRandom rnd = new SplittableRandom(13);
        int[] sizes = {0, 1, 3, 7, 13, 31, 64, 127};
        List<int[]> shapes = new ArrayList<>();
        for (int m : sizes) {
            for (int n : sizes) {
                shapes.add(new int[] {m, n});
            }
        }
        shapes.add(new int[] {1000, 37});
        shapes.add(new int[] {37, 1000});
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            for (double beta : new double[] {0.0, 1.0, -0.4}) {
                double alpha = 1.25;
                int lda = m + 3;
                int aOff = 2;
                int xOff = 1;
                int yOff = 4;
                int xLen = trans ? m : n;
                int yLen = trans ? n : m;
                double[] a = random(rnd, aOff + lda * Math.max(n, 1) + 1);
                double[] x = random(rnd, xOff + xLen + 2);
                // beta = 0: y must not be read, so it starts as NaN; the guard cells stay NaN either way.
                double[] y = beta == 0 ? nans(yOff + yLen + 3) : random(rnd, yOff + yLen + 3);
                if (beta != 0) {
                    for (int i = 0; i < yOff; i++) {
                        y[i] = Double.NaN;
                    }
                    for (int i = yOff + yLen; i < y.length; i++) {
                        y[i] = Double.NaN;
                    }
                }
                double[] y0 = y.clone();
                k.gemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
                for (int i = 0; i < yLen; i++) {
                    double ref = 0;
                    double abs = 0;
                    int len = trans ? m : n;
                    for (int p = 0; p < len; p++) {
                        double aip = trans ? a[aOff + p + i * lda] : a[aOff + i + p * lda];
                        ref += aip * x[xOff + p];
                        abs += Math.abs(aip * x[xOff + p]);
                    }
                    double expect = alpha * ref + (beta == 0 ? 0 : beta * y0[yOff + i]);
                    double bound = sumBound(len, Math.abs(alpha) * abs + Math.abs(beta * (beta == 0 ? 0 : y0[yOff + i])));
                    assertEquals(expect, y[yOff + i], bound,
                            k.name() + " gemv trans=" + trans + " m=" + m + " n=" + n + " beta=" + beta + " i=" + i);
                }
                assertGuardsNaN(y, yOff, yLen, k.name() + " gemv guards m=" + m + " n=" + n);
            }
        }
    }

    static void assertGuardsNaN(double[] y, int off, int len, String what) {
        for (int i = 0; i < off; i++) {
            assertTrue(Double.isNaN(y[i]), what + ": wrote before the range at " + i);
        }
        for (int i = off + len; i < y.length; i++) {
            assertTrue(Double.isNaN(y[i]), what + ": wrote after the range at " + i);
        }
    }

    // ---------------------------------------------------------------- level 3

    static Stream<Arguments> gemmCases() {
        List<Arguments> cases = new ArrayList<>();
        implementations().forEach(k -> {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    cases.add(Arguments.of(k, ta, tb));
                }
            }
        });
        return cases.stream();
    }

    /**
     * Shapes (m, n, k): every combination of small odd sizes (tails of the vector loops and of the
     * 24-by-8 micro-tile), plus shapes crossing the packing blocks (k > 256, m > 192, n > 2048).
     */
    static List<int[]> gemmShapes() {
        List<int[]> shapes = new ArrayList<>();
        int[] small = {1, 3, 7, 13, 31};
        for (int m : small) {
            for (int n : small) {
                for (int k : small) {
                    shapes.add(new int[] {m, n, k});
                }
            }
        }
        shapes.add(new int[] {0, 5, 3});
        shapes.add(new int[] {5, 0, 3});
        shapes.add(new int[] {5, 4, 0});
        shapes.add(new int[] {64, 64, 64});
        shapes.add(new int[] {127, 33, 300});
        shapes.add(new int[] {200, 17, 513});
        shapes.add(new int[] {400, 9, 40});
        shapes.add(new int[] {5, 2100, 3});
        shapes.add(new int[] {1000, 3, 7});
        return shapes;
    }

    @ParameterizedTest
    @MethodSource("gemmCases")
    void gemmMatchesTripleLoop(Kernels kern, boolean transA, boolean transB) {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int[] s : gemmShapes()) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (double beta : new double[] {0.0, 1.0, 0.3}) {
                checkGemm(kern, transA, transB, m, n, k, -0.5, beta, rnd);
            }
        }
    }

    static void checkGemm(Kernels kern, boolean transA, boolean transB, int m, int n, int k, double alpha,
                          double beta, SplittableRandom rnd) {
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aRows + 2;
        int ldb = bRows + 1;
        int ldc = m + 3;
        int aOff = 3;
        int bOff = 1;
        int cOff = 2;
        double[] a = random(rnd, aOff + lda * Math.max(aCols, 1));
        double[] b = random(rnd, bOff + ldb * Math.max(bCols, 1));
        // C: NaN everywhere outside the m-by-n block (must stay NaN) and, for beta = 0, inside too
        // (must not be read).
        double[] c = nans(cOff + ldc * Math.max(n, 1) + 2);
        if (beta != 0) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    c[cOff + i + j * ldc] = rnd.nextDouble(-1, 1);
                }
            }
        }
        double[] c0 = c.clone();
        kern.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        String what = kern.name() + " gemm tA=" + transA + " tB=" + transB + " m=" + m + " n=" + n + " k=" + k
                + " beta=" + beta;
        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - cOff;
            int i = rel >= 0 ? rel % ldc : -1;
            int j = rel >= 0 ? rel / ldc : -1;
            if (i < 0 || i >= m || j >= n) {
                assertTrue(Double.isNaN(c[idx]), what + ": wrote outside C at " + idx);
                continue;
            }
            double ref = 0;
            double abs = 0;
            for (int p = 0; p < k; p++) {
                double aip = transA ? a[aOff + p + i * lda] : a[aOff + i + p * lda];
                double bpj = transB ? b[bOff + j + p * ldb] : b[bOff + p + j * ldb];
                ref += aip * bpj;
                abs += Math.abs(aip * bpj);
            }
            double cOld = beta == 0 ? 0 : beta * c0[idx];
            double expect = alpha * ref + cOld;
            assertEquals(expect, c[idx], sumBound(k, Math.abs(alpha) * abs + Math.abs(cOld)),
                    what + " at (" + i + "," + j + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void alphaZeroOnlyScalesTheOutputAndReadsNoOperand(Kernels k) {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int size : new int[] {3, 40}) {
            double[] a = nans(size * size);
            double[] x = nans(size);
            for (boolean trans : new boolean[] {false, true}) {
                double[] y = random(rnd, size);
                double[] y0 = y.clone();
                k.gemv(trans, size, size, 0.0, a, 0, size, x, 0, 0.5, y, 0);
                for (int i = 0; i < size; i++) {
                    // One correctly rounded product: exact comparison.
                    assertEquals(0.5 * y0[i], y[i], 0.0, k.name() + " gemv alpha=0 trans=" + trans);
                }
                double[] c = random(rnd, size * size);
                double[] c0 = c.clone();
                k.gemm(trans, !trans, size, size, size, 0.0, a, 0, size, a, 0, size, -2.0, c, 0, size);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(-2.0 * c0[i], c[i], 0.0, k.name() + " gemm alpha=0 trans=" + trans);
                }
            }
            double[] y = random(rnd, size);
            double[] y0 = y.clone();
            k.sbmv(size, size - 1, 0.0, a, size, x, 0.25, y);
            for (int i = 0; i < size; i++) {
                assertEquals(0.25 * y0[i], y[i], 0.0, k.name() + " sbmv alpha=0");
            }
        }
    }

    /** Bad sizes, leading dimensions and offsets throw IllegalArgumentException naming the parameter. */
    @ParameterizedTest
    @MethodSource("implementations")
    void badArgumentsNameTheParameter(Kernels k) {
        double[] x = new double[10];
        double[] y = new double[10];
        assertNames("n", () -> k.dot(-1, x, 0, y, 0));
        assertNames("y", () -> k.dot(5, x, 0, y, 6));
        assertNames("xOff", () -> k.axpy(1, 2.0, x, -1, y, 0));
        assertNames("x", () -> k.scal(11, 2.0, x, 0));
        assertNames("lda", () -> k.gemv(false, 3, 2, 1.0, x, 0, 2, x, 0, 0.0, y, 0));
        assertNames("a", () -> k.gemv(false, 3, 4, 1.0, x, 0, 3, x, 0, 0.0, y, 0));
        assertNames("x", () -> k.gemv(true, 10, 1, 1.0, x, 0, 10, x, 1, 0.0, y, 0));
        assertNames("k", () -> k.gemm(false, false, 2, 2, -1, 1.0, x, 0, 2, y, 0, 1, 0.0, new double[4], 0, 2));
        assertNames("ldb", () -> k.gemm(false, true, 2, 3, 2, 1.0, x, 0, 2, y, 0, 2, 0.0, new double[6], 0, 2));
        assertNames("c", () -> k.gemm(false, false, 2, 3, 2, 1.0, x, 0, 2, y, 0, 2, 0.0, new double[5], 0, 2));
        assertNames("kd", () -> k.pbtrf(3, -1, x, 1));
        assertNames("ldab", () -> k.sbldlt(3, 2, x, 2));
        assertNames("ab", () -> k.pbtrf(6, 1, x, 2));
        assertNames("nrhs", () -> k.pbtrs(2, 1, x, 2, y, -1, 2));
        assertNames("ldb", () -> k.sbldltSolve(3, 1, x, 2, y, 1, 2));
        assertNames("b", () -> k.sbldltSolve(3, 1, x, 2, y, 4, 3));
        assertNames("y", () -> k.sbmv(3, 1, 1.0, x, 2, x, 0.0, new double[2]));
        // Empty operations are legal whatever the offsets point at.
        assertEquals(0.0, k.dot(0, x, 10, y, 10));
    }

    private static void assertNames(String param, org.junit.jupiter.api.function.Executable call) {
        String msg = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(msg.startsWith(param + " ") || msg.startsWith(param + ":"), msg);
    }
}
