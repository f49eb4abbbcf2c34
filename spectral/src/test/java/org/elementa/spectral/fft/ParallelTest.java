package org.elementa.spectral.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The parallel plans under hostile executors: called from inside their own pool, with helper
 * tasks that never start, and with an executor that rejects work. Each case must finish (the
 * timeouts are generous wall-clock limits for a transform that takes milliseconds; a deadlock
 * would hang forever), give the single-threaded bits, and leave nothing writing afterwards.
 */
class ParallelTest {

    /** Generous for a few 16 x 16 transforms on a loaded 2-core machine; a deadlock never ends. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void planCalledFromInsideItsOwnPoolDoesNotDeadlock() throws Exception {
        int[] shape = {16, 16};
        double[] x = Reference.random(2 * 256, 21);
        double[] expected = x.clone();
        FFT.complex(shape).forward(expected);
        double[] rx = Reference.random(256, 22);
        double[] rexpected = new double[2 * 16 * 9];
        FFT.real(shape).forward(rx, rexpected);
        double[] rback = new double[256];
        FFT.real(shape).inverse(rexpected, rback);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertTimeoutPreemptively(LIMIT, () -> {
                for (int round = 0; round < 50; round++) {
                    List<Future<double[][]>> results = new ArrayList<>();
                    for (int t = 0; t < 2; t++) {
                        results.add(pool.submit(() -> {
                            double[] y = x.clone();
                            FFT.complex(shape).withParallelism(2, pool).forward(y);
                            RealFFT real = FFT.real(shape).withParallelism(2, pool);
                            double[] s = new double[rexpected.length];
                            real.forward(rx, s);
                            double[] b = new double[256];
                            real.inverse(s, b);
                            return new double[][] {y, s, b};
                        }));
                    }
                    for (Future<double[][]> f : results) {
                        double[][] r = f.get();
                        assertArrayEquals(expected, r[0], "nested complex forward");
                        assertArrayEquals(rexpected, r[1], "nested real forward");
                        assertArrayEquals(rback, r[2], "nested real inverse");
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void helpersThatNeverStartAreNotAwaited() {
        int[] shape = {12, 10, 8};
        double[] x = Reference.random(2 * 960, 23);
        double[] expected = x.clone();
        FFT.complex(shape).forward(expected);
        HeldExecutor held = new HeldExecutor();
        double[] y = x.clone();
        assertTimeoutPreemptively(LIMIT, () -> FFT.complex(shape).withParallelism(4, held).forward(y));
        assertArrayEquals(expected, y, "the caller did all the work");
        held.runAll();
        assertArrayEquals(expected, y, "helpers started after the call returned must not write");
    }

    @Test
    void rejectedHelperLeavesNoTaskWritingAfterTheException() throws Exception {
        int[] shape = {64, 64, 16};
        double[] y = Reference.random(2 * 64 * 64 * 16, 24);
        RejectingAfterFirst executor = new RejectingAfterFirst();
        ComplexFFT plan = FFT.complex(shape).withParallelism(3, executor);
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(RejectedExecutionException.class, () -> plan.forward(y)));
        double[] snapshot = y.clone();
        executor.helper.join(LIMIT.toMillis());
        assertArrayEquals(snapshot, y, "no helper may write after the exception");
    }

    @Test
    void aBufferInUseIsNotLentTwice() {
        ThreadBuffers buffers = new ThreadBuffers(8);
        double[] a = buffers.take();
        double[] b = buffers.take();
        assertNotSame(a, b, "a re-entrant take must not get the array in use");
        buffers.give(b);
        buffers.give(a);
        assertSame(a, buffers.take(), "the thread's own array comes back once returned");
    }

    /** Accepts every task and runs none until {@link #runAll}. */
    private static final class HeldExecutor extends AbstractExecutorService {
        private final List<Runnable> queue = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable command) {
            queue.add(command);
        }

        synchronized void runAll() {
            queue.forEach(Runnable::run);
            queue.clear();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** Runs the first task on a new thread, rejects every later one. */
    private static final class RejectingAfterFirst extends AbstractExecutorService {
        volatile Thread helper;

        @Override
        public synchronized void execute(Runnable command) {
            if (helper != null) {
                throw new RejectedExecutionException("test executor takes one task");
            }
            helper = new Thread(command, "fft-test-helper");
            helper.start();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
