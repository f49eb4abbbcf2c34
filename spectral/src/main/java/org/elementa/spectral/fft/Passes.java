package org.elementa.spectral.fft;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The work of an n-dimensional transform cut into fixed units, independent of the thread count.
 *
 * <p>Along the last axis a unit is one contiguous sequence (batch 1). Along any other axis a unit
 * is a block of up to {@code block} neighbouring columns of one outer slab, transformed together
 * as one batch (the columns are contiguous, so each vector lane pattern covers several columns).
 * Units are the same whatever the number of threads, and each unit's arithmetic depends only on
 * its own data, so results are bit-identical for every thread count.
 */
final class Passes {

    /** Scratch per block is about this many doubles (two ping-pong buffers, a little over L1). */
    private static final int BLOCK_TARGET_DOUBLES = 4096;
    private static final int MAX_BLOCK = 64;
    /** Narrowest last block; narrower remainders are merged into the previous block. */
    private static final int MIN_TAIL = 4;

    private Passes() {
    }

    /** A range of work units. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    static long product(int[] dims, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= dims[i];
        }
        return p;
    }

    /** Columns transformed together along a non-last axis of length {@code n}. */
    static int block(int n, int inner) {
        int b = BLOCK_TARGET_DOUBLES / (2 * n);
        b = Math.max(4, Math.min(MAX_BLOCK, b & ~3));
        return Math.min(b, inner);
    }

    static int units(int[] dims, int axis) {
        int outer = (int) product(dims, 0, axis);
        int inner = (int) product(dims, axis + 1, dims.length);
        if (inner == 1) {
            return outer;
        }
        return outer * blocksPerSlab(inner, block(dims[axis], inner));
    }

    /**
     * Blocks per slab: {@code ceil(inner / b)}, except that a last block narrower than
     * {@link #MIN_TAIL} columns joins the one before it (a 1-column block would run scalar).
     */
    static int blocksPerSlab(int inner, int b) {
        int blocks = (inner + b - 1) / b;
        int rest = inner - (blocks - 1) * b;
        return blocks > 1 && rest < MIN_TAIL ? blocks - 1 : blocks;
    }

    static int scratchDoubles(Transform1D t, int[] dims, int axis) {
        int inner = (int) product(dims, axis + 1, dims.length);
        return t.scratchDoubles(inner == 1 ? 1 : Math.min(inner, block(dims[axis], inner) + MIN_TAIL - 1));
    }

    /**
     * Runs units {@code [from, to)} of the pass along {@code axis}, reading src, writing dst (same
     * layout). Along the last axis each sequence is then multiplied by {@code scale} while it is
     * still in cache (the inverse's 1/N without a separate pass); other axes ignore it.
     */
    static void axisUnits(Transform1D t, Butterflies k, int[] dims, int axis, double[] src, double[] dst,
                          boolean inverse, double scale, double[] scr, int from, int to) {
        int n = dims[axis];
        int inner = (int) product(dims, axis + 1, dims.length);
        if (inner == 1) {
            for (int u = from; u < to; u++) {
                int off = 2 * u * n;
                t.transform(k, src, off, 2, dst, off, 2, 1, inverse, scr, 0);
                if (scale != 1.0) {
                    k.scale(dst, off, 2 * n, scale);
                }
            }
            return;
        }
        int b = block(n, inner);
        int perSlab = blocksPerSlab(inner, b);
        for (int u = from; u < to; u++) {
            int o = u / perSlab;
            int index = u - o * perSlab;
            int b0 = index * b;
            int width = index == perSlab - 1 ? inner - b0 : b;
            int off = 2 * (o * n * inner + b0);
            t.transform(k, src, off, 2 * inner, dst, off, 2 * inner, width, inverse, scr, 0);
        }
    }

    /** Splits {@code [0, units)} into at most {@code threads} contiguous ranges and runs them. */
    static void parallel(ExecutorService executor, int threads, int units, RangeTask task) {
        int tasks = Math.min(threads, units);
        if (tasks <= 1) {
            task.run(0, units);
            return;
        }
        Future<?>[] futures = new Future<?>[tasks - 1];
        for (int i = 1; i < tasks; i++) {
            int from = (int) ((long) units * i / tasks);
            int to = (int) ((long) units * (i + 1) / tasks);
            futures[i - 1] = executor.submit(() -> task.run(from, to));
        }
        RuntimeException failure = null;
        try {
            task.run(0, (int) ((long) units / tasks));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for FFT tasks", e);
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("FFT task failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
