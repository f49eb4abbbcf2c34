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
        this.stiffness = Assembly1D.stiffness(quadrature, 0).data();
        this.mass = Assembly1D.mass(quadrature, 0).data();
        this.inverseSquare = Assembly1D.mass(quadrature, -2).data();
    }

    /** A zero band matrix of this space's shape. */
    SymmetricBandMatrix newMatrix() {
        return new SymmetricBandMatrix(dofs, bandwidth);
    }

    /** band += matrix of integral v(r) P Q dr, with v given at the quadrature points. */
    void addPotential(double[] v, SymmetricBandMatrix band) {
        Assembly1D.addValueProducts(band, quadrature, w, v, 1.0);
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
