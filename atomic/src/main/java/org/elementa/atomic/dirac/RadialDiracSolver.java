package org.elementa.atomic.dirac;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.EigenSolverException;
import org.elementa.fem.linalg.GeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.mesh.Mesh1D;
import org.elementa.fem.space.BoundaryCondition;
import org.elementa.fem.space.ElementQuadrature;
import org.elementa.fem.space.LagrangeSpace1D;

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
 * [0, r_1] we therefore write P = s f, Q = s g with s(r) = (r/r_1)^gamma, gamma = beta - (|kappa| - 1),
 * and f, g polynomials (free at r = 0); elsewhere s = 1. Then f, g ~ r^(|kappa| - 1) times an
 * analytic function: polynomials approximate them to exponential accuracy for every kappa, and
 * gamma lies in (1/2, 1], so the weights stay of moderate size (with s = (r/r_1)^beta itself the
 * mass of the first node would be of order p^(-4 beta - 2), about 1e-30 for kappa = -6 and p = 14, and the pencil
 * needlessly ill-scaled). s = 1 at r_1, so the trial functions stay continuous. With b = gamma on
 * the first element and b = 0 elsewhere,
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
 * On the first element the weight (s/r)^2 = (r/r_1)^(2 gamma - 2) / r_1^2 is integrated exactly by
 * Gauss-Jacobi quadrature with the weight (1+x)^(2 gamma - 2) (this needs gamma > 1/2: for
 * kappa = +-1, Z/c < sqrt(3)/2); on the others by Gauss-Legendre quadrature, the integrands being
 * smooth there. Since the exact solution is r^beta times an analytic function, kappa = +-1
 * converges as fast as every other kappa.
 *
 * <h2>Discretization</h2>
 * Continuous Lagrange elements of order p on Gauss-Lobatto nodes ({@link LagrangeSpace1D}) over the
 * exponential mesh of a {@link RadialDiscretization}; f and g vanish at rmax (Dirichlet) and are
 * free at r = 0. The unknowns of the two components are interleaved node by node (unknown 2i is f
 * and 2i + 1 is g at the space's dof i), so B and S are banded with half-bandwidth 2p + 1. The
 * energies reported are the Rayleigh quotients x^T B x / x^T S x of the computed eigenvectors, which
 * removes most of the eigensolver's rounding (for the 1s state of Z = 92 the floor drops from about
 * 1e-9 to 3e-11 Ha).
 *
 * <p>The potential enters as r V(r), a smooth function for an atom (-Z at the origin). The nuclear
 * charge Z given to {@link #solve} sets beta and must be -r V(0).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RadialDiracSolver {

    private final RadialDiscretization discretization;
    private final double c;
    private final GeneralizedEigensolver eigensolver;
    private final GeneralizedEigensolver fallback;
    private final LagrangeSpace1D space;
    private final Map<Long, ElementQuadrature> quadratures = new ConcurrentHashMap<>();
    /** Per (kappa, gamma): {B without the r V terms, S}, shared and never modified (copied before use). */
    private final Map<String, SymmetricBandMatrix[]> staticPencils = new ConcurrentHashMap<>();

    /**
     * A solver with speed of light c on the given discretization, with the engine's banded
     * eigensolver ({@link BandedGeneralizedEigensolver}) told the bound mu >= -c^4 of the squared
     * pencil and, should it fail, the dense one.
     */
    public RadialDiracSolver(RadialDiscretization discretization, double c) {
        this(discretization, c, squaredPencilEigensolver(c), new DenseGeneralizedEigensolver());
    }

    /** The banded eigensolver configured for the squared pencils {B, S} of speed of light c. */
    static BandedGeneralizedEigensolver squaredPencilEigensolver(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c = " + c + " must be a finite number > 0");
        }
        // mu = W^2 - c^4 >= -c^4 (W^2 > 0) is the Sturm anchor with no eigenvalue below it, so the
        // bisection never steps out to -||S^-1 B|| ~ -1e20. Tolerances relative to |mu| + c^2: the
        // bound-state mu are accurate relative to |mu| (|mu| from about c^2 to c^4), which the default
        // scale 1e-6 ||S^-1 B|| (1e14 here) would hide, leaving every hinted shift's side undecided.
        return new BandedGeneralizedEigensolver().withLowerBound(-c * c * c * c).withToleranceScale(c * c);
    }

    /**
     * A solver with speed of light c on the given discretization and eigensolver.
     *
     * @throws IllegalArgumentException when c is not a finite number > 0
     */
    public RadialDiracSolver(RadialDiscretization discretization, double c, GeneralizedEigensolver eigensolver) {
        this(discretization, c, eigensolver, null);
    }

    private RadialDiracSolver(RadialDiscretization discretization, double c, GeneralizedEigensolver eigensolver,
                              GeneralizedEigensolver fallback) {
        this.fallback = fallback;
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c = " + c + " must be a finite number > 0");
        }
        this.discretization = Objects.requireNonNull(discretization, "discretization");
        this.eigensolver = Objects.requireNonNull(eigensolver, "eigensolver");
        this.c = c;
        Mesh1D mesh = Mesh1D.exponential(0, discretization.rmax(), discretization.a(), discretization.elements());
        this.space = new LagrangeSpace1D(mesh, discretization.order(), BoundaryCondition.NATURAL,
                BoundaryCondition.DIRICHLET);
    }

    /** The discretization. */
    public RadialDiscretization discretization() {
        return discretization;
    }

    /** The scalar finite element space in which f and g (P and Q without the r^beta factor) live. */
    public LagrangeSpace1D space() {
        return space;
    }

    /** The speed of light. */
    public double speedOfLight() {
        return c;
    }

    /** Number of unknowns of the discrete problem, 2 N p. */
    public int size() {
        return 2 * space.dofs();
    }

    /**
     * The quadrature of kappa for nuclear charge Z: Gauss-Jacobi with weight r^(2 gamma - 2),
     * gamma = beta - |kappa| + 1, on the first element, Gauss-Legendre elsewhere. Potentials given
     * as arrays are r V at its points.
     *
     * @throws IllegalArgumentException when kappa = 0 or Z is out of range (see {@link #solve})
     */
    public ElementQuadrature quadrature(int kappa, double z) {
        double gamma = factorExponent(kappa, checkedBeta(kappa, z));
        return quadratures.computeIfAbsent(Double.doubleToLongBits(gamma), k -> ElementQuadrature
                .gaussLegendreWithJacobiFirst(space, discretization.quadraturePoints(), 2 * gamma - 2));
    }

    /** gamma = beta - (|kappa| - 1): the exponent of the first element's factor (r/r_1)^gamma. */
    private static double factorExponent(int kappa, double beta) {
        return beta - (Math.abs(kappa) - 1);
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
        ElementQuadrature quadrature = quadrature(kappa, z);
        double[] values = new double[quadrature.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rV.applyAsDouble(quadrature.point(i));
        }
        return solve(kappa, z, values, count, null);
    }

    /**
     * The {@code count} lowest eigenstates of kappa, with r V given at the points of
     * {@link #quadrature(int, double) quadrature(kappa, z)},
     * and optional energy guesses (previous eigenvalues in an SCF loop) that speed the eigensolver.
     *
     * @param guesses null, or approximate energies of the lowest guesses.length <= count states
     * @throws IllegalArgumentException naming the parameter outside its range, or when a value is not finite
     */
    public DiracSpectrum solve(int kappa, double z, double[] rVAtPoints, int count, double[] guesses) {
        double beta = checkedBeta(kappa, z);
        int n = size();
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("count = " + count + " must be in [1, " + n + "]");
        }
        double gamma = factorExponent(kappa, beta);
        ElementQuadrature quadrature = quadrature(kappa, z);
        if (rVAtPoints.length != quadrature.size()) {
            throw new IllegalArgumentException("rVAtPoints: length " + rVAtPoints.length + " but there are "
                    + quadrature.size() + " quadrature points");
        }
        for (int i = 0; i < rVAtPoints.length; i++) {
            if (!Double.isFinite(rVAtPoints[i])) {
                throw new IllegalArgumentException("r V(r = " + quadrature.point(i) + ") = " + rVAtPoints[i]
                        + " is not finite");
            }
        }
        double c2 = c * c;
        double[] hints = null;
        if (guesses != null) {
            if (guesses.length > count) {
                throw new IllegalArgumentException("guesses.length = " + guesses.length + " must be <= count = " + count);
            }
            hints = new double[guesses.length];
            for (int i = 0; i < guesses.length; i++) {
                if (!Double.isFinite(guesses[i])) {
                    throw new IllegalArgumentException("guesses[" + i + "] = " + guesses[i] + " must be finite");
                }
                hints[i] = guesses[i] * (guesses[i] + 2 * c2);
            }
        }
        SymmetricBandMatrix[] pencil = pencil(kappa, gamma, quadrature, rVAtPoints);
        SymmetricBandMatrix bm = pencil[0];
        SymmetricBandMatrix sm = pencil[1];
        EigenResult eig;
        try {
            eig = eigensolver.lowest(bm, sm, count, hints);
        } catch (EigenSolverException e) {
            if (fallback == null) {
                throw e;
            }
            // The banded shift-invert Lanczos can fail to certify its slice on these pencils (||S^-1 B||
            // reaches 1e16..1e22); the dense reference path always succeeds, at O(n^3).
            eig = fallback.lowest(bm, sm, count);
        }
        double[] energies = new double[count];
        double[][] f = new double[count][];
        double[][] g = new double[count][];
        double[] y = new double[n];
        for (int k = 0; k < count; k++) {
            // The eigensolver's eigenvalue carries an absolute error of order eps * largest eigenvalue; its
            // eigenvector is better, and the Rayleigh quotient of it is accurate to the square of the
            // vector's error.
            double[] x = eig.vector(k);
            double mu = quadraticForm(bm, x, y) / quadraticForm(sm, x, y);
            double w2 = c2 * c2 + mu;
            if (!(w2 > 0)) {
                throw new IllegalStateException("eigenvalue " + k + " of kappa " + kappa + " gives W^2 = " + w2
                        + " <= 0: the discretization is too coarse for this potential");
            }
            energies[k] = mu / (c2 + Math.sqrt(w2));
            int m = space.dofs();
            f[k] = new double[m];
            g[k] = new double[m];
            for (int i = 0; i < m; i++) {
                f[k][i] = x[2 * i];
                g[k][i] = x[2 * i + 1];
            }
        }
        return new DiracSpectrum(space, kappa, beta, gamma, energies, f, g);
    }

    /** The pencil {B, S} of kappa for the Coulomb potential of Z (for tests of eigensolvers). */
    SymmetricBandMatrix[] coulombPencil(int kappa, double z) {
        double beta = checkedBeta(kappa, z);
        ElementQuadrature quadrature = quadrature(kappa, z);
        double[] rv = new double[quadrature.size()];
        java.util.Arrays.fill(rv, -z);
        return pencil(kappa, factorExponent(kappa, beta), quadrature, rv);
    }

    /**
     * B and S for kappa and r V. The part of B that does not depend on r V (assemble with r V = 0) and
     * S are built once per (kappa, gamma) and cached: an SCF loop only adds the r V terms, which are
     * about a third of the work of the whole element matrices.
     */
    private SymmetricBandMatrix[] pencil(int kappa, double gamma, ElementQuadrature quadrature, double[] rv) {
        SymmetricBandMatrix[] fixed = staticPencils.computeIfAbsent(kappa + ":" + Double.doubleToLongBits(gamma), k -> {
            int n = size();
            int kd = Math.min(2 * discretization.order() + 1, n - 1);
            SymmetricBandMatrix b0 = new SymmetricBandMatrix(n, kd);
            SymmetricBandMatrix s0 = new SymmetricBandMatrix(n, kd);
            assemble(kappa, gamma, quadrature, new double[quadrature.size()], b0, s0);
            return new SymmetricBandMatrix[] {b0, s0};
        });
        SymmetricBandMatrix bm = fixed[0].copy();
        addPotential(kappa, gamma, quadrature, rv, bm);
        return new SymmetricBandMatrix[] {bm, fixed[1].copy()};
    }

    /**
     * Adds the r V terms of B. With r V = v at a point (weight w, wc = w c^2 r), the f-type parts
     * a1f = v phi and the g-type a2g = v phi are the only ones containing v, so the blocks gain
     * ff: (w v^2 + 2 wc v) phi_1 phi_2, gg: (w v^2 - 2 wc v) phi_1 phi_2,
     * gf: w v (a1g_1 phi_2 + phi_1 a2f_2), fg: w v (phi_1 a1g_2 + a2f_1 phi_2).
     */
    private void addPotential(int kappa, double gamma, ElementQuadrature quadrature, double[] rv, SymmetricBandMatrix bm) {
        // Each block is a sum over the element's points of products of two per-point vectors, so it is
        // a matrix product (A^T B with A, B points-by-nodes, the kernels' gemm) instead of a scalar
        // loop over point, row and column.
        int p = discretization.order();
        int nodes = p + 1;
        int local = 2 * nodes;
        int q = quadrature.pointsPerElement();
        int q2 = 2 * q;
        double c2 = c * c;
        double[] phi = new double[q * nodes];
        double[] uphi = new double[q * nodes];
        double[] vphi = new double[q * nodes];
        double[] gfA = new double[q2 * nodes];
        double[] gfB = new double[q2 * nodes];
        double[] fgA = new double[q2 * nodes];
        double[] fgB = new double[q2 * nodes];
        double[] ff = new double[nodes * nodes];
        double[] gg = new double[nodes * nodes];
        double[] gf = new double[nodes * nodes];
        double[] fg = new double[nodes * nodes];
        double[] be = new double[local * local];
        int[] dofs = new int[local];
        Kernels kernels = KernelProvider.get();
        double firstScale = Math.pow(space.mesh().length(0), -2 * gamma);
        for (int e = 0; e < space.mesh().elements(); e++) {
            double b = e == 0 ? gamma : 0.0;
            double dxdr = quadrature.inverseJacobian(e);
            double[] val = quadrature.valuesTable(e);
            double[] der = quadrature.derivativesTable(e);
            double cPlus = c * (kappa + b);
            double cMinus = c * (kappa - b);
            for (int k = 0; k < q; k++) {
                int i = e * q + k;
                double r = quadrature.point(i);
                double w = e == 0 ? quadrature.weight(i) * firstScale : quadrature.weight(i) / (r * r);
                double v = rv[i];
                double cr = c * r;
                double wc = w * c2 * r;
                double u = w * v * v + 2 * wc * v;
                double vv = w * v * v - 2 * wc * v;
                double t = w * v;
                for (int a = 0; a < nodes; a++) {
                    double f = val[a * q + k];
                    double df = der[a * q + k] * dxdr;
                    double a2f = cPlus * f + cr * df;
                    double a1g = cMinus * f - cr * df;
                    phi[a * q + k] = f;
                    uphi[a * q + k] = u * f;
                    vphi[a * q + k] = vv * f;
                    // gf(n1, n2) = sum t a1g_n1 phi_n2 + t phi_n1 a2f_n2; fg(n1, n2) = sum t phi_n1 a1g_n2 + t a2f_n1 phi_n2.
                    gfA[a * q2 + k] = t * a1g;
                    gfA[a * q2 + q + k] = t * f;
                    gfB[a * q2 + k] = f;
                    gfB[a * q2 + q + k] = a2f;
                    fgA[a * q2 + k] = t * f;
                    fgA[a * q2 + q + k] = t * a2f;
                    fgB[a * q2 + k] = a1g;
                    fgB[a * q2 + q + k] = f;
                }
            }
            kernels.gemm(true, false, nodes, nodes, q, 1.0, uphi, 0, q, phi, 0, q, 0.0, ff, 0, nodes);
            kernels.gemm(true, false, nodes, nodes, q, 1.0, vphi, 0, q, phi, 0, q, 0.0, gg, 0, nodes);
            kernels.gemm(true, false, nodes, nodes, q2, 1.0, gfA, 0, q2, gfB, 0, q2, 0.0, gf, 0, nodes);
            kernels.gemm(true, false, nodes, nodes, q2, 1.0, fgA, 0, q2, fgB, 0, q2, 0.0, fg, 0, nodes);
            java.util.Arrays.fill(be, 0);
            for (int n2 = 0; n2 < nodes; n2++) {
                int col = 2 * n2 * local;
                for (int n1 = n2; n1 < nodes; n1++) {
                    int rowF = 2 * n1;
                    int at = n1 + n2 * nodes;
                    be[rowF + col] = ff[at];
                    be[rowF + 1 + col] = gf[at];
                    if (n1 > n2) {
                        be[rowF + col + local] = fg[at];
                    }
                    be[rowF + 1 + col + local] = gg[at];
                }
            }
            scatter(e, be, null, dofs, bm, null);
        }
    }

    private double checkedBeta(int kappa, double z) {
        double beta = DiracCoulomb.beta(kappa, z, c);
        if (!(factorExponent(kappa, beta) > 0.5)) {
            throw new IllegalArgumentException("Z = " + z + " gives beta = " + beta + " for kappa = " + kappa
                    + "; the squared Hamiltonian needs beta - |kappa| + 1 > 1/2, which holds for every kappa when Z < c sqrt(3)/2 = " + c * Math.sqrt(0.75));
        }
        return beta;
    }

    /**
     * x^T A x for a symmetric band matrix, as the dot product of x with y = A x: each component of
     * A x cancels locally (the rows of a stiffness-like matrix nearly sum to zero against a smooth x),
     * which keeps the rounding far below that of summing the entries x_i A_ij x_j in one sum.
     */
    private static double quadraticForm(SymmetricBandMatrix a, double[] x, double[] y) {
        int n = a.size();
        Kernels k = KernelProvider.get();
        k.sbmv(n, a.bandwidth(), 1.0, a.data(), a.ldab(), x, 0.0, y);
        return k.dot(n, x, 0, y, 0);
    }

    private void assemble(int kappa, double gamma, ElementQuadrature quadrature, double[] rv,
                          SymmetricBandMatrix bm, SymmetricBandMatrix sm) {
        int p = discretization.order();
        int nodes = p + 1;
        int local = 2 * nodes;
        int q = quadrature.pointsPerElement();
        double c2 = c * c;
        // Per node a at one point: phi, the parts a1, a2 of (H x)_1, (H x)_2 (see the class comment) of
        // its f-type (a1f, a2f) and g-type (a1g, a2g) trial functions, and their weighted copies.
        double[] phi = new double[nodes];
        double[] a1f = new double[nodes];
        double[] a2f = new double[nodes];
        double[] a1g = new double[nodes];
        double[] a2g = new double[nodes];
        double[] wa1f = new double[nodes];
        double[] wa2f = new double[nodes];
        double[] wa1g = new double[nodes];
        double[] wa2g = new double[nodes];
        double[] cphi = new double[nodes];
        double[] sphi = new double[nodes];
        double[] be = new double[local * local];
        double[] se = new double[local * local];
        int[] dofs = new int[local];
        double firstLength = space.mesh().length(0);
        // On the first element the rule carries r^(2 gamma - 2); (s/r)^2 = r^(2 gamma - 2) / r_1^(2 gamma).
        double firstScale = Math.pow(firstLength, -2 * gamma);
        for (int e = 0; e < space.mesh().elements(); e++) {
            double b = e == 0 ? gamma : 0.0;
            double dxdr = quadrature.inverseJacobian(e);
            double[] val = quadrature.valuesTable(e);
            double[] der = quadrature.derivativesTable(e);
            java.util.Arrays.fill(be, 0);
            java.util.Arrays.fill(se, 0);
            double cPlus = c * (kappa + b);
            double cMinus = c * (kappa - b);
            for (int k = 0; k < q; k++) {
                int i = e * q + k;
                double r = quadrature.point(i);
                double w = e == 0 ? quadrature.weight(i) * firstScale : quadrature.weight(i) / (r * r);
                double rvk = rv[i];
                double cr = c * r;
                double wc = w * c2 * r;
                double ws = w * r * r;
                for (int a = 0; a < nodes; a++) {
                    double f = val[a * q + k];
                    double df = der[a * q + k] * dxdr;
                    phi[a] = f;
                    a1f[a] = rvk * f;
                    a2f[a] = cPlus * f + cr * df;
                    a1g[a] = cMinus * f - cr * df;
                    a2g[a] = a1f[a];
                    wa1f[a] = w * a1f[a];
                    wa2f[a] = w * a2f[a];
                    wa1g[a] = w * a1g[a];
                    wa2g[a] = wa1f[a];
                    cphi[a] = wc * f;
                    sphi[a] = ws * f;
                }
                for (int n2 = 0; n2 < nodes; n2++) {
                    int col = 2 * n2 * local;
                    for (int n1 = n2; n1 < nodes; n1++) {
                        int rowF = 2 * n1;
                        // (f of n1, f of n2), (g of n1, f of n2), (f of n1, g of n2), (g of n1, g of n2)
                        be[rowF + col] += wa1f[n1] * a1f[n2] + wa2f[n1] * a2f[n2] + cphi[n1] * a1f[n2] + cphi[n2] * a1f[n1];
                        be[rowF + 1 + col] += wa1g[n1] * a1f[n2] + wa2g[n1] * a2f[n2] + cphi[n2] * a1g[n1] - cphi[n1] * a2f[n2];
                        if (n1 > n2) {
                            be[rowF + col + local] += wa1f[n1] * a1g[n2] + wa2f[n1] * a2g[n2] + cphi[n1] * a1g[n2]
                                    - cphi[n2] * a2f[n1];
                        }
                        be[rowF + 1 + col + local] += wa1g[n1] * a1g[n2] + wa2g[n1] * a2g[n2] - cphi[n1] * a2g[n2]
                                - cphi[n2] * a2g[n1];
                        double m = sphi[n1] * phi[n2];
                        se[rowF + col] += m;
                        se[rowF + 1 + col + local] += m;
                    }
                }
            }
            scatter(e, be, se, dofs, bm, sm);
        }
    }

    /** Adds the lower triangle of element e's matrices (local unknown 2a + component) into B (and S, when given). */
    private void scatter(int e, double[] be, double[] se, int[] dofs, SymmetricBandMatrix bm, SymmetricBandMatrix sm) {
        int local = dofs.length;
        for (int a = 0; a < local / 2; a++) {
            int d = space.dof(e, a);
            dofs[2 * a] = d < 0 ? -1 : 2 * d;
            dofs[2 * a + 1] = d < 0 ? -1 : 2 * d + 1;
        }
        for (int jj = 0; jj < local; jj++) {
            if (dofs[jj] < 0) {
                continue;
            }
            for (int ii = jj; ii < local; ii++) {
                if (dofs[ii] < 0) {
                    continue;
                }
                bm.add(dofs[ii], dofs[jj], be[ii + jj * local]);
                if (se != null && se[ii + jj * local] != 0) {
                    sm.add(dofs[ii], dofs[jj], se[ii + jj * local]);
                }
            }
        }
    }
}
