package org.elementa.atomic.radial;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.elementa.fem.assembly.Assembly1D;
import org.elementa.fem.kernel.KernelProvider;
import org.elementa.fem.kernel.Kernels;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EigenResult;
import org.elementa.fem.linalg.GeneralizedEigensolver;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.mesh.Mesh1D;
import org.elementa.fem.space.BoundaryCondition;
import org.elementa.fem.space.ElementQuadrature;
import org.elementa.fem.space.LagrangeSpace1D;

/**
 * The radial Schroedinger equation in atomic units,
 * <pre>
 *   -1/2 P''(r) + (l(l+1) / (2 r^2) + V(r)) P(r) = E P(r),   P(0) = 0,  P(rmax) = 0,
 * </pre>
 * with P = r R, by high-order finite elements (Lobatto-Lagrange elements on an exponential mesh,
 * both ends Dirichlet): the generalized eigenproblem H c = E S c with
 * <pre>
 *   H_ij = 1/2 integral phi_i' phi_j' + l(l+1)/2 integral phi_i phi_j / r^2 + integral V phi_i phi_j
 *   S_ij = integral phi_i phi_j
 * </pre>
 * On the first element [0, r_1] every remaining phi_i vanishes at r = 0 (Dirichlet), so phi_i = r g_i
 * with g_i of degree p - 1, and phi_i phi_j / r^2 = g_i g_j (degree 2p - 2) and phi_i phi_j / r
 * (degree 2p - 1) are polynomials: Gauss-Legendre with q &gt;= p points integrates the centrifugal and
 * Coulomb terms there exactly, without a singularity (tested). On the other elements 1/r and
 * 1/r^2 are smooth and the q-point rule converges geometrically in q. The approach
 * follows O. Certik, J. E. Pask, I. Fernando et al., "High-order finite element method for atomic
 * structure calculations", Comput. Phys. Commun. 297 (2024) 109051. The kinetic, centrifugal and
 * overlap matrices are assembled once; each solve adds the potential. The energy reported for each
 * state is the Rayleigh quotient of its eigenvector with the banded H and S (see below), which
 * removes most of the dense eigensolver's rounding.
 */
public final class RadialSchrodingerSolver {

    private final RadialDiscretization discretization;
    private final GeneralizedEigensolver eigensolver;
    private final LagrangeSpace1D space;
    private final ElementQuadrature quadrature;
    private final SymmetricBandMatrix overlap;
    private final SymmetricBandMatrix kinetic;
    private final SymmetricBandMatrix centrifugal;
    private final double[] weights;
    /**
     * The predictor for hints without a previous l: the same mesh and quadrature points at a low
     * order, solved densely; null when the eigensolver ignores hints or the order is already low.
     */
    private final RadialSchrodingerSolver predictor;

    /** Order of the predictor's elements (its levels are within ~1e-3 relative on the default mesh). */
    private static final int PREDICTOR_ORDER = 6;
    /**
     * Largest predictor (unknowns) worth its dense O(n^3) solve: on the default 7 elements (41
     * unknowns) it makes a cold banded solve about 4x faster; at 100 elements (599 unknowns) it
     * costs twice what it saves.
     */
    private static final int PREDICTOR_MAX_DOFS = 150;

    /**
     * Assembles the kinetic, centrifugal and overlap matrices once.
     *
     * @param discretization mesh, order and quadrature
     * @param eigensolver    the generalized symmetric-definite eigensolver to use
     */
    public RadialSchrodingerSolver(RadialDiscretization discretization, GeneralizedEigensolver eigensolver) {
        if (discretization == null || eigensolver == null) {
            throw new IllegalArgumentException("discretization and eigensolver must not be null");
        }
        this.discretization = discretization;
        this.eigensolver = eigensolver;
        Mesh1D mesh = Mesh1D.exponential(0, discretization.rmax(), discretization.a(), discretization.elements());
        this.space = new LagrangeSpace1D(mesh, discretization.order(), BoundaryCondition.DIRICHLET, BoundaryCondition.DIRICHLET);
        this.quadrature = ElementQuadrature.gaussLegendre(space, discretization.quadraturePoints());
        this.weights = Assembly1D.radialWeights(quadrature, 0);
        this.overlap = Assembly1D.mass(quadrature, 0);
        this.kinetic = Assembly1D.stiffness(quadrature, 0);
        scale(kinetic, 0.5);
        this.centrifugal = Assembly1D.mass(quadrature, -2);
        scale(centrifugal, 0.5);
        this.predictor = eigensolver.usesHints() && discretization.order() >= 2 * PREDICTOR_ORDER
                && discretization.elements() * PREDICTOR_ORDER - 1 <= PREDICTOR_MAX_DOFS
                ? new RadialSchrodingerSolver(new RadialDiscretization(discretization.rmax(), discretization.a(),
                        discretization.elements(), PREDICTOR_ORDER, discretization.quadraturePoints()),
                        new DenseGeneralizedEigensolver())
                : null;
    }

    private static void scale(SymmetricBandMatrix m, double s) {
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= s;
        }
    }

    /** The discretization. */
    public RadialDiscretization discretization() {
        return discretization;
    }

    /** The finite element space (P lives here). */
    public LagrangeSpace1D space() {
        return space;
    }

    /** The quadrature: potentials given as arrays are values at its points. */
    public ElementQuadrature quadrature() {
        return quadrature;
    }

    /**
     * E = c^T H c / c^T S c from the banded matrices themselves. A dense eigensolver's eigenvalue
     * carries rounding of order eps * ||S^-1/2 H S^-1/2|| (about 1e-9 Ha for the 1s state of
     * uranium, where the stiffness of the smallest element is ~1e8); the Rayleigh quotient's error is
     * quadratic in the eigenvector's, which brings it down to ~1e-11 Ha there.
     */
    private static double rayleighQuotient(SymmetricBandMatrix h, double[] c, double[] hc, double[] sc, SymmetricBandMatrix s) {
        Kernels k = KernelProvider.get();
        int n = c.length;
        k.sbmv(n, h.bandwidth(), 1.0, h.data(), h.ldab(), c, 0.0, hc);
        k.sbmv(n, s.bandwidth(), 1.0, s.data(), s.ldab(), c, 0.0, sc);
        return k.dot(n, c, 0, hc, 0) / k.dot(n, c, 0, sc, 0);
    }

    /** A copy of the overlap matrix S_ij = integral phi_i phi_j dr. */
    public SymmetricBandMatrix overlap() {
        return overlap.copy();
    }

    /**
     * The Hamiltonian matrix H for angular momentum l, V at the quadrature points.
     *
     * @throws IllegalArgumentException if l &lt; 0, the array has the wrong length, or a value is not finite
     */
    public SymmetricBandMatrix hamiltonian(double[] vAtPoints, int l) {
        checkPotential(vAtPoints, l);
        return hamiltonianUnchecked(vAtPoints, l);
    }

    private void checkPotential(double[] vAtPoints, int l) {
        if (l < 0) {
            throw new IllegalArgumentException("l = " + l + " must be >= 0");
        }
        if (vAtPoints == null || vAtPoints.length != quadrature.size()) {
            throw new IllegalArgumentException("vAtPoints: length " + (vAtPoints == null ? "null" : vAtPoints.length)
                    + " but there are " + quadrature.size() + " quadrature points");
        }
        for (int i = 0; i < vAtPoints.length; i++) {
            if (!Double.isFinite(vAtPoints[i])) {
                throw new IllegalArgumentException("V(r = " + quadrature.point(i) + ") = " + vAtPoints[i] + " is not finite");
            }
        }
    }

    private SymmetricBandMatrix hamiltonianUnchecked(double[] vAtPoints, int l) {
        return withCentrifugal(withoutCentrifugal(vAtPoints), l);
    }

    /** The kinetic and potential parts of H, common to every l. */
    private SymmetricBandMatrix withoutCentrifugal(double[] vAtPoints) {
        SymmetricBandMatrix h = kinetic.copy();
        Assembly1D.addValueProducts(h, quadrature, weights, vAtPoints, 1.0);
        return h;
    }

    /** A new H = common part + l(l+1)/2 integral phi_i phi_j / r^2. */
    private SymmetricBandMatrix withCentrifugal(SymmetricBandMatrix common, int l) {
        SymmetricBandMatrix h = common.copy();
        double[] hd = h.data();
        double[] cd = centrifugal.data();
        double ll = (double) l * (l + 1);
        for (int i = 0; i < hd.length; i++) {
            hd[i] += ll * cd[i];
        }
        return h;
    }

    /**
     * The {@code count} lowest states of angular momentum l in the potential V(r).
     *
     * @throws IllegalArgumentException if l &lt; 0, count &lt; 1 or count &gt; dofs, or V is not finite at a quadrature point
     */
    public List<RadialState> solve(DoubleUnaryOperator v, int l, int count) {
        return solve(atPoints(v), l, count);
    }

    /** V at the quadrature points. */
    private double[] atPoints(DoubleUnaryOperator v) {
        double[] values = new double[quadrature.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.applyAsDouble(quadrature.point(i));
        }
        return values;
    }

    /**
     * The {@code count} lowest states of angular momentum l, V given at the quadrature points.
     * With an eigensolver that uses hints ({@link GeneralizedEigensolver#usesHints()}), the hints
     * come from a low-order solve on the same mesh (see {@link #solveByL}).
     *
     * @throws IllegalArgumentException if l &lt; 0, count &lt; 1 or count &gt; dofs, the array has the wrong length, or a value is not finite
     */
    public List<RadialState> solve(double[] vAtPoints, int l, int count) {
        return solve(vAtPoints, l, count, null);
    }

    /**
     * The {@code count} lowest states of angular momentum l, with {@code hints[i]} approximating
     * the energy of state i (at most count of them). Null hints: the low-order predictor's (on
     * meshes small enough for it); an empty array: none. Hints make the banded eigensolver several
     * times faster; a wrong hint costs time, not correctness (its Sturm counts certify every
     * state's index). The energies of a hinted and an unhinted solve agree within the eigensolver's
     * backward-error tolerance, not to the last bit (4e-12 relative for the 1s level of Z = 92 on
     * 200 elements, where ||S^-1 H|| is largest).
     *
     * @throws IllegalArgumentException if l &lt; 0, count &lt; 1 or count &gt; dofs, the array has the
     *                                  wrong length, a value is not finite, or hints is longer than
     *                                  count or holds a non-finite value
     */
    public List<RadialState> solve(double[] vAtPoints, int l, int count, double[] hints) {
        if (l < 0) {
            throw new IllegalArgumentException("l = " + l + " must be >= 0");
        }
        if (count < 1 || count > space.dofs()) {
            throw new IllegalArgumentException("count = " + count + " must be in [1, dofs] = [1, " + space.dofs() + "]");
        }
        checkPotential(vAtPoints, l);
        if (hints != null && hints.length > count) {
            throw new IllegalArgumentException("hints.length = " + hints.length + " must be <= count = " + count);
        }
        if (hints == null) {
            hints = predicted(vAtPoints, l, count);
        }
        return solveChecked(hamiltonianUnchecked(vAtPoints, l), l, count, hints);
    }

    /** Whether the predictor exists and resolves count states (a third of its spectrum at most). */
    private boolean predictorCovers(int count) {
        return predictor != null && count <= predictor.space.dofs() / 3;
    }

    /** The low-order predictor's energies of the count lowest states, or null where it is not used. */
    private double[] predicted(double[] vAtPoints, int l, int count) {
        if (!predictorCovers(count)) {
            return null;
        }
        List<RadialState> coarse = predictor.solve(vAtPoints, l, count, null);
        double[] hints = new double[count];
        for (int k = 0; k < count; k++) {
            hints[k] = coarse.get(k).energy();
        }
        return hints;
    }

    /**
     * The lowest states of every l = 0..counts.length-1, counts[l] of them (0: none), in one call:
     * the states of l - 1 give the hints for l, state by state with the same n (E(n, l) is close to
     * E(n, l - 1) in a screened Coulomb potential and equal to it in the pure Coulomb one, where
     * the levels are degenerate in l), and l = 0, or any state beyond those of l - 1, takes the
     * low-order predictor's. With the banded eigensolver this is the fast way to a whole shell
     * structure (about one factorization per state).
     *
     * @return one list per l, in order of energy
     * @throws IllegalArgumentException if counts is null or empty, a count is negative or exceeds the
     *                                  dofs, or V is not valid (as {@link #solve(double[], int, int)})
     */
    public List<List<RadialState>> solveByL(double[] vAtPoints, int[] counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("counts must hold at least one entry (l = 0)");
        }
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] < 0 || counts[l] > space.dofs()) {
                throw new IllegalArgumentException("counts[" + l + "] = " + counts[l] + " must be in [0, dofs] = [0, "
                        + space.dofs() + "]");
            }
        }
        checkPotential(vAtPoints, 0);
        // The kinetic and potential matrices are the same for every l: assembled once.
        SymmetricBandMatrix common = withoutCentrifugal(vAtPoints);
        List<List<RadialState>> out = new ArrayList<>(counts.length);
        List<RadialState> previous = List.of();
        for (int l = 0; l < counts.length; l++) {
            int count = counts[l];
            if (count == 0) {
                out.add(List.of());
                previous = List.of();
                continue;
            }
            double[] hints = null;
            if (previous.size() > 1 && eigensolver.usesHints()) {
                // State k of l is n = l + 1 + k: state k + 1 of l - 1.
                int m = Math.min(count, previous.size() - 1);
                hints = new double[m];
                for (int k = 0; k < m; k++) {
                    hints[k] = previous.get(k + 1).energy();
                }
                if (m < count && predictorCovers(count)) {
                    hints = null;
                }
            }
            if (hints == null) {
                hints = predicted(vAtPoints, l, count);
            }
            List<RadialState> states = solveChecked(withCentrifugal(common, l), l, count, hints);
            out.add(states);
            previous = states;
        }
        return out;
    }

    /** {@link #solveByL(double[], int[])} with V as a function of r. */
    public List<List<RadialState>> solveByL(DoubleUnaryOperator v, int[] counts) {
        return solveByL(atPoints(v), counts);
    }

    private List<RadialState> solveChecked(SymmetricBandMatrix h, int l, int count, double[] hints) {
        EigenResult eig = hints == null ? eigensolver.lowest(h, overlap, count)
                : eigensolver.lowest(h, overlap, count, hints);
        List<RadialState> states = new ArrayList<>(count);
        int n = space.dofs();
        double[] hc = new double[n];
        double[] sc = new double[n];
        for (int k = 0; k < count; k++) {
            double[] c = eig.vector(k);
            // Sign convention: P > 0 near the origin (first coefficient of non-negligible size).
            double max = 0;
            for (double x : c) {
                max = Math.max(max, Math.abs(x));
            }
            for (int i = 0; i < n; i++) {
                if (Math.abs(c[i]) > 1e-8 * max) {
                    if (c[i] < 0) {
                        for (int j = 0; j < n; j++) {
                            c[j] = -c[j];
                        }
                    }
                    break;
                }
            }
            states.add(new RadialState(l + 1 + k, l, rayleighQuotient(h, c, hc, sc, overlap), space.function(c)));
        }
        return states;
    }
}
