package org.elementa.spectral.fft;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * A reusable plan for the real-to-complex transform of one shape and its inverse, with numpy's
 * conventions ({@code numpy.fft.rfftn} / {@code irfftn}): the forward transform of a real array
 * of shape {@code (n_0, ..., n_(d-1))} is the complex DFT ({@link ComplexFFT}) restricted to the
 * half spectrum {@code 0 <= k_(d-1) <= n_(d-1)/2}, shape {@code (n_0, ..., n_(d-2), n_(d-1)/2 + 1)};
 * the other half follows from {@code X[-k] = conj(X[k])}. The inverse is scaled by {@code 1/N}
 * and, like numpy, ignores the imaginary parts of the modes {@code k_(d-1) = 0} and (for even
 * {@code n_(d-1)}) {@code k_(d-1) = n_(d-1)/2} along the last axis.
 *
 * <p>Even last length {@code n = 2h}: the row {@code x} is read as {@code h} complex numbers
 * {@code z_j = x_2j + i x_(2j+1)}, {@code Z = DFT_h(z)}, and with {@code w = exp(-2 pi i/n)}
 * <pre>
 *   E_k = (Z_k + conj Z_(h-k)) / 2,   O_k = (Z_k - conj Z_(h-k)) / (2i),   X_k = E_k + w^k O_k
 * </pre>
 * for {@code k = 0..h} ({@code Z_h = Z_0}); the inverse solves these for {@code Z} and runs an
 * inverse DFT of length {@code h}. Odd last length: a complex DFT of length {@code n} on
 * {@code (x, 0)}. The other axes are complex transforms of the half spectrum.
 *
 * <p>Real data: {@code N} doubles, row-major. Spectrum: interleaved complex, {@code 2 M} doubles,
 * {@code M = n_0 ... n_(d-2) (n_(d-1)/2 + 1)}. Neither transform modifies its input. Thread
 * safety, scratch and parallelism as in {@link ComplexFFT}.
 */
public final class RealFFT {

    private final int[] shape;
    private final int[] spectrumShape;
    private final int size;
    private final int spectrumSize;
    private final int last;
    private final int half;
    private final boolean even;
    /** DFT of length n/2 (even) or n (odd) along the last axis. */
    private final Transform1D row;
    private final Transform1D[] axes;
    /** w^k = (cos, -sin)(2 pi k / n), k = 0..h, interleaved. */
    private final double[] post;
    private final Butterflies kernels;
    private final int threads;
    private final ExecutorService executor;
    private final ThreadBuffers scratch;
    /** The inverse's intermediate half spectrum (nD only), lent per call so a re-entrant call cannot share it. */
    private final ThreadBuffers work;

    RealFFT(int[] shape, Butterflies kernels) {
        this.shape = shape.clone();
        this.size = FFT.checkShape(shape, "shape");
        this.kernels = kernels;
        int d = shape.length;
        this.last = shape[d - 1];
        this.even = last % 2 == 0;
        this.half = last / 2;
        this.spectrumShape = shape.clone();
        spectrumShape[d - 1] = half + 1;
        this.spectrumSize = (int) Passes.product(spectrumShape, 0, d);
        int rowLen = even ? half : last;
        long need = 2L * rowLen + Transform1D.scratchDoubles(rowLen, 1);
        for (int a = 0; a < d - 1; a++) {
            need = Math.max(need, Passes.scratchDoubles(spectrumShape, a));
        }
        Transform1D.checkFits(need, "the per-thread scratch", shape);
        Transform1D.checkFits(2L * spectrumSize, "the half spectrum", shape);
        this.row = Transform1D.of(rowLen);
        this.axes = new Transform1D[d - 1];
        for (int a = 0; a < d - 1; a++) {
            for (int b = 0; b < a; b++) {
                if (shape[b] == shape[a]) {
                    axes[a] = axes[b];
                }
            }
            if (axes[a] == null) {
                axes[a] = Transform1D.of(shape[a]);
            }
        }
        this.post = new double[2 * (half + 1)];
        for (int k = 0; k <= half; k++) {
            // Octant-reduced: exact at multiples of pi/4, so w^(n/2) = -1 exactly and the Nyquist
            // mode of real data comes out exactly real, as the DC mode does.
            post[2 * k] = Twiddles.cos(k, last);
            post[2 * k + 1] = -Twiddles.sin(k, last);
        }
        this.scratch = new ThreadBuffers((int) need);
        this.work = new ThreadBuffers(d > 1 ? 2 * spectrumSize : 0);
        this.threads = 1;
        this.executor = null;
    }

    private RealFFT(RealFFT b, int threads, ExecutorService executor) {
        this.shape = b.shape;
        this.spectrumShape = b.spectrumShape;
        this.size = b.size;
        this.spectrumSize = b.spectrumSize;
        this.last = b.last;
        this.half = b.half;
        this.even = b.even;
        this.row = b.row;
        this.axes = b.axes;
        this.post = b.post;
        this.kernels = b.kernels;
        this.scratch = b.scratch;
        this.work = b.work;
        this.threads = threads;
        this.executor = executor;
    }

    /** The real shape; a copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** The spectrum's shape: the real shape with the last length {@code n} replaced by {@code n/2 + 1}. */
    public int[] spectrumShape() {
        return spectrumShape.clone();
    }

    /** Number of real points {@code N}. */
    public int size() {
        return size;
    }

    /** Number of complex points {@code M} in the half spectrum; it takes {@code 2M} doubles. */
    public int spectrumSize() {
        return spectrumSize;
    }

    /** Threads this plan uses per transform. */
    public int parallelism() {
        return threads;
    }

    /** "vector" or "scalar". */
    public String kernels() {
        return kernels.name();
    }

    /** As {@link ComplexFFT#withParallelism(int)}. */
    public RealFFT withParallelism(int threads) {
        return withParallelism(threads, ForkJoinPool.commonPool());
    }

    /** As {@link ComplexFFT#withParallelism(int, ExecutorService)}. */
    public RealFFT withParallelism(int threads, ExecutorService executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(executor, "executor");
        return new RealFFT(this, threads, executor);
    }

    /**
     * Forward transform of {@code N} real values into the half spectrum ({@code 2M} doubles),
     * unnormalized, the entries {@code 0 <= k_(d-1) <= n_(d-1)/2} of the complex DFT.
     *
     * @param real     {@code N} real values in row-major order; not modified
     * @param spectrum receives {@code 2M} doubles, interleaved complex, shape {@link #spectrumShape()}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if an array has the wrong length (the message names it)
     * @throws java.util.concurrent.RejectedExecutionException if this plan's executor rejects a helper
     *                                  task (parallel plans only; {@code spectrum} is then undefined)
     */
    public void forward(double[] real, double[] spectrum) {
        check(real, "real", size);
        check(spectrum, "spectrum", 2 * spectrumSize);
        int rows = size / last;
        runRows(rows, false, real, spectrum, 1.0);
        for (int a = shape.length - 2; a >= 0; a--) {
            axisPass(a, spectrum, spectrum, false);
        }
    }

    /**
     * Inverse transform of the half spectrum ({@code 2M} doubles, left unchanged) into
     * {@code N} real values, scaled by {@code 1/N}; as numpy's {@code irfftn}, the imaginary parts
     * of the last axis's {@code k = 0} and (even length) {@code k = n/2} modes are ignored.
     *
     * @param spectrum {@code 2M} doubles, interleaved complex, shape {@link #spectrumShape()}; not modified
     * @param real     receives {@code N} real values in row-major order
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if an array has the wrong length (the message names it)
     * @throws java.util.concurrent.RejectedExecutionException as for {@link #forward}
     */
    public void inverse(double[] spectrum, double[] real) {
        check(spectrum, "spectrum", 2 * spectrumSize);
        check(real, "real", size);
        if (shape.length == 1) {
            runRows(size / last, true, spectrum, real, 1.0 / size);
            return;
        }
        double[] w = work.take();
        try {
            for (int a = 0; a < shape.length - 1; a++) {
                axisPass(a, a == 0 ? spectrum : w, w, true);
            }
            runRows(size / last, true, w, real, 1.0 / size);
        } finally {
            work.give(w);
        }
    }

    private static void check(double[] a, String name, int length) {
        Objects.requireNonNull(a, name);
        if (a.length != length) {
            throw new IllegalArgumentException(name + " must hold " + length + " doubles, got " + a.length);
        }
    }

    private void axisPass(int axis, double[] src, double[] dst, boolean inverse) {
        Transform1D t = axes[axis];
        int units = Passes.units(spectrumShape, axis);
        if (threads <= 1 || units < 2) {
            axisUnits(t, axis, src, dst, inverse, 0, units);
        } else {
            Passes.parallel(executor, threads, units, (from, to) -> axisUnits(t, axis, src, dst, inverse, from, to));
        }
    }

    private void axisUnits(Transform1D t, int axis, double[] src, double[] dst, boolean inverse, int from, int to) {
        double[] scr = scratch.take();
        try {
            Passes.axisUnits(t, kernels, spectrumShape, axis, src, dst, inverse, 1.0, scr, from, to);
        } finally {
            scratch.give(scr);
        }
    }

    private void runRows(int rows, boolean inverse, double[] src, double[] dst, double scale) {
        if (threads <= 1 || rows < 2) {
            rows(0, rows, inverse, src, dst, scale);
        } else {
            Passes.parallel(executor, threads, rows, (from, to) -> rows(from, to, inverse, src, dst, scale));
        }
    }

    private void rows(int from, int to, boolean inverse, double[] src, double[] dst, double scale) {
        double[] scr = scratch.take();
        try {
            int specRow = 2 * (half + 1);
            for (int r = from; r < to; r++) {
                if (inverse) {
                    complexToReal(src, r * specRow, dst, r * last, scale, scr);
                } else {
                    realToComplex(src, r * last, dst, r * specRow, scr);
                }
            }
        } finally {
            scratch.give(scr);
        }
    }

    private void realToComplex(double[] x, int xo, double[] out, int oo, double[] scr) {
        int z = 0;
        int rest = 2 * (even ? half : last);
        if (!even) {
            for (int j = 0; j < last; j++) {
                scr[2 * j] = x[xo + j];
                scr[2 * j + 1] = 0.0;
            }
            row.transform(kernels, scr, z, 2, scr, z, 2, 1, false, scr, rest);
            System.arraycopy(scr, z, out, oo, 2 * (half + 1));
            // X[0] of real data is the real sum; the complex DFT (Bluestein's products) may leave
            // rounding noise in its imaginary part, which is exactly 0 in exact arithmetic.
            out[oo + 1] = 0.0;
            return;
        }
        row.transform(kernels, x, xo, 2, scr, z, 2, 1, false, scr, rest);
        for (int k = 0; k <= half; k++) {
            int a = z + 2 * (k == half ? 0 : k);
            int b = z + 2 * (k == 0 ? 0 : half - k);
            double zr = scr[a], zi = scr[a + 1], yr = scr[b], yi = scr[b + 1];
            double er = 0.5 * (zr + yr);
            double ei = 0.5 * (zi - yi);
            double or = 0.5 * (zi + yi);
            double oi = 0.5 * (yr - zr);
            double wr = post[2 * k], wi = post[2 * k + 1];
            out[oo + 2 * k] = er + (wr * or - wi * oi);
            out[oo + 2 * k + 1] = ei + (wr * oi + wi * or);
        }
    }

    private void complexToReal(double[] s, int so, double[] x, int xo, double scale, double[] scr) {
        int z = 0;
        if (!even) {
            int rest = 2 * last;
            scr[0] = s[so] * scale;
            scr[1] = 0.0;
            for (int k = 1; k <= half; k++) {
                double re = s[so + 2 * k] * scale;
                double im = s[so + 2 * k + 1] * scale;
                scr[2 * k] = re;
                scr[2 * k + 1] = im;
                scr[2 * (last - k)] = re;
                scr[2 * (last - k) + 1] = -im;
            }
            row.transform(kernels, scr, z, 2, scr, z, 2, 1, true, scr, rest);
            for (int j = 0; j < last; j++) {
                x[xo + j] = scr[2 * j];
            }
            return;
        }
        int rest = 2 * half;
        // E and O carry a factor 1/2; the inverse DFT of length h = n/2 needs 1/h = 2/n of the 1/N.
        double f = 0.5 * (2 * scale);
        for (int k = 0; k < half; k++) {
            double ar = s[so + 2 * k], ai = s[so + 2 * k + 1];
            double br = s[so + 2 * (half - k)], bi = -s[so + 2 * (half - k) + 1];
            if (k == 0) {
                ai = 0.0;
                bi = 0.0;
            }
            double er = ar + br, ei = ai + bi;
            double dr = ar - br, di = ai - bi;
            double wr = post[2 * k], wi = -post[2 * k + 1];
            double or = dr * wr - di * wi;
            double oi = dr * wi + di * wr;
            scr[z + 2 * k] = (er - oi) * f;
            scr[z + 2 * k + 1] = (ei + or) * f;
        }
        row.transform(kernels, scr, z, 2, x, xo, 2, 1, true, scr, rest);
    }

    @Override
    public String toString() {
        return "RealFFT" + Arrays.toString(shape) + " (" + kernels.name() + ", " + threads + " thread(s))";
    }
}
