package org.elementa.spectral.fft;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The single-threaded hot path allocates nothing per transform once a thread has its scratch.
 * Checked with the scalar kernels: Vector API code allocates boxed vectors until C2 compiles it,
 * which a short test run cannot wait for, so the vector path's allocation is a JIT matter, not ours.
 */
class AllocationTest {

    @Test
    void transformsAllocateNothingAfterTheFirstCall() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        long id = Thread.currentThread().threadId();

        ComplexFFT complex = FFT.complex(Butterflies.scalar(), 12, 10, 97);
        RealFFT real = FFT.real(Butterflies.scalar(), 6, 8, 20);
        RealFFT realOdd = FFT.real(Butterflies.scalar(), 5, 15);
        double[] c = Reference.random(2 * complex.size(), 1);
        double[] r = Reference.random(real.size(), 2);
        double[] s = new double[2 * real.spectrumSize()];
        double[] ro = Reference.random(realOdd.size(), 3);
        double[] so = new double[2 * realOdd.spectrumSize()];
        Runnable all = () -> {
            complex.forward(c);
            complex.inverse(c);
            real.forward(r, s);
            real.inverse(s, r);
            realOdd.forward(ro, so);
            realOdd.inverse(so, ro);
        };
        for (int i = 0; i < 5; i++) {
            all.run();
        }
        bean.getThreadAllocatedBytes(id);
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 3; i++) {
            all.run();
        }
        long after = bean.getThreadAllocatedBytes(id);
        // The smallest per-call scratch these plans would need is a few KB (Bluestein's 2 x 256
        // complex for n = 97), so 3 rounds allocating one would exceed 10 KB. The JVM itself may
        // charge the thread a few dozen bytes (a deoptimization rematerializing an object), hence
        // the 512-byte allowance rather than exactly 0.
        long bytes = after - before;
        assertTrue(bytes < 512, "bytes allocated by 3 rounds of transforms: " + bytes);
    }
}
