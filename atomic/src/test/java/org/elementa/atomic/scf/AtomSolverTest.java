package org.elementa.atomic.scf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.xc.ExchangeCorrelation;
import org.elementa.atomic.xc.LocalDensityFunctional;
import org.elementa.atomic.xc.SlaterExchange;
import org.elementa.fem.mesh.Mesh1D;
import org.elementa.fem.quadrature.GaussQuadrature;
import org.elementa.fem.quadrature.QuadratureRule;
import org.junit.jupiter.api.Test;

/**
 * Properties of the Kohn-Sham solution that hold independently of reference data (the comparison
 * with NIST and dftatom lives in the validation module's regression suite).
 */
class AtomSolverTest {

    @Test
    void virialTheoremForExchangeOnly() {
        // Slater exchange scales like the Coulomb terms (E_x[n_g] = g E_x[n]), so the exact
        // solution obeys 2 Ekin + Epot = 0, i.e. Etot = -Ekin (correlation would break this).
        AtomSolution ne = AtomSolver.builder().functional(new SlaterExchange()).tolerance(1e-8).build()
                .solve(Configuration.nist(10));
        Energies e = ne.energies();
        // The rmax = 50 box and the discretization perturb the virial ratio far below 1e-8 Ha.
        assertEquals(-e.kinetic(), e.total(), 1e-8);
        assertEquals(e.total(), e.kinetic() + e.coulomb() + e.electronNucleus() + e.exchangeCorrelation(), 1e-9);
    }

    @Test
    void virialTheoremForLda() {
        // Under the dilation n_g(r) = g^3 n(g r) the kinetic energy scales as g^2, the Coulomb terms as
        // g, and d/dg E_xc[n_g] at g = 1 is 3 integral n (v_xc - e_xc) d^3r (integrate by parts the
        // r.grad n term). At the self-consistent minimum the derivative of E vanishes:
        // 2 Ekin + Eenuc + Ecoul + 3 integral n (v_xc - e_xc) d^3r = 0.
        ExchangeCorrelation lda = LocalDensityFunctional.lda();
        for (int z : new int[] {10, 79, 92}) {
            AtomSolution a = AtomSolver.builder().tolerance(1e-8).build().solve(Configuration.nist(z));
            // The xc integral by 30-point Gauss-Legendre on every finite element (the density is a
            // polynomial of degree 2p on each, divided by r^2, and smooth there), independent of the
            // solver's own quadrature.
            Discretization d = a.discretization();
            double[] nodes = Mesh1D.exponential(0, d.rmax(), d.ratio(), d.elements()).nodes();
            QuadratureRule g = GaussQuadrature.legendre(30);
            double xc = 0;
            for (int e = 0; e + 1 < nodes.length; e++) {
                double mid = 0.5 * (nodes[e] + nodes[e + 1]);
                double half = 0.5 * (nodes[e + 1] - nodes[e]);
                double[] r = new double[g.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = mid + half * g.node(i);
                }
                double[] n = a.density(r);
                double[] exc = new double[r.length];
                double[] vxc = new double[r.length];
                lda.evaluate(n, exc, vxc, r.length);
                for (int i = 0; i < r.length; i++) {
                    xc += half * g.weight(i) * 4 * Math.PI * r[i] * r[i] * n[i] * (vxc[i] - exc[i]);
                }
            }
            Energies e = a.energies();
            double virial = 2 * e.kinetic() + e.electronNucleus() + e.coulomb() + 3 * xc;
            // The virial sum is the first derivative of E along a dilation, so it is first order in the
            // orbital error. Bound: the 1e-8 Ha target of the solve, i.e. 4e-13 of Ekin for U and
            // 8e-11 for Ne (measured: |virial| <= 1e-10 Ha for all three).
            assertEquals(0, virial, 1e-8, "virial sum of Z = " + z + " (Ekin " + e.kinetic() + ")");
        }
    }

    @Test
    void densityIntegratesToZAndOrbitalsAreNormalized() {
        AtomSolution ar = AtomSolver.builder().build().solve(Configuration.nist("Ar"));
        // Simpson's rule in t = ln r on [ln 1e-7, ln 50]: integrand r^3 n and r P^2, smooth in t.
        int m = 40000;
        double t0 = Math.log(1e-7);
        double t1 = Math.log(50);
        double h = (t1 - t0) / m;
        double[] r = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            r[i] = Math.exp(t0 + i * h);
        }
        double[] n = ar.density(r);
        double[] p3 = ar.radialOrbital(3, 1, r);
        double charge = 0;
        double norm = 0;
        for (int i = 0; i <= m; i++) {
            double wgt = (i == 0 || i == m) ? 1 : (i % 2 == 1 ? 4 : 2);
            charge += wgt * 4 * Math.PI * r[i] * r[i] * r[i] * n[i];
            norm += wgt * r[i] * p3[i] * p3[i];
        }
        charge *= h / 3;
        norm *= h / 3;
        // Simpson with 40000 steps: error ~1e-10; the part below 1e-7 bohr holds ~1e-18 electrons.
        assertEquals(18, charge, 1e-8);
        assertEquals(1, norm, 1e-9);
        assertTrue(ar.radialOrbital(3, 1, new double[] {1e-3})[0] > 0, "sign convention: positive near 0");
    }

    @Test
    void monitorSeesEveryIterationAndResidualsFall() {
        List<Double> seen = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        AtomSolution c = AtomSolver.builder().monitor((it, res, de, e) -> {
            seen.add(res);
            estimates.add(de);
        }).build()
                .solve(Configuration.nist(6));
        assertEquals(c.scfIterations(), seen.size());
        double[] h = c.residualHistory();
        // The stopping rule: residual and eigenvalue error estimate below a tenth of the 1e-6 default.
        assertTrue(h[h.length - 1] < 1e-7 && h[0] > 1e-2, "residuals " + seen);
        assertTrue(estimates.get(estimates.size() - 1) < 1e-7, "estimates " + estimates);
        // The estimate is first-order perturbation theory: at the last iteration it bounds the distance
        // of the eigenvalues to the self-consistent ones (a 1e-10 solve in the same space) well.
        AtomSolution tight = AtomSolver.builder().tolerance(1e-10).discretization(c.discretization()).build()
                .solve(Configuration.nist(6));
        for (int i = 0; i < c.orbitals().size(); i++) {
            assertEquals(tight.orbitals().get(i).energy(), c.orbitals().get(i).energy(), 1e-7, c.orbitals().get(i).toString());
        }
    }

    @Test
    void nonConvergenceThrowsWithTheResidualHistory() {
        AtomSolver solver = AtomSolver.builder().maxIterations(3).build();
        ScfNotConvergedException e = assertThrows(ScfNotConvergedException.class,
                () -> solver.solve(Configuration.nist(92)));
        assertEquals(3, e.residualHistory().length);
        assertTrue(e.getMessage().contains("Z = 92"), e.getMessage());
        // The user's tolerance (default 1e-6) and the internal SCF tolerance (a tenth of it).
        assertTrue(e.getMessage().contains("tolerance 1.0e-06") && e.getMessage().contains("internal SCF tolerance 1.0e-07"),
                e.getMessage());
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> AtomSolver.builder().tolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AtomSolver.builder().tolerance(1));
        assertThrows(IllegalArgumentException.class, () -> AtomSolver.builder().maxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> AtomSolver.builder().mixing(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> new Discretization(50, 1e5, 10, 8, 5));
        AtomSolution h = AtomSolver.solveLda(1);
        assertThrows(IllegalArgumentException.class, () -> h.density(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> h.eigenvalue(2, 0));
    }

    @Test
    void configurationsSkippingAnAngularMomentum() {
        // Li 1s2 3d1 has no p electrons: l = 1 has no levels to solve. The 3d electron outside the
        // 1s2 core would be hydrogen-like (-1/18 Ha) in exact theory; LDA's self-interaction error
        // (its potential decays faster than -1/r) leaves it bound but shallower.
        AtomSolution li = AtomSolver.builder().build().solve(Configuration.parse(3, "1s2 3d1"));
        double e3d = li.eigenvalue(3, 2);
        assertTrue(e3d < 0 && e3d > -1.0 / 18, "3d level " + e3d);
        assertTrue(li.energies().total() > AtomSolver.solveLda(3).energies().total());
    }

    @Test
    void diffuseUserConfigurationsGetABoxLargeEnough() {
        // H 4f1 and He 1s1 5g1 reach far beyond the 50 bohr box that holds every NIST atom; in that
        // box their energies were off by 8e-7 and 5e-5 Ha. Reference: the same solve on a box twice
        // as large (same inner elements, Discretization.withRmax), where the wall's effect
        // (exp(-2 kappa rmax), kappa = sqrt(-2 E)) is smaller by many orders of magnitude.
        double tol = 1e-8;
        for (Configuration c : new Configuration[] {Configuration.parse(1, "4f1"), Configuration.parse(2, "1s1 5g1")}) {
            AtomSolution s = AtomSolver.builder().tolerance(tol).build().solve(c);
            assertTrue(s.discretization().rmax() > 50, c + ": box " + s.discretization());
            AtomSolution big = AtomSolver.builder().tolerance(tol)
                    .discretization(s.discretization().withRmax(2 * s.discretization().rmax())).build().solve(c);
            assertEquals(big.energies().total(), s.energies().total(), tol, c + " Etot");
            for (int i = 0; i < s.orbitals().size(); i++) {
                assertEquals(big.orbitals().get(i).energy(), s.orbitals().get(i).energy(), tol, c + " " + s.orbitals().get(i));
            }
        }
        // NIST's ground states keep the 50 bohr box (their results are the regression suite's).
        assertEquals(50, AtomSolver.builder().tolerance(1e-10).build().solve(Configuration.nist(87)).discretization().rmax());
    }

    @Test
    void enlargedBoxKeepsTheInnerElements() {
        Discretization d = Discretization.forTolerance(1e-6);
        Discretization e = d.withRmax(150);
        assertEquals(150, e.rmax());
        assertEquals(d.ratio(), e.ratio());
        assertEquals(d.degree(), e.degree());
        // First element h1 = rmax (q - 1) / (q^Ne - 1), q = ratio^(1/(Ne-1)): no longer than before.
        double q0 = Math.pow(d.ratio(), 1.0 / (d.elements() - 1));
        double q1 = Math.pow(e.ratio(), 1.0 / (e.elements() - 1));
        double h0 = d.rmax() * (q0 - 1) / (Math.pow(q0, d.elements()) - 1);
        double h1 = e.rmax() * (q1 - 1) / (Math.pow(q1, e.elements()) - 1);
        assertTrue(h1 <= h0 * (1 + 1e-12) && h1 > 0.8 * h0, h0 + " vs " + h1);
        assertThrows(IllegalArgumentException.class, () -> d.withRmax(10));
    }

    @Test
    void densityAtTheNucleus() {
        for (int z : new int[] {1, 10, 92}) {
            AtomSolution a = AtomSolver.solveLda(z);
            double h = 1e-5 / z;
            double[] n = a.density(new double[] {0, h, 2 * h, 3 * h});
            // Quadratic extrapolation to r = 0 from h, 2h, 3h: truncation O((Z h)^3) = 1e-15 relative,
            // rounding of P(h)^2/h^2 a few 1e-14 (measured 2.5e-14 for U); the former evaluation at
            // r = 1e-12 h1 was off by about 6e-5 relative.
            double extrapolated = 3 * n[1] - 3 * n[2] + n[3];
            assertEquals(extrapolated, n[0], 1e-11 * extrapolated, "n(0) of Z = " + z);
            // Kato's cusp condition n'(0) = -2 Z n(0) (the -Z/r potential dominates at the nucleus);
            // the one-sided difference carries the O(Z h) = 1e-5 relative second-order term.
            assertEquals(-2.0 * z, (n[1] - n[0]) / (h * n[0]), 2e-5 * 2 * z, "cusp of Z = " + z);
        }
    }

    @Test
    void sameInputSameBits() {
        AtomSolver s = AtomSolver.builder().build();
        AtomSolution a = s.solve(Configuration.nist(26));
        AtomSolution b = s.solve(Configuration.nist(26));
        assertEquals(a.energies(), b.energies());
        assertEquals(a.orbitals(), b.orbitals());
    }

    @Test
    void userConfigurationOfAnExcitedState() {
        // Excited carbon 1s2 2s1 2p3 lies above the ground state 1s2 2s2 2p2 in LDA.
        AtomSolver s = AtomSolver.builder().build();
        double ground = s.solve(Configuration.nist(6)).energies().total();
        double excited = s.solve(Configuration.parse(6, "1s2 2s1 2p3")).energies().total();
        assertTrue(excited > ground + 0.1, ground + " vs " + excited);
    }
}
