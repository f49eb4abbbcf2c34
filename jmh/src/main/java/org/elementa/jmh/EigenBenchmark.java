package org.elementa.jmh;

import java.util.concurrent.TimeUnit;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;
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
 * Lowest 7 eigenpairs of a radial finite element pencil (l = 0, -1/2 u'' - Z/r u = E u, Z = 92,
 * Lagrange elements of order 31 on Gauss-Lobatto nodes, so kd = 31): dense reference path, banded
 * shift-invert path cold and with hints, and EJML. {@code elements = 7} gives n = 216 (the radial
 * uranium case of issue 3); {@code elements = 19} gives n = 588.
 *
 * <p>The hinted case is one self-consistent-field step: H1 = H0 + a small smooth potential change,
 * solved with the eigenvalues of H0 as hints; the warm case also starts from H0's eigenvectors.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar EigenBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EigenBenchmark {

    private static final int COUNT = 7;
    private static final double Z = 92;

    @Param({"7", "19"})
    public int elements;

    private SymmetricBandMatrix h1;
    private SymmetricBandMatrix s;
    private double[] hints;
    private EigenResult previous;
    private final DenseGeneralizedEigensolver dense = new DenseGeneralizedEigensolver();
    private final BandedGeneralizedEigensolver banded = new BandedGeneralizedEigensolver();
    private final EjmlGeneralizedEigensolver ejml = new EjmlGeneralizedEigensolver();

    @Setup
    public void setUp() {
        SymmetricBandMatrix[] p0 = radialCoulomb(Z, 0.0, elements, 31, 8.0, 9.0);
        SymmetricBandMatrix[] p1 = radialCoulomb(Z, 0.01, elements, 31, 8.0, 9.0);
        s = p0[1];
        h1 = p1[0];
        hints = ejml.lowest(p0[0], s, COUNT).values();
        previous = banded.lowest(p0[0], s, COUNT);
    }

    @Benchmark
    public EigenResult dense() {
        return dense.lowest(h1, s, COUNT);
    }

    @Benchmark
    public EigenResult bandedCold() {
        return banded.lowest(h1, s, COUNT);
    }

    @Benchmark
    public EigenResult bandedHinted() {
        return banded.lowest(h1, s, COUNT, hints);
    }

    /** Warm start from the previous step's whole result: its vectors start the inverse iterations. */
    @Benchmark
    public EigenResult bandedWarm() {
        return banded.lowest(h1, s, COUNT, previous);
    }

    @Benchmark
    public EigenResult ejml() {
        return ejml.lowest(h1, s, COUNT);
    }

    /**
     * {H, S} for -1/2 u'' + (-Z/r + dv * exp(-r)) u = E u on (0, rMax), u = 0 at both ends;
     * geometric grading toward 0; 48-point Gauss-Legendre quadrature per element.
     */
    static SymmetricBandMatrix[] radialCoulomb(double z, double dv, int elements, int order, double rMax,
                                               double grading) {
        double[] gll = gllNodes(order);
        double[][] gauss = gaussLegendre(48);
        int n = elements * order - 1;
        SymmetricBandMatrix h = new SymmetricBandMatrix(n, order);
        SymmetricBandMatrix s = new SymmetricBandMatrix(n, order);
        double[] bw = new double[order + 1];
        for (int j = 0; j <= order; j++) {
            double w = 1;
            for (int k = 0; k <= order; k++) {
                if (k != j) {
                    w /= gll[j] - gll[k];
                }
            }
            bw[j] = w;
        }
        double[] phi = new double[order + 1];
        double[] dphi = new double[order + 1];
        for (int e = 0; e < elements; e++) {
            double ra = rMax * (Math.exp(grading * e / elements) - 1) / (Math.exp(grading) - 1);
            double rb = rMax * (Math.exp(grading * (e + 1) / elements) - 1) / (Math.exp(grading) - 1);
            double jac = 0.5 * (rb - ra);
            for (double[] g : gauss) {
                double x = g[0];
                double r = ra + (x + 1) * jac;
                for (int j = 0; j <= order; j++) {
                    double prod = bw[j];
                    double sum = 0;
                    for (int k = 0; k <= order; k++) {
                        if (k != j) {
                            prod *= x - gll[k];
                            sum += 1 / (x - gll[k]);
                        }
                    }
                    phi[j] = prod;
                    dphi[j] = prod * sum / jac;
                }
                double wq = g[1] * jac;
                double v = -z / r + dv * Math.exp(-r);
                for (int a = 0; a <= order; a++) {
                    int ga = e * order + a - 1;
                    if (ga < 0 || ga >= n) {
                        continue;
                    }
                    for (int b = 0; b <= a; b++) {
                        int gb = e * order + b - 1;
                        if (gb < 0 || gb >= n) {
                            continue;
                        }
                        h.add(ga, gb, wq * (0.5 * dphi[a] * dphi[b] + v * phi[a] * phi[b]));
                        s.add(ga, gb, wq * phi[a] * phi[b]);
                    }
                }
            }
        }
        return new SymmetricBandMatrix[] {h, s};
    }

    private static double[] legendre(int m, double x) {
        double p0 = 1;
        double p1 = x;
        for (int k = 2; k <= m; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, m * (x * p1 - p0) / (x * x - 1)};
    }

    private static double[][] gaussLegendre(int m) {
        double[][] out = new double[m][2];
        for (int i = 0; i < m; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            for (int it = 0; it < 100; it++) {
                double[] p = legendre(m, x);
                double dx = p[0] / p[1];
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double dp = legendre(m, x)[1];
            out[i][0] = x;
            out[i][1] = 2 / ((1 - x * x) * dp * dp);
        }
        return out;
    }

    private static double[] gllNodes(int p) {
        double[] x = new double[p + 1];
        x[0] = -1;
        x[p] = 1;
        for (int i = 1; i < p; i++) {
            double t = -Math.cos(Math.PI * i / p);
            for (int it = 0; it < 100; it++) {
                double[] l = legendre(p, t);
                double dt = l[1] / ((2 * t * l[1] - p * (p + 1) * l[0]) / (1 - t * t));
                t -= dt;
                if (Math.abs(dt) < 1e-16) {
                    break;
                }
            }
            x[i] = t;
        }
        return x;
    }
}
