package org.elementa.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a fixed-order lane sum (lane 0 + lane 1 + ... in order, bit-reproducible) against
 * {@code reduceLanes(ADD)} (order unspecified), at the end of an otherwise identical two-accumulator
 * dot product. Short vectors (n = 16, 64) are where the final reduction weighs most; 4096 shows the
 * streaming case. VectorKernels uses the fixed-order sum.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar LaneSumBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class LaneSumBenchmark {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /** Two vectors of length n. */
    @State(Scope.Thread)
    public static class Data {
        @Param({"16", "64", "4096"})
        int n;
        double[] x;
        double[] y;

        @Setup
        public void setUp() {
            SplittableRandom rnd = new SplittableRandom(5);
            x = rnd.doubles(n, -1, 1).toArray();
            y = rnd.doubles(n, -1, 1).toArray();
        }
    }

    private static DoubleVector accumulate(double[] x, double[] y, int n) {
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        for (int i = 0; i + 2 * L <= n; i += 2 * L) {
            acc0 = DoubleVector.fromArray(SPECIES, x, i).fma(DoubleVector.fromArray(SPECIES, y, i), acc0);
            acc1 = DoubleVector.fromArray(SPECIES, x, i + L).fma(DoubleVector.fromArray(SPECIES, y, i + L), acc1);
        }
        return acc0.add(acc1);
    }

    /** Unspecified-order reduction. */
    @Benchmark
    public double reduceLanes(Data d) {
        return accumulate(d.x, d.y, d.n).reduceLanes(VectorOperators.ADD);
    }

    /** Lane-order reduction, as in VectorKernels.sumLanes. */
    @Benchmark
    public double laneOrderSum(Data d) {
        DoubleVector v = accumulate(d.x, d.y, d.n);
        double s = v.lane(0);
        for (int i = 1; i < L; i++) {
            s += v.lane(i);
        }
        return s;
    }
}
