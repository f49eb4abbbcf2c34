package org.elementa.spectral.fft;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The single-threaded hot path allocates nothing per transform once a thread has its scratch,
 * with the scalar kernels and with the Vector API kernels.
 *
 * <p>Vector API code allocates boxed vectors until C2 has compiled (and escape analysis has
 * scalarized) the kernels, so the vector check first warms up: it runs rounds of transforms
 * until three consecutive rounds allocate nothing, or fails after {@link #MAX_WARM_UP_ROUNDS}.
 * A per-call allocation in our own code (a scratch array, a lambda capturing state) would never
 * stop and fail the test; a kernel that C2 cannot scalarize would fail it too, which is what we
 * want to know. Measured on the development machine: allocation stops after about 70 rounds
 * (3 s with the interpreted start).
 */
class AllocationTest {

    /** About 15 times the measured warm-up; a round is a few ms once compiled. */
    private static final int MAX_WARM_UP_ROUNDS = 1000;
    /**
     * The smallest per-call scratch these plans would need is a few KB (Bluestein's 2 x 256
     * complex for n = 97), so 3 rounds allocating one would exceed 10 KB. The JVM itself may
     * charge the thread a few dozen bytes (a deoptimization rematerializing an object), hence
     * a 512-byte allowance rather than exactly 0.
     */
    private static final long ALLOWANCE = 512;

    private static com.sun.management.ThreadMXBean bean() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        return bean;
    }

    /**
     * One round: complex nD (radix and Bluestein axes), complex 1D (stride-1 first stage, and
     * radix-7 stages: hoisting the radix-7 constants into 18 vector locals made C2 box them, which
     * this catches), real even/odd.
     */
    private static Runnable round(Butterflies k) {
        ComplexFFT complex = FFT.complex(k, 12, 10, 97);
        ComplexFFT line = FFT.complex(k, 1024);
        ComplexFFT seven = FFT.complex(k, 343);
        RealFFT real = FFT.real(k, 6, 8, 20);
        RealFFT realOdd = FFT.real(k, 5, 15);
        double[] c = Reference.random(2 * complex.size(), 1);
        double[] l = Reference.random(2 * line.size(), 4);
        double[] v = Reference.random(2 * seven.size(), 5);
        double[] r = Reference.random(real.size(), 2);
        double[] s = new double[2 * real.spectrumSize()];
        double[] ro = Reference.random(realOdd.size(), 3);
        double[] so = new double[2 * realOdd.spectrumSize()];
        return () -> {
            complex.forward(c);
            complex.inverse(c);
            line.forward(l);
            line.inverse(l);
            seven.forward(v);
            seven.inverse(v);
            real.forward(r, s);
            real.inverse(s, r);
            realOdd.forward(ro, so);
            realOdd.inverse(so, ro);
        };
    }

    private static long allocatedBy(com.sun.management.ThreadMXBean bean, Runnable work, int rounds) {
        long id = Thread.currentThread().threadId();
        bean.getThreadAllocatedBytes(id);
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < rounds; i++) {
            work.run();
        }
        return bean.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void scalarTransformsAllocateNothingAfterTheFirstCall() {
        com.sun.management.ThreadMXBean bean = bean();
        Runnable all = round(Butterflies.scalar());
        for (int i = 0; i < 5; i++) {
            all.run();
        }
        long bytes = allocatedBy(bean, all, 3);
        assertTrue(bytes < ALLOWANCE, "bytes allocated by 3 rounds of scalar transforms: " + bytes);
    }

    @Test
    void vectorTransformsAllocateNothingOnceCompiled() {
        assumeTrue(Butterflies.Provider.vectorUnavailableReason() == null, "Vector API not usable here");
        com.sun.management.ThreadMXBean bean = bean();
        Runnable all = round(Butterflies.vector());
        int quiet = 0;
        int rounds = 0;
        long last = 0;
        while (quiet < 3 && rounds < MAX_WARM_UP_ROUNDS) {
            last = allocatedBy(bean, all, 1);
            quiet = last < ALLOWANCE ? quiet + 1 : 0;
            rounds++;
        }
        assertTrue(quiet == 3, "vector transforms still allocate " + last + " bytes per round after "
                + rounds + " rounds of warm-up");
        long bytes = allocatedBy(bean, all, 3);
        assertTrue(bytes < ALLOWANCE, "bytes allocated by 3 rounds of vector transforms after " + rounds
                + " rounds of warm-up: " + bytes);
    }
}
