package org.elementa.jmh;

import java.util.concurrent.TimeUnit;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.scf.AtomSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kohn-Sham LDA atoms, solved from scratch (Thomas-Fermi start) in a warm JVM: uranium at the
 * 1e-8 Ha and default (1e-6) tolerances, a light atom, and the serial sweep over Z = 1..92.
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar AtomBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 * The reference point: the Fortran FE code featom takes about 0.12 s per uranium process.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class AtomBenchmark {

    private AtomSolver tight;
    private AtomSolver standard;
    private Configuration uranium;
    private Configuration neon;
    private Configuration[] all;

    @Setup
    public void setUp() {
        tight = AtomSolver.builder().tolerance(1e-8).build();
        standard = AtomSolver.builder().build();
        uranium = Configuration.nist("U");
        neon = Configuration.nist("Ne");
        all = new Configuration[92];
        for (int z = 1; z <= 92; z++) {
            all[z - 1] = Configuration.nist(z);
        }
    }

    /** U to 1e-8 Ha (the target: <= 30 ms). */
    @Benchmark
    public double uranium1e8() {
        return tight.solve(uranium).energies().total();
    }

    /** U at the default 1e-6 Ha. */
    @Benchmark
    public double uraniumDefault() {
        return standard.solve(uranium).energies().total();
    }

    /** Ne at the default tolerance. */
    @Benchmark
    public double neonDefault() {
        return standard.solve(neon).energies().total();
    }

    /** Z = 1..92 one after another at the default tolerance, one thread (the target: < 10 s). */
    @Benchmark
    public double sweepDefault() {
        double s = 0;
        for (Configuration c : all) {
            s += standard.solve(c).energies().total();
        }
        return s;
    }
}
