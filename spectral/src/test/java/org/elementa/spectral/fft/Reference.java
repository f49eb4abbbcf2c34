package org.elementa.spectral.fft;

import java.util.Random;

/**
 * Independent references and shared tolerances for the FFT tests.
 *
 * <p>Tolerance: Higham, "Accuracy and Stability of Numerical Algorithms" (2nd ed., 2002), Thm 24.2,
 * bounds the relative 2-norm error of a radix-2 Cooley-Tukey FFT with twiddles accurate to
 * {@code mu} by {@code log2(n) eta / (1 - log2(n) eta)}, {@code eta = mu + gamma_4 (sqrt 2 + mu)
 * ~ mu + 4 sqrt(2) u ~ 3.4 eps} ({@code u = eps/2}, {@code mu ~ u}). Each of our stages spans
 * {@code log2(p)} levels with a few more additions for {@code p = 3, 5, 7}, so we allow
 * {@link #PER_LEVEL} = 5 eps per level: {@code tol(n) = 5 eps (log2 n + 1)} (the {@code +1} covers
 * {@code n = 1, 2} and the naive reference's own rounding, which compensated summation keeps at
 * about 1 eps). Bluestein runs two FFTs of length {@code M} plus three pointwise products:
 * {@code tol = 5 eps (2 log2 M + 4)}. The inverse's extra {@code 1/n} scaling adds 1 eps, inside
 * the margin.
 */
final class Reference {

    static final double EPS = Math.ulp(1.0);
    static final double PER_LEVEL = 5 * EPS;

    private Reference() {
    }

    static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    /** Relative error bound for a 1D transform of length n (see class comment). */
    static double tol1D(int n) {
        if (Stockham.factor(n) != null) {
            return PER_LEVEL * (log2(n) + 1);
        }
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        return PER_LEVEL * (2 * log2(m) + 4);
    }

    /** Bound for an nD transform: the levels of the axes add up. */
    static double tolND(int... shape) {
        double t = 0;
        for (int n : shape) {
            t += tol1D(n);
        }
        return t;
    }

    static double[] random(int doubles, long seed) {
        Random r = new Random(seed);
        double[] x = new double[doubles];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    /** ||a - b||_2 / ||b||_2 (or ||a - b|| when b is zero). */
    static double relError(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            num += d * d;
            den += b[i] * b[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    /**
     * Naive O(n^2) DFT along one axis of a row-major complex array, sign -1 forward, +1 inverse,
     * unnormalized. Twiddles from the exact phase index (j k mod n); sums compensated (Neumaier),
     * so the reference's rounding stays near one eps.
     */
    static double[] naiveAxis(double[] x, int[] shape, int axis, int sign) {
        int n = shape[axis];
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int j = 0; j < n; j++) {
            // Within one eps of the exact values (TwiddlesTest checks them against a 60-digit series).
            cos[j] = Twiddles.cos(j, n);
            sin[j] = sign * Twiddles.sin(j, n);
        }
        double[] y = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < inner; c++) {
                for (int k = 0; k < n; k++) {
                    double sr = 0, cr = 0, si = 0, ci = 0;
                    for (int j = 0; j < n; j++) {
                        int idx = 2 * ((o * n + j) * inner + c);
                        int w = (int) ((long) j * k % n);
                        double re = x[idx] * cos[w] - x[idx + 1] * sin[w];
                        double im = x[idx] * sin[w] + x[idx + 1] * cos[w];
                        double t = sr + re;
                        cr += Math.abs(sr) >= Math.abs(re) ? (sr - t) + re : (re - t) + sr;
                        sr = t;
                        t = si + im;
                        ci += Math.abs(si) >= Math.abs(im) ? (si - t) + im : (im - t) + si;
                        si = t;
                    }
                    int out = 2 * ((o * n + k) * inner + c);
                    y[out] = sr + cr;
                    y[out + 1] = si + ci;
                }
            }
        }
        return y;
    }

    /** Naive nD DFT: the naive 1D DFT along every axis. */
    static double[] naive(double[] x, int[] shape, int sign) {
        double[] y = x;
        for (int a = shape.length - 1; a >= 0; a--) {
            y = naiveAxis(y, shape, a, sign);
        }
        return y;
    }
}
