package org.elementa.spectral.fft;

import java.util.Arrays;

/**
 * DFT of any length {@code n} as a convolution, for lengths with a prime factor above 7:
 * L. I. Bluestein, "A linear filtering approach to the computation of discrete Fourier
 * transform", IEEE Trans. Audio Electroacoust. 18 (1970) 451-455 (the chirp-z form of
 * L. R. Rabiner, R. W. Schafer, C. M. Rader, Bell Syst. Tech. J. 48 (1969) 1249-1292).
 *
 * <p>With {@code jk = (j^2 + k^2 - (k-j)^2)/2} and the chirp {@code c_j = exp(-i pi j^2 / n)}:
 * <pre>
 *   X[k] = c_k sum_j (x_j c_j) conj(c_(k-j))
 * </pre>
 * a linear convolution of length {@code 2n-1}, evaluated as a cyclic one of length
 * {@code M = 2^ceil(log2(2n-1))} with two power-of-two FFTs ({@link Stockham}); the transform
 * of the zero-padded kernel {@code conj(c)}, scaled by {@code 1/M}, is computed once per plan.
 * The chirp's phase is reduced exactly as {@code j^2 mod 2n} (in 64-bit integers) and then to
 * the first octant ({@link Twiddles}), so its error stays within one eps whatever {@code j}.
 */
final class Bluestein extends Transform1D {

    private final int m;
    private final Stockham inner;
    /** Chirp in expanded form (see {@link Butterflies#mulExpanded}), forward and inverse. */
    private final double[] chirpC;
    private final double[] chirpDForward;
    private final double[] chirpDInverse;
    /** FFT of the kernel, divided by M, expanded; forward and inverse. */
    private final double[] kernelCForward;
    private final double[] kernelDForward;
    private final double[] kernelCInverse;
    private final double[] kernelDInverse;

    Bluestein(int n) {
        super(n);
        long size = convolutionLength(n);
        if (2 * size > MAX_ARRAY) {
            throw new IllegalArgumentException("length " + n + " needs a Bluestein convolution of length " + size
                    + ", more than a Java array holds");
        }
        this.m = (int) size;
        this.inner = new Stockham(m, Stockham.factor(m));
        chirpC = new double[2 * n];
        chirpDForward = new double[2 * n];
        chirpDInverse = new double[2 * n];
        double[] cre = new double[n];
        double[] cim = new double[n];
        for (int j = 0; j < n; j++) {
            // pi j^2 / n = 2 pi j^2 / (2n), reduced exactly by the twiddle helper.
            long j2 = (long) j * j % (2L * n);
            cre[j] = Twiddles.cos(j2, 2L * n);
            cim[j] = -Twiddles.sin(j2, 2L * n);
            chirpC[2 * j] = cre[j];
            chirpC[2 * j + 1] = cre[j];
            chirpDForward[2 * j] = -cim[j];
            chirpDForward[2 * j + 1] = cim[j];
            chirpDInverse[2 * j] = cim[j];
            chirpDInverse[2 * j + 1] = -cim[j];
        }
        double[][] f = kernel(cre, cim, -1);
        double[][] b = kernel(cre, cim, 1);
        kernelCForward = f[0];
        kernelDForward = f[1];
        kernelCInverse = b[0];
        kernelDInverse = b[1];
    }

    /**
     * The cyclic convolution length M used for length {@code n}: the smallest power of two
     * {@code >= 2n - 1}, in 64-bit arithmetic (above {@code 2^30} it no longer fits an int; plans
     * reject such lengths through {@link Transform1D#checkFits}).
     */
    static long convolutionLength(int n) {
        long need = 2L * n - 1;
        long size = Long.highestOneBit(need);
        return size < need ? size << 1 : size;
    }

    /** FFT_M of the wrapped kernel conj(c) (forward, conjSign = -1) or c (inverse), over M, expanded. */
    private double[][] kernel(double[] cre, double[] cim, double conjSign) {
        double[] k = new double[2 * m];
        for (int j = 0; j < n; j++) {
            double re = cre[j];
            double im = conjSign * cim[j];
            k[2 * j] = re;
            k[2 * j + 1] = im;
            if (j > 0) {
                k[2 * (m - j)] = re;
                k[2 * (m - j) + 1] = im;
            }
        }
        double[] scratch = new double[inner.scratchDoubles(1)];
        inner.transform(ScalarButterflies.INSTANCE, k, 0, 2, k, 0, 2, 1, false, scratch, 0);
        double[] c = new double[2 * m];
        double[] d = new double[2 * m];
        for (int j = 0; j < m; j++) {
            double re = k[2 * j] / m;
            double im = k[2 * j + 1] / m;
            c[2 * j] = re;
            c[2 * j + 1] = re;
            d[2 * j] = -im;
            d[2 * j + 1] = im;
        }
        return new double[][] {c, d};
    }

    @Override
    void transform(Butterflies k, double[] src, int so, int sjs, double[] dst, int dOff, int djs,
                   int batch, boolean inverse, double[] scr, int scrOff) {
        double[] chirpD = inverse ? chirpDInverse : chirpDForward;
        double[] kernelC = inverse ? kernelCInverse : kernelCForward;
        double[] kernelD = inverse ? kernelDInverse : kernelDForward;
        int row = 2 * batch;
        int work = scrOff;
        int innerScratch = scrOff + 2 * m * batch;
        mulRows(k, src, so, sjs, scr, work, row, chirpC, chirpD, n, batch);
        Arrays.fill(scr, work + n * row, work + m * row, 0.0);
        inner.transform(k, scr, work, row, scr, work, row, batch, false, scr, innerScratch);
        mulRows(k, scr, work, row, scr, work, row, kernelC, kernelD, m, batch);
        inner.transform(k, scr, work, row, scr, work, row, batch, true, scr, innerScratch);
        mulRows(k, scr, work, row, dst, dOff, djs, chirpC, chirpD, n, batch);
    }

    /** Row {@code j} of the batch view times the expanded factor {@code t[j]}. */
    private static void mulRows(Butterflies k, double[] x, int xo, int xjs, double[] y, int yo, int yjs,
                                double[] tc, double[] td, int rows, int batch) {
        if (batch == 1 && xjs == 2 && yjs == 2) {
            k.mulExpanded(x, xo, tc, td, 0, y, yo, rows);
            return;
        }
        for (int j = 0; j < rows; j++) {
            k.mulBroadcast(x, xo + j * xjs, y, yo + j * yjs, batch, tc[2 * j], td[2 * j + 1]);
        }
    }
}
