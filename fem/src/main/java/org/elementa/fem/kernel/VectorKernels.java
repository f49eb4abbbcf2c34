package org.elementa.fem.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link Kernels}. Loaded only after {@link KernelProvider} has
 * checked that {@code jdk.incubator.vector} is readable.
 *
 * <p>Level-1 and level-2 kernels stream memory with several independent accumulators. The
 * general matrix product follows the layered scheme of Goto and van de Geijn ("Anatomy of
 * high-performance matrix multiplication", ACM TOMS 34(3), 2008) as refined in BLIS (Van Zee and
 * van de Geijn, ACM TOMS 41(3), 2015): op(B) is packed in KC-by-NC blocks, op(A) in MC-by-KC blocks,
 * both cut into micro-panels stored contiguously in the order the micro-kernel reads them, and a
 * register-tiled micro-kernel accumulates an MR-by-NR tile of C (three vectors by eight columns,
 * or four on 16-register x86) with fused multiply-adds. The packing buffers are kept per thread
 * and reused (at most KC*(NC+MC) doubles, about 4.4 MiB, per thread that has run a large product).
 * Products with m*n*k of a few hundred or less run the scalar twin. Banded factorizations
 * vectorize their column updates (axpy) and fall back to the scalar twin when the band is narrower
 * than two vectors, where vector setup does not pay.
 */
final class VectorKernels implements Kernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /** Micro-tile rows: three vectors. */
    private static final int MR = 3 * L;
    /**
     * Micro-tile columns. Eight where the vector register file has 32 entries (AVX-512; NEON and
     * SVE on AArch64): 24 accumulators plus three A vectors and a broadcast B value. Four on x86
     * below AVX-512 (AVX2, SSE), which has only 16 vector registers: 12 accumulators plus operands.
     */
    private static final int NR = SPECIES.vectorBitSize() >= 512 || !isX86() ? 8 : 4;
    /** Depth of a packed block: a KC-by-NR micro-panel of B (16 KiB) stays in the L1 cache. */
    private static final int KC = 256;
    /** Rows of a packed block of A: MC-by-KC doubles (about 384 KiB at 512-bit vectors) stay in L2. */
    private static final int MC = MR * 8;
    /** Columns of a packed block of B: KC-by-NC doubles (4 MiB) for the last-level cache. */
    private static final int NC = 2048;
    /** Products with m*n*k at most this (about 6x6x6) run the scalar twin. */
    private static final long SMALL_GEMM = 216;
    /** Below this band half-width the banded kernels run the scalar twin. */
    private static final int BAND_VECTOR_MIN = 2 * L;

    private static boolean isX86() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86") || arch.equals("i386");
    }

    static final VectorKernels INSTANCE = new VectorKernels();

    private final Kernels scalar = ScalarKernels.INSTANCE;

    /** Per-thread packing buffers, grown on demand and reused across calls. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][]);

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String toString() {
        return name() + " kernels";
    }

    @Override
    public int vectorBitSize() {
        return SPECIES.vectorBitSize();
    }

    /**
     * The sum of the lanes of v, added in lane order: ((v_0 + v_1) + v_2) + ... . Not
     * {@code reduceLanes(ADD)}, whose order of additions on floating-point lanes the Vector API
     * leaves unspecified (it "may even vary over time"), which would break bit-for-bit
     * reproducibility. L is a compile-time constant to C2, so the loop unrolls into L - 1 scalar
     * adds of constant-index lane extracts, once per reduction, off the streaming loop.
     */
    private static double sumLanes(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < L; i++) {
            s += v.lane(i);
        }
        return s;
    }

    // ------------------------------------------------------------------ level 1

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        KernelChecks.vectors(n, x, xOff, y, yOff);
        return dotV(n, x, xOff, y, yOff);
    }

    private static double dotV(int n, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        DoubleVector acc2 = DoubleVector.zero(SPECIES);
        DoubleVector acc3 = DoubleVector.zero(SPECIES);
        int i = 0;
        int bound4 = n - 4 * L + 1;
        for (; i < bound4; i += 4 * L) {
            acc0 = DoubleVector.fromArray(SPECIES, x, xOff + i)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + i), acc0);
            acc1 = DoubleVector.fromArray(SPECIES, x, xOff + i + L)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + i + L), acc1);
            acc2 = DoubleVector.fromArray(SPECIES, x, xOff + i + 2 * L)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + i + 2 * L), acc2);
            acc3 = DoubleVector.fromArray(SPECIES, x, xOff + i + 3 * L)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + i + 3 * L), acc3);
        }
        int bound = SPECIES.loopBound(n);
        for (; i < bound; i += L) {
            acc0 = DoubleVector.fromArray(SPECIES, x, xOff + i)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + i), acc0);
        }
        double s = sumLanes(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void axpy(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        KernelChecks.vectors(n, x, xOff, y, yOff);
        axpyV(n, a, x, xOff, y, yOff);
    }

    private static void axpyV(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        axpyV(n, a, x, xOff, y, yOff, false);
    }

    /**
     * y += a x; with maskedTail the remainder is one masked vector operation instead of a scalar
     * loop. That pays in the banded factorizations, whose column updates have lengths kd, kd-1, ...,
     * 1, so that remainders are as much work as full vectors; it does not in a triangular solve,
     * where the next column reads what the masked store wrote (no store-to-load forwarding from a
     * masked store). Same bits either way (a fused multiply-add rounds once).
     */
    private static void axpyV(int n, double a, double[] x, int xOff, double[] y, int yOff, boolean maskedTail) {
        DoubleVector va = DoubleVector.broadcast(SPECIES, a);
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(SPECIES, x, xOff + i)
                    .fma(va, DoubleVector.fromArray(SPECIES, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        if (maskedTail && i < n) {
            VectorMask<Double> m = SPECIES.indexInRange(i, n);
            DoubleVector.fromArray(SPECIES, x, xOff + i, m)
                    .fma(va, DoubleVector.fromArray(SPECIES, y, yOff + i, m))
                    .intoArray(y, yOff + i, m);
            return;
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scal(int n, double a, double[] x, int xOff) {
        KernelChecks.vector(n, x, xOff);
        scalV(n, a, x, xOff);
    }

    private static void scalV(int n, double a, double[] x, int xOff) {
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(SPECIES, x, xOff + i).mul(a).intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            x[xOff + i] *= a;
        }
    }

    /** y = beta*y, with beta = 0 writing zeros without reading y. */
    private static void scaleOrZero(int n, double beta, double[] y, int yOff) {
        if (beta == 0) {
            java.util.Arrays.fill(y, yOff, yOff + n, 0.0);
        } else if (beta != 1) {
            scalV(n, beta, y, yOff);
        }
    }

    // ------------------------------------------------------------------ level 2

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                     double[] x, int xOff, double beta, double[] y, int yOff) {
        KernelChecks.gemv(transA, m, n, a, aOff, lda, x, xOff, y, yOff);
        if (transA) {
            gemvT(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        } else {
            gemvN(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        }
    }

    /** y = alpha*A*x + beta*y: four columns per sweep, so y is loaded and stored once per four. */
    private static void gemvN(int m, int n, double alpha, double[] a, int aOff, int lda,
                              double[] x, int xOff, double beta, double[] y, int yOff) {
        scaleOrZero(m, beta, y, yOff);
        if (alpha == 0) {
            return;
        }
        int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double x0 = alpha * x[xOff + j];
            double x1 = alpha * x[xOff + j + 1];
            double x2 = alpha * x[xOff + j + 2];
            double x3 = alpha * x[xOff + j + 3];
            DoubleVector v0 = DoubleVector.broadcast(SPECIES, x0);
            DoubleVector v1 = DoubleVector.broadcast(SPECIES, x1);
            DoubleVector v2 = DoubleVector.broadcast(SPECIES, x2);
            DoubleVector v3 = DoubleVector.broadcast(SPECIES, x3);
            int c0 = aOff + j * lda;
            int c1 = c0 + lda;
            int c2 = c1 + lda;
            int c3 = c2 + lda;
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector yv = DoubleVector.fromArray(SPECIES, y, yOff + i);
                yv = DoubleVector.fromArray(SPECIES, a, c0 + i).fma(v0, yv);
                yv = DoubleVector.fromArray(SPECIES, a, c1 + i).fma(v1, yv);
                yv = DoubleVector.fromArray(SPECIES, a, c2 + i).fma(v2, yv);
                yv = DoubleVector.fromArray(SPECIES, a, c3 + i).fma(v3, yv);
                yv.intoArray(y, yOff + i);
            }
            for (; i < m; i++) {
                double s = y[yOff + i];
                s = Math.fma(a[c0 + i], x0, s);
                s = Math.fma(a[c1 + i], x1, s);
                s = Math.fma(a[c2 + i], x2, s);
                s = Math.fma(a[c3 + i], x3, s);
                y[yOff + i] = s;
            }
        }
        for (; j < n; j++) {
            axpyV(m, alpha * x[xOff + j], a, aOff + j * lda, y, yOff);
        }
    }

    /** y = alpha*A^T*x + beta*y: four dot products per sweep share each load of x. */
    private static void gemvT(int m, int n, double alpha, double[] a, int aOff, int lda,
                              double[] x, int xOff, double beta, double[] y, int yOff) {
        if (alpha == 0) {
            scaleOrZero(n, beta, y, yOff);
            return;
        }
        int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int c0 = aOff + j * lda;
            int c1 = c0 + lda;
            int c2 = c1 + lda;
            int c3 = c2 + lda;
            DoubleVector acc0 = DoubleVector.zero(SPECIES);
            DoubleVector acc1 = DoubleVector.zero(SPECIES);
            DoubleVector acc2 = DoubleVector.zero(SPECIES);
            DoubleVector acc3 = DoubleVector.zero(SPECIES);
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector xv = DoubleVector.fromArray(SPECIES, x, xOff + i);
                acc0 = DoubleVector.fromArray(SPECIES, a, c0 + i).fma(xv, acc0);
                acc1 = DoubleVector.fromArray(SPECIES, a, c1 + i).fma(xv, acc1);
                acc2 = DoubleVector.fromArray(SPECIES, a, c2 + i).fma(xv, acc2);
                acc3 = DoubleVector.fromArray(SPECIES, a, c3 + i).fma(xv, acc3);
            }
            double s0 = sumLanes(acc0);
            double s1 = sumLanes(acc1);
            double s2 = sumLanes(acc2);
            double s3 = sumLanes(acc3);
            for (; i < m; i++) {
                double xi = x[xOff + i];
                s0 = Math.fma(a[c0 + i], xi, s0);
                s1 = Math.fma(a[c1 + i], xi, s1);
                s2 = Math.fma(a[c2 + i], xi, s2);
                s3 = Math.fma(a[c3 + i], xi, s3);
            }
            storeScaled(y, yOff + j, alpha * s0, beta);
            storeScaled(y, yOff + j + 1, alpha * s1, beta);
            storeScaled(y, yOff + j + 2, alpha * s2, beta);
            storeScaled(y, yOff + j + 3, alpha * s3, beta);
        }
        for (; j < n; j++) {
            storeScaled(y, yOff + j, alpha * dotV(m, a, aOff + j * lda, x, xOff), beta);
        }
    }

    /** y[i] = v + beta*y[i], not reading y[i] when beta = 0. */
    private static void storeScaled(double[] y, int i, double v, double beta) {
        y[i] = beta == 0 ? v : v + beta * y[i];
    }

    // ------------------------------------------------------------------ level 3

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        KernelChecks.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m <= 0 || n <= 0) {
            return;
        }
        if (alpha == 0 || k <= 0) {
            for (int j = 0; j < n; j++) {
                scaleOrZero(m, beta, c, cOff + j * ldc);
            }
            return;
        }
        if ((long) m * n * k <= SMALL_GEMM) {
            // Packing and a mostly padded micro-tile cost more than they save on tiny products.
            scalar.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        double[][] scratch = SCRATCH.get();
        int ncMax = Math.min(NC, roundUp(n, NR));
        int kcMax = Math.min(KC, k);
        int mcMax = Math.min(MC, roundUp(m, MR));
        double[] bp = scratch[0];
        if (bp == null || bp.length < kcMax * ncMax) {
            bp = new double[kcMax * ncMax];
            scratch[0] = bp;
        }
        double[] ap = scratch[1];
        if (ap == null || ap.length < kcMax * mcMax) {
            ap = new double[kcMax * mcMax];
            scratch[1] = ap;
        }
        double[] tile = scratch[2];
        if (tile == null) {
            tile = new double[MR * NR];
            scratch[2] = tile;
        }
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, jc, kc, nc, bp);
                // Only the first slice of the k dimension applies beta; later slices accumulate.
                double betaSlice = pc == 0 ? beta : 1.0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(transA, a, aOff, lda, ic, pc, mc, kc, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bBase = jr * kc;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int aBase = ir * kc;
                            int cIdx = cOff + (ic + ir) + (jc + jr) * ldc;
                            if (NR == 8) {
                                microKernel8(kc, ap, aBase, bp, bBase, tile);
                            } else {
                                microKernel4(kc, ap, aBase, bp, bBase, tile);
                            }
                            if (mr == MR && nr == NR) {
                                storeTile(alpha, betaSlice, tile, c, cIdx, ldc);
                            } else {
                                storeEdge(mr, nr, alpha, betaSlice, tile, c, cIdx, ldc);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int v, int q) {
        return (v + q - 1) / q * q;
    }

    /**
     * Packs op(B)(pc:pc+kc, jc:jc+nc) as consecutive kc-by-NR micro-panels, each stored row by
     * row (NR values per step of the k loop); columns past nc are zero.
     */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int pc, int jc, int kc, int nc,
                              double[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (!transB) {
                // op(B)(p, j) = B(p, j): a column of B is contiguous in p.
                for (int q = 0; q < nr; q++) {
                    int src = bOff + pc + (jc + jr + q) * ldb;
                    int dst = base + q;
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR] = b[src + p];
                    }
                }
            } else {
                // op(B)(p, j) = B(j, p): a row of the panel is contiguous in j.
                for (int p = 0; p < kc; p++) {
                    int src = bOff + jc + jr + (pc + p) * ldb;
                    System.arraycopy(b, src, bp, base + p * NR, nr);
                }
            }
            if (nr < NR) {
                for (int p = 0; p < kc; p++) {
                    java.util.Arrays.fill(bp, base + p * NR + nr, base + p * NR + NR, 0.0);
                }
            }
        }
    }

    /**
     * Packs op(A)(ic:ic+mc, pc:pc+kc) as consecutive MR-by-kc micro-panels, each stored column by
     * column (MR values per step of the k loop); rows past mc are zero.
     */
    private static void packA(boolean transA, double[] a, int aOff, int lda, int ic, int pc, int mc, int kc,
                              double[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (!transA) {
                // op(A)(i, p) = A(i, p): MR rows of one column are contiguous.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + ic + ir + (pc + p) * lda;
                    System.arraycopy(a, src, ap, base + p * MR, mr);
                }
            } else {
                // op(A)(i, p) = A(p, i): a row of op(A) is a contiguous column of A.
                for (int r = 0; r < mr; r++) {
                    int src = aOff + pc + (ic + ir + r) * lda;
                    int dst = base + r;
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR] = a[src + p];
                    }
                }
            }
            if (mr < MR) {
                for (int p = 0; p < kc; p++) {
                    java.util.Arrays.fill(ap, base + p * MR + mr, base + p * MR + MR, 0.0);
                }
            }
        }
    }

    /** C(0:mr, 0:nr) = alpha*T + beta*C from the full MR-by-NR tile T, not reading C when beta = 0. */
    private static void storeEdge(int mr, int nr, double alpha, double beta, double[] t, double[] c, int cIdx,
                                  int ldc) {
        for (int q = 0; q < nr; q++) {
            int col = cIdx + q * ldc;
            int tc = q * MR;
            if (beta == 0) {
                for (int r = 0; r < mr; r++) {
                    c[col + r] = alpha * t[tc + r];
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    c[col + r] = alpha * t[tc + r] + beta * c[col + r];
                }
            }
        }
    }

    /**
     * T = Apanel * Bpanel (T is MR-by-NR, column-major, leading dimension MR) for one packed
     * MR-by-kc micro-panel of A and kc-by-NR micro-panel of B: 24 accumulators (3 vectors by 8 columns) live in registers for
     * the whole k loop; each step loads three vectors of A, broadcasts eight values of B and issues
     * 24 fused multiply-adds.
     */
    private static void microKernel8(int kc, double[] ap, int aBase, double[] bp, int bBase, double[] t) {
        DoubleVector c00 = DoubleVector.zero(SPECIES), c10 = c00, c20 = c00;
        DoubleVector c01 = c00, c11 = c00, c21 = c00;
        DoubleVector c02 = c00, c12 = c00, c22 = c00;
        DoubleVector c03 = c00, c13 = c00, c23 = c00;
        DoubleVector c04 = c00, c14 = c00, c24 = c00;
        DoubleVector c05 = c00, c15 = c00, c25 = c00;
        DoubleVector c06 = c00, c16 = c00, c26 = c00;
        DoubleVector c07 = c00, c17 = c00, c27 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aBase + p * MR;
            int bi = bBase + p * NR;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, ap, ai);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, ap, ai + L);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, ap, ai + 2 * L);
            DoubleVector bv = DoubleVector.broadcast(SPECIES, bp[bi]);
            c00 = a0.fma(bv, c00);
            c10 = a1.fma(bv, c10);
            c20 = a2.fma(bv, c20);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 1]);
            c01 = a0.fma(bv, c01);
            c11 = a1.fma(bv, c11);
            c21 = a2.fma(bv, c21);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 2]);
            c02 = a0.fma(bv, c02);
            c12 = a1.fma(bv, c12);
            c22 = a2.fma(bv, c22);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 3]);
            c03 = a0.fma(bv, c03);
            c13 = a1.fma(bv, c13);
            c23 = a2.fma(bv, c23);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 4]);
            c04 = a0.fma(bv, c04);
            c14 = a1.fma(bv, c14);
            c24 = a2.fma(bv, c24);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 5]);
            c05 = a0.fma(bv, c05);
            c15 = a1.fma(bv, c15);
            c25 = a2.fma(bv, c25);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 6]);
            c06 = a0.fma(bv, c06);
            c16 = a1.fma(bv, c16);
            c26 = a2.fma(bv, c26);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 7]);
            c07 = a0.fma(bv, c07);
            c17 = a1.fma(bv, c17);
            c27 = a2.fma(bv, c27);
        }
        c00.intoArray(t, 0);
        c10.intoArray(t, L);
        c20.intoArray(t, 2 * L);
        c01.intoArray(t, MR);
        c11.intoArray(t, MR + L);
        c21.intoArray(t, MR + 2 * L);
        c02.intoArray(t, 2 * MR);
        c12.intoArray(t, 2 * MR + L);
        c22.intoArray(t, 2 * MR + 2 * L);
        c03.intoArray(t, 3 * MR);
        c13.intoArray(t, 3 * MR + L);
        c23.intoArray(t, 3 * MR + 2 * L);
        c04.intoArray(t, 4 * MR);
        c14.intoArray(t, 4 * MR + L);
        c24.intoArray(t, 4 * MR + 2 * L);
        c05.intoArray(t, 5 * MR);
        c15.intoArray(t, 5 * MR + L);
        c25.intoArray(t, 5 * MR + 2 * L);
        c06.intoArray(t, 6 * MR);
        c16.intoArray(t, 6 * MR + L);
        c26.intoArray(t, 6 * MR + 2 * L);
        c07.intoArray(t, 7 * MR);
        c17.intoArray(t, 7 * MR + L);
        c27.intoArray(t, 7 * MR + 2 * L);
    }

    /** As {@link #microKernel8} with four columns (12 accumulators) for 16-register machines. */
    private static void microKernel4(int kc, double[] ap, int aBase, double[] bp, int bBase, double[] t) {
        DoubleVector c00 = DoubleVector.zero(SPECIES), c10 = c00, c20 = c00;
        DoubleVector c01 = c00, c11 = c00, c21 = c00;
        DoubleVector c02 = c00, c12 = c00, c22 = c00;
        DoubleVector c03 = c00, c13 = c00, c23 = c00;
        for (int p = 0; p < kc; p++) {
            int ai = aBase + p * MR;
            int bi = bBase + p * NR;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, ap, ai);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, ap, ai + L);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, ap, ai + 2 * L);
            DoubleVector bv = DoubleVector.broadcast(SPECIES, bp[bi]);
            c00 = a0.fma(bv, c00);
            c10 = a1.fma(bv, c10);
            c20 = a2.fma(bv, c20);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 1]);
            c01 = a0.fma(bv, c01);
            c11 = a1.fma(bv, c11);
            c21 = a2.fma(bv, c21);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 2]);
            c02 = a0.fma(bv, c02);
            c12 = a1.fma(bv, c12);
            c22 = a2.fma(bv, c22);
            bv = DoubleVector.broadcast(SPECIES, bp[bi + 3]);
            c03 = a0.fma(bv, c03);
            c13 = a1.fma(bv, c13);
            c23 = a2.fma(bv, c23);
        }
        c00.intoArray(t, 0);
        c10.intoArray(t, L);
        c20.intoArray(t, 2 * L);
        c01.intoArray(t, MR);
        c11.intoArray(t, MR + L);
        c21.intoArray(t, MR + 2 * L);
        c02.intoArray(t, 2 * MR);
        c12.intoArray(t, 2 * MR + L);
        c22.intoArray(t, 2 * MR + 2 * L);
        c03.intoArray(t, 3 * MR);
        c13.intoArray(t, 3 * MR + L);
        c23.intoArray(t, 3 * MR + 2 * L);
    }

    /** C(0:MR, 0:NR) = alpha*T + beta*C from a full tile T, not reading C when beta = 0. */
    private static void storeTile(double alpha, double beta, double[] t, double[] c, int cIdx, int ldc) {
        DoubleVector va = DoubleVector.broadcast(SPECIES, alpha);
        DoubleVector vb = DoubleVector.broadcast(SPECIES, beta);
        for (int q = 0; q < NR; q++) {
            int col = cIdx + q * ldc;
            for (int r = 0; r < MR; r += L) {
                DoubleVector tv = DoubleVector.fromArray(SPECIES, t, q * MR + r);
                if (beta == 0) {
                    tv.mul(va).intoArray(c, col + r);
                } else {
                    tv.fma(va, DoubleVector.fromArray(SPECIES, c, col + r).mul(vb)).intoArray(c, col + r);
                }
            }
        }
    }

    // ------------------------------------------------------------------ banded

    @Override
    public void sbmv(int n, int kd, double alpha, double[] ab, int ldab, double[] x, double beta, double[] y) {
        KernelChecks.sbmv(n, kd, ab, ldab, x, y);
        if (kd < BAND_VECTOR_MIN) {
            scalar.sbmv(n, kd, alpha, ab, ldab, x, beta, y);
            return;
        }
        scaleOrZero(n, beta, y, 0);
        if (alpha == 0) {
            return;
        }
        sbmvV(n, kd, null, alpha, ab, ldab, x, y);
    }

    @Override
    public void sbmv(int n, int kd, int[] profile, double[] ab, int ldab, double[] x, double[] y) {
        KernelChecks.sbmv(n, kd, ab, ldab, x, y);
        KernelChecks.profile(n, kd, profile);
        if (kd < BAND_VECTOR_MIN) {
            scalar.sbmv(n, kd, profile, ab, ldab, x, y);
            return;
        }
        java.util.Arrays.fill(y, 0, n, 0.0);
        sbmvV(n, kd, profile, 1.0, ab, ldab, x, y);
    }

    /** y += alpha A x over the profile (the full band when profile is null). */
    private static void sbmvV(int n, int kd, int[] profile, double alpha, double[] ab, int ldab, double[] x, double[] y) {
        for (int j = 0; j < n; j++) {
            int len = KernelChecks.extent(n, kd, profile, j);
            int col = j * ldab;
            double xj = alpha * x[j];
            // One pass over column j below the diagonal: y(j+1:) += A(:,j) xj and t = A(:,j) . x(j+1:).
            // Two independent accumulators halve the dependency chain of the dot product.
            DoubleVector vxj = DoubleVector.broadcast(SPECIES, xj);
            DoubleVector acc0 = DoubleVector.zero(SPECIES);
            DoubleVector acc1 = DoubleVector.zero(SPECIES);
            int r = 0;
            int bound2 = len - 2 * L + 1;
            for (; r < bound2; r += 2 * L) {
                int i0 = j + 1 + r;
                int i1 = i0 + L;
                DoubleVector a0 = DoubleVector.fromArray(SPECIES, ab, col + 1 + r);
                DoubleVector a1 = DoubleVector.fromArray(SPECIES, ab, col + 1 + r + L);
                a0.fma(vxj, DoubleVector.fromArray(SPECIES, y, i0)).intoArray(y, i0);
                a1.fma(vxj, DoubleVector.fromArray(SPECIES, y, i1)).intoArray(y, i1);
                acc0 = a0.fma(DoubleVector.fromArray(SPECIES, x, i0), acc0);
                acc1 = a1.fma(DoubleVector.fromArray(SPECIES, x, i1), acc1);
            }
            int bound = SPECIES.loopBound(len);
            for (; r < bound; r += L) {
                DoubleVector av = DoubleVector.fromArray(SPECIES, ab, col + 1 + r);
                av.fma(vxj, DoubleVector.fromArray(SPECIES, y, j + 1 + r)).intoArray(y, j + 1 + r);
                acc0 = av.fma(DoubleVector.fromArray(SPECIES, x, j + 1 + r), acc0);
            }
            double t = sumLanes(acc0.add(acc1));
            for (; r < len; r++) {
                double av = ab[col + 1 + r];
                y[j + 1 + r] += av * xj;
                t += av * x[j + 1 + r];
            }
            y[j] += ab[col] * xj + alpha * t;
        }
    }

    @Override
    public int pbtrf(int n, int kd, double[] ab, int ldab) {
        KernelChecks.band(n, kd, ab, ldab);
        if (kd < BAND_VECTOR_MIN) {
            return scalar.pbtrf(n, kd, ab, ldab);
        }
        for (int j = 0; j < n; j++) {
            int col = j * ldab;
            double d = ab[col];
            if (!(d > 0)) {
                return j + 1;
            }
            d = Math.sqrt(d);
            ab[col] = d;
            int len = Math.min(kd, n - 1 - j);
            scalV(len, 1.0 / d, ab, col + 1);
            // Right-looking rank-one update, one axpy per trailing column c = j+r:
            // A(c:j+len, c) -= L(c:j+len, j) * L(c, j). Source and target columns never overlap
            // because ldab > kd.
            for (int r = 1; r <= len; r++) {
                axpyV(len - r + 1, -ab[col + r], ab, col + r, ab, (j + r) * ldab);
            }
        }
        return 0;
    }

    @Override
    public void pbtrs(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        KernelChecks.bandSolve(n, kd, ab, ldab, b, nrhs, ldb);
        if (kd < BAND_VECTOR_MIN) {
            scalar.pbtrs(n, kd, ab, ldab, b, nrhs, ldb);
            return;
        }
        for (int q = 0; q < nrhs; q++) {
            int off = q * ldb;
            for (int j = 0; j < n; j++) {
                int col = j * ldab;
                double yj = b[off + j] / ab[col];
                b[off + j] = yj;
                axpyV(Math.min(kd, n - 1 - j), -yj, ab, col + 1, b, off + j + 1);
            }
            for (int j = n - 1; j >= 0; j--) {
                int col = j * ldab;
                double s = b[off + j] - dotV(Math.min(kd, n - 1 - j), ab, col + 1, b, off + j + 1);
                b[off + j] = s / ab[col];
            }
        }
    }

    @Override
    public int sbldlt(int n, int kd, double[] ab, int ldab) {
        KernelChecks.band(n, kd, ab, ldab);
        if (kd < BAND_VECTOR_MIN) {
            return scalar.sbldlt(n, kd, ab, ldab);
        }
        return ldltV(n, kd, null, ab, ldab);
    }

    @Override
    public int sbldlt(int n, int kd, int[] profile, double[] ab, int ldab) {
        KernelChecks.band(n, kd, ab, ldab);
        KernelChecks.profile(n, kd, profile);
        if (kd < BAND_VECTOR_MIN) {
            return scalar.sbldlt(n, kd, profile, ab, ldab);
        }
        return ldltV(n, kd, profile, ab, ldab);
    }

    private static int ldltV(int n, int kd, int[] profile, double[] ab, int ldab) {
        double pivmin = KernelChecks.ldltPivotMin(n, ab, ldab);
        for (int j = 0; j < n; j++) {
            int col = j * ldab;
            double d = ab[col];
            if (!(Math.abs(d) > pivmin)) {
                return j + 1;
            }
            int len = KernelChecks.extent(n, kd, profile, j);
            double inv = 1.0 / d;
            // A(c:j+len, c) -= A(c:j+len, j) * A(c, j) / d for each trailing column c = j+r.
            for (int r = 1; r <= len; r++) {
                axpyV(len - r + 1, -ab[col + r] * inv, ab, col + r, ab, (j + r) * ldab, true);
            }
            scalV(len, inv, ab, col + 1);
        }
        return 0;
    }

    @Override
    public void sbldltSolve(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        KernelChecks.bandSolve(n, kd, ab, ldab, b, nrhs, ldb);
        if (kd < BAND_VECTOR_MIN) {
            scalar.sbldltSolve(n, kd, ab, ldab, b, nrhs, ldb);
            return;
        }
        for (int q = 0; q < nrhs; q++) {
            ldltSolveV(n, kd, null, ab, ldab, b, q * ldb);
        }
    }

    @Override
    public void sbldltSolve(int n, int kd, int[] profile, double[] ab, int ldab, double[] b) {
        KernelChecks.bandSolve(n, kd, ab, ldab, b, 1, n);
        KernelChecks.profile(n, kd, profile);
        if (kd < BAND_VECTOR_MIN) {
            scalar.sbldltSolve(n, kd, profile, ab, ldab, b);
            return;
        }
        ldltSolveV(n, kd, profile, ab, ldab, b, 0);
    }

    private static void ldltSolveV(int n, int kd, int[] profile, double[] ab, int ldab, double[] b, int off) {
        for (int j = 0; j < n; j++) {
            axpyV(KernelChecks.extent(n, kd, profile, j), -b[off + j], ab, j * ldab + 1, b, off + j + 1);
        }
        for (int j = 0; j < n; j++) {
            b[off + j] /= ab[j * ldab];
        }
        for (int j = n - 1; j >= 0; j--) {
            b[off + j] -= dotV(KernelChecks.extent(n, kd, profile, j), ab, j * ldab + 1, b, off + j + 1);
        }
    }
}
