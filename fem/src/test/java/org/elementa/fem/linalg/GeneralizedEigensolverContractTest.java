package org.elementa.fem.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, every implementation: Elementa's dense and banded solvers (on both kernel
 * implementations) against the EJML reference, the analytic P1 spectrum, and the defining
 * properties (residual, S-orthonormality, ordering, sign convention, argument checks).
 */
class GeneralizedEigensolverContractTest {

    static Stream<Arguments> solvers() {
        List<Arguments> out = new ArrayList<>();
        List<Kernels> kernels = new ArrayList<>();
        kernels.add(KernelProvider.scalar());
        if (KernelProvider.vectorUnavailableReason() == null) {
            kernels.add(KernelProvider.vector());
        }
        for (Kernels k : kernels) {
            out.add(Arguments.of("dense/" + k.name(), new DenseGeneralizedEigensolver(k)));
            out.add(Arguments.of("banded/" + k.name(), new BandedGeneralizedEigensolver(k)));
        }
        return out.stream();
    }

    /** All eigenvalues from EJML, for the spectral scale max|E|. */
    private static double spectralScale(Pencils.Pencil p) {
        EigenResult all = new EjmlGeneralizedEigensolver().lowest(p.h(), p.s(), p.n());
        return Math.max(Math.abs(all.values()[0]), Math.abs(all.values()[p.n() - 1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void matchesEjmlOnRandomBandedPencils(String name, GeneralizedEigensolver solver) {
        int[][] cases = {{40, 3, 6}, {97, 8, 7}, {150, 16, 10}, {217, 31, 7}, {61, 0, 5}, {5, 2, 1}};
        long seed = 11;
        for (int[] c : cases) {
            Pencils.Pencil p = Pencils.random(c[0], c[1], seed++);
            EigenResult ref = new EjmlGeneralizedEigensolver().lowest(p.h(), p.s(), c[2]);
            EigenResult got = solver.lowest(p.h(), p.s(), c[2]);
            double scale = spectralScale(p);
            String where = name + " n=" + c[0] + " kd=" + c[1];
            // Per-eigenvalue residual bounds of both results (see ResidualBounds).
            ResidualBounds.assertAgree(p, ref, 0, got, where);
            checkPairs(p, got, scale, where);
            checkVectorsAgree(p, ref, got, scale, where);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void reproducesTheAnalyticP1LaplacianSpectrum(String name, GeneralizedEigensolver solver) {
        for (int elements : new int[] {50, 300}) {
            Pencils.Pencil p = Pencils.laplaceP1(elements);
            int count = 8;
            EigenResult got = solver.lowest(p.h(), p.s(), count);
            double max = Pencils.laplaceP1Eigenvalue(elements, elements - 1);
            double[] exact = new double[count];
            for (int k = 1; k <= count; k++) {
                exact[k - 1] = Pencils.laplaceP1Eigenvalue(elements, k);
            }
            // The result's own residual bound per eigenvalue, plus the formula's rounding (sin, cos,
            // square, quotient: a few ulps).
            ResidualBounds.assertExact(p, exact, got, 8, name + " P1 " + elements);
            checkPairs(p, got, max, name + " P1 " + elements);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void p2EigenvaluesConvergeAtTheFourthOrder(String name, GeneralizedEigensolver solver) {
        // Quadratic elements: eigenvalue error O(h^{2p}) = O(h^4) (Strang and Fix, An Analysis of the
        // Finite Element Method, Thm 6.1); exact eigenvalues of -u'' = lambda u: (k pi)^2.
        double[] err = new double[2];
        int[] meshes = {10, 20};
        for (int m = 0; m < 2; m++) {
            Pencils.Pencil p = Pencils.laplaceP2(meshes[m]);
            EigenResult got = solver.lowest(p.h(), p.s(), 3);
            err[m] = got.values()[2] - 9 * Math.PI * Math.PI;
            assertTrue(err[m] > 0, "Rayleigh-Ritz eigenvalues lie above the exact ones");
        }
        double rate = Math.log(err[0] / err[1]) / Math.log(2);
        // The asymptotic rate is 4; lambda_3 on 10 and 20 elements is already in the asymptotic range.
        assertEquals(4.0, rate, 0.15, name + " rate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void resolvesExactlyDoubleEigenvalues(String name, GeneralizedEigensolver solver) {
        for (double split : new double[] {0, 1e-9}) {
            Pencils.Pencil p = Pencils.doubled(40, split, 5);
            EigenResult ref = new EjmlGeneralizedEigensolver().lowest(p.h(), p.s(), 8);
            EigenResult got = solver.lowest(p.h(), p.s(), 8);
            double scale = spectralScale(p);
            // Per-eigenvalue residual bounds, far below the splitting 1e-9 of the pairs.
            ResidualBounds.assertAgree(p, ref, 0, got, name + " split=" + split);
            checkPairs(p, got, scale, name + " doubled split=" + split);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void rangeIsTheMatchingSliceOfTheReference(String name, GeneralizedEigensolver solver) {
        Pencils.Pencil p = Pencils.random(120, 6, 99);
        EigenResult ref = new EjmlGeneralizedEigensolver().lowest(p.h(), p.s(), 12);
        EigenResult mid = solver.range(p.h(), p.s(), 7, 11);
        double scale = spectralScale(p);
        ResidualBounds.assertAgree(p, ref, 7, mid, name + " range");
        checkPairs(p, mid, scale, name + " range");
        checkVectorsAgree(p, new EigenResult(java.util.Arrays.copyOfRange(ref.values(), 7, 12),
                java.util.Arrays.copyOfRange(ref.vectors(), 7 * 120, 12 * 120), 120, 0, 0), mid, scale, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void rejectsBadInput(String name, GeneralizedEigensolver solver) {
        Pencils.Pencil p = Pencils.random(20, 2, 1);
        Pencils.Pencil q = Pencils.random(21, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(p.h(), p.s(), 0));
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(p.h(), p.s(), 21));
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(p.h(), q.s(), 3));
        assertThrows(IllegalArgumentException.class, () -> solver.range(p.h(), p.s(), 4, 3));
        assertThrows(IllegalArgumentException.class, () -> solver.range(p.h(), p.s(), -1, 3));
        assertThrows(IllegalArgumentException.class, () -> solver.range(p.h(), p.s(), 2, 20));
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(p.h(), p.s(), 2, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> solver.lowest(p.h(), p.s(), 2, new double[] {Double.NaN}));
        SymmetricBandMatrix notSpd = p.s().copy();
        notSpd.set(7, 7, -1.0);
        assertThrows(EigenSolverException.class, () -> solver.lowest(p.h(), notSpd, 3));
    }

    /** Residuals, S-orthonormality, ascending order and the sign convention. */
    static void checkPairs(Pencils.Pencil p, EigenResult r, double scale, String where) {
        int n = p.n();
        int k = r.count();
        double[][] sx = new double[k][];
        double normH = EigenSupport.norm1(p.h());
        double normS = EigenSupport.norm1(p.s());
        for (int c = 0; c < k; c++) {
            double[] x = r.vector(c);
            double[] hx = multiply(p.h(), x);
            sx[c] = multiply(p.s(), x);
            double res = 0;
            double xn = 0;
            for (int i = 0; i < n; i++) {
                double t = hx[i] - r.values()[c] * sx[c][i];
                res += t * t;
                xn += x[i] * x[i];
            }
            // Backward error ||r|| / ((||H|| + |E| ||S||) ||x||): a backward-stable result has a small
            // multiple of eps; 1e-12 allows for the sizes here.
            double backward = Math.sqrt(res) / ((normH + Math.abs(r.values()[c]) * normS) * Math.sqrt(xn));
            assertTrue(backward < 1e-12, where + " backward error " + backward + " for pair " + c);
            if (c > 0) {
                assertTrue(r.values()[c] >= r.values()[c - 1], where + " ascending");
            }
            double max = 0;
            for (double v : x) {
                max = Math.max(max, Math.abs(v));
            }
            for (double v : x) {
                if (Math.abs(v) >= 1e-3 * max) {
                    assertTrue(v > 0, where + " sign convention for pair " + c);
                    break;
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += r.vector(a, i) * sx[b][i];
                }
                // Orthonormality in the S inner product, up to rounding in n-term sums.
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12, where + " x" + a + "^T S x" + b);
            }
        }
    }

    /**
     * Eigenvectors of well separated eigenvalues agree up to sign: the angle between a computed and
     * the exact vector is at most ||residual|| / gap, with residuals near eps max|E|, so agreement is
     * asserted to 1e-12 max|E| / gap (plus rounding). Vectors of eigenvalues closer than 1e-6
     * max|E| are not unique and are skipped (their residual and orthonormality are checked).
     */
    static void checkVectorsAgree(Pencils.Pencil p, EigenResult ref, EigenResult got, double scale, String where) {
        int n = p.n();
        int k = ref.count();
        for (int c = 0; c < k; c++) {
            double gap = Double.POSITIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    gap = Math.min(gap, Math.abs(ref.values()[o] - ref.values()[c]));
                }
            }
            if (gap < 1e-6 * scale) {
                continue;
            }
            double[] a = ref.vector(c);
            double[] b = got.vector(c);
            double[] sa = multiply(p.s(), a);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += b[i] * sa[i];
            }
            double sign = Math.signum(dot);
            double[] diff = new double[n];
            for (int i = 0; i < n; i++) {
                diff[i] = b[i] - sign * a[i];
            }
            double[] sd = multiply(p.s(), diff);
            double dn = 0;
            for (int i = 0; i < n; i++) {
                dn += diff[i] * sd[i];
            }
            double bound = 1e-12 * scale / Math.min(gap, scale) + 1e-12;
            assertTrue(Math.sqrt(dn) < bound, where + " vector " + c + " differs by " + Math.sqrt(dn) + " > " + bound);
        }
    }

    static double[] multiply(SymmetricBandMatrix a, double[] x) {
        double[] y = new double[x.length];
        KernelProvider.scalar().sbmv(a.size(), a.bandwidth(), 1.0, a.data(), a.ldab(), x, 0.0, y);
        return y;
    }
}
