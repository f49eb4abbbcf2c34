package org.elementa.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
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
 * Single-threaded hot kernels, side by side: Elementa's Vector API kernels, its scalar twin and
 * EJML (the pure-Java reference), selected by the {@code impl} parameter so that one run prints
 * the comparison table. dot and gemv run at n = 4096, gemm (square, C = A*B) at n = 64, 256, 1024.
 * EJML stores row-major; for the square products timed here the work is the same.
 * bandedCholesky (pbtrf + pbtrs, n = 4096, kd = 8, 32, 128) compares the two Elementa
 * implementations only (EJML has no banded factorization).
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar KernelBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class KernelBenchmark {

    private static Kernels kernels(String impl) {
        return switch (impl) {
            case "vector" -> KernelProvider.vector();
            case "scalar" -> KernelProvider.scalar();
            default -> null;
        };
    }

    private static double[] random(int len, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    /** Vectors and a matrix of order 4096 for dot and gemv. */
    @State(Scope.Thread)
    public static class Level12 {
        @Param({"vector", "scalar", "ejml"})
        public String impl;

        @Param({"4096"})
        public int n;

        Kernels k;
        double[] x;
        double[] y;
        double[] a;
        DMatrixRMaj ex;
        DMatrixRMaj ey;
        DMatrixRMaj ea;

        @Setup
        public void setUp() {
            k = kernels(impl);
            x = random(n, 1);
            y = random(n, 2);
            a = random(n * n, 3);
            ex = new DMatrixRMaj(n, 1, true, x);
            ey = new DMatrixRMaj(n, 1, true, y);
            ea = new DMatrixRMaj(n, n, true, a);
        }
    }

    /** Square matrices for gemm. */
    @State(Scope.Thread)
    public static class Level3 {
        @Param({"vector", "scalar", "ejml"})
        public String impl;

        @Param({"64", "256", "1024"})
        public int n;

        Kernels k;
        double[] a;
        double[] b;
        double[] c;
        DMatrixRMaj ea;
        DMatrixRMaj eb;
        DMatrixRMaj ec;

        @Setup
        public void setUp() {
            k = kernels(impl);
            a = random(n * n, 4);
            b = random(n * n, 5);
            c = new double[n * n];
            ea = new DMatrixRMaj(n, n, true, a);
            eb = new DMatrixRMaj(n, n, true, b);
            ec = new DMatrixRMaj(n, n);
        }
    }

    /** A symmetric positive definite band matrix of order 4096 (diagonally dominant), for pbtrf. */
    @State(Scope.Thread)
    public static class Banded {
        @Param({"vector", "scalar"})
        public String impl;

        @Param({"8", "32", "128"})
        public int kd;

        final int n = 4096;
        Kernels k;
        double[] band;
        double[] work;
        double[] rhs;

        @Setup
        public void setUp() {
            k = kernels(impl);
            int ldab = kd + 1;
            band = random(n * ldab, 6);
            for (int j = 0; j < n; j++) {
                band[j * ldab] = 2.0 * kd + 2.0;
            }
            work = new double[band.length];
            rhs = random(n, 7);
        }
    }

    /**
     * Banded Cholesky factorization (pbtrf) followed by one solve (pbtrs); includes copying the
     * band into the work array (O(n*kd), against O(n*kd^2) for the factorization).
     */
    @Benchmark
    public double[] bandedCholesky(Banded s) {
        System.arraycopy(s.band, 0, s.work, 0, s.band.length);
        double[] x = s.rhs.clone();
        if (s.k.pbtrf(s.n, s.kd, s.work, s.kd + 1) != 0) {
            throw new IllegalStateException("benchmark matrix is not positive definite");
        }
        s.k.pbtrs(s.n, s.kd, s.work, s.kd + 1, x, 1, s.n);
        return x;
    }

    /** x . y. */
    @Benchmark
    public double dot(Level12 s) {
        if (s.k == null) {
            return VectorVectorMult_DDRM.innerProd(s.ex, s.ey);
        }
        return s.k.dot(s.n, s.x, 0, s.y, 0);
    }

    /** y = A*x. */
    @Benchmark
    public double[] gemv(Level12 s) {
        if (s.k == null) {
            CommonOps_DDRM.mult(s.ea, s.ex, s.ey);
            return s.ey.data;
        }
        s.k.gemv(false, s.n, s.n, 1.0, s.a, 0, s.n, s.x, 0, 0.0, s.y, 0);
        return s.y;
    }

    /** y = A^T*x. */
    @Benchmark
    public double[] gemvTrans(Level12 s) {
        if (s.k == null) {
            CommonOps_DDRM.multTransA(s.ea, s.ex, s.ey);
            return s.ey.data;
        }
        s.k.gemv(true, s.n, s.n, 1.0, s.a, 0, s.n, s.x, 0, 0.0, s.y, 0);
        return s.y;
    }

    /** C = A*B; GFLOP/s = 2 n^3 / (time in ns). */
    @Benchmark
    public double[] gemm(Level3 s) {
        if (s.k == null) {
            CommonOps_DDRM.mult(s.ea, s.eb, s.ec);
            return s.ec.data;
        }
        s.k.gemm(false, false, s.n, s.n, s.n, 1.0, s.a, 0, s.n, s.b, 0, s.n, 0.0, s.c, 0, s.n);
        return s.c;
    }
}
