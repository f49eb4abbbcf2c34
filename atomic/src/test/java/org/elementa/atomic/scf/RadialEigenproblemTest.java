package org.elementa.atomic.scf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.junit.jupiter.api.Test;

/**
 * The radial finite elements and the Sturm-guarded eigensolver on the hydrogen atom, whose
 * eigenvalues are -1/(2 n^2) exactly, and against EJML's dense generalized eigensolver.
 */
class RadialEigenproblemTest {

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
        ShiftInvertEigensolver solver = new ShiftInvertEigensolver(fe.dofs, fe.bandwidth);
        for (int l = 0; l <= 2; l++) {
            double[] h = hydrogen(fe, l);
            for (int j = 0; j < 4; j++) {
                int n = l + 1 + j;
                double[] x = new double[fe.dofs];
                double e = solver.solve(h, fe.mass, j, Double.NaN, -10, 10, x, 1e-11);
                // Converged space (40 elements of degree 10 to r = 200): the discretization error is
                // far below 1e-10; the box costs about r^(2n) exp(-2 r/n) ~ 1e-29 for n = 6.
                assertEquals(-0.5 / (n * n), e, 1e-10, "n = " + n + ", l = " + l);
            }
        }
    }

    @Test
    void warmStartFromANeighbourStillFindsTheRequestedIndex() {
        RadialFiniteElements fe = new RadialFiniteElements(80, 200, 24, 10, 20);
        ShiftInvertEigensolver solver = new ShiftInvertEigensolver(fe.dofs, fe.bandwidth);
        double[] h = hydrogen(fe, 0);
        double[] x1 = new double[fe.dofs];
        solver.solve(h, fe.mass, 0, Double.NaN, -10, 10, x1, 1e-11);
        // Ask for 2s with the 1s vector and the 1s energy as a hint: the Sturm count must reject 1s.
        double[] x = x1.clone();
        double e = solver.solve(h, fe.mass, 1, -0.5, -10, 10, x, 1e-11);
        // Same converged space as above: 2s = -1/8 to the discretization error, far below 1e-10.
        assertEquals(-0.125, e, 1e-10);
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
        ShiftInvertEigensolver solver = new ShiftInvertEigensolver(fe.dofs, fe.bandwidth);
        for (int j = 0; j < 3; j++) {
            double[] x = new double[fe.dofs];
            double e = solver.solve(h, fe.mass, j, Double.NaN, -10, 10, x, 1e-11);
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
        EigenResult ref = new BandedGeneralizedEigensolver().lowest(h, s, 7);
        ShiftInvertEigensolver solver = new ShiftInvertEigensolver(fe.dofs, fe.bandwidth);
        double lo = -2.0 * 92 * 92;
        for (int j = 0; j < 7; j++) {
            double[] x = new double[fe.dofs];
            double e = solver.solve(h.data(), fe.mass, j, Double.NaN, lo, 1, x, 1e-11);
            // Two solvers, two algorithms (bisection + inverse iteration vs the engine's): agreement to
            // rounding of the stiff pencil, ~1e-12 relative.
            assertEquals(ref.values()[j], e, 1e-11 * (1 + Math.abs(e)), "level " + j);
            lo = e;
        }
    }

    @Test
    void hydrogenGroundStateConvergesExponentiallyInTheDegree() {
        double previous = Double.NaN;
        for (int p = 2; p <= 8; p += 2) {
            RadialFiniteElements fe = new RadialFiniteElements(40, 50, 6, p, p + 4);
            ShiftInvertEigensolver solver = new ShiftInvertEigensolver(fe.dofs, fe.bandwidth);
            double e = solver.solve(hydrogen(fe, 0), fe.mass, 0, Double.NaN, -10, 10, new double[fe.dofs], 1e-11);
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
