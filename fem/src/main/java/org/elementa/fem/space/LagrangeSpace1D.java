package org.elementa.fem.space;

import java.util.function.DoubleUnaryOperator;
import org.elementa.fem.basis.LagrangeBasis;
import org.elementa.fem.mesh.Mesh1D;

/**
 * The continuous piecewise-polynomial space of degree p on a 1D mesh, with the Lagrange basis on
 * the Gauss-Lobatto nodes of each element (a spectral element space). Immutable.
 *
 * <p>Numbering: the p+1 local nodes of element e are the global nodes e p + j (j = 0..p), shared at
 * element ends, so two dofs couple only when they lie in one element: |i - j| &lt;= p, a half-bandwidth
 * of p. A Dirichlet end removes its end node and shifts the numbering: dof = global node - 1 when
 * the left end is Dirichlet.
 */
public final class LagrangeSpace1D {

    private final Mesh1D mesh;
    private final LagrangeBasis basis;
    private final BoundaryCondition left;
    private final BoundaryCondition right;
    private final int dofs;
    private final int shift;

    /** Per-thread scratch for evaluation (values and derivatives of the basis), so that no call allocates. */
    private static final ThreadLocal<double[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[2][LagrangeBasis.MAX_ORDER + 1]);

    /**
     * The space of degree {@code order} on {@code mesh} with the given end conditions.
     *
     * @param mesh  the mesh
     * @param order polynomial degree p, in [1, LagrangeBasis.MAX_ORDER]
     * @param left  condition at the first node
     * @param right condition at the last node
     * @throws IllegalArgumentException if order is out of range or no dof would remain
     */
    public LagrangeSpace1D(Mesh1D mesh, int order, BoundaryCondition left, BoundaryCondition right) {
        if (mesh == null || left == null || right == null) {
            throw new IllegalArgumentException("mesh, left and right must not be null");
        }
        this.mesh = mesh;
        this.basis = LagrangeBasis.lobatto(order);
        this.left = left;
        this.right = right;
        this.shift = left == BoundaryCondition.DIRICHLET ? 1 : 0;
        int n = mesh.elements() * order + 1 - shift - (right == BoundaryCondition.DIRICHLET ? 1 : 0);
        if (n < 1) {
            throw new IllegalArgumentException("order = " + order + " on " + mesh.elements()
                    + " element(s) with both ends Dirichlet leaves no degree of freedom");
        }
        this.dofs = n;
    }

    /** The mesh. */
    public Mesh1D mesh() {
        return mesh;
    }

    /** The reference basis. */
    public LagrangeBasis basis() {
        return basis;
    }

    /** Polynomial degree p. */
    public int order() {
        return basis.order();
    }

    /** Condition at the first node. */
    public BoundaryCondition left() {
        return left;
    }

    /** Condition at the last node. */
    public BoundaryCondition right() {
        return right;
    }

    /** Number of degrees of freedom (unknowns). */
    public int dofs() {
        return dofs;
    }

    /** Half-bandwidth of every matrix assembled on this space: p (or less if the space is smaller). */
    public int bandwidth() {
        return Math.min(order(), dofs - 1);
    }

    /**
     * The dof of local node j of element e, or -1 where a Dirichlet condition eliminated it.
     *
     * @param element element index, in [0, mesh().elements() - 1]
     * @param local   local node index, in [0, order()]
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public int dof(int element, int local) {
        if (element < 0 || element >= mesh.elements()) {
            throw new IllegalArgumentException("element = " + element + " must be in [0, " + (mesh.elements() - 1) + "]");
        }
        if (local < 0 || local > order()) {
            throw new IllegalArgumentException("local = " + local + " must be in [0, " + order() + "]");
        }
        return dofUnchecked(element, local);
    }

    private int dofUnchecked(int element, int local) {
        int g = element * order() + local - shift;
        return g < 0 || g >= dofs ? -1 : g;
    }

    /** Coordinate of local node j of element e. */
    public double nodeCoordinate(int element, int local) {
        double a = mesh.node(element);
        double h = mesh.length(element);
        return a + 0.5 * h * (1 + basis.node(local));
    }

    /** Coordinates of the dofs (the nodes that are kept), ascending. */
    public double[] dofCoordinates() {
        double[] r = new double[dofs];
        int p = order();
        for (int e = 0; e < mesh.elements(); e++) {
            for (int j = (e == 0 ? 0 : 1); j <= p; j++) {
                int d = dof(e, j);
                if (d >= 0) {
                    r[d] = nodeCoordinate(e, j);
                }
            }
        }
        return r;
    }

    /**
     * The nodal interpolant of f (the coefficients are f at the dof coordinates). At a Dirichlet end
     * the interpolant is zero whatever f is there.
     */
    public FeFunction interpolate(DoubleUnaryOperator f) {
        double[] r = dofCoordinates();
        double[] c = new double[dofs];
        for (int i = 0; i < dofs; i++) {
            c[i] = f.applyAsDouble(r[i]);
        }
        return new FeFunction(this, c);
    }

    /** The FE function with the given coefficients (copied). */
    public FeFunction function(double[] coefficients) {
        return new FeFunction(this, coefficients);
    }

    /**
     * u(r) = sum_i c_i phi_i(r).
     *
     * @throws IllegalArgumentException if r lies outside the mesh or c has the wrong length
     */
    public double value(double[] c, double r) {
        return evaluate(c, r, false);
    }

    /** u'(r) (one-sided from the element to the right at interior element ends; the last element at the end). */
    public double derivative(double[] c, double r) {
        return evaluate(c, r, true);
    }

    private double evaluate(double[] c, double r, boolean deriv) {
        if (c.length != dofs) {
            throw new IllegalArgumentException("coefficients: length " + c.length + " but the space has " + dofs + " dofs");
        }
        int e = mesh.locate(r);
        double a = mesh.node(e);
        double h = mesh.length(e);
        double x = Math.max(-1, Math.min(1, 2 * (r - a) / h - 1));
        int m = order() + 1;
        double[][] scratch = SCRATCH.get();
        double[] l = scratch[0];
        basis.values(x, l);
        if (deriv) {
            double[] d = scratch[1];
            basis.derivativesFromValues(l, d);
            l = d;
        }
        double s = 0;
        for (int j = 0; j < m; j++) {
            int g = dofUnchecked(e, j);
            if (g >= 0) {
                s += c[g] * l[j];
            }
        }
        return deriv ? s * 2 / h : s;
    }

    @Override
    public String toString() {
        return "LagrangeSpace1D[p=" + order() + ", " + mesh + ", " + left + "/" + right + ", " + dofs + " dofs]";
    }
}
