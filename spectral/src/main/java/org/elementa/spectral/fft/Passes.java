package org.elementa.spectral.fft;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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

    /** Scratch doubles one thread needs for the pass along {@code axis}, in 64-bit arithmetic. */
    static long scratchDoubles(int[] dims, int axis) {
        int inner = (int) product(dims, axis + 1, dims.length);
        return Transform1D.scratchDoubles(dims[axis],
                inner == 1 ? 1 : Math.min(inner, block(dims[axis], inner) + MIN_TAIL - 1));
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

    /**
     * Runs units {@code [0, units)} on the calling thread and up to {@code threads - 1} helper
     * tasks of {@code executor}, without ever blocking on a task that has not started.
     *
     * <p>The units are cut into fixed chunks, claimed one at a time from a shared counter by
     * the caller and by every helper that has started; the caller claims chunks until none
     * remain, then waits only for the chunks that running helpers have claimed. A helper still
     * queued when the work is gone finds nothing to claim and returns, so a plan called from
     * inside its own executor (all workers busy with such calls) cannot deadlock: every caller
     * does its own work. Which thread runs a chunk does not change its arithmetic, so results
     * are bit-identical whatever the thread count.
     *
     * <p>Failures: the first exception of any chunk stops further claims, the caller waits for
     * the chunks already running, then rethrows it. If {@code executor} rejects a helper, no
     * further chunks are claimed, running chunks finish, and the rejection is rethrown: once
     * this method returns or throws, no task of this call writes anything any more.
     */
    static void parallel(ExecutorService executor, int threads, int units, RangeTask task) {
        int chunk = Math.max(1, (int) (((long) units + 4L * threads - 1) / (4L * threads)));
        int chunks = (units + chunk - 1) / chunk;
        int helpers = Math.min(threads, chunks) - 1;
        if (helpers <= 0) {
            task.run(0, units);
            return;
        }
        Work work = new Work(task, units, chunk, chunks, Thread.currentThread());
        Future<?>[] futures = new Future<?>[helpers];
        try {
            for (int i = 0; i < helpers; i++) {
                futures[i] = executor.submit(work);
            }
        } catch (RuntimeException rejected) {
            work.fail(rejected);
        }
        work.drain();
        work.awaitHelpers();
        for (Future<?> f : futures) {
            if (f != null) {
                f.cancel(false);
            }
        }
        Throwable failure = work.failure.get();
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("FFT task failed", failure);
        }
    }

    /** The shared state of one {@link #parallel} call; also the helpers' task. */
    private static final class Work implements Runnable {
        private final RangeTask task;
        private final int units;
        private final int chunk;
        private final int chunks;
        private final Thread caller;
        /** Next chunk to claim; at or above {@code chunks} once the work is gone or failed. */
        private final AtomicInteger next = new AtomicInteger();
        /** Helpers between their first claim attempt and their exit. */
        private final AtomicInteger active = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Work(RangeTask task, int units, int chunk, int chunks, Thread caller) {
            this.task = task;
            this.units = units;
            this.chunk = chunk;
            this.chunks = chunks;
            this.caller = caller;
        }

        /** A helper: registers before claiming, so the caller waits for whatever it claims. */
        @Override
        public void run() {
            if (next.get() >= chunks) {
                return;
            }
            active.incrementAndGet();
            try {
                drain();
            } finally {
                if (active.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }

        void drain() {
            try {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    int from = c * chunk;
                    task.run(from, Math.min(units, from + chunk));
                }
            } catch (Throwable t) {
                fail(t);
            }
        }

        void fail(Throwable t) {
            failure.compareAndSet(null, t);
            next.set(chunks);
        }

        /**
         * Called by the caller after its own {@link #drain} has found no chunk left: a helper
         * that registers later finds none either, so only registered helpers can still write.
         * Their chunks are running, hence finite; the wait ignores interrupts (and restores the
         * flag) so that the caller never returns while a helper writes into its arrays.
         */
        void awaitHelpers() {
            boolean interrupted = false;
            while (active.get() != 0) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
