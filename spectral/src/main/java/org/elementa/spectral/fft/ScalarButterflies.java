package org.elementa.spectral.fft;

/**
 * Scalar butterflies: the reference twin of {@code VectorButterflies}, and its tail loops.
 *
 * <p>The static kernels take element steps as well as strides, so one body serves both a run
 * of butterflies that share their twiddles ({@code xe = ye = 2, te = 0}) and the first stage of a
 * single transform, where consecutive butterflies are {@code xjs} apart on input, {@code p * yjs}
 * apart on output and each has its own twiddles ({@code te = 2(p-1)}).
 *
 * <p>Radix-3, -5 and -7 use the pairing of inputs {@code r} and {@code p - r} so that each
 * output needs {@code (p-1)/2} real cosine and sine products (the odd-prime butterflies of
 * C. Temperton, "Self-sorting mixed-radix fast Fourier transforms", J. Comput. Phys. 52 (1983)
 * 1-23): {@code b_j = a_0 + sum_k cos(2 pi j k/p) (a_k + a_{p-k})
 * -+ i sum_k sin(2 pi j k/p) (a_k - a_{p-k})}.
 */
final class ScalarButterflies implements Butterflies {

    static final ScalarButterflies INSTANCE = new ScalarButterflies();

    static final double S3 = Math.sqrt(3.0) / 2.0;
    static final double C51 = Twiddles.cos(1, 5);
    static final double C52 = Twiddles.cos(2, 5);
    static final double S51 = Twiddles.sin(1, 5);
    static final double S52 = Twiddles.sin(2, 5);
    /** cos(2 pi j k / 7) at [3 (j-1) + (k-1)], j, k = 1..3. */
    static final double[] C7 = table7(true);
    /** sin(2 pi j k / 7) at [3 (j-1) + (k-1)]. */
    static final double[] S7 = table7(false);

    private ScalarButterflies() {
    }

    private static double[] table7(boolean cos) {
        double[] t = new double[9];
        for (int j = 1; j <= 3; j++) {
            for (int k = 1; k <= 3; k++) {
                t[3 * (j - 1) + (k - 1)] = cos ? Twiddles.cos(j * k, 7) : Twiddles.sin(j * k, 7);
            }
        }
        return t;
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void radix2(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        r2(x, xi, 2, xs, y, yi, 2, ys, 0, len, tw, ti, 0);
    }

    @Override
    public void radix3(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        r3(x, xi, 2, xs, y, yi, 2, ys, 0, len, tw, ti, 0, inverse);
    }

    @Override
    public void radix4(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        r4(x, xi, 2, xs, y, yi, 2, ys, 0, len, tw, ti, 0, inverse);
    }

    @Override
    public void radix5(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        r5(x, xi, 2, xs, y, yi, 2, ys, 0, len, tw, ti, 0, inverse);
    }

    @Override
    public void radix7(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse) {
        r7(x, xi, 2, xs, y, yi, 2, ys, 0, len, tw, ti, 0, inverse);
    }

    @Override
    public void mulBroadcast(double[] x, int xi, double[] y, int yi, int len, double c, double d) {
        mulBroadcastRange(x, xi, y, yi, 0, len, c, d);
    }

    static void mulBroadcastRange(double[] x, int xi, double[] y, int yi, int from, int to, double c, double d) {
        for (int e = from; e < to; e++) {
            int i = xi + 2 * e;
            int o = yi + 2 * e;
            double re = x[i];
            double im = x[i + 1];
            y[o] = Math.fma(im, -d, re * c);
            y[o + 1] = Math.fma(re, d, im * c);
        }
    }

    @Override
    public void mulExpanded(double[] x, int xi, double[] tc, double[] td, int ti, double[] y, int yi, int len) {
        mulExpandedRange(x, xi, tc, td, ti, y, yi, 0, len);
    }

    static void mulExpandedRange(double[] x, int xi, double[] tc, double[] td, int ti, double[] y, int yi,
                                 int from, int to) {
        for (int e = from; e < to; e++) {
            int i = xi + 2 * e;
            int t = ti + 2 * e;
            int o = yi + 2 * e;
            double re = x[i];
            double im = x[i + 1];
            y[o] = Math.fma(im, td[t], re * tc[t]);
            y[o + 1] = Math.fma(re, td[t + 1], im * tc[t + 1]);
        }
    }

    @Override
    public void scale(double[] x, int xi, int n, double f) {
        for (int i = xi; i < xi + n; i++) {
            x[i] *= f;
        }
    }

    /** First stage of a single transform, see {@link Butterflies#firstStage}. */
    static void stride1Stage(int p, double[] x, int xi, int xjs, double[] y, int yi, int yjs, int m,
                             double[] tw, boolean inverse) {
        int xs = m * xjs;
        int ye = p * yjs;
        int te = 2 * (p - 1);
        int ti = m > 1 ? 0 : -1;
        switch (p) {
            case 2 -> r2(x, xi, xjs, xs, y, yi, ye, yjs, 0, m, tw, ti, te);
            case 3 -> r3(x, xi, xjs, xs, y, yi, ye, yjs, 0, m, tw, ti, te, inverse);
            case 4 -> r4(x, xi, xjs, xs, y, yi, ye, yjs, 0, m, tw, ti, te, inverse);
            case 5 -> r5(x, xi, xjs, xs, y, yi, ye, yjs, 0, m, tw, ti, te, inverse);
            case 7 -> r7(x, xi, xjs, xs, y, yi, ye, yjs, 0, m, tw, ti, te, inverse);
            default -> throw new IllegalStateException("no radix-" + p + " butterfly");
        }
    }

    /** Stores {@code (br, bi) * (tw[w], tw[w+1])} at {@code y[o]}, fused as the vector kernels do. */
    private static void storeTwiddled(double[] y, int o, double br, double bi, double[] tw, int w) {
        double c = tw[w];
        double d = tw[w + 1];
        y[o] = Math.fma(bi, -d, br * c);
        y[o + 1] = Math.fma(br, d, bi * c);
    }

    private static void store(double[] y, int o, double br, double bi, double[] tw, int w) {
        if (w < 0) {
            y[o] = br;
            y[o + 1] = bi;
        } else {
            storeTwiddled(y, o, br, bi, tw, w);
        }
    }

    static void r2(double[] x, int xi, int xe, int xs, double[] y, int yi, int ye, int ys, int from, int to,
                   double[] tw, int ti, int te) {
        for (int e = from; e < to; e++) {
            int i0 = xi + e * xe;
            int i1 = i0 + xs;
            int o0 = yi + e * ye;
            double a0r = x[i0], a0i = x[i0 + 1], a1r = x[i1], a1i = x[i1 + 1];
            y[o0] = a0r + a1r;
            y[o0 + 1] = a0i + a1i;
            store(y, o0 + ys, a0r - a1r, a0i - a1i, tw, ti < 0 ? -1 : ti + e * te);
        }
    }

    static void r3(double[] x, int xi, int xe, int xs, double[] y, int yi, int ye, int ys, int from, int to,
                   double[] tw, int ti, int te, boolean inverse) {
        double m0 = inverse ? -1.0 : 1.0;
        double s0 = S3 * m0;
        double s1 = -s0;
        for (int e = from; e < to; e++) {
            int i0 = xi + e * xe, i1 = i0 + xs, i2 = i1 + xs;
            double a0r = x[i0], a0i = x[i0 + 1], a1r = x[i1], a1i = x[i1 + 1], a2r = x[i2], a2i = x[i2 + 1];
            double t1r = a1r + a2r, t1i = a1i + a2i;
            double t2r = t1r * -0.5 + a0r, t2i = t1i * -0.5 + a0i;
            double t3r = (a1i - a2i) * s0, t3i = (a1r - a2r) * s1;
            int o0 = yi + e * ye;
            y[o0] = a0r + t1r;
            y[o0 + 1] = a0i + t1i;
            int w = ti < 0 ? -1 : ti + e * te;
            store(y, o0 + ys, t2r + t3r, t2i + t3i, tw, w);
            store(y, o0 + 2 * ys, t2r - t3r, t2i - t3i, tw, w < 0 ? -1 : w + 2);
        }
    }

    static void r4(double[] x, int xi, int xe, int xs, double[] y, int yi, int ye, int ys, int from, int to,
                   double[] tw, int ti, int te, boolean inverse) {
        double m0 = inverse ? -1.0 : 1.0;
        double m1 = -m0;
        for (int e = from; e < to; e++) {
            int i0 = xi + e * xe, i1 = i0 + xs, i2 = i1 + xs, i3 = i2 + xs;
            double a0r = x[i0], a0i = x[i0 + 1], a1r = x[i1], a1i = x[i1 + 1];
            double a2r = x[i2], a2i = x[i2 + 1], a3r = x[i3], a3i = x[i3 + 1];
            double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
            double t2r = a1r + a3r, t2i = a1i + a3i;
            double t3r = (a1i - a3i) * m0, t3i = (a1r - a3r) * m1;
            int o0 = yi + e * ye;
            y[o0] = t0r + t2r;
            y[o0 + 1] = t0i + t2i;
            int w = ti < 0 ? -1 : ti + e * te;
            store(y, o0 + ys, t1r + t3r, t1i + t3i, tw, w);
            store(y, o0 + 2 * ys, t0r - t2r, t0i - t2i, tw, w < 0 ? -1 : w + 2);
            store(y, o0 + 3 * ys, t1r - t3r, t1i - t3i, tw, w < 0 ? -1 : w + 4);
        }
    }

    static void r5(double[] x, int xi, int xe, int xs, double[] y, int yi, int ye, int ys, int from, int to,
                   double[] tw, int ti, int te, boolean inverse) {
        double m0 = inverse ? -1.0 : 1.0;
        double m1 = -m0;
        double s1m0 = S51 * m0, s1m1 = S51 * m1, s2m0 = S52 * m0, s2m1 = S52 * m1;
        for (int e = from; e < to; e++) {
            int i0 = xi + e * xe, i1 = i0 + xs, i2 = i1 + xs, i3 = i2 + xs, i4 = i3 + xs;
            double a0r = x[i0], a0i = x[i0 + 1];
            double t1r = x[i1] + x[i4], t1i = x[i1 + 1] + x[i4 + 1];
            double t2r = x[i2] + x[i3], t2i = x[i2 + 1] + x[i3 + 1];
            double t3r = x[i1] - x[i4], t3i = x[i1 + 1] - x[i4 + 1];
            double t4r = x[i2] - x[i3], t4i = x[i2 + 1] - x[i3 + 1];
            double b0r = a0r + t1r + t2r, b0i = a0i + t1i + t2i;
            double r1r = Math.fma(t2r, C52, Math.fma(t1r, C51, a0r));
            double r1i = Math.fma(t2i, C52, Math.fma(t1i, C51, a0i));
            double r2r = Math.fma(t2r, C51, Math.fma(t1r, C52, a0r));
            double r2i = Math.fma(t2i, C51, Math.fma(t1i, C52, a0i));
            double j1r = Math.fma(t4i, s2m0, t3i * s1m0), j1i = Math.fma(t4r, s2m1, t3r * s1m1);
            double j2r = Math.fma(t4i, -s1m0, t3i * s2m0), j2i = Math.fma(t4r, -s1m1, t3r * s2m1);
            int o0 = yi + e * ye;
            y[o0] = b0r;
            y[o0 + 1] = b0i;
            int w = ti < 0 ? -1 : ti + e * te;
            store(y, o0 + ys, r1r + j1r, r1i + j1i, tw, w);
            store(y, o0 + 2 * ys, r2r + j2r, r2i + j2i, tw, w < 0 ? -1 : w + 2);
            store(y, o0 + 3 * ys, r2r - j2r, r2i - j2i, tw, w < 0 ? -1 : w + 4);
            store(y, o0 + 4 * ys, r1r - j1r, r1i - j1i, tw, w < 0 ? -1 : w + 6);
        }
    }

    static void r7(double[] x, int xi, int xe, int xs, double[] y, int yi, int ye, int ys, int from, int to,
                   double[] tw, int ti, int te, boolean inverse) {
        double m0 = inverse ? -1.0 : 1.0;
        double m1 = -m0;
        // Signed sines S7[c] m0 and S7[c] m1, formed once per run instead of once per element
        // (the same products, so the results do not change).
        double sa0 = S7[0] * m0, sb0 = S7[1] * m0, sc0 = S7[2] * m0;
        double sd0 = S7[3] * m0, se0 = S7[4] * m0, sf0 = S7[5] * m0;
        double sg0 = S7[6] * m0, sh0 = S7[7] * m0, si0 = S7[8] * m0;
        double sa1 = S7[0] * m1, sb1 = S7[1] * m1, sc1 = S7[2] * m1;
        double sd1 = S7[3] * m1, se1 = S7[4] * m1, sf1 = S7[5] * m1;
        double sg1 = S7[6] * m1, sh1 = S7[7] * m1, si1 = S7[8] * m1;
        for (int e = from; e < to; e++) {
            int i0 = xi + e * xe, i1 = i0 + xs, i2 = i1 + xs, i3 = i2 + xs, i4 = i3 + xs, i5 = i4 + xs, i6 = i5 + xs;
            double a0r = x[i0], a0i = x[i0 + 1];
            double t1r = x[i1] + x[i6], t1i = x[i1 + 1] + x[i6 + 1], u1r = x[i1] - x[i6], u1i = x[i1 + 1] - x[i6 + 1];
            double t2r = x[i2] + x[i5], t2i = x[i2 + 1] + x[i5 + 1], u2r = x[i2] - x[i5], u2i = x[i2 + 1] - x[i5 + 1];
            double t3r = x[i3] + x[i4], t3i = x[i3 + 1] + x[i4 + 1], u3r = x[i3] - x[i4], u3i = x[i3 + 1] - x[i4 + 1];
            int o0 = yi + e * ye;
            y[o0] = a0r + t1r + t2r + t3r;
            y[o0 + 1] = a0i + t1i + t2i + t3i;
            int w = ti < 0 ? -1 : ti + e * te;
            r7Pair(y, o0, ys, 1, a0r, a0i, t1r, t1i, t2r, t2i, t3r, t3i, u1r, u1i, u2r, u2i, u3r, u3i,
                    C7[0], C7[1], C7[2], sa0, sb0, sc0, sa1, sb1, sc1, tw, w);
            r7Pair(y, o0, ys, 2, a0r, a0i, t1r, t1i, t2r, t2i, t3r, t3i, u1r, u1i, u2r, u2i, u3r, u3i,
                    C7[3], C7[4], C7[5], sd0, se0, sf0, sd1, se1, sf1, tw, w);
            r7Pair(y, o0, ys, 3, a0r, a0i, t1r, t1i, t2r, t2i, t3r, t3i, u1r, u1i, u2r, u2i, u3r, u3i,
                    C7[6], C7[7], C7[8], sg0, sh0, si0, sg1, sh1, si1, tw, w);
        }
    }

    /** Outputs j and 7 - j of one radix-7 butterfly (cosines ca..cc, signed sines sa..sc). */
    private static void r7Pair(double[] y, int o0, int ys, int j, double a0r, double a0i, double t1r, double t1i,
                               double t2r, double t2i, double t3r, double t3i, double u1r, double u1i,
                               double u2r, double u2i, double u3r, double u3i, double ca, double cb, double cc,
                               double sa0, double sb0, double sc0, double sa1, double sb1, double sc1,
                               double[] tw, int w) {
        double rr = Math.fma(t3r, cc, Math.fma(t2r, cb, Math.fma(t1r, ca, a0r)));
        double ri = Math.fma(t3i, cc, Math.fma(t2i, cb, Math.fma(t1i, ca, a0i)));
        double jr = Math.fma(u3i, sc0, Math.fma(u2i, sb0, u1i * sa0));
        double ji = Math.fma(u3r, sc1, Math.fma(u2r, sb1, u1r * sa1));
        store(y, o0 + j * ys, rr + jr, ri + ji, tw, w < 0 ? -1 : w + 2 * (j - 1));
        store(y, o0 + (7 - j) * ys, rr - jr, ri - ji, tw, w < 0 ? -1 : w + 2 * (6 - j));
    }
}
