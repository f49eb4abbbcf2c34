package org.elementa.spectral.fft;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * A reusable plan for the complex discrete Fourier transform of one shape, in any number of
 * dimensions, with numpy's conventions ({@code numpy.fft.fftn} / {@code ifftn}):
 * <pre>
 *   forward:  X[k] = sum_j x[j] exp(-2 pi i sum_a j_a k_a / n_a)
 *   inverse:  x[j] = (1/N) sum_k X[k] exp(+2 pi i sum_a j_a k_a / n_a),   N = n_0 n_1 ... n_(d-1)
 * </pre>
 * with frequency index 0 first (see {@link FFT#fftshift} and {@link FFT#fftfreq}).
 *
 * <p>Data are interleaved {@code (re, im, re, im, ...)} in a {@code double[]} of length
 * {@code 2N}, row-major (the last index varies fastest), transformed in place. The nD transform
 * is a sequence of 1D transforms along each axis, last axis first.
 *
 * <p>A plan is immutable and safe to use from several threads at once; each thread gets its own
 * scratch (a {@link ThreadLocal}, allocated on the thread's first call), and the single-threaded
 * path allocates nothing per transform. {@link #withParallelism} returns a plan that spreads the
 * 1D transforms of each axis over a thread pool; the work is cut into the same units whatever the
 * thread count, so results are bit-identical for every parallelism. The inverse's {@code 1/N}
 * is applied to each sequence of the last axis right after its transform, while it is in cache.
 *
 * <p>Warm-up: until C2 has compiled the Vector API kernels they run boxed and interpreted, orders
 * of magnitude slower than steady state; time transforms only after a few seconds of use.
 */
public final class ComplexFFT {

    private final int[] shape;
    private final int size;
    private final Transform1D[] axes;
    private final Butterflies kernels;
    private final int threads;
    private final ExecutorService executor;
    private final ThreadBuffers scratch;

    ComplexFFT(int[] shape, Butterflies kernels) {
        this.shape = shape.clone();
        this.size = FFT.checkShape(shape, "shape");
        this.kernels = kernels;
        long need = 0;
        for (int a = 0; a < shape.length; a++) {
            need = Math.max(need, Passes.scratchDoubles(shape, a));
        }
        Transform1D.checkFits(need, "the per-thread scratch", shape);
        this.axes = new Transform1D[shape.length];
        for (int a = 0; a < shape.length; a++) {
            for (int b = 0; b < a; b++) {
                if (shape[b] == shape[a]) {
                    axes[a] = axes[b];
                }
            }
            if (axes[a] == null) {
                axes[a] = Transform1D.of(shape[a]);
            }
        }
        this.scratch = new ThreadBuffers((int) need);
        this.threads = 1;
        this.executor = null;
    }

    private ComplexFFT(ComplexFFT base, int threads, ExecutorService executor) {
        this.shape = base.shape;
        this.size = base.size;
        this.axes = base.axes;
        this.kernels = base.kernels;
        this.scratch = base.scratch;
        this.threads = threads;
        this.executor = executor;
    }

    /** The shape {@code (n_0, ..., n_(d-1))}; a copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of complex points {@code N}; arrays hold {@code 2N} doubles. */
    public int size() {
        return size;
    }

    /** Threads this plan uses per transform (1 unless made by {@link #withParallelism}). */
    public int parallelism() {
        return threads;
    }

    /** "vector" or "scalar": the butterfly kernels this plan runs. */
    public String kernels() {
        return kernels.name();
    }

    /**
     * The same plan, running the 1D transforms of each axis on {@code threads} tasks of the
     * common {@link ForkJoinPool}. Results are bit-identical to the single-threaded plan.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ComplexFFT withParallelism(int threads) {
        return withParallelism(threads, ForkJoinPool.commonPool());
    }

    /**
     * The same plan, running the 1D transforms of each axis on the calling thread and up to
     * {@code threads - 1} helper tasks of {@code executor}, which claim fixed chunks of the work
     * from a shared counter. The caller never waits for a helper that has not started, so the
     * plan may be called from inside {@code executor} itself without deadlock; if the executor
     * rejects a helper, the call stops all its tasks and rethrows the rejection.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ComplexFFT withParallelism(int threads, ExecutorService executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(executor, "executor");
        return new ComplexFFT(this, threads, executor);
    }

    /**
     * In-place forward transform, unnormalized: {@code X[k] = sum_j x[j] exp(-2 pi i sum_a j_a k_a / n_a)}.
     *
     * @param data {@code 2N} doubles, interleaved complex in row-major order; overwritten by the spectrum
     * @throws NullPointerException     if {@code data} is null
     * @throws IllegalArgumentException if {@code data.length != 2N}
     * @throws java.util.concurrent.RejectedExecutionException if this plan's executor rejects a helper
     *                                  task (parallel plans only; {@code data} is then undefined)
     */
    public void forward(double[] data) {
        check(data);
        run(data, false);
    }

    /**
     * In-place inverse transform: {@code x[j] = (1/N) sum_k X[k] exp(+2 pi i sum_a j_a k_a / n_a)}.
     *
     * @param data {@code 2N} doubles, interleaved complex spectrum; overwritten by the signal
     * @throws NullPointerException     if {@code data} is null
     * @throws IllegalArgumentException if {@code data.length != 2N}
     * @throws java.util.concurrent.RejectedExecutionException as for {@link #forward}
     */
    public void inverse(double[] data) {
        check(data);
        run(data, true);
    }

    private void check(double[] data) {
        Objects.requireNonNull(data, "data");
        if (data.length != 2 * size) {
            throw new IllegalArgumentException("data must hold 2 * " + size + " = " + 2 * size
                    + " doubles (interleaved complex, shape " + Arrays.toString(shape) + "), got " + data.length);
        }
    }

    private void run(double[] data, boolean inverse) {
        for (int a = shape.length - 1; a >= 0; a--) {
            axisPass(a, data, data, inverse, inverse && a == shape.length - 1 ? 1.0 / size : 1.0);
        }
    }

    private void axisPass(int axis, double[] src, double[] dst, boolean inverse, double scale) {
        Transform1D t = axes[axis];
        int units = Passes.units(shape, axis);
        if (threads <= 1 || units < 2) {
            double[] scr = scratch.take();
            try {
                Passes.axisUnits(t, kernels, shape, axis, src, dst, inverse, scale, scr, 0, units);
            } finally {
                scratch.give(scr);
            }
        } else {
            Passes.parallel(executor, threads, units, (from, to) -> {
                double[] scr = scratch.take();
                try {
                    Passes.axisUnits(t, kernels, shape, axis, src, dst, inverse, scale, scr, from, to);
                } finally {
                    scratch.give(scr);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "ComplexFFT" + Arrays.toString(shape) + " (" + kernels.name() + ", " + threads + " thread(s))";
    }
}
