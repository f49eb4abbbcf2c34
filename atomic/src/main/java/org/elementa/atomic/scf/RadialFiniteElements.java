package org.elementa.atomic.scf;

import org.elementa.fem.assembly.Assembly1D;
import org.elementa.fem.linalg.SymmetricBandMatrix;
import org.elementa.fem.mesh.Mesh1D;
import org.elementa.fem.space.BoundaryCondition;
import org.elementa.fem.space.ElementQuadrature;
import org.elementa.fem.space.LagrangeSpace1D;

/**
 * The SCF's view of the engine's finite element space: Lobatto-Lagrange elements of degree p on an
 * exponential mesh of [0, rmax] ({@link Mesh1D#exponential}, last element {@code ratio} times the
 * first), homogeneous Dirichlet conditions at both ends (P = r R vanishes at r = 0 and, for bound
 * states, at rmax), nq Gauss-Legendre points per element ({@link ElementQuadrature}). It holds the
 * constant matrices once, in {@link SymmetricBandMatrix}'s LAPACK lower band storage (half-bandwidth
 * p), and the point arrays the SCF loops read.
 */
final class RadialFiniteElements {

    final LagrangeSpace1D space;
    final ElementQuadrature quadrature;
    final int dofs;
    final int bandwidth;
    final double rmax;
    /** Element boundaries 0 = r_0 < ... < r_Ne = rmax. */
    final double[] boundaries;
    /** Radius of every quadrature point, element by element. */
    final double[] r;
    /** Quadrature weight (Gauss weight times Jacobian) of every point: integral f dr = sum w f(r). */
    final double[] w;
    /** Stiffness integral P' Q' dr, mass integral P Q dr, and integral P Q / r^2 dr (band data). */
    final double[] stiffness;
    final double[] mass;
    final double[] inverseSquare;

    RadialFiniteElements(double rmax, double ratio, int elements, int degree, int pointsPerElement) {
        if (elements < 1 || degree < 1 || pointsPerElement < degree + 1) {
            throw new IllegalArgumentException("mesh needs elements >= 1, degree >= 1, points >= degree + 1; got "
                    + elements + ", " + degree + ", " + pointsPerElement);
        }
        Mesh1D mesh = Mesh1D.exponential(0, rmax, ratio, elements);
        this.space = new LagrangeSpace1D(mesh, degree, BoundaryCondition.DIRICHLET, BoundaryCondition.DIRICHLET);
        this.quadrature = ElementQuadrature.gaussLegendre(space, pointsPerElement);
        this.dofs = space.dofs();
        this.bandwidth = space.bandwidth();
        this.rmax = rmax;
        this.boundaries = mesh.nodes();
        this.r = quadrature.points();
        this.w = quadrature.weights();
        SymmetricBandMatrix k = newMatrix();
        addProducts(null, true, k);
        this.stiffness = k.data();
        SymmetricBandMatrix m = newMatrix();
        addProducts(null, false, m);
        this.mass = m.data();
        double[] inv2 = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            inv2[i] = 1 / (r[i] * r[i]);
        }
        SymmetricBandMatrix c = newMatrix();
        addProducts(inv2, false, c);
        this.inverseSquare = c.data();
    }

    /**
     * band += integral c(r) phi_i phi_j dr (or phi_i' phi_j' when derivative), c at the points (null:
     * 1). The same sums as {@link Assembly1D#addValueProducts}, but in a fixed scalar order: the
     * engine's Vector API dot reduces lanes in an order that differs between interpreted and
     * compiled code, which would make two identical solves differ in the last bits.
     */
    private void addProducts(double[] c, boolean derivative, SymmetricBandMatrix band) {
        int q = quadrature.pointsPerElement();
        int m = space.order() + 1;
        int ld = bandwidth + 1;
        double[] data = band.data();
        double[] wc = new double[q];
        int ne = space.mesh().elements();
        for (int e = 0; e < ne; e++) {
            double[] t = derivative ? quadrature.derivativesTable(e) : quadrature.valuesTable(e);
            double scale = derivative ? quadrature.inverseJacobian(e) * quadrature.inverseJacobian(e) : 1.0;
            for (int k = 0; k < q; k++) {
                wc[k] = w[e * q + k] * scale * (c == null ? 1.0 : c[e * q + k]);
            }
            for (int i = 0; i < m; i++) {
                int gi = space.dof(e, i);
                if (gi < 0) {
                    continue;
                }
                int ri = i * q;
                for (int j = 0; j <= i; j++) {
                    int gj = space.dof(e, j);
                    if (gj < 0) {
                        continue;
                    }
                    int rj = j * q;
                    double sum = 0;
                    for (int k = 0; k < q; k++) {
                        sum += wc[k] * t[ri + k] * t[rj + k];
                    }
                    int lo = Math.min(gi, gj);
                    data[Math.abs(gi - gj) + lo * ld] += sum;
                }
            }
        }
    }

    /** A zero band matrix of this space's shape. */
    SymmetricBandMatrix newMatrix() {
        return new SymmetricBandMatrix(dofs, bandwidth);
    }

    /** band += matrix of integral v(r) P Q dr, with v given at the quadrature points. */
    void addPotential(double[] v, SymmetricBandMatrix band) {
        addProducts(v, false, band);
    }

    /** Values at every quadrature point of the FE function with these coefficients. */
    void valuesAtPoints(double[] coeff, double[] out) {
        quadrature.values(coeff, out);
    }

    /** Derivatives dP/dr at every quadrature point of the FE function with these coefficients. */
    void derivativesAtPoints(double[] coeff, double[] out) {
        quadrature.derivatives(coeff, out);
    }

    /** Load vector b_k = integral f(r) phi_k(r) dr, f given at the quadrature points. */
    double[] load(double[] f) {
        return Assembly1D.load(quadrature, f, 0);
    }

    /** The FE function with these coefficients at an arbitrary radius (0 outside (0, rmax)). */
    double valueAt(double[] coeff, double radius) {
        if (!(radius > 0) || radius >= rmax) {
            return 0;
        }
        return space.value(coeff, radius);
    }

    /** Integral sum_q w_q f_q. */
    double integrate(double[] f) {
        double s = 0;
        for (int k = 0; k < f.length; k++) {
            s += w[k] * f[k];
        }
        return s;
    }
}
