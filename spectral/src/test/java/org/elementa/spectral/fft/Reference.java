package org.elementa.spectral.fft;

import java.util.Random;

/**
 * Independent references and shared tolerances for the FFT tests.
 *
 * <p>Tolerances bound the relative 2-norm error {@code ||y - y_ref|| / ||y_ref||} of a transform.
 * The worst-case bound (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed. 2002,
 * Thm 24.2: {@code log2(n) eta / (1 - log2(n) eta)} with {@code eta ~ mu + 4 sqrt(2) u} for a
 * radix-2 FFT whose twiddles are accurate to {@code mu}) grows linearly in {@code log2 n}, and
 * actual errors are 20-50 times smaller: the rounding errors of the {@code log2 n} levels are
 * not aligned, and their root-mean-square grows like {@code sqrt(log2 n)} (M. Schatzman,
 * "Accuracy of the discrete Fourier transform and the fast Fourier transform", SIAM J. Sci.
 * Comput. 17 (1996) 1150-1166; Higham section 24.1 notes the same). We use that model:
 * <ul>
 *   <li>per radix-2 level every output component takes at most one addition, the two roundings of
 *       a fused complex twiddle product, and the twiddle's own error (at most 1 eps = 2u, measured
 *       0.5 eps, {@code TwiddlesTest}); with each rounding error uniform in {@code [-u, u]}
 *       (variance {@code u^2/3}), the relative variance per level is at most
 *       {@code 4 u^2 / 3 = eps^2 / 3};</li>
 *   <li>independent levels add variances: relative RMS error {@code eps sqrt(L / 3)} for
 *       {@code L} levels. A radix-p stage counts as {@code log2 p} levels (its extra additions for
 *       p = 3, 5, 7 are balanced by the many exact operations: multiplications by +-i, outputs
 *       without twiddles, which the model charges anyway). Two levels are added: one for the naive
 *       reference's own rounding (one rounded product per term, twiddles within 1 eps, compensated
 *       sums) and one for the inverse's {@code 1/n} scaling or a real transform's recombination;</li>
 *   <li>the tolerance is 3 times that RMS, {@code tol(n) = 3 eps sqrt((log2 n + 2) / 3) =
 *       sqrt(3) eps sqrt(log2 n + 2)}: the 2-norm error is itself an average over 2n components,
 *       concentrated near its RMS for large n; the factor 3 covers the spread for small n.</li>
 * </ul>
 * Bluestein ({@code n} with a prime factor above 7) runs two FFTs of length {@code M} on the data
 * and uses a kernel spectrum computed by a third (its error enters through the pointwise product),
 * plus four pointwise products (chirp in, kernel, chirp out, each with a twiddle-like factor):
 * {@code L = 3 log2 M + 4}, so {@code tol = sqrt(3) eps sqrt(3 log2 M + 4 + 1)} (+1 as above for the
 * reference; the inverse has no extra scaling: 1/M is folded into the kernel). An nD transform is a
 * sequence of axis passes whose errors are independent, so their variances add:
 * {@code tolND = sqrt(sum_a tol(n_a)^2)}.
 *
 * <p>Margins, measured over the 1D sizes of {@code FftTest} (1 to 4096, radix and Bluestein) with
 * 200 random inputs per size up to 64 (10 up to 1024, 3 above), forward and inverse: the worst
 * error is 0.45 of this tolerance (n = 3, only 6 components), 0.2 to 0.35 for other n below 64,
 * and 0.14 to 0.23 for n >= 64, Bluestein sizes included (0.14 to 0.2). In the test suite itself
 * the largest ratio is 0.31. The previous linear bound {@code 5 eps (log2 n + 1)} was 4 to 13 times
 * looser. Set the system property {@code elementa.fft.margins=true} in the test JVM to print every
 * checked error over its tolerance.
 */
final class Reference {

    static final double EPS = Math.ulp(1.0);
    /** sqrt(3) eps: three times the per-level RMS eps/sqrt(3), see the class comment. */
    static final double PER_SQRT_LEVEL = Math.sqrt(3) * EPS;
    private static final boolean PRINT_MARGINS = Boolean.getBoolean("elementa.fft.margins");

    private Reference() {
    }

    static double log2(long n) {
        return Math.log(n) / Math.log(2);
    }

    /** Rounding levels of a 1D transform of length n, reference and scaling included (class comment). */
    static double levels1D(int n) {
        if (Stockham.factor(n) != null) {
            return log2(n) + 2;
        }
        return 3 * log2(Bluestein.convolutionLength(n)) + 5;
    }

    /** Relative 2-norm error bound for a 1D transform of length n (see class comment). */
    static double tol1D(int n) {
        return PER_SQRT_LEVEL * Math.sqrt(levels1D(n));
    }

    /** Bound for an nD transform: the variances of the axis passes add. */
    static double tolND(int... shape) {
        double levels = 0;
        for (int n : shape) {
            levels += levels1D(n);
        }
        return PER_SQRT_LEVEL * Math.sqrt(levels);
    }

    /** {@code tol} with {@code levels} more independent rounding levels (variances add). */
    static double plusLevels(double tol, double levels) {
        return Math.sqrt(tol * tol + PER_SQRT_LEVEL * PER_SQRT_LEVEL * levels);
    }

    /** Asserts {@code err <= tol}; with {@code -Delementa.fft.margins=true} prints their ratio. */
    static void assertWithin(double err, double tol, String what) {
        if (PRINT_MARGINS) {
            System.out.printf("margin %.3f  %s (error %.3g eps, tolerance %.3g eps)%n",
                    err / tol, what, err / EPS, tol / EPS);
        }
        org.junit.jupiter.api.Assertions.assertTrue(err <= tol, what + ": error " + err + " > tolerance " + tol);
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
