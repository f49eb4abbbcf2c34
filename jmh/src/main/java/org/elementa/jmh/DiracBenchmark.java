package org.elementa.jmh;

import java.util.concurrent.TimeUnit;
import org.elementa.atomic.dirac.DiracAtomSolver;
import org.elementa.atomic.dirac.DiracCoulomb;
import org.elementa.atomic.dirac.DiracSpectrum;
import org.elementa.atomic.dirac.DiracState;
import org.elementa.atomic.dirac.RadialDiracSolver;
import org.elementa.atomic.radial.RadialDiscretization;
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
 * The radial Dirac solver (squared Hamiltonian, the engine's banded eigensolver with a lower bound): every kappa = -6..5 bound state
 * with n <= 7 of the Coulomb potential Z = 92 (47 states, 11 pencils) on issue 5's mesh (10
 * elements of order 14, 280 unknowns), without guesses (Sturm bisection from the lower bound) and with guesses 1e-6 off
 * (about one factorization per state, as late in an SCF loop); and issue 5's uranium RLDA solve at
 * tolerance 1e-8 (the whole SCF, from the Thomas-Fermi start; 29 subshells, 7 kappas, 360 unknowns).
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar DiracBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class DiracBenchmark {

    /** The solver and the guesses. */
    @State(Scope.Thread)
    public static class Uranium {
        @Param({"none", "close"})
        public String guesses;

        RadialDiracSolver solver;
        double[][] hints;
        double[][] rv;

        @Setup
        public void setup() {
            double c = DiracCoulomb.SPEED_OF_LIGHT;
            solver = new RadialDiracSolver(RadialDiscretization.of(10, 100, 10, 14), c);
            hints = new double[12][];
            rv = new double[12][];
            for (int kappa = -6; kappa <= 5; kappa++) {
                if (kappa == 0) {
                    continue;
                }
                int count = 7 - DiracState.lowestN(kappa) + 1;
                double[] g = new double[count];
                for (int k = 0; k < count; k++) {
                    g[k] = DiracCoulomb.energy(new DiracState(DiracState.lowestN(kappa) + k, kappa), 92, c) * (1 + 1e-6);
                }
                hints[kappa + 6] = guesses.equals("close") ? g : null;
                rv[kappa + 6] = new double[solver.quadrature(kappa, 92).size()];
                java.util.Arrays.fill(rv[kappa + 6], -92);
            }
        }
    }

    /** The RLDA solver at tolerance 1e-8. */
    @State(Scope.Benchmark)
    public static class Rlda {
        DiracAtomSolver solver;

        @Setup
        public void setup() {
            solver = DiracAtomSolver.builder().tolerance(1e-8).build();
        }
    }

    @Benchmark
    public double rldaUranium(Rlda r) {
        return r.solver.solveNist(92).energies().total();
    }

    @Benchmark
    public double allStatesZ92(Uranium u) {
        double sum = 0;
        for (int kappa = -6; kappa <= 5; kappa++) {
            if (kappa == 0) {
                continue;
            }
            int count = 7 - DiracState.lowestN(kappa) + 1;
            DiracSpectrum s = u.solver.solve(kappa, 92, u.rv[kappa + 6], count, u.hints[kappa + 6]);
            sum += s.energy(count - 1);
        }
        return sum;
    }
}
