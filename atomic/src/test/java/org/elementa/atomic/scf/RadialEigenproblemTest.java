package org.elementa.atomic.scf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.junit.jupiter.api.Test;

/**
 * The radial finite elements with the engine's banded eigensolver, as the SCF uses it (scalar
 * kernels, hints from a previous solve), on the hydrogen atom, whose eigenvalues are -1/(2 n^2)
 * exactly, and against EJML's dense generalized eigensolver.
 */
class RadialEigenproblemTest {

    private final BandedGeneralizedEigensolver solver = new BandedGeneralizedEigensolver(KernelProvider.scalar());

    private static SymmetricBandMatrix band(RadialFiniteElements fe, double[] data) {
        SymmetricBandMatrix m = fe.newMatrix();
        System.arraycopy(data, 0, m.data(), 0, data.length);
        return m;
    }

    private static double[] hydrogen(RadialFiniteElements fe, int l) {
        double[] v = new double[fe.r.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = -1 / fe.r[k];
        }
        org.elementa.fem.linalg.SymmetricBandMatrix hm = fe.newMatrix();
        fe.addPotential(v, hm);
        double[] h = hm.data();
        for (int i = 0; i < h.length; i++) {
            h[i] += 0.5 * fe.stiffness[i] + 0.5 * l * (l + 1) * fe.inverseSquare[i];
        }
        return h;
    }

    @Test
    void hydrogenSpectrumIsExact() {
        RadialFiniteElements fe = new RadialFiniteElements(200, 500, 40, 10, 20);
        for (int l = 0; l <= 2; l++) {
            SymmetricBandMatrix h = band(fe, hydrogen(fe, l));
            EigenResult cold = solver.lowest(h, band(fe, fe.mass), 4);
            // Hints off by 1e-3 relative, as in an early SCF iteration: the hinted path must agree.
            double[] hints = cold.values().clone();
            for (int j = 0; j < 4; j++) {
                hints[j] *= 1 + 1e-3;
            }
            EigenResult hinted = solver.lowest(h, band(fe, fe.mass), 4, hints);
            for (int j = 0; j < 4; j++) {
                int n = l + 1 + j;
                double e = hinted.values()[j];
                // Two paths of one solver on one pencil: agreement to rounding.
                assertEquals(cold.values()[j], e, 1e-12, "cold vs hinted, n = " + n + ", l = " + l);
                // Converged space (40 elements of degree 10 to r = 200): the discretization error is
                // far below 1e-10; the box costs about r^(2n) exp(-2 r/n) ~ 1e-29 for n = 6.
                assertEquals(-0.5 / (n * n), e, 1e-10, "n = " + n + ", l = " + l);
            }
        }
    }

    @Test
    void hintsAtTheWrongLevelsStillGiveTheRequestedIndices() {
        RadialFiniteElements fe = new RadialFiniteElements(80, 200, 24, 10, 20);
        SymmetricBandMatrix h = band(fe, hydrogen(fe, 0));
        // Hints for 1s, 2s both at the 1s energy, and for 3s at the 2s energy: the counts must reject them.
        EigenResult r = solver.lowest(h, band(fe, fe.mass), 3, new double[] {-0.5, -0.5, -0.125});
        for (int j = 0; j < 3; j++) {
            int n = j + 1;
            // Same converged space as above: -1/(2 n^2) to the discretization error, far below 1e-10.
            assertEquals(-0.5 / (n * n), r.values()[j], 1e-10, "n = " + n);
        }
    }

    @Test
    void matchesDenseEjmlEigenpairs() {
        RadialFiniteElements fe = new RadialFiniteElements(40, 100, 8, 6, 10);
        double[] h = hydrogen(fe, 1);
        SymmetricBandMatrix hb = new SymmetricBandMatrix(fe.dofs, fe.bandwidth);
        SymmetricBandMatrix sb = new SymmetricBandMatrix(fe.dofs, fe.bandwidth);
        System.arraycopy(h, 0, hb.data(), 0, h.length);
        System.arraycopy(fe.mass, 0, sb.data(), 0, h.length);
        EigenResult ref = new EjmlGeneralizedEigensolver().lowest(hb, sb, 3);
        double[] hints = {ref.values()[0] + 1e-4, ref.values()[1] - 1e-4, ref.values()[2] + 1e-4};
        EigenResult got = solver.lowest(hb, sb, 3, hints);
        for (int j = 0; j < 3; j++) {
            double[] x = got.vector(j);
            double e = got.values()[j];
            // Two algorithms on the same small pencil: agreement to rounding (dense EJML ~1e-13).
            assertEquals(ref.values()[j], e, 1e-11 * (1 + Math.abs(e)));
            double[] y = ref.vector(j);
            double dot = 0;
            for (int i = 0; i < fe.dofs; i++) {
                dot += x[i] * y[i];
            }
            double sign = Math.signum(dot);
            // Eigenvectors are as sensitive as 1/gap (gaps ~0.05 here): rounding ~1e-14 becomes ~1e-12.
            for (int i = 0; i < fe.dofs; i++) {
                assertEquals(y[i] * sign, x[i], 1e-8, "component " + i + " of eigenvector " + j);
            }
        }
    }

    @Test
    void matchesTheEnginesBandedEigensolverOnAScreenedUraniumPotential() {
        // Moliere's Thomas-Fermi screening of Z = 92 on the SCF's 1e-8 space: seven s levels from
        // -3.7e3 to about -0.1 Ha, a stiff pencil; the engine's banded solver is the independent check.
        RadialFiniteElements fe = new RadialFiniteElements(50, 2e5, 20, 10, 20);
        double b = 0.5 * Math.pow(0.75 * Math.PI, 2.0 / 3.0) * Math.pow(92, -1.0 / 3.0);
        double[] v = new double[fe.r.length];
        for (int k = 0; k < v.length; k++) {
            double x = fe.r[k] / b;
            v[k] = -92 * (0.35 * Math.exp(-0.3 * x) + 0.55 * Math.exp(-1.2 * x) + 0.10 * Math.exp(-6 * x)) / fe.r[k];
        }
        SymmetricBandMatrix h = fe.newMatrix();
        fe.addPotential(v, h);
        for (int i = 0; i < h.data().length; i++) {
            h.data()[i] += 0.5 * fe.stiffness[i];
        }
        SymmetricBandMatrix s = fe.newMatrix();
        System.arraycopy(fe.mass, 0, s.data(), 0, fe.mass.length);
        EigenResult ref = new EjmlGeneralizedEigensolver().lowest(h, s, 7);
        EigenResult cold = solver.lowest(h, s, 7);
        double[] hints = cold.values().clone();
        for (int j = 0; j < 7; j++) {
            hints[j] += 1e-6 * Math.abs(hints[j]);
        }
        EigenResult hinted = solver.lowest(h, s, 7, hints);
        for (int j = 0; j < 7; j++) {
            double e = hinted.values()[j];
            // Dense EJML on the stiff pencil (||S^-1 H|| ~ 1e12): its eigenvalues carry about
            // eps ||S^-1 H|| ~ 1e-4 absolute error at worst, observed far less; 1e-9 relative leaves room.
            assertEquals(ref.values()[j], e, 1e-9 * (1 + Math.abs(e)), "level " + j + " vs EJML");
            // Two paths (Lanczos slices vs hinted inverse iteration): agreement to rounding, ~1e-12 relative.
            assertEquals(cold.values()[j], e, 1e-11 * (1 + Math.abs(e)), "level " + j + " cold vs hinted");
        }
    }

    @Test
    void hydrogenGroundStateConvergesExponentiallyInTheDegree() {
        double previous = Double.NaN;
        for (int p = 2; p <= 8; p += 2) {
            RadialFiniteElements fe = new RadialFiniteElements(40, 50, 6, p, p + 4);
            double e = solver.lowest(band(fe, hydrogen(fe, 0)), band(fe, fe.mass), 1).values()[0];
            double err = e + 0.5;
            // Galerkin: the discrete ground state lies above the exact one.
            assertTrue(err > -1e-13, "p = " + p + ": error " + err);
            if (!Double.isNaN(previous)) {
                // p-refinement of an analytic solution: each +2 in degree gains at least a decade.
                assertTrue(err < previous / 10, "p = " + p + ": " + err + " vs " + previous);
            }
            previous = err;
        }
    }

    @Test
    void quadratureIntegratesPolynomialsAndTheMeshIsGeometric() {
        RadialFiniteElements fe = new RadialFiniteElements(10, 1000, 7, 5, 8);
        double[] f = new double[fe.r.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = fe.r[k] * fe.r[k] * fe.r[k];
        }
        // Gauss-Legendre with 8 points is exact for r^3: only rounding of sums ~2500 remains.
        assertEquals(10000.0 / 4, fe.integrate(f), 1e-9);
        double[] b = fe.boundaries;
        // The mesh's defining ratio, up to rounding of the node differences.
        assertEquals(1000, (b[7] - b[6]) / (b[1] - b[0]), 1e-8);
        assertEquals(10, b[7], 0);
    }
}
