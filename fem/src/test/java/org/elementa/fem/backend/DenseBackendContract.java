package org.elementa.fem.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DenseBackend} meets, checked against plain triple loops written here.
 * Subclasses name the implementation. Tolerance: a sum of k products computed in any order is
 * within gamma_k * sum|terms| of the exact value (Higham, eq. (3.5)); the provider and the
 * reference each obey that, so they differ by at most (k+2)*eps*sum|terms| with alpha and beta.
 */
abstract class DenseBackendContract {

    private static final double EPS = Math.ulp(1.0);

    /** The implementation under test. */
    abstract DenseBackend backend();

    private static double[] random(SplittableRandom rnd, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    private static double[] nans(int len) {
        double[] v = new double[len];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static double bound(int k, double absSum) {
        return (k + 2) * EPS * absSum + Double.MIN_NORMAL;
    }

    /** op(X)(i, p) of a column-major X at off with leading dimension ld. */
    private static double op(boolean trans, double[] x, int off, int ld, int i, int p) {
        return trans ? x[off + p + i * ld] : x[off + i + p * ld];
    }

    @Test
    void isAvailableAndNamed() {
        assertTrue(backend().isAvailable());
        assertTrue(!backend().name().isBlank());
    }

    @Test
    void gemmMatchesTripleLoopForAllTransposes() {
        SplittableRandom rnd = new SplittableRandom(71);
        int[][] shapes = {{1, 1, 1}, {7, 13, 3}, {31, 5, 64}, {65, 40, 300}};
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int[] s : shapes) {
                    for (double beta : new double[] {0.0, 0.7}) {
                        int m = s[0];
                        int n = s[1];
                        int k = s[2];
                        int lda = (ta ? k : m) + 1;
                        int ldb = (tb ? n : k) + 2;
                        int ldc = m + 3;
                        double[] a = random(rnd, lda * (ta ? m : k));
                        double[] b = random(rnd, ldb * (tb ? k : n));
                        double[] c = beta == 0 ? nans(ldc * n) : random(rnd, ldc * n);
                        double[] c0 = c.clone();
                        backend().gemm(ta, tb, m, n, k, 1.5, a, lda, b, ldb, beta, c, ldc);
                        for (int j = 0; j < n; j++) {
                            for (int i = 0; i < ldc; i++) {
                                int idx = i + j * ldc;
                                if (i >= m) {
                                    assertEquals(c0[idx], c[idx], 0.0, "row padding of C changed");
                                    continue;
                                }
                                double ref = 0;
                                double abs = 0;
                                for (int p = 0; p < k; p++) {
                                    double t = op(ta, a, 0, lda, i, p) * op(tb, b, 0, ldb, p, j);
                                    ref += t;
                                    abs += Math.abs(t);
                                }
                                double old = beta == 0 ? 0 : beta * c0[idx];
                                assertEquals(1.5 * ref + old, c[idx], bound(k, 1.5 * abs + Math.abs(old)),
                                        backend().name() + " gemm tA=" + ta + " tB=" + tb + " " + m + "x" + n + "x" + k);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void gemvMatchesDoubleLoop() {
        SplittableRandom rnd = new SplittableRandom(72);
        for (boolean ta : new boolean[] {false, true}) {
            for (int[] s : new int[][] {{1, 1}, {13, 7}, {100, 33}}) {
                int m = s[0];
                int n = s[1];
                int lda = m + 2;
                double[] a = random(rnd, lda * n);
                double[] x = random(rnd, ta ? m : n);
                int yLen = ta ? n : m;
                double[] y = nans(yLen);
                backend().gemv(ta, m, n, -2.0, a, lda, x, 0.0, y);
                for (int i = 0; i < yLen; i++) {
                    double ref = 0;
                    double abs = 0;
                    for (int p = 0; p < x.length; p++) {
                        double t = op(ta, a, 0, lda, i, p) * x[p];
                        ref += t;
                        abs += Math.abs(t);
                    }
                    assertEquals(-2.0 * ref, y[i], bound(x.length, 2 * abs), backend().name() + " gemv tA=" + ta);
                }
            }
        }
    }

    @Test
    void syrkWritesTheLowerTriangleOnly() {
        SplittableRandom rnd = new SplittableRandom(73);
        // n = 150 spans several 64-column blocks and a ragged last one.
        for (boolean trans : new boolean[] {false, true}) {
            for (int[] s : new int[][] {{1, 1}, {5, 9}, {70, 3}, {150, 41}}) {
                for (double beta : new double[] {0.0, -0.5}) {
                    int n = s[0];
                    int k = s[1];
                    int lda = (trans ? k : n) + 1;
                    int ldc = n + 2;
                    double[] a = random(rnd, lda * (trans ? n : k));
                    // The strict upper triangle and the padding rows are NaN: they must stay NaN
                    // (never written), and with beta != 0 they must not leak into the lower triangle.
                    double[] c = nans(ldc * n);
                    for (int j = 0; j < n; j++) {
                        for (int i = j; i < n; i++) {
                            c[i + j * ldc] = beta == 0 ? Double.NaN : rnd.nextDouble(-1, 1);
                        }
                    }
                    double[] c0 = c.clone();
                    backend().syrk(trans, n, k, 0.75, a, lda, beta, c, ldc);
                    for (int j = 0; j < n; j++) {
                        for (int i = 0; i < ldc; i++) {
                            int idx = i + j * ldc;
                            if (i < j || i >= n) {
                                assertTrue(Double.isNaN(c[idx]), backend().name() + " syrk wrote (" + i + "," + j + ")");
                                continue;
                            }
                            double ref = 0;
                            double abs = 0;
                            for (int p = 0; p < k; p++) {
                                // op(A) = A (n-by-k) or A^T (A k-by-n); C = alpha op(A) op(A)^T.
                                double t = op(trans, a, 0, lda, i, p) * op(trans, a, 0, lda, j, p);
                                ref += t;
                                abs += Math.abs(t);
                            }
                            double old = beta == 0 ? 0 : beta * c0[idx];
                            assertEquals(0.75 * ref + old, c[idx], bound(k, 0.75 * abs + Math.abs(old)),
                                    backend().name() + " syrk trans=" + trans + " n=" + n + " k=" + k + " (" + i + "," + j + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void gemmStridedBatchedMatchesOneProductPerEntryAndLeavesGapsAlone() {
        SplittableRandom rnd = new SplittableRandom(74);
        int m = 9;
        int n = 5;
        int k = 11;
        int batch = 4;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                int lda = ta ? k : m;
                int ldb = tb ? n : k;
                int ldc = m + 1;
                int strideA = lda * (ta ? m : k) + 3;
                int strideB = ldb * (tb ? k : n) + 1;
                int strideC = ldc * n + 4;
                double[] a = random(rnd, strideA * batch);
                double[] b = random(rnd, strideB * batch);
                double[] c = nans(strideC * batch);
                backend().gemmStridedBatched(ta, tb, m, n, k, 1.0, a, lda, strideA, b, ldb, strideB,
                        0.0, c, ldc, strideC, batch);
                for (int q = 0; q < batch; q++) {
                    for (int off = 0; off < strideC; off++) {
                        int idx = q * strideC + off;
                        int i = off % ldc;
                        int j = off / ldc;
                        if (i >= m || j >= n) {
                            assertTrue(Double.isNaN(c[idx]), "wrote a gap at " + idx);
                            continue;
                        }
                        double ref = 0;
                        double abs = 0;
                        for (int p = 0; p < k; p++) {
                            double t = op(ta, a, q * strideA, lda, i, p) * op(tb, b, q * strideB, ldb, p, j);
                            ref += t;
                            abs += Math.abs(t);
                        }
                        assertEquals(ref, c[idx], bound(k, abs),
                                backend().name() + " batched tA=" + ta + " tB=" + tb + " entry " + q);
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        DenseBackend be = backend();
        double[] a = new double[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> be.gemm(false, false, -1, 2, 2, 1, a, 1, a, 2, 0, a, 1));
        assertTrue(e.getMessage().contains("m = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> be.gemm(false, false, 3, 2, 2, 1, a, 2, a, 2, 0, a, 3));
        assertTrue(e.getMessage().contains("leading dimension of a"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> be.gemv(false, 4, 4, 1, a, 4, a, 0, a));
        assertTrue(e.getMessage().contains("a has length 12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> be.syrk(false, 3, 2, 1, a, 3, 0, new double[8], 3));
        assertTrue(e.getMessage().contains("c has length 8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> be.gemmStridedBatched(false, false, 2, 2, 2, 1, a, 2, 4, a, 2, 4, 0, a, 2, 4, 4));
        assertTrue(e.getMessage().contains("last batch entry"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> be.gemmStridedBatched(false, false, 2, 2, 2, 1, a, 2, 4, a, 2, 4, 0, a, 2, 4, -1));
        assertTrue(e.getMessage().contains("batch = -1"), e.getMessage());
    }
}
