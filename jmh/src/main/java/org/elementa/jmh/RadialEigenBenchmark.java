package org.elementa.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.atomic.radial.RadialSchrodingerSolver;
import org.elementa.atomic.radial.RadialState;
import org.elementa.fem.assembly.Assembly1D;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import org.elementa.fem.linalg.GeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.space.ElementQuadrature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The radial Schroedinger solve of the Coulomb potential Z = 92, 28 states (every n <= 7, l < n:
 * seven generalized eigenproblems, l = 0..6, asking for 7 - l pairs each) on the default
 * discretization (7 elements of order 31, 216 unknowns, half-bandwidth 31), with the three
 * eigensolvers side by side (the {@code eigensolver} parameter). Each solver reaches every level
 * within 5e-10 Ha (RadialSchrodingerSolverTest); the setup checks it again so that a fast wrong
 * answer cannot be timed. {@code potentialAssembly} times the SCF hot path alone: the potential
 * matrix of one V on the quadrature points, added into a band matrix.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar RadialEigenBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class RadialEigenBenchmark {

    private static final double Z = 92;
    /** States per l: every n <= 7. */
    private static final int[] COUNTS = {7, 6, 5, 4, 3, 2, 1};

    /** Solver and potential for the full solve. */
    @State(Scope.Thread)
    public static class Solve {
        @Param({"banded", "dense", "ejml"})
        public String eigensolver;

        RadialSchrodingerSolver solver;
        double[] v;

        @Setup(Level.Trial)
        public void setUp() {
            GeneralizedEigensolver eig = switch (eigensolver) {
                case "banded" -> new BandedGeneralizedEigensolver();
                case "dense" -> new DenseGeneralizedEigensolver();
                case "ejml" -> new EjmlGeneralizedEigensolver();
                default -> throw new IllegalArgumentException("eigensolver = " + eigensolver);
            };
            solver = new RadialSchrodingerSolver(RadialDiscretization.defaults(), eig);
            ElementQuadrature quad = solver.quadrature();
            v = new double[quad.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = -Z / quad.point(i);
            }
            for (List<RadialState> states : solver.solveByL(v, COUNTS)) {
                for (RadialState s : states) {
                    double err = Math.abs(s.energy() + Z * Z / (2.0 * s.n() * s.n()));
                    if (!(err < 5e-10)) {
                        throw new IllegalStateException(eigensolver + ": n=" + s.n() + " l=" + s.l() + " error " + err);
                    }
                }
            }
        }
    }

    /**
     * All 28 states: seven solves, l = 0..6, by {@link RadialSchrodingerSolver#solveByL} (the banded
     * solver takes l = 0's hints from the low-order predictor and each next l's from the previous
     * one; the dense and EJML solvers ignore hints).
     */
    @Benchmark
    public double coulombUranium28States(Solve st) {
        double sum = 0;
        for (List<RadialState> states : st.solver.solveByL(st.v, COUNTS)) {
            for (RadialState s : states) {
                sum += s.energy();
            }
        }
        return sum;
    }

    /** Inputs for the potential assembly alone. */
    @State(Scope.Thread)
    public static class Assembly {
        ElementQuadrature quad;
        double[] weights;
        double[] v;
        SymmetricBandMatrix target;

        @Setup(Level.Trial)
        public void setUp() {
            RadialSchrodingerSolver solver = new RadialSchrodingerSolver(RadialDiscretization.defaults(),
                    new EjmlGeneralizedEigensolver());
            quad = solver.quadrature();
            weights = Assembly1D.radialWeights(quad, 0);
            v = new double[quad.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = -Z / quad.point(i) + Math.exp(-quad.point(i));
            }
            target = new SymmetricBandMatrix(solver.space().dofs(), solver.space().bandwidth());
        }
    }

    /** The potential matrix integral V phi_i phi_j dr (216 dofs, p = 31, 41 points per element). */
    @Benchmark
    public double potentialAssembly(Assembly st) {
        st.target.clear();
        Assembly1D.addValueProducts(st.target, st.quad, st.weights, st.v, 1.0);
        return st.target.data()[0];
    }
}
