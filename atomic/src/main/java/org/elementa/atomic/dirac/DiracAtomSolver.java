package org.elementa.atomic.dirac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.config.DiracOrbital;
import org.elementa.atomic.config.NistConfigurations;
import org.elementa.atomic.config.Orbital;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.atomic.scf.AndersonMixer;
import org.elementa.atomic.scf.Energies;
import org.elementa.atomic.scf.ScfMonitor;
import org.elementa.atomic.scf.ScfNotConvergedException;
import org.elementa.atomic.xc.ExchangeCorrelation;
import org.elementa.atomic.xc.LocalDensityFunctional;
import org.elementa.fem.assembly.Assembly1D;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.space.ElementQuadrature;
import org.elementa.fem.space.LagrangeSpace1D;

/**
 * Relativistic Kohn-Sham density functional theory (RLDA, NIST SRD 141's model) for a spherically
 * averaged, spin-unpolarized atom with a point nucleus: the radial Dirac equation for every occupied
 * kappa ({@link RadialDiracSolver}) in the potential V = -Z/r + V_H + V_xc, with the
 * MacDonald-Vosko relativistic exchange and VWN correlation.
 *
 * <p>Density: 4 pi r^2 n(r) = rho(r) = sum_i f_i (P_i^2 + Q_i^2). Hartree potential from the radial
 * Poisson equation in its spherical form -(r^2 V_H')' = rho, weak form
 * integral r^2 V_H' phi' dr = integral rho phi dr, natural at r = 0 and V_H(rmax) = N / rmax (the
 * same finite element space as the orbitals). V_H comes out directly, finite at the nucleus; the
 * form -U'' = rho / r with V_H = U / r would divide the rounding of U by r ~ 1e-7 at the innermost
 * points and leave the SCF a residual floor of ~1e-7. Energies:
 * <pre>
 *   E_en = -Z integral rho / r dr,     E_H = 1/2 integral rho V_H dr,     E_xc = integral rho e_xc(n) dr,
 *   T    = sum_i f_i eps_i - integral rho V_in dr,                        E_tot = T + E_H + E_en + E_xc,
 * </pre>
 * with V_in = -Z/r + V_H + V_xc the (mixed) potential the orbitals eps_i were computed in.
 *
 * <p>Quadrature: each orbital's integrals use its own kappa's rule, whose first element carries the
 * weight r^(2 gamma - 2) of that orbital's r^beta behaviour, so integrals of rho times smooth
 * functions are exact there (the exchange-correlation energy density, a fractional power of n, is
 * not: that is why tight tolerances need a small first element). The potential lives on the union
 * of the points those rules need: the Gauss-Legendre points of elements 2..N (shared) and the
 * first-element points of each |kappa|.
 *
 * <p>SCF: start from the Thomas-Fermi potential (Moliere's fit), Anderson mixing of V_H + V_xc
 * (restarted when the residual jumps a hundredfold above its best), stop when the potential residual
 * is below 10 tolerance and the total energy and every eigenvalue moved less than tolerance / 10
 * in the last iteration. The previous iteration's eigenvalues are the eigensolver's guesses: late in
 * the loop one banded factorization per orbital. Measured against rlda_reference.dat (Z = 1..54
 * and the total energy of uranium), worst total-energy and eigenvalue errors: 2.6e-7 and 1e-7 Ha at
 * the default tolerance (uranium's total energy is the worst), 4.3e-9 and 1.8e-9 Ha at 1e-8
 * (uranium's total energy: 5.1e-9 Ha since the engine's banded eigensolver replaced the dirac
 * package's own; the earlier figures were measured with the latter).
 * Immutable and thread-safe; each solve is independent.
 */
public final class DiracAtomSolver {

    /** Default accuracy target for energies and eigenvalues, Hartree. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private final double tolerance;
    private final double c;
    private final RadialDiscretization discretization;
    private final ExchangeCorrelation functional;
    private final int maxIterations;
    private final double mixing;
    private final int history;
    private final ScfMonitor monitor;

    private DiracAtomSolver(Builder b) {
        this.tolerance = b.tolerance;
        this.c = b.c;
        this.discretization = b.discretization;
        this.functional = b.functional != null ? b.functional : LocalDensityFunctional.rlda(b.c);
        this.maxIterations = b.maxIterations;
        this.mixing = b.mixing;
        this.history = b.history;
        this.monitor = b.monitor;
    }

    /** A builder with the defaults: RLDA, c = 137.0359895, tolerance 1e-6. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tolerance this solver aims at (Hartree). */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The finite element discretization used for an accuracy target: rmax = 50 and 12 elements on
     * an exponential mesh; for targets of 1e-6 Ha and looser, last/first element ratio 2e4 and order
     * 10; tighter, ratio 2e5 (first element 1.7e-4 bohr: the Hartree and exchange-correlation
     * integrands are not polynomials there) and order 15. Measured against rlda_reference.dat
     * (Z = 1..54) and uranium: see DiracAtomSolverTest.
     */
    public static RadialDiscretization discretizationFor(double tolerance) {
        return tolerance >= 1e-6 ? RadialDiscretization.of(50, 2e4, 12, 10) : RadialDiscretization.of(50, 2e5, 12, 15);
    }

    /**
     * Solves the atom.
     *
     * @param z        nuclear charge, 1 <= Z < c sqrt(3)/2 (the squared Hamiltonian's reach)
     * @param orbitals the occupied subshells, each (n, kappa) once, in the order results are reported
     * @throws ScfNotConvergedException if the SCF iteration does not converge in maxIterations
     * @throws IllegalArgumentException if Z is out of range, a subshell repeats, or no electron is given
     */
    public DiracAtomSolution solve(int z, List<DiracOrbital> orbitals) {
        if (z < 1) {
            throw new IllegalArgumentException("Z = " + z + " must be >= 1");
        }
        Set<DiracState> seen = new HashSet<>();
        double electrons = 0;
        for (DiracOrbital o : orbitals) {
            if (!seen.add(new DiracState(o.n(), o.kappa()))) {
                throw new IllegalArgumentException("subshell n = " + o.n() + ", kappa = " + o.kappa() + " appears twice");
            }
            electrons += o.occupation();
        }
        if (!(electrons > 0)) {
            throw new IllegalArgumentException("the orbitals hold " + electrons + " electrons; need > 0");
        }
        RadialDiscretization d = discretization != null ? discretization : discretizationFor(tolerance);
        return new Run(z, List.copyOf(orbitals), d).solve();
    }

    /**
     * Solves NIST's RLDA configuration of Z ({@link NistConfigurations#rlda(int)}: every (n, l) shell
     * split over j = l - 1/2 and l + 1/2 exactly as 2l : 2l + 2; with the file's four decimals
     * instead, uranium's 5f5/2 would hold 1.2857 instead of 18/14 electrons and its total energy
     * would move by 4.4e-7 Ha, 44 times the 1e-8 target).
     *
     * @throws IllegalArgumentException if Z is outside 1..92
     */
    public DiracAtomSolution solveNist(int z) {
        return solve(z, NistConfigurations.rlda(z));
    }

    /**
     * The relativistic subshells of a nonrelativistic configuration, for {@link #solve(int, List)}: each
     * (n, l) occupation f split over j = l - 1/2 (kappa = l) and j = l + 1/2 (kappa = -l - 1) as
     * 2l : 2l + 2, that is f 2l / (4l + 2) and f (2l + 2) / (4l + 2) (the spherical average of the
     * shell, NIST's convention), the j = l - 1/2 part first; an s shell whole as j = 1/2. For NIST's
     * configurations this is exactly {@link NistConfigurations#rlda(int)}.
     */
    public static List<DiracOrbital> splitByJ(Configuration config) {
        List<DiracOrbital> out = new ArrayList<>();
        for (Orbital o : config.orbitals()) {
            int l = o.l();
            double f = o.occupation();
            if (l == 0) {
                out.add(new DiracOrbital(o.n(), 0, -1, f));
            } else {
                out.add(new DiracOrbital(o.n(), l, l, f * (2 * l) / (4 * l + 2)));
                out.add(new DiracOrbital(o.n(), l, -l - 1, f * (2 * l + 2) / (4 * l + 2)));
            }
        }
        return out;
    }

    /** Builder of {@link DiracAtomSolver}. */
    public static final class Builder {
        private double tolerance = DEFAULT_TOLERANCE;
        private double c = DiracCoulomb.SPEED_OF_LIGHT;
        private RadialDiscretization discretization;
        private ExchangeCorrelation functional;
        private int maxIterations = 200;
        private double mixing = 0.4;
        private int history = 8;
        private ScfMonitor monitor;

        private Builder() {
        }

        /** Accuracy target (Hartree), in [1e-11, 1e-2]: it picks the discretization and the SCF stopping tolerance. */
        public Builder tolerance(double t) {
            if (!(t >= 1e-11 && t <= 1e-2)) {
                throw new IllegalArgumentException("tolerance = " + t + " must be in [1e-11, 1e-2]");
            }
            this.tolerance = t;
            return this;
        }

        /** Speed of light (default 137.0359895); also used by the default functional's MacDonald-Vosko factor. */
        public Builder speedOfLight(double speed) {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed of light = " + speed + " must be a finite number > 0");
            }
            this.c = speed;
            return this;
        }

        /** A discretization of your own instead of {@link #discretizationFor(double)}. */
        public Builder discretization(RadialDiscretization d) {
            this.discretization = d;
            return this;
        }

        /** The exchange-correlation functional (default: RLDA with this builder's speed of light). */
        public Builder functional(ExchangeCorrelation f) {
            this.functional = f;
            return this;
        }

        /** Largest number of SCF iterations, >= 1 (default 200). */
        public Builder maxIterations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxIterations = " + n + " must be >= 1");
            }
            this.maxIterations = n;
            return this;
        }

        /** Anderson mixing: linear parameter in (0, 1] and history length >= 0. */
        public Builder mixing(double beta, int historyLength) {
            AndersonMixer.checkParameters(beta, historyLength);
            this.mixing = beta;
            this.history = historyLength;
            return this;
        }

        /** Progress callback (null: none). */
        public Builder monitor(ScfMonitor m) {
            this.monitor = m;
            return this;
        }

        /** The solver. */
        public DiracAtomSolver build() {
            return new DiracAtomSolver(this);
        }
    }

    /** One solve: all the mutable state of the SCF iteration. */
    private final class Run {
        private final List<DiracOrbital> config;
        private final RadialDiscretization disc;
        private final RadialDiracSolver dirac;
        private final int z;
        private final double electrons;
        private final double rmax;
        private final double firstLength;
        private final int q;
        /** Occupied kappas, ascending, and per kappa: state count, occupations, energies, spectra. */
        private final int[] kappas;
        private final double[][] occ;
        private final double[][] eig;
        private final DiracSpectrum[] spectra;
        /** Per |kappa| (index |kappa|): the quadrature, gamma, and where its points sit in the union. */
        private final ElementQuadrature[] quad;
        private final double[] gamma;
        private final int[][] index;
        private final int npts;
        private final double[] r;
        private final double[] mixWeights;
        /** Poisson: the orbitals' space (natural at 0, Dirichlet at rmax) and the factor of its r^2 stiffness. */
        private final LagrangeSpace1D spaceU;
        private final double[] stiffnessFactor;
        private final int kdU;
        private final Kernels kernels = KernelProvider.get();

        Run(int z, List<DiracOrbital> config, RadialDiscretization disc) {
            this.config = config;
            this.disc = disc;
            this.dirac = new RadialDiracSolver(disc, c);
            this.z = z;
            double sum = 0;
            for (DiracOrbital o : config) {
                sum += o.occupation();
            }
            this.electrons = sum;
            this.rmax = disc.rmax();
            this.firstLength = dirac.space().mesh().length(0);
            this.q = disc.quadraturePoints();
            Map<Integer, Integer> counts = new TreeMap<>();
            for (DiracOrbital o : config) {
                DiracState s = new DiracState(o.n(), o.kappa());
                counts.merge(s.kappa(), s.indexInKappa() + 1, Math::max);
            }
            kappas = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
            occ = new double[kappas.length][];
            eig = new double[kappas.length][];
            spectra = new DiracSpectrum[kappas.length];
            int maxAbs = 1;
            for (int i = 0; i < kappas.length; i++) {
                occ[i] = new double[counts.get(kappas[i])];
                maxAbs = Math.max(maxAbs, Math.abs(kappas[i]));
            }
            for (DiracOrbital o : config) {
                occ[slot(o.kappa())][new DiracState(o.n(), o.kappa()).indexInKappa()] = o.occupation();
            }
            quad = new ElementQuadrature[maxAbs + 1];
                gamma = new double[maxAbs + 1];
            index = new int[maxAbs + 1][];
            spaceU = dirac.space();
            // The union of points: the |kappa| = 1 rule whole, then the first element of each other |kappa|.
            List<Integer> classes = new ArrayList<>();
            classes.add(1);
            for (int k : kappas) {
                if (Math.abs(k) > 1 && !classes.contains(Math.abs(k))) {
                    classes.add(Math.abs(k));
                }
            }
            int master = 0;
            int total = 0;
            for (int a : classes) {
                quad[a] = dirac.quadrature(a, z);
                gamma[a] = DiracCoulomb.beta(a, z, c) - (a - 1);
                total += a == 1 ? quad[a].size() : q;
            }
            npts = total;
            r = new double[npts];
            mixWeights = new double[npts];
            int next = quad[1].size();
            for (int a : classes) {
                ElementQuadrature qa = quad[a];
                index[a] = new int[qa.size()];
                for (int i = 0; i < qa.size(); i++) {
                    int at = a == 1 || i >= q ? i : next + i;
                    index[a][i] = at;
                    r[at] = qa.point(i);
                    mixWeights[at] = qa.weight(i);
                }
                if (a != 1) {
                    next += q;
                }
            }
            SymmetricBandMatrix k = Assembly1D.stiffness(ElementQuadrature.gaussLegendre(spaceU, q), 2);
            kdU = k.bandwidth();
            stiffnessFactor = k.data().clone();
            if (kernels.pbtrf(spaceU.dofs(), kdU, stiffnessFactor, k.ldab()) != 0) {
                throw new IllegalStateException("Poisson stiffness matrix is not positive definite");
            }
        }

        private int slot(int kappa) {
            int i = Arrays.binarySearch(kappas, kappa);
            if (i < 0) {
                throw new IllegalStateException("kappa " + kappa + " is not occupied");
            }
            return i;
        }

        DiracAtomSolution solve() {
            double[] vin = thomasFermi();
            AndersonMixer mixer = new AndersonMixer(npts, mixing, history, mixWeights);
            List<Double> residuals = new ArrayList<>();
            double[] previous = null;
            double previousTotal = Double.NaN;
            double best = Double.POSITIVE_INFINITY;
            // Eigenvalues move first order in the potential error, the total energy second order (it is
            // variational in V_in): the potential residual may stay 100 times above the energy target.
            double residualTol = 10 * tolerance;
            double changeTol = 0.1 * tolerance;
            for (int it = 1; it <= maxIterations; it++) {
                solveOrbitals(vin);
                double[] vout = new double[npts];
                Energies energies = densityPotentialAndEnergies(vin, vout);
                double res = 0;
                for (int k = 0; k < npts; k++) {
                    double dv = vout[k] - vin[k];
                    res += mixWeights[k] * dv * dv;
                }
                res = Math.sqrt(res);
                residuals.add(res);
                double[] flat = flatEigenvalues();
                double change = Double.POSITIVE_INFINITY;
                boolean settled = previous != null && Math.abs(energies.total() - previousTotal) < changeTol;
                if (previous != null) {
                    change = 0;
                    for (int i = 0; i < flat.length; i++) {
                        double d = Math.abs(flat[i] - previous[i]);
                        change = Math.max(change, d);
                        // Deep levels (|E| ~ 4223 for U 1s) carry rounding noise of about 1e-13 |E|.
                        settled &= d < changeTol + 1e-13 * Math.abs(flat[i]);
                    }
                }
                previous = flat;
                previousTotal = energies.total();
                if (monitor != null) {
                    monitor.iteration(it, res, change, energies.total());
                }
                if (res < residualTol && settled) {
                    return result(energies, residuals, it);
                }
                // Anderson's least squares can amplify rounding once the residual is tiny: restart it
                // when the residual jumps far above the best one seen.
                if (res > 100 * best) {
                    mixer.reset();
                }
                best = Math.min(best, res);
                vin = mixer.next(vin, vout);
            }
            double[] h = residuals.stream().mapToDouble(Double::doubleValue).toArray();
            throw new ScfNotConvergedException("RLDA SCF for Z = " + z + " did not converge to " + tolerance
                    + " in " + maxIterations + " iterations", h);
        }

        /** Moliere's fit to the Thomas-Fermi screening: V_ee = Z (1 - phi(r/b)) / r (Z. Naturforsch. A 2, 133 (1947)). */
        private double[] thomasFermi() {
            double b = 0.5 * Math.pow(0.75 * Math.PI, 2.0 / 3.0) * Math.pow(z, -1.0 / 3.0);
            double[] v = new double[npts];
            for (int k = 0; k < npts; k++) {
                double x = r[k] / b;
                double phi = 0.35 * Math.exp(-0.3 * x) + 0.55 * Math.exp(-1.2 * x) + 0.10 * Math.exp(-6 * x);
                v[k] = z * (1 - phi) / r[k];
            }
            return v;
        }

        private void solveOrbitals(double[] vee) {
            // By l (then kappa), so that the first iteration's guesses for a kappa come from levels already
            // solved in this pass (see coldGuesses); later iterations use the previous iteration's levels.
            Integer[] order = new Integer[kappas.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(i -> DiracState.l(kappas[i])).thenComparingInt(i -> kappas[i]));
            boolean[] solved = new boolean[kappas.length];
            for (int i : order) {
                int a = Math.abs(kappas[i]);
                ElementQuadrature qa = quad[a];
                double[] rv = new double[qa.size()];
                for (int k = 0; k < rv.length; k++) {
                    rv[k] = -z + qa.point(k) * vee[index[a][k]];
                }
                double[] guesses = spectra[i] == null ? coldGuesses(i, solved) : spectra[i].energies();
                spectra[i] = dirac.solve(kappas[i], z, rv, occ[i].length, guesses);
                eig[i] = spectra[i].energies();
                solved[i] = true;
            }
        }

        /**
         * First-iteration guesses for the levels of kappa i (state k has n = l + 1 + k): the levels of
         * the other kappa of the same l if solved (the spin-orbit partner, equal but for the splitting),
         * else those of l - 1 with the same n (the centrifugal term raises them), else hydrogen-like
         * -0.45 Z^2 / n^2. The eigensolver's Sturm counts correct poor guesses; good ones spare the
         * first iteration its unhinted spectrum slicing.
         */
        private double[] coldGuesses(int i, boolean[] solved) {
            int l = DiracState.l(kappas[i]);
            int count = occ[i].length;
            double[] from = null;
            int shift = 0;
            for (int j = 0; j < kappas.length; j++) {
                if (solved[j] && DiracState.l(kappas[j]) == l) {
                    from = eig[j];
                    shift = 0;
                    break;
                }
                if (solved[j] && DiracState.l(kappas[j]) == l - 1) {
                    from = eig[j];
                    shift = 1;
                }
            }
            double[] g = new double[count];
            for (int k = 0; k < count; k++) {
                int n = l + 1 + k;
                g[k] = from != null && k + shift < from.length ? from[k + shift] : -0.45 * z * z / ((double) n * n);
                if (k > 0 && !(g[k] > g[k - 1])) {
                    g[k] = g[k - 1] * ((double) (n - 1) * (n - 1) / ((double) n * n));
                }
            }
            return g;
        }

        /** Fills vout = V_H + V_xc at the union points and returns the energies for the input potential vin. */
        private Energies densityPotentialAndEnergies(double[] vin, double[] vout) {
            double[] rho = new double[npts];
            double[] load = new double[spaceU.dofs()];
            // measure[i][k][point] = the orbital's quadrature measure: sum_point measure h(point) = integral rho_k h dr.
            double[][][] measure = new double[kappas.length][][];
            double[] fv = new double[quad[1].size()];
            double[] gv = new double[quad[1].size()];
            double bandSum = 0;
            for (int i = 0; i < kappas.length; i++) {
                int a = Math.abs(kappas[i]);
                measure[i] = new double[occ[i].length][];
                for (int k = 0; k < occ[i].length; k++) {
                    double f = occ[i][k];
                    bandSum += f * eig[i][k];
                    // The orbital at its own points: measure for integrals, and its share of rho there.
                    ElementQuadrature qa = quad[a];
                    double[] fc = spectra[i].largeCoefficients(k);
                    double[] gc = spectra[i].smallCoefficients(k);
                    qa.values(fc, fv);
                    qa.values(gc, gv);
                    double[] m = new double[qa.size()];
                    double scale0 = Math.pow(firstLength, -2 * gamma[a]);
                    for (int p = 0; p < qa.size(); p++) {
                        double d = fv[p] * fv[p] + gv[p] * gv[p];
                        double rp = qa.point(p);
                        m[p] = p < q ? qa.weight(p) * scale0 * rp * rp * d : qa.weight(p) * d;
                    }
                    measure[i][k] = m;
                    // rho from this orbital: at the shared points of elements 2..N and its own first-element
                    // points from the values above; at the other |kappa|'s first-element points from the
                    // basis tables of element 0.
                    double twoGamma = 2 * gamma[a];
                    for (int p = 0; p < qa.size(); p++) {
                        double s2 = p < q ? Math.pow(qa.point(p) / firstLength, twoGamma) : 1.0;
                        rho[index[a][p]] += f * s2 * (fv[p] * fv[p] + gv[p] * gv[p]);
                    }
                    for (int b = 1; b < quad.length; b++) {
                        if (quad[b] == null || b == a) {
                            continue;
                        }
                        double[] table = quad[b].valuesTable(0);
                        for (int p = 0; p < q; p++) {
                            double fp = 0;
                            double gp = 0;
                            for (int j = 0; j <= disc.order(); j++) {
                                int dof = spaceU.dof(0, j);
                                if (dof >= 0) {
                                    double phi = table[j * q + p];
                                    fp += fc[dof] * phi;
                                    gp += gc[dof] * phi;
                                }
                            }
                            double s2 = Math.pow(quad[b].point(p) / firstLength, twoGamma);
                            rho[index[b][p]] += f * s2 * (fp * fp + gp * gp);
                        }
                    }
                    // Poisson load b_j = integral phi_j rho dr, with the orbital's own measure.
                    for (int e = 0; e < spaceU.mesh().elements(); e++) {
                        for (int j = 0; j <= disc.order(); j++) {
                            int dof = spaceU.dof(e, j);
                            if (dof < 0) {
                                continue;
                            }
                            double sum = 0;
                            for (int p = 0; p < q; p++) {
                                int at = e * q + p;
                                sum += m[at] * qa.basisValue(e, j, p);
                            }
                            load[dof] += f * sum;
                        }
                    }
                }
            }
            kernels.pbtrs(spaceU.dofs(), kdU, stiffnessFactor, kdU + 1, load, 1, spaceU.dofs());
            // V_H at every point: the FE solution plus the lifting N / rmax (a constant: no load).
            double[] vh = new double[npts];
            for (int b = 1; b < quad.length; b++) {
                if (quad[b] == null) {
                    continue;
                }
                double[] u = new double[quad[b].size()];
                quad[b].values(load, u);
                int limit = b == 1 ? u.length : q;
                for (int p = 0; p < limit; p++) {
                    vh[index[b][p]] = u[p] + electrons / rmax;
                }
            }
            double[] n = new double[npts];
            for (int p = 0; p < npts; p++) {
                n[p] = rho[p] / (4 * Math.PI * r[p] * r[p]);
            }
            double[] exc = new double[npts];
            double[] vxc = new double[npts];
            functional.evaluate(n, exc, vxc, npts);
            for (int p = 0; p < npts; p++) {
                vout[p] = vh[p] + vxc[p];
            }
            double een = 0;
            double eh = 0;
            double exch = 0;
            double potential = 0;
            for (int i = 0; i < kappas.length; i++) {
                int a = Math.abs(kappas[i]);
                for (int k = 0; k < occ[i].length; k++) {
                    double f = occ[i][k];
                    double[] m = measure[i][k];
                    double sEn = 0;
                    double sH = 0;
                    double sXc = 0;
                    double sIn = 0;
                    for (int p = 0; p < m.length; p++) {
                        int at = index[a][p];
                        sEn += m[p] / r[at];
                        sH += m[p] * vh[at];
                        sXc += m[p] * exc[at];
                        sIn += m[p] * vin[at];
                    }
                    een -= z * f * sEn;
                    eh += 0.5 * f * sH;
                    exch += f * sXc;
                    potential += f * sIn;
                }
            }
            double kinetic = bandSum - potential - een;
            return new Energies(kinetic + eh + een + exch, kinetic, eh, een, exch);
        }

        private double[] flatEigenvalues() {
            double[] e = new double[config.size()];
            for (int i = 0; i < e.length; i++) {
                DiracState s = new DiracState(config.get(i).n(), config.get(i).kappa());
                e[i] = eig[slot(s.kappa())][s.indexInKappa()];
            }
            return e;
        }

        private DiracAtomSolution result(Energies energies, List<Double> residuals, int iterations) {
            List<DiracAtomSolution.OrbitalEnergy> list = new ArrayList<>();
            for (DiracOrbital o : config) {
                DiracState s = new DiracState(o.n(), o.kappa());
                list.add(new DiracAtomSolution.OrbitalEnergy(s, o.occupation(), eig[slot(s.kappa())][s.indexInKappa()]));
            }
            double[] h = residuals.stream().mapToDouble(Double::doubleValue).toArray();
            return new DiracAtomSolution(z, functional.name(), energies, list, iterations, h, disc, dirac.size());
        }
    }
}
