package org.elementa.spectral.fft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API butterflies. A vector holds {@code L/2} interleaved complex numbers of one run, i.e.
 * the same butterfly of {@code L/2} independent sub-transforms (Stockham's inner loop), so all
 * lanes share the twiddle factors: a product by the broadcast twiddle {@code c + i d} is
 * {@code v * (c, c, ...) + swap(v) * (-d, d, ...)}, one lane swap and one fused multiply-add.
 * Multiplication by {@code -i} (or {@code +i} for the inverse) is a swap and a sign pattern.
 * Tails shorter than a vector run through the scalar twin with the same operation order, so the
 * two implementations agree bit for bit.
 *
 * <p>Loaded only after {@link Butterflies.Provider} has checked that the Vector API is usable.
 */
final class VectorButterflies implements Butterflies {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    /** Lane pattern (-1, 1, -1, 1, ...): the sign of {@code d} in the twiddle product. */
    private static final double[] ALT = pattern(-1, 1);
    /** (1, -1, ...): swap then this multiplies by {@code -i} (forward). */
    private static final double[] MI_FORWARD = pattern(1, -1);
    /** (-1, 1, ...): swap then this multiplies by {@code +i} (inverse). */
    private static final double[] MI_INVERSE = pattern(-1, 1);
    /** Swaps real and imaginary parts of each complex pair. A shuffle constant, not a vector value. */
    private static final VectorShuffle<Double> SWAP = VectorShuffle.fromOp(SPECIES, i -> i ^ 1);

    /**
     * Two-source lane selections (indices into the concatenation of two vectors) that transpose
     * the 4 x C block of radix-4 outputs (rows k, columns e) into the stride-1 stage's output
     * order (e major), for C = L/2 = 4 (512-bit) or 2 (256-bit) complex numbers per vector.
     */
    private static final double[] LO128 = select128(0);
    private static final double[] HI128 = select128(1);
    private static final double[] LO256 = select256(0);
    private static final double[] HI256 = select256(1);

    static final VectorButterflies INSTANCE = new VectorButterflies();

    private VectorButterflies() {
    }

    private static double[] pattern(double even, double odd) {
        double[] p = new double[L];
        for (int i = 0; i < L; i++) {
            p[i] = (i & 1) == 0 ? even : odd;
        }
        return p;
    }

    /** Complex slots (128-bit blocks) half*C/2 .. of each source, interleaved a, b, a, b. */
    private static double[] select128(int half) {
        double[] idx = new double[L];
        int c = L / 2;
        for (int i = 0; i < c; i++) {
            int block = half * c / 2 + i / 2;
            int src = (i & 1) == 0 ? 0 : L;
            idx[2 * i] = src + 2 * block;
            idx[2 * i + 1] = src + 2 * block + 1;
        }
        return idx;
    }

    /** Half {@code half} of source a followed by the same half of source b. */
    private static double[] select256(int half) {
        double[] idx = new double[L];
        int h = L / 2;
        for (int i = 0; i < h; i++) {
            idx[i] = half * h + i;
            idx[h + i] = L + half * h + i;
        }
        return idx;
    }

    @Override
    public String name() {
        return "vector";
    }

    private static DoubleVector bc(double v) {
        return DoubleVector.broadcast(SPECIES, v);
    }

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(SPECIES, a, i);
    }

    /** {@code b * (c + i d)} with {@code cv = (c, c, ...)}, {@code dv = (-d, d, ...)}. */
    private static DoubleVector twiddle(DoubleVector b, DoubleVector cv, DoubleVector dv) {
        return b.rearrange(SWAP).fma(dv, b.mul(cv));
    }

    private static DoubleVector mulI(DoubleVector v, DoubleVector mi) {
        return v.rearrange(SWAP).mul(mi);
    }

    private static DoubleVector tc(double[] tw, int w) {
        return DoubleVector.broadcast(SPECIES, tw[w]);
    }

    private static DoubleVector td(double[] tw, int w, DoubleVector alt) {
        return DoubleVector.broadcast(SPECIES, tw[w + 1]).mul(alt);
    }

    @Override
    public void radix2(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        int bound = SPECIES.loopBound(2 * len);
        if (bound > 0) {
            if (ti < 0) {
                for (int i = 0; i < bound; i += L) {
                    DoubleVector a0 = load(x, xi + i);
                    DoubleVector a1 = load(x, xi + xs + i);
                    a0.add(a1).intoArray(y, yi + i);
                    a0.sub(a1).intoArray(y, yi + ys + i);
                }
            } else {
                DoubleVector alt = load(ALT, 0);
                DoubleVector c1 = tc(tw, ti);
                DoubleVector d1 = td(tw, ti, alt);
                for (int i = 0; i < bound; i += L) {
                    DoubleVector a0 = load(x, xi + i);
                    DoubleVector a1 = load(x, xi + xs + i);
                    a0.add(a1).intoArray(y, yi + i);
                    twiddle(a0.sub(a1), c1, d1).intoArray(y, yi + ys + i);
                }
            }
        }
        ScalarButterflies.r2(x, xi, 2, xs, y, yi, 2, ys, bound / 2, len, tw, ti, 0);
    }

    @Override
    public void radix3(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        int bound = SPECIES.loopBound(2 * len);
        if (bound > 0) {
            DoubleVector s3 = load(inverse ? MI_INVERSE : MI_FORWARD, 0).mul(ScalarButterflies.S3);
            DoubleVector half = DoubleVector.broadcast(SPECIES, -0.5);
            boolean tws = ti >= 0;
            DoubleVector alt = load(ALT, 0);
            int w = tws ? ti : 0;
            DoubleVector c1 = tc(tw, w);
            DoubleVector d1 = td(tw, w, alt);
            DoubleVector c2 = tc(tw, w + 2);
            DoubleVector d2 = td(tw, w + 2, alt);
            for (int i = 0; i < bound; i += L) {
                DoubleVector a0 = load(x, xi + i);
                DoubleVector a1 = load(x, xi + xs + i);
                DoubleVector a2 = load(x, xi + 2 * xs + i);
                DoubleVector t1 = a1.add(a2);
                DoubleVector t2 = t1.mul(half).add(a0);
                DoubleVector t3 = a1.sub(a2).rearrange(SWAP).mul(s3);
                a0.add(t1).intoArray(y, yi + i);
                DoubleVector b1 = t2.add(t3);
                DoubleVector b2 = t2.sub(t3);
                if (tws) {
                    b1 = twiddle(b1, c1, d1);
                    b2 = twiddle(b2, c2, d2);
                }
                b1.intoArray(y, yi + ys + i);
                b2.intoArray(y, yi + 2 * ys + i);
            }
        }
        ScalarButterflies.r3(x, xi, 2, xs, y, yi, 2, ys, bound / 2, len, tw, ti, 0, inverse);
    }

    @Override
    public void radix4(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        int bound = SPECIES.loopBound(2 * len);
        if (bound > 0) {
            DoubleVector mi = load(inverse ? MI_INVERSE : MI_FORWARD, 0);
            if (ti < 0) {
                for (int i = 0; i < bound; i += L) {
                    DoubleVector a0 = load(x, xi + i);
                    DoubleVector a1 = load(x, xi + xs + i);
                    DoubleVector a2 = load(x, xi + 2 * xs + i);
                    DoubleVector a3 = load(x, xi + 3 * xs + i);
                    DoubleVector t0 = a0.add(a2);
                    DoubleVector t1 = a0.sub(a2);
                    DoubleVector t2 = a1.add(a3);
                    DoubleVector t3 = mulI(a1.sub(a3), mi);
                    t0.add(t2).intoArray(y, yi + i);
                    t1.add(t3).intoArray(y, yi + ys + i);
                    t0.sub(t2).intoArray(y, yi + 2 * ys + i);
                    t1.sub(t3).intoArray(y, yi + 3 * ys + i);
                }
            } else {
                DoubleVector alt = load(ALT, 0);
                DoubleVector c1 = tc(tw, ti);
                DoubleVector d1 = td(tw, ti, alt);
                DoubleVector c2 = tc(tw, ti + 2);
                DoubleVector d2 = td(tw, ti + 2, alt);
                DoubleVector c3 = tc(tw, ti + 4);
                DoubleVector d3 = td(tw, ti + 4, alt);
                for (int i = 0; i < bound; i += L) {
                    DoubleVector a0 = load(x, xi + i);
                    DoubleVector a1 = load(x, xi + xs + i);
                    DoubleVector a2 = load(x, xi + 2 * xs + i);
                    DoubleVector a3 = load(x, xi + 3 * xs + i);
                    DoubleVector t0 = a0.add(a2);
                    DoubleVector t1 = a0.sub(a2);
                    DoubleVector t2 = a1.add(a3);
                    DoubleVector t3 = mulI(a1.sub(a3), mi);
                    t0.add(t2).intoArray(y, yi + i);
                    twiddle(t1.add(t3), c1, d1).intoArray(y, yi + ys + i);
                    twiddle(t0.sub(t2), c2, d2).intoArray(y, yi + 2 * ys + i);
                    twiddle(t1.sub(t3), c3, d3).intoArray(y, yi + 3 * ys + i);
                }
            }
        }
        ScalarButterflies.r4(x, xi, 2, xs, y, yi, 2, ys, bound / 2, len, tw, ti, 0, inverse);
    }

    @Override
    public void radix4Stage(double[] x, int xo, int xjs, double[] y, int yo, int yjs, int s, int m, int batch,
                            double[] tw, boolean inverse) {
        boolean merged = xjs == 2 * batch && yjs == 2 * batch;
        int run = merged ? s * batch : batch;
        int runs = merged ? 1 : s;
        int bound = SPECIES.loopBound(2 * run);
        if (bound == 0) {
            Butterflies.super.radix4Stage(x, xo, xjs, y, yo, yjs, s, m, batch, tw, inverse);
            return;
        }
        int xs = s * m * xjs;
        int ys = s * yjs;
        if (bound == L && 2 * run == L) {
            radix4StageOneVector(x, xo, xjs, y, yo, yjs, s, m, runs, xs, ys, tw, inverse);
            return;
        }
        DoubleVector mi = load(inverse ? MI_INVERSE : MI_FORWARD, 0);
        DoubleVector alt = load(ALT, 0);
        for (int j = 0; j < m; j++) {
            int ti = j == 0 ? -1 : 6 * j;
            int w = j == 0 ? 0 : ti;
            DoubleVector c1 = tc(tw, w);
            DoubleVector d1 = td(tw, w, alt);
            DoubleVector c2 = tc(tw, w + 2);
            DoubleVector d2 = td(tw, w + 2, alt);
            DoubleVector c3 = tc(tw, w + 4);
            DoubleVector d3 = td(tw, w + 4, alt);
            for (int q = 0; q < runs; q++) {
                int xi = xo + (q + s * j) * xjs;
                int yi = yo + (q + 4 * s * j) * yjs;
                if (j == 0) {
                    for (int i = 0; i < bound; i += L) {
                        DoubleVector a0 = load(x, xi + i);
                        DoubleVector a1 = load(x, xi + xs + i);
                        DoubleVector a2 = load(x, xi + 2 * xs + i);
                        DoubleVector a3 = load(x, xi + 3 * xs + i);
                        DoubleVector t0 = a0.add(a2);
                        DoubleVector t1 = a0.sub(a2);
                        DoubleVector t2 = a1.add(a3);
                        DoubleVector t3 = mulI(a1.sub(a3), mi);
                        t0.add(t2).intoArray(y, yi + i);
                        t1.add(t3).intoArray(y, yi + ys + i);
                        t0.sub(t2).intoArray(y, yi + 2 * ys + i);
                        t1.sub(t3).intoArray(y, yi + 3 * ys + i);
                    }
                } else {
                    for (int i = 0; i < bound; i += L) {
                        DoubleVector a0 = load(x, xi + i);
                        DoubleVector a1 = load(x, xi + xs + i);
                        DoubleVector a2 = load(x, xi + 2 * xs + i);
                        DoubleVector a3 = load(x, xi + 3 * xs + i);
                        DoubleVector t0 = a0.add(a2);
                        DoubleVector t1 = a0.sub(a2);
                        DoubleVector t2 = a1.add(a3);
                        DoubleVector t3 = mulI(a1.sub(a3), mi);
                        t0.add(t2).intoArray(y, yi + i);
                        twiddle(t1.add(t3), c1, d1).intoArray(y, yi + ys + i);
                        twiddle(t0.sub(t2), c2, d2).intoArray(y, yi + 2 * ys + i);
                        twiddle(t1.sub(t3), c3, d3).intoArray(y, yi + 3 * ys + i);
                    }
                }
                if (bound < 2 * run) {
                    ScalarButterflies.r4(x, xi, 2, xs, y, yi, 2, ys, bound / 2, run, tw, ti, 0, inverse);
                }
            }
        }
    }

    /**
     * {@link #radix4Stage} when every run is exactly one vector (e.g. the second stage of a single
     * transform on 512-bit vectors): straight-line code, no inner loop to set up per twiddle.
     */
    private static void radix4StageOneVector(double[] x, int xo, int xjs, double[] y, int yo, int yjs, int s,
                                             int m, int runs, int xs, int ys, double[] tw, boolean inverse) {
        DoubleVector mi = load(inverse ? MI_INVERSE : MI_FORWARD, 0);
        DoubleVector alt = load(ALT, 0);
        for (int j = 0; j < m; j++) {
            int w = 6 * j;
            for (int q = 0; q < runs; q++) {
                int xi = xo + (q + s * j) * xjs;
                int yi = yo + (q + 4 * s * j) * yjs;
                DoubleVector a0 = load(x, xi);
                DoubleVector a1 = load(x, xi + xs);
                DoubleVector a2 = load(x, xi + 2 * xs);
                DoubleVector a3 = load(x, xi + 3 * xs);
                DoubleVector t0 = a0.add(a2);
                DoubleVector t1 = a0.sub(a2);
                DoubleVector t2 = a1.add(a3);
                DoubleVector t3 = mulI(a1.sub(a3), mi);
                t0.add(t2).intoArray(y, yi);
                DoubleVector b1 = t1.add(t3);
                DoubleVector b2 = t0.sub(t2);
                DoubleVector b3 = t1.sub(t3);
                if (j > 0) {
                    b1 = twiddle(b1, tc(tw, w), td(tw, w, alt));
                    b2 = twiddle(b2, tc(tw, w + 2), td(tw, w + 2, alt));
                    b3 = twiddle(b3, tc(tw, w + 4), td(tw, w + 4, alt));
                }
                b1.intoArray(y, yi + ys);
                b2.intoArray(y, yi + 2 * ys);
                b3.intoArray(y, yi + 3 * ys);
            }
        }
    }

    @Override
    public void radix5(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        int bound = SPECIES.loopBound(2 * len);
        if (bound > 0) {
            // The twiddles go in a second sweep over the (cache-resident) outputs: fused into the
            // butterfly loop, the method exceeds C2's NodeCountInliningCutoff, and a vector
            // operation left out of line is boxed (about ten times slower). Same roundings.
            radix5Loop(x, xi, xs, y, yi, ys, bound, inverse);
            if (ti >= 0) {
                for (int k = 1; k < 5; k++) {
                    int w = ti + 2 * (k - 1);
                    mulBroadcastLoop(y, yi + k * ys, y, yi + k * ys, bound, tw[w], tw[w + 1]);
                }
            }
        }
        ScalarButterflies.r5(x, xi, 2, xs, y, yi, 2, ys, bound / 2, len, tw, ti, 0, inverse);
    }

    private static void radix5Loop(double[] x, int xi, int xs, double[] y, int yi, int ys, int bound, boolean inverse) {
        DoubleVector mi = load(inverse ? MI_INVERSE : MI_FORWARD, 0);
        DoubleVector s1 = mi.mul(ScalarButterflies.S51);
        DoubleVector s2 = mi.mul(ScalarButterflies.S52);
        DoubleVector ns1 = mi.mul(-ScalarButterflies.S51);
        DoubleVector k1 = bc(ScalarButterflies.C51);
        DoubleVector k2 = bc(ScalarButterflies.C52);
        for (int i = 0; i < bound; i += L) {
            DoubleVector a0 = load(x, xi + i);
            DoubleVector a1 = load(x, xi + xs + i);
            DoubleVector a2 = load(x, xi + 2 * xs + i);
            DoubleVector a3 = load(x, xi + 3 * xs + i);
            DoubleVector a4 = load(x, xi + 4 * xs + i);
            DoubleVector t1 = a1.add(a4);
            DoubleVector t2 = a2.add(a3);
            DoubleVector u3 = a1.sub(a4).rearrange(SWAP);
            DoubleVector u4 = a2.sub(a3).rearrange(SWAP);
            a0.add(t1).add(t2).intoArray(y, yi + i);
            DoubleVector r1 = t2.fma(k2, t1.fma(k1, a0));
            DoubleVector r2 = t2.fma(k1, t1.fma(k2, a0));
            DoubleVector j1 = u4.fma(s2, u3.mul(s1));
            DoubleVector j2 = u4.fma(ns1, u3.mul(s2));
            r1.add(j1).intoArray(y, yi + ys + i);
            r2.add(j2).intoArray(y, yi + 2 * ys + i);
            r2.sub(j2).intoArray(y, yi + 3 * ys + i);
            r1.sub(j1).intoArray(y, yi + 4 * ys + i);
        }
    }

    @Override
    public void radix7(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        int bound = SPECIES.loopBound(2 * len);
        if (bound > 0) {
            DoubleVector mi = load(inverse ? MI_INVERSE : MI_FORWARD, 0);
            double[] c = ScalarButterflies.C7;
            double[] s = ScalarButterflies.S7;
            boolean tws = ti >= 0;
            DoubleVector alt = load(ALT, 0);
            for (int i = 0; i < bound; i += L) {
                DoubleVector a0 = load(x, xi + i);
                DoubleVector a1 = load(x, xi + xs + i);
                DoubleVector a6 = load(x, xi + 6 * xs + i);
                DoubleVector t1 = a1.add(a6);
                DoubleVector u1 = a1.sub(a6).rearrange(SWAP);
                DoubleVector a2 = load(x, xi + 2 * xs + i);
                DoubleVector a5 = load(x, xi + 5 * xs + i);
                DoubleVector t2 = a2.add(a5);
                DoubleVector u2 = a2.sub(a5).rearrange(SWAP);
                DoubleVector a3 = load(x, xi + 3 * xs + i);
                DoubleVector a4 = load(x, xi + 4 * xs + i);
                DoubleVector t3 = a3.add(a4);
                DoubleVector u3 = a3.sub(a4).rearrange(SWAP);
                a0.add(t1).add(t2).add(t3).intoArray(y, yi + i);
                for (int j = 1; j <= 3; j++) {
                    int q = 3 * (j - 1);
                    DoubleVector r = t3.fma(bc(c[q + 2]), t2.fma(bc(c[q + 1]), t1.fma(bc(c[q]), a0)));
                    DoubleVector im = u3.fma(mi.mul(s[q + 2]), u2.fma(mi.mul(s[q + 1]), u1.mul(mi.mul(s[q]))));
                    DoubleVector bj = r.add(im);
                    DoubleVector bk = r.sub(im);
                    if (tws) {
                        int wj = ti + 2 * (j - 1);
                        int wk = ti + 2 * (6 - j);
                        bj = twiddle(bj, tc(tw, wj), td(tw, wj, alt));
                        bk = twiddle(bk, tc(tw, wk), td(tw, wk, alt));
                    }
                    bj.intoArray(y, yi + j * ys + i);
                    bk.intoArray(y, yi + (7 - j) * ys + i);
                }
            }
        }
        ScalarButterflies.r7(x, xi, 2, xs, y, yi, 2, ys, bound / 2, len, tw, ti, 0, inverse);
    }

    /**
     * Radix-4 stride-1 stage: C butterflies per vector (each with its own twiddles from the
     * expanded tables), then an in-register transpose so that each butterfly's four outputs are
     * stored next to each other. Other radices and layouts use the scalar stage.
     */
    @Override
    public void firstStage(int p, double[] x, int xi, int xjs, double[] y, int yi, int yjs, int m,
                           double[] tw, double[] ec, double[] ed, boolean inverse) {
        int c = L / 2;
        if (p != 4 || ec == null || xjs != 2 || yjs != 2 || (c != 4 && c != 2) || m < c) {
            ScalarButterflies.stride1Stage(p, x, xi, xjs, y, yi, yjs, m, tw, inverse);
            return;
        }
        int full = m / c * c;
        int xs = 2 * m;
        DoubleVector mi = load(inverse ? MI_INVERSE : MI_FORWARD, 0);
        DoubleVector sign = bc(inverse ? -1.0 : 1.0);
        DoubleVector lo = load(LO128, 0);
        DoubleVector hi = load(HI128, 0);
        DoubleVector lo2 = load(LO256, 0);
        DoubleVector hi2 = load(HI256, 0);
        for (int e = 0; e < full; e += c) {
            int i = xi + 2 * e;
            DoubleVector a0 = load(x, i);
            DoubleVector a1 = load(x, i + xs);
            DoubleVector a2 = load(x, i + 2 * xs);
            DoubleVector a3 = load(x, i + 3 * xs);
            DoubleVector t0 = a0.add(a2);
            DoubleVector t1 = a0.sub(a2);
            DoubleVector t2 = a1.add(a3);
            DoubleVector t3 = mulI(a1.sub(a3), mi);
            int w = 2 * e;
            DoubleVector b0 = t0.add(t2);
            DoubleVector b1 = twiddle(t1.add(t3), load(ec, w), load(ed, w).mul(sign));
            DoubleVector b2 = twiddle(t0.sub(t2), load(ec, w + xs), load(ed, w + xs).mul(sign));
            DoubleVector b3 = twiddle(t1.sub(t3), load(ec, w + 2 * xs), load(ed, w + 2 * xs).mul(sign));
            int o = yi + 8 * e;
            if (c == 4) {
                DoubleVector u0 = lo.selectFrom(b0, b1);
                DoubleVector u1 = hi.selectFrom(b0, b1);
                DoubleVector u2 = lo.selectFrom(b2, b3);
                DoubleVector u3 = hi.selectFrom(b2, b3);
                lo2.selectFrom(u0, u2).intoArray(y, o);
                hi2.selectFrom(u0, u2).intoArray(y, o + L);
                lo2.selectFrom(u1, u3).intoArray(y, o + 2 * L);
                hi2.selectFrom(u1, u3).intoArray(y, o + 3 * L);
            } else {
                lo.selectFrom(b0, b1).intoArray(y, o);
                lo.selectFrom(b2, b3).intoArray(y, o + L);
                hi.selectFrom(b0, b1).intoArray(y, o + 2 * L);
                hi.selectFrom(b2, b3).intoArray(y, o + 3 * L);
            }
        }
        ScalarButterflies.r4(x, xi, 2, xs, y, yi, 8, 2, full, m, tw, 0, 6, inverse);
    }

    @Override
    public void mulBroadcast(double[] x, int xi, double[] y, int yi, int len, double c, double d) {
        int bound = SPECIES.loopBound(2 * len);
        mulBroadcastLoop(x, xi, y, yi, bound, c, d);
        ScalarButterflies.mulBroadcastRange(x, xi, y, yi, bound / 2, len, c, d);
    }

    /** {@code y = x * (c + i d)} over the first {@code bound} doubles (a multiple of L). */
    private static void mulBroadcastLoop(double[] x, int xi, double[] y, int yi, int bound, double c, double d) {
        if (bound > 0) {
            DoubleVector cv = DoubleVector.broadcast(SPECIES, c);
            DoubleVector dv = load(ALT, 0).mul(d);
            for (int i = 0; i < bound; i += L) {
                twiddle(load(x, xi + i), cv, dv).intoArray(y, yi + i);
            }
        }
    }

    @Override
    public void mulExpanded(double[] x, int xi, double[] tc, double[] td, int ti, double[] y, int yi, int len) {
        int bound = SPECIES.loopBound(2 * len);
        for (int i = 0; i < bound; i += L) {
            twiddle(load(x, xi + i), load(tc, ti + i), load(td, ti + i)).intoArray(y, yi + i);
        }
        ScalarButterflies.mulExpandedRange(x, xi, tc, td, ti, y, yi, bound / 2, len);
    }

    @Override
    public void scale(double[] x, int xi, int n, double f) {
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            load(x, xi + i).mul(f).intoArray(x, xi + i);
        }
        for (; i < n; i++) {
            x[xi + i] *= f;
        }
    }
}
