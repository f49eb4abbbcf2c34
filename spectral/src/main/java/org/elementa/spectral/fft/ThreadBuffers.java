package org.elementa.spectral.fft;

/**
 * One scratch array per thread, lent out for the duration of one use: while a thread holds its
 * array, a second (re-entrant) request on the same thread gets a fresh array instead of the one
 * in use. The steady single-threaded path borrows and returns the same array and allocates nothing.
 */
final class ThreadBuffers {

    private final int doubles;
    private final ThreadLocal<double[]> local;

    ThreadBuffers(int doubles) {
        this.doubles = doubles;
        this.local = ThreadLocal.withInitial(() -> new double[doubles]);
    }

    /** This thread's array, or a new one if it is lent out already; give it back with {@link #give}. */
    double[] take() {
        double[] b = local.get();
        if (b == null) {
            return new double[doubles];
        }
        local.set(null);
        return b;
    }

    /** Returns an array obtained from {@link #take} on this thread. */
    void give(double[] b) {
        local.set(b);
    }
}
