package org.elementa.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.elementa.spectral.fft.ComplexFFT;
import org.elementa.spectral.fft.FFT;
import org.elementa.spectral.fft.RealFFT;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_3D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Elementa's FFT against JTransforms 3.1, single-threaded, side by side in one run: the
 * {@code library} parameter selects the implementation, so one run prints both rows of each shape.
 *
 * <p>Each invocation is a round trip, forward then inverse with 1/N scaling, in place on the same
 * array, so the data stay bounded without a copy inside the timed region and both libraries do the
 * same work. JTransforms is forced to one thread (it spawns threads above a size threshold by default).
 *
 * <p>Warm-up is 5 iterations of 2 s: the Vector API kernels run boxed and interpreted until C2 has
 * compiled them (and Bluestein's and the 3D plans' inner loops after them), which takes a few
 * seconds; shorter warm-ups measured part of that transition. Do not shorten it with
 * {@code -wi}/{@code -w} on the command line.
 * <pre>
 *   java -jar jmh/target/benchmarks.jar FftBenchmark -f 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class FftBenchmark {

    static double[] random(int length) {
        Random r = new Random(42);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    static void singleThreadedJTransforms() {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    /** Complex 1D of length n. */
    @State(Scope.Thread)
    public static class Complex1D {
        @Param({"1024", "4096", "1000", "997"})
        int n;
        @Param({"elementa", "jtransforms"})
        String library;
        ComplexFFT plan;
        DoubleFFT_1D jt;
        double[] data;

        @Setup
        public void setup() {
            singleThreadedJTransforms();
            data = random(2 * n);
            if (library.equals("elementa")) {
                plan = FFT.complex(n);
            } else {
                jt = new DoubleFFT_1D(n);
            }
        }
    }

    /** Complex 3D of shape n^3. */
    @State(Scope.Thread)
    public static class Complex3D {
        @Param({"32", "64"})
        int n;
        @Param({"elementa", "jtransforms"})
        String library;
        ComplexFFT plan;
        DoubleFFT_3D jt;
        double[] data;

        @Setup
        public void setup() {
            singleThreadedJTransforms();
            data = random(2 * n * n * n);
            if (library.equals("elementa")) {
                plan = FFT.complex(n, n, n);
            } else {
                jt = new DoubleFFT_3D(n, n, n);
            }
        }
    }

    /** Real 3D of shape n^3 (Elementa: half spectrum n x n x (n/2+1); JTransforms: its packed in-place format). */
    @State(Scope.Thread)
    public static class Real3D {
        @Param({"64"})
        int n;
        @Param({"elementa", "jtransforms"})
        String library;
        RealFFT plan;
        DoubleFFT_3D jt;
        double[] data;
        double[] spectrum;

        @Setup
        public void setup() {
            singleThreadedJTransforms();
            data = random(n * n * n);
            if (library.equals("elementa")) {
                plan = FFT.real(n, n, n);
                spectrum = new double[2 * plan.spectrumSize()];
            } else {
                jt = new DoubleFFT_3D(n, n, n);
            }
        }
    }

    @Benchmark
    public double[] complex1D(Complex1D s) {
        if (s.plan != null) {
            s.plan.forward(s.data);
            s.plan.inverse(s.data);
        } else {
            s.jt.complexForward(s.data);
            s.jt.complexInverse(s.data, true);
        }
        return s.data;
    }

    @Benchmark
    public double[] complex3D(Complex3D s) {
        if (s.plan != null) {
            s.plan.forward(s.data);
            s.plan.inverse(s.data);
        } else {
            s.jt.complexForward(s.data);
            s.jt.complexInverse(s.data, true);
        }
        return s.data;
    }

    @Benchmark
    public double[] real3D(Real3D s) {
        if (s.plan != null) {
            s.plan.forward(s.data, s.spectrum);
            s.plan.inverse(s.spectrum, s.data);
        } else {
            s.jt.realForward(s.data);
            s.jt.realInverse(s.data, true);
        }
        return s.data;
    }
}
