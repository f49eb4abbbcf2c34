package org.elementa.spectral.fft;

/**
 * Self-sorting mixed-radix FFT for lengths {@code n = 2^a 3^b 5^c 7^d}: Stockham's autosort
 * scheme (T. G. Stockham, "High-speed convolution and correlation", AFIPS 1966; W. T. Cochran et
 * al., "What is the fast Fourier transform?", Proc. IEEE 55 (1967) 1664-1674) in the mixed-radix
 * form of C. Temperton, "Self-sorting mixed-radix fast Fourier transforms", J. Comput. Phys. 52
 * (1983) 1-23. Radix-4 stages come first, then at most one radix-2 stage, then the radix-3,
 * radix-5 and radix-7 stages, in that order (see {@link #factor}).
 *
 * <p>Stage {@code t} with radix {@code p}, stride {@code s = p_0 ... p_(t-1)} and
 * {@code m = n / (s p)} maps {@code x -> y} by, for {@code 0 <= j < m}, {@code 0 <= q < s}:
 * <pre>
 *   a_r = x[q + s (j + r m)],                        r = 0..p-1
 *   y[q + s (p j + k)] = w^(j k) sum_r a_r omega^(r k),  k = 0..p-1
 *   omega = exp(-2 pi i / p),  w = exp(-2 pi i / (p m))   (signs flipped for the inverse)
 * </pre>
 * After the last stage {@code y} holds the DFT in natural order, without a bit-reversal pass.
 * The inner loop over {@code q} (and over the batch) is contiguous and shares one set of
 * twiddles, which is what the vector kernels exploit. Stages ping-pong between two scratch
 * buffers; the first reads the source view and the last writes the destination view.
 */
final class Stockham extends Transform1D {

    private final int[] radix;
    private final int[] stride;
    private final int[] count;
    /**
     * Per stage: (cos, -sin) of 2 pi j k / (p m) at [2 ((p-1) j + k - 1)]; the inverse has +sin.
     * From {@link Twiddles}: within one eps of the exact values and exact at multiples of pi/4.
     */
    private final double[][] twForward;
    private final double[][] twInverse;
    /** First-stage radix-4 twiddles in expanded form (for the vectorized stride-1 stage), or null. */
    private final double[] firstC;
    private final double[] firstD;

    Stockham(int n, int[] radices) {
        super(n);
        this.radix = radices.clone();
        int stages = radices.length;
        this.stride = new int[stages];
        this.count = new int[stages];
        this.twForward = new double[stages][];
        this.twInverse = new double[stages][];
        int s = 1;
        for (int t = 0; t < stages; t++) {
            int p = radix[t];
            int m = n / (s * p);
            stride[t] = s;
            count[t] = m;
            int len = p * m;
            double[] f = new double[2 * (p - 1) * m];
            double[] b = new double[f.length];
            for (int j = 0; j < m; j++) {
                for (int k = 1; k < p; k++) {
                    long jk = (long) j * k;
                    double c = Twiddles.cos(jk, len);
                    double sn = Twiddles.sin(jk, len);
                    int w = 2 * ((p - 1) * j + k - 1);
                    f[w] = c;
                    f[w + 1] = -sn;
                    b[w] = c;
                    b[w + 1] = sn;
                }
            }
            twForward[t] = f;
            twInverse[t] = b;
            s *= p;
        }
        if (stages > 1 && radix[0] == 4) {
            int m = count[0];
            firstC = new double[3 * 2 * m];
            firstD = new double[3 * 2 * m];
            for (int k = 1; k < 4; k++) {
                for (int j = 0; j < m; j++) {
                    int w = 2 * (3 * j + k - 1);
                    int e = (k - 1) * 2 * m + 2 * j;
                    firstC[e] = twForward[0][w];
                    firstC[e + 1] = twForward[0][w];
                    firstD[e] = -twForward[0][w + 1];
                    firstD[e + 1] = twForward[0][w + 1];
                }
            }
        } else {
            firstC = null;
            firstD = null;
        }
    }

    /** Radices for {@code n} (4s, then at most one 2, then 3s, 5s, 7s), or null if a prime factor exceeds 7. */
    static int[] factor(int n) {
        int rest = n;
        int twos = 0;
        int[] counts = new int[8];
        while (rest % 2 == 0) {
            rest /= 2;
            twos++;
        }
        for (int p : new int[] {3, 5, 7}) {
            while (rest % p == 0) {
                rest /= p;
                counts[p]++;
            }
        }
        if (rest != 1) {
            return null;
        }
        int fours = twos / 2;
        int total = fours + (twos % 2) + counts[3] + counts[5] + counts[7];
        int[] r = new int[total];
        int i = 0;
        for (int f = 0; f < fours; f++) {
            r[i++] = 4;
        }
        if (twos % 2 == 1) {
            r[i++] = 2;
        }
        for (int p : new int[] {3, 5, 7}) {
            for (int c = 0; c < counts[p]; c++) {
                r[i++] = p;
            }
        }
        return r;
    }

    @Override
    void transform(Butterflies k, double[] src, int so, int sjs, double[] dst, int dOff, int djs,
                   int batch, boolean inverse, double[] scr, int scrOff) {
        int stages = radix.length;
        if (stages == 0) {
            if (src != dst || so != dOff) {
                System.arraycopy(src, so, dst, dOff, 2 * batch);
            }
            return;
        }
        int compact = 2 * batch;
        int second = scrOff + 2 * n * batch;
        boolean viaScratch = stages == 1 && src == dst;
        double[] in = src;
        int io = so;
        int ijs = sjs;
        for (int t = 0; t < stages; t++) {
            boolean toDst = t == stages - 1 && !viaScratch;
            double[] out = toDst ? dst : scr;
            int oo = toDst ? dOff : ((t & 1) == 0 ? scrOff : second);
            int ojs = toDst ? djs : compact;
            stage(k, t, in, io, ijs, out, oo, ojs, batch, inverse);
            in = out;
            io = oo;
            ijs = ojs;
        }
        if (viaScratch) {
            copy(scr, scrOff, compact, dst, dOff, djs, n, batch);
        }
    }

    private void stage(Butterflies k, int t, double[] x, int xo, int xjs, double[] y, int yo, int yjs,
                       int batch, boolean inverse) {
        int p = radix[t];
        int s = stride[t];
        int m = count[t];
        double[] tw = inverse ? twInverse[t] : twForward[t];
        if (s == 1 && batch == 1) {
            k.firstStage(p, x, xo, xjs, y, yo, yjs, m, tw, firstC, firstD, inverse);
            return;
        }
        if (p == 4) {
            k.radix4Stage(x, xo, xjs, y, yo, yjs, s, m, batch, tw, inverse);
            return;
        }
        int run;
        int runs;
        if (xjs == 2 * batch && yjs == 2 * batch) {
            run = s * batch;
            runs = 1;
        } else {
            run = batch;
            runs = s;
        }
        int xs = s * m * xjs;
        int ys = s * yjs;
        for (int j = 0; j < m; j++) {
            int ti = j == 0 ? -1 : 2 * (p - 1) * j;
            for (int q = 0; q < runs; q++) {
                int xi = xo + (q + s * j) * xjs;
                int yi = yo + (q + s * p * j) * yjs;
                switch (p) {
                    case 4 -> k.radix4(x, xi, xs, y, yi, ys, run, tw, ti, inverse);
                    case 2 -> k.radix2(x, xi, xs, y, yi, ys, run, tw, ti, inverse);
                    case 3 -> k.radix3(x, xi, xs, y, yi, ys, run, tw, ti, inverse);
                    case 5 -> k.radix5(x, xi, xs, y, yi, ys, run, tw, ti, inverse);
                    case 7 -> k.radix7(x, xi, xs, y, yi, ys, run, tw, ti, inverse);
                    default -> throw new IllegalStateException("no radix-" + p + " butterfly");
                }
            }
        }
    }
}
