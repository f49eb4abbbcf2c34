package org.elementa.atomic.dirac;

import java.util.function.DoubleUnaryOperator;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import org.elementa.fem.linalg.GeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;

/**
 * Radial Dirac equation in a central potential by high-order finite elements and the squared
 * Hamiltonian, free of spurious states.
 *
 * <h2>Equation</h2>
 * In Hartree atomic units, with the large and small radial components P(r), Q(r) (the orbital is
 * (P/r) times a spin-angular function, normalized so that the integral of P^2 + Q^2 over r is 1),
 * the radial Dirac equation for angular quantum number kappa is H x = W x with x = (P, Q),
 * W = E + c^2 the energy including the rest energy, and
 * <pre>
 *   H = [ V + c^2             c (-d/dr + kappa/r) ]
 *       [ c (d/dr + kappa/r)  V - c^2             ]
 * </pre>
 * H is symmetric (the two off-diagonal operators are adjoint to each other when P and Q vanish at
 * both ends) but unbounded below, so a Galerkin method applied to H directly has no variational
 * principle and produces spurious eigenvalues among the physical ones.
 *
 * <h2>Squared Hamiltonian (no spurious states)</h2>
 * Following Čertík, Pask, Fernando, Goswami, Sukumar, Collins, Manzini, Vackář, "High-order finite
 * element method for atomic structure calculations", Comput. Phys. Commun. 297 (2024) 109051
 * (arXiv:2307.05856), we solve instead H^2 x = W^2 x. H^2 is non-negative, its weak form is the
 * least-squares form a(y, x) = integral of (H y).(H x) dr, which needs only first derivatives, and
 * the Rayleigh-Ritz method gives upper bounds that converge from above. The bound states have
 * 0 < W < c^2 and every continuum state has |W| >= c^2, so the bound states are exactly the
 * eigenvalues W^2 < c^4, in order, at the bottom of the spectrum: nothing spurious can appear below
 * them.
 *
 * <p>To keep the digits of E = W - c^2 (|E| is up to 10^8 times smaller than c^4), the c^4 part is
 * removed analytically: the discrete problem is B x = mu S x with B = A - c^4 S, mu = W^2 - c^4 =
 * E (E + 2c^2), and E = mu / (c^2 + sqrt(c^4 + mu)).
 *
 * <h2>Behaviour at the origin</h2>
 * For a potential with r V(r) -> -Z at the origin (point nucleus) the solutions behave as
 * P, Q ~ r^beta with beta = sqrt(kappa^2 - (Z/c)^2): for kappa = +-1 and heavy atoms beta < 1, the
 * derivatives are infinite at r = 0 and plain polynomials converge slowly. On the first element
 * [0, r_1] we therefore write P = s f, Q = s g with s(r) = (r/r_1)^beta and f, g polynomials (free at
 * r = 0); elsewhere s = 1. s = 1 at r_1, so the trial functions stay continuous. With
 * b = beta on the first element and b = 0 elsewhere,
 * <pre>
 *   (H x)_1 = (s/r) [ (r V + c^2 r) f + c (kappa - b) g - c r g' ]
 *   (H x)_2 = (s/r) [ c (kappa + b) f + c r f' + (r V - c^2 r) g ]
 * </pre>
 * Writing a1 = r V f + c (kappa - b) g - c r g' and a2 = c (kappa + b) f + c r f' + r V g (the parts
 * without c^2 r), the matrix entries for basis pairs x_i = (f_i, g_i), x_j = (f_j, g_j) are
 * <pre>
 *   B_ij = integral (s/r)^2 [ a1_i a1_j + a2_i a2_j + c^2 r (f_i a1_j + f_j a1_i - g_i a2_j - g_j a2_i) ] dr
 *   S_ij = integral s^2 [ f_i f_j + g_i g_j ] dr
 * </pre>
 * On the first element the weight (s/r)^2 = (r/r_1)^(2 beta - 2) / r_1^2 is integrated exactly by
 * Gauss-Jacobi quadrature with the weight (1+x)^(2 beta - 2) (this needs 2 beta - 2 > -1, that is
 * beta > 1/2, Z/c < sqrt(3)/2 for kappa = +-1); on the others by Gauss-Legendre quadrature, the
 * integrands being smooth there. Since the exact solution is r^beta times an analytic function,
 * kappa = +-1 converges as fast as every other kappa.
 *
 * <h2>Discretization</h2>
 * Continuous Lagrange elements of order p on Gauss-Lobatto nodes over a {@link RadialMesh}; f and g
 * vanish at rmax (Dirichlet) and are free at r = 0. The unknowns of the two components are
 * interleaved node by node, so B and S are banded with half-bandwidth 2p + 1.
 *
 * <p>The potential enters as r V(r), a smooth function for an atom (-Z at the origin). The nuclear
 * charge Z given to {@link #solve} sets beta and must be -r V(0).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RadialDiracSolver {

    /** Extra quadrature points over p + 1 on each element: the 1/r^2 weight and r V are not polynomials. */
    private static final int EXTRA_POINTS = 10;

    private final RadialMesh mesh;
    private final double c;
    private final GeneralizedEigensolver eigensolver;
    private final double[] boundaries;
    private final int p;
    private final int points;
    private final double[] lobatto;
    private final double[] legendreX;
    private final double[] legendreW;
    private final double[][] legendreValue;
    private final double[][] legendreSlope;

    /** A solver on {@code mesh} with speed of light c, using the EJML dense generalized eigensolver. */
    public RadialDiracSolver(RadialMesh mesh, double c) {
        this(mesh, c, new EjmlGeneralizedEigensolver());
    }

    /**
     * A solver on {@code mesh} with speed of light c and the given generalized eigensolver.
     *
     * @throws IllegalArgumentException when c is not a finite number > 0
     */
    public RadialDiracSolver(RadialMesh mesh, double c, GeneralizedEigensolver eigensolver) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c = " + c + " must be a finite number > 0");
        }
        this.mesh = java.util.Objects.requireNonNull(mesh, "mesh");
        this.eigensolver = java.util.Objects.requireNonNull(eigensolver, "eigensolver");
        this.c = c;
        this.boundaries = mesh.boundaries();
        this.p = mesh.order();
        this.points = p + 1 + EXTRA_POINTS;
        this.lobatto = GaussRules.lobattoNodes(p + 1);
        double[][] rule = GaussRules.legendre(points);
        this.legendreX = rule[0];
        this.legendreW = rule[1];
        this.legendreValue = new double[points][];
        this.legendreSlope = new double[points][];
        for (int q = 0; q < points; q++) {
            legendreValue[q] = lagrangeValues(legendreX[q]);
            legendreSlope[q] = lagrangeSlopes(legendreX[q]);
        }
    }

    /** The mesh. */
    public RadialMesh mesh() {
        return mesh;
    }

    /** The speed of light. */
    public double speedOfLight() {
        return c;
    }

    /** Number of unknowns of the discrete problem, 2 N p. */
    public int size() {
        return 2 * mesh.elements() * p;
    }

    /**
     * The {@code count} lowest states of the point-nucleus Coulomb potential V = -Z/r.
     *
     * @see #solve(int, double, DoubleUnaryOperator, int)
     */
    public DiracSpectrum solveCoulomb(int kappa, double z, int count) {
        return solve(kappa, z, r -> -z, count);
    }

    /**
     * The {@code count} lowest eigenstates of kappa in the potential V(r) = rV(r) / r.
     *
     * @param kappa relativistic angular quantum number, kappa != 0
     * @param z     nuclear charge, -rV(0); sets the exponent beta at the origin; 0 <= Z < c sqrt(3)/2
     * @param rV    r V(r), smooth on [0, rmax]
     * @param count number of states, in [1, size()]
     * @throws IllegalArgumentException naming the parameter outside its range
     * @throws org.elementa.fem.linalg.EigenSolverException when the eigensolver fails
     */
    public DiracSpectrum solve(int kappa, double z, DoubleUnaryOperator rV, int count) {
        double beta = DiracCoulomb.beta(kappa, z, c);
        if (!(2 * beta - 2 > -1)) {
            throw new IllegalArgumentException("Z = " + z + " gives beta = " + beta + " for kappa = " + kappa
                    + "; the squared Hamiltonian needs beta > 1/2, that is Z < c sqrt(3)/2 = " + c * Math.sqrt(0.75));
        }
        int n = size();
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("count = " + count + " must be in [1, " + n + "]");
        }
        SymmetricBandMatrix bm = new SymmetricBandMatrix(n, Math.min(2 * p + 1, n - 1));
        SymmetricBandMatrix sm = new SymmetricBandMatrix(n, Math.min(2 * p + 1, n - 1));
        assemble(kappa, beta, rV, bm, sm);
        EigenResult eig = eigensolver.lowest(bm, sm, count);
        double c2 = c * c;
        double[] energies = new double[count];
        for (int k = 0; k < count; k++) {
            // The eigensolver's eigenvalue carries an absolute error of order eps * largest eigenvalue; its
            // eigenvector is better, and the Rayleigh quotient of it is accurate to the square of the
            // vector's error (measured: the floor for the 1s of Z = 92 drops from ~1e-9 to ~3e-11 Ha).
            double[] x = eig.vector(k);
            double mu = quadraticForm(bm, x) / quadraticForm(sm, x);
            double w2 = c2 * c2 + mu;
            if (!(w2 > 0)) {
                throw new IllegalStateException("eigenvalue " + k + " of kappa " + kappa + " gives W^2 = " + w2
                        + " <= 0: the discretization is too coarse for this potential");
            }
            energies[k] = mu / (c2 + Math.sqrt(w2));
        }
        return new DiracSpectrum(this, kappa, beta, energies, eig.vectors(), n);
    }

    /**
     * x^T A x for a symmetric band matrix, as the dot product of x with y = A x: each component of
     * A x cancels locally (the rows of a stiffness-like matrix nearly sum to zero against a smooth x),
     * which keeps the rounding far below that of summing the entries x_i A_ij x_j in one sum.
     */
    private static double quadraticForm(SymmetricBandMatrix a, double[] x) {
        int n = a.size();
        int kd = a.bandwidth();
        int ld = a.ldab();
        double[] d = a.data();
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            int base = j * ld;
            double xj = x[j];
            double sum = d[base] * xj;
            int last = Math.min(n - 1, j + kd);
            for (int i = j + 1; i <= last; i++) {
                double aij = d[base + i - j];
                sum += aij * x[i];
                y[i] += aij * xj;
            }
            y[j] += sum;
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += x[i] * y[i];
        }
        return q;
    }

    private void assemble(int kappa, double beta, DoubleUnaryOperator rV, SymmetricBandMatrix bm,
                          SymmetricBandMatrix sm) {
        int nodesPerElement = p + 1;
        int local = 2 * nodesPerElement;
        int lastNode = mesh.elements() * p;
        double c2 = c * c;
        // The first element's rule carries the weight (1+x)^(2 beta - 2) of P, Q ~ r^beta.
        double[][] jac = GaussRules.jacobiRight(points, 2 * beta - 2);
        double[] a1 = new double[local];
        double[] a2 = new double[local];
        double[] fv = new double[local];
        double[] gv = new double[local];
        double[] be = new double[local * local];
        double[] se = new double[local * local];
        for (int e = 0; e < mesh.elements(); e++) {
            double r0 = boundaries[e];
            double h = boundaries[e + 1] - r0;
            double b = e == 0 ? beta : 0.0;
            java.util.Arrays.fill(be, 0);
            java.util.Arrays.fill(se, 0);
            for (int q = 0; q < points; q++) {
                double x;
                double weight;
                double[] val;
                double[] slope;
                if (e == 0) {
                    x = jac[0][q];
                    weight = jac[1][q] * Math.pow(2, 1 - 2 * beta) / h;
                    val = lagrangeValues(x);
                    slope = lagrangeSlopes(x);
                } else {
                    x = legendreX[q];
                    double r = r0 + 0.5 * h * (1 + x);
                    weight = legendreW[q] * 0.5 * h / (r * r);
                    val = legendreValue[q];
                    slope = legendreSlope[q];
                }
                double r = r0 + 0.5 * h * (1 + x);
                double rv = rV.applyAsDouble(r);
                double dxdr = 2 / h;
                for (int a = 0; a < nodesPerElement; a++) {
                    double phi = val[a];
                    double dphi = slope[a] * dxdr;
                    int fi = 2 * a;
                    int gi = 2 * a + 1;
                    fv[fi] = phi;
                    gv[fi] = 0;
                    a1[fi] = rv * phi;
                    a2[fi] = c * (kappa + b) * phi + c * r * dphi;
                    fv[gi] = 0;
                    gv[gi] = phi;
                    a1[gi] = c * (kappa - b) * phi - c * r * dphi;
                    a2[gi] = rv * phi;
                }
                double wc = weight * c2 * r;
                double ws = weight * r * r;
                for (int j = 0; j < local; j++) {
                    for (int i = j; i < local; i++) {
                        be[i + j * local] += weight * (a1[i] * a1[j] + a2[i] * a2[j])
                                + wc * (fv[i] * a1[j] + fv[j] * a1[i] - gv[i] * a2[j] - gv[j] * a2[i]);
                        se[i + j * local] += ws * (fv[i] * fv[j] + gv[i] * gv[j]);
                    }
                }
            }
            for (int j = 0; j < local; j++) {
                int nodeJ = e * p + j / 2;
                if (nodeJ == lastNode) {
                    continue;
                }
                int gj = 2 * nodeJ + (j & 1);
                for (int i = j; i < local; i++) {
                    int nodeI = e * p + i / 2;
                    if (nodeI == lastNode) {
                        continue;
                    }
                    int gi = 2 * nodeI + (i & 1);
                    bm.add(gi, gj, be[i + j * local]);
                    if (se[i + j * local] != 0) {
                        sm.add(gi, gj, se[i + j * local]);
                    }
                }
            }
        }
    }

    /** Values of the p + 1 Lagrange polynomials on the Lobatto nodes at reference point x. */
    double[] lagrangeValues(double x) {
        int m = lobatto.length;
        double[] v = new double[m];
        for (int j = 0; j < m; j++) {
            double prod = 1;
            for (int k = 0; k < m; k++) {
                if (k != j) {
                    prod *= (x - lobatto[k]) / (lobatto[j] - lobatto[k]);
                }
            }
            v[j] = prod;
        }
        return v;
    }

    /** Derivatives d/dx of the p + 1 Lagrange polynomials at reference point x. */
    double[] lagrangeSlopes(double x) {
        int m = lobatto.length;
        double[] d = new double[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                if (k == j) {
                    continue;
                }
                double prod = 1 / (lobatto[j] - lobatto[k]);
                for (int i = 0; i < m; i++) {
                    if (i != j && i != k) {
                        prod *= (x - lobatto[i]) / (lobatto[j] - lobatto[i]);
                    }
                }
                sum += prod;
            }
            d[j] = sum;
        }
        return d;
    }

    /** P(r) and Q(r) of the eigenvector column k of {@code vectors} (n rows), for {@link DiracSpectrum}. */
    double[] evaluate(double[] vectors, int n, int k, double beta, double r) {
        if (!(r >= 0 && r <= mesh.rmax())) {
            throw new IllegalArgumentException("r = " + r + " must be in [0, rmax = " + mesh.rmax() + "]");
        }
        int e = java.util.Arrays.binarySearch(boundaries, r);
        if (e < 0) {
            e = -e - 2;
        }
        e = Math.min(Math.max(e, 0), mesh.elements() - 1);
        double r0 = boundaries[e];
        double h = boundaries[e + 1] - r0;
        double x = Math.max(-1, Math.min(1, 2 * (r - r0) / h - 1));
        double[] val = lagrangeValues(x);
        double f = 0;
        double g = 0;
        int lastNode = mesh.elements() * p;
        for (int a = 0; a <= p; a++) {
            int node = e * p + a;
            if (node == lastNode) {
                continue;
            }
            f += val[a] * vectors[2 * node + k * n];
            g += val[a] * vectors[2 * node + 1 + k * n];
        }
        double s = e == 0 ? Math.pow(r / h, beta) : 1.0;
        return new double[] {s * f, s * g};
    }
}
