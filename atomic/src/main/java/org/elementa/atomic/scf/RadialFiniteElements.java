package org.elementa.atomic.scf;

import java.util.Arrays;

/**
 * Continuous Lagrange finite elements of degree p on Gauss-Lobatto nodes over an exponential mesh
 * of [0, rmax], with homogeneous Dirichlet conditions at both ends (the radial function P = r R
 * vanishes at r = 0 and, for bound states, at rmax). Element sizes grow geometrically, h_i = h_0
 * q^i, with h_{Ne-1}/h_0 = ratio. Integrals use nq Gauss-Legendre points per element.
 *
 * <p>Degree of freedom k is global node k+1 (node e*p + i is local node i of element e), so there
 * are Ne*p - 1 unknowns and the matrices have half-bandwidth p. Matrices are in LAPACK lower band
 * storage as {@link org.elementa.fem.linalg.SymmetricBandMatrix} lays them out.
 */
final class RadialFiniteElements {

    final int elements;
    final int degree;
    final int pointsPerElement;
    final int dofs;
    final int bandwidth;
    final double rmax;
    final double[] boundaries;
    /** Radius of every quadrature point, element by element. */
    final double[] r;
    /** Quadrature weight (Gauss weight times Jacobian) of every point: integral f dr = sum w f(r). */
    final double[] w;
    /** phi[q*(p+1) + i]: local basis i at reference point q. */
    private final double[] phi;
    /** dphi[q*(p+1) + i]: derivative of local basis i (in the reference variable) at point q. */
    private final double[] dphi;
    /** Products phi_i phi_j at point q for the lower triangle pairs: pp[pair*nq + q]. */
    private final double[] pp;
    private final double[] lobatto;

    /** Stiffness integral P' Q' dr, mass integral P Q dr, and integral P Q / r^2 dr. */
    final double[] stiffness;
    final double[] mass;
    final double[] inverseSquare;

    RadialFiniteElements(double rmax, double ratio, int elements, int degree, int pointsPerElement) {
        if (elements < 1 || degree < 1 || pointsPerElement < degree + 1) {
            throw new IllegalArgumentException("mesh needs elements >= 1, degree >= 1, points >= degree + 1; got "
                    + elements + ", " + degree + ", " + pointsPerElement);
        }
        this.elements = elements;
        this.degree = degree;
        this.pointsPerElement = pointsPerElement;
        this.dofs = elements * degree - 1;
        this.bandwidth = degree;
        this.rmax = rmax;
        this.boundaries = exponentialMesh(rmax, ratio, elements);
        int np = degree + 1;
        int nq = pointsPerElement;
        double[][] gl = GaussRules.gaussLegendre(nq);
        lobatto = GaussRules.lobattoNodes(degree);
        phi = new double[nq * np];
        dphi = new double[nq * np];
        for (int q = 0; q < nq; q++) {
            lagrange(gl[0][q], phi, dphi, q * np);
        }
        int pairs = np * (np + 1) / 2;
        pp = new double[pairs * nq];
        for (int i = 0, pair = 0; i < np; i++) {
            for (int j = 0; j <= i; j++, pair++) {
                for (int q = 0; q < nq; q++) {
                    pp[pair * nq + q] = phi[q * np + i] * phi[q * np + j];
                }
            }
        }
        r = new double[elements * nq];
        w = new double[elements * nq];
        for (int e = 0; e < elements; e++) {
            double a = boundaries[e];
            double jac = 0.5 * (boundaries[e + 1] - a);
            for (int q = 0; q < nq; q++) {
                r[e * nq + q] = a + jac * (1 + gl[0][q]);
                w[e * nq + q] = jac * gl[1][q];
            }
        }
        int ld = bandwidth + 1;
        stiffness = new double[ld * dofs];
        mass = new double[ld * dofs];
        inverseSquare = new double[ld * dofs];
        double[] ke = new double[np * np];
        for (int e = 0; e < elements; e++) {
            double jac = 0.5 * (boundaries[e + 1] - boundaries[e]);
            Arrays.fill(ke, 0);
            for (int q = 0; q < nq; q++) {
                double wq = gl[1][q] / jac;
                for (int i = 0; i < np; i++) {
                    for (int j = 0; j <= i; j++) {
                        ke[i * np + j] += wq * dphi[q * np + i] * dphi[q * np + j];
                    }
                }
            }
            scatter(e, ke, stiffness);
        }
        double[] ones = new double[r.length];
        Arrays.fill(ones, 1.0);
        addPotential(ones, mass);
        double[] inv2 = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            inv2[k] = 1 / (r[k] * r[k]);
        }
        addPotential(inv2, inverseSquare);
    }

    /** Boundaries 0 = r_0 < ... < r_Ne = rmax with h_i = h_0 q^i, h_last / h_0 = ratio. */
    static double[] exponentialMesh(double rmax, double ratio, int elements) {
        double[] b = new double[elements + 1];
        if (elements == 1 || ratio == 1) {
            for (int i = 0; i <= elements; i++) {
                b[i] = rmax * i / elements;
            }
            return b;
        }
        double q = Math.pow(ratio, 1.0 / (elements - 1));
        double h0 = rmax * (q - 1) / (Math.pow(q, elements) - 1);
        double h = h0;
        for (int i = 1; i <= elements; i++) {
            b[i] = b[i - 1] + h;
            h *= q;
        }
        b[elements] = rmax;
        return b;
    }

    /** Lagrange basis on the Lobatto nodes and its derivative at reference point x. */
    private void lagrange(double x, double[] val, double[] der, int off) {
        int np = degree + 1;
        for (int j = 0; j < np; j++) {
            double v = 1;
            for (int k = 0; k < np; k++) {
                if (k != j) {
                    v *= (x - lobatto[k]) / (lobatto[j] - lobatto[k]);
                }
            }
            val[off + j] = v;
            if (der != null) {
                double d = 0;
                for (int m = 0; m < np; m++) {
                    if (m == j) {
                        continue;
                    }
                    double t = 1 / (lobatto[j] - lobatto[m]);
                    for (int k = 0; k < np; k++) {
                        if (k != j && k != m) {
                            t *= (x - lobatto[k]) / (lobatto[j] - lobatto[k]);
                        }
                    }
                    d += t;
                }
                der[off + j] = d;
            }
        }
    }

    /** Adds the local lower-triangle matrix (row-major np x np, i >= j used) of element e into band. */
    private void scatter(int e, double[] local, double[] band) {
        int np = degree + 1;
        int ld = bandwidth + 1;
        int base = e * degree - 1;
        for (int i = 0; i < np; i++) {
            int gi = base + i;
            if (gi < 0 || gi >= dofs) {
                continue;
            }
            for (int j = 0; j <= i; j++) {
                int gj = base + j;
                if (gj < 0) {
                    continue;
                }
                band[(gi - gj) + gj * ld] += local[i * np + j];
            }
        }
    }

    /** band += matrix of integral v(r) P Q dr, with v given at the quadrature points. */
    void addPotential(double[] v, double[] band) {
        int np = degree + 1;
        int nq = pointsPerElement;
        int ld = bandwidth + 1;
        double[] wv = new double[nq];
        for (int e = 0; e < elements; e++) {
            for (int q = 0; q < nq; q++) {
                wv[q] = w[e * nq + q] * v[e * nq + q];
            }
            int base = e * degree - 1;
            for (int i = 0, pair = 0; i < np; i++) {
                int gi = base + i;
                for (int j = 0; j <= i; j++, pair++) {
                    int gj = base + j;
                    if (gi < 0 || gj < 0 || gi >= dofs) {
                        continue;
                    }
                    double s = 0;
                    int o = pair * nq;
                    for (int q = 0; q < nq; q++) {
                        s += pp[o + q] * wv[q];
                    }
                    band[(gi - gj) + gj * ld] += s;
                }
            }
        }
    }

    /** Values at every quadrature point of the FE function with these coefficients. */
    void valuesAtPoints(double[] coeff, double[] out) {
        int np = degree + 1;
        int nq = pointsPerElement;
        for (int e = 0; e < elements; e++) {
            int base = e * degree - 1;
            for (int q = 0; q < nq; q++) {
                double s = 0;
                for (int i = 0; i < np; i++) {
                    int g = base + i;
                    if (g >= 0 && g < dofs) {
                        s += coeff[g] * phi[q * np + i];
                    }
                }
                out[e * nq + q] = s;
            }
        }
    }

    /** Derivatives dP/dr at every quadrature point of the FE function with these coefficients. */
    void derivativesAtPoints(double[] coeff, double[] out) {
        int np = degree + 1;
        int nq = pointsPerElement;
        for (int e = 0; e < elements; e++) {
            int base = e * degree - 1;
            double invJac = 2 / (boundaries[e + 1] - boundaries[e]);
            for (int q = 0; q < nq; q++) {
                double s = 0;
                for (int i = 0; i < np; i++) {
                    int g = base + i;
                    if (g >= 0 && g < dofs) {
                        s += coeff[g] * dphi[q * np + i];
                    }
                }
                out[e * nq + q] = s * invJac;
            }
        }
    }

    /** Load vector b_k = integral f(r) phi_k(r) dr, f given at the quadrature points. */
    void load(double[] f, double[] b) {
        int np = degree + 1;
        int nq = pointsPerElement;
        Arrays.fill(b, 0, dofs, 0.0);
        for (int e = 0; e < elements; e++) {
            int base = e * degree - 1;
            for (int i = 0; i < np; i++) {
                int g = base + i;
                if (g < 0 || g >= dofs) {
                    continue;
                }
                double s = 0;
                for (int q = 0; q < nq; q++) {
                    s += w[e * nq + q] * f[e * nq + q] * phi[q * np + i];
                }
                b[g] += s;
            }
        }
    }

    /** The FE function with these coefficients at an arbitrary radius (0 outside [0, rmax]). */
    double valueAt(double[] coeff, double radius) {
        if (!(radius > 0) || radius >= rmax) {
            return 0;
        }
        int e = Arrays.binarySearch(boundaries, radius);
        if (e < 0) {
            e = -e - 2;
        }
        e = Math.min(Math.max(e, 0), elements - 1);
        double a = boundaries[e];
        double b = boundaries[e + 1];
        double x = 2 * (radius - a) / (b - a) - 1;
        int np = degree + 1;
        double[] val = new double[np];
        lagrange(x, val, null, 0);
        double s = 0;
        int base = e * degree - 1;
        for (int i = 0; i < np; i++) {
            int g = base + i;
            if (g >= 0 && g < dofs) {
                s += coeff[g] * val[i];
            }
        }
        return s;
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
