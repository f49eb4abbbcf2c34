package org.elementa.atomic.radial;

import org.elementa.fem.basis.LagrangeBasis;
import org.elementa.fem.quadrature.GaussQuadrature;

/**
 * The finite element discretization of [0, rmax] for radial problems: an exponential mesh of
 * {@code elements} elements whose last/first length ratio is {@code a}, Lobatto-Lagrange elements of
 * degree {@code order}, and Gauss-Legendre quadrature with {@code quadraturePoints} per element.
 *
 * @param rmax             end of the radial domain (bohr), finite, &gt; 0
 * @param a                last element length / first element length, finite, &gt; 0
 * @param elements         number of elements, &gt;= 1
 * @param order            polynomial degree, in [1, LagrangeBasis.MAX_ORDER]
 * @param quadraturePoints Gauss-Legendre points per element, in [order + 1, GaussQuadrature.MAX_POINTS]
 */
public record RadialDiscretization(double rmax, double a, int elements, int order, int quadraturePoints) {

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException naming the first parameter out of its range
     */
    public RadialDiscretization {
        if (!Double.isFinite(rmax) || !(rmax > 0)) {
            throw new IllegalArgumentException("rmax = " + rmax + " must be finite and > 0");
        }
        if (!Double.isFinite(a) || !(a > 0)) {
            throw new IllegalArgumentException("a = " + a + " must be finite and > 0");
        }
        if (elements < 1) {
            throw new IllegalArgumentException("elements = " + elements + " must be >= 1");
        }
        if (order < 1 || order > LagrangeBasis.MAX_ORDER) {
            throw new IllegalArgumentException("order = " + order + " must be in [1, " + LagrangeBasis.MAX_ORDER + "]");
        }
        if (quadraturePoints < order + 1 || quadraturePoints > GaussQuadrature.MAX_POINTS) {
            throw new IllegalArgumentException("quadraturePoints = " + quadraturePoints + " must be in [order + 1, "
                    + GaussQuadrature.MAX_POINTS + "] = [" + (order + 1) + ", " + GaussQuadrature.MAX_POINTS + "]");
        }
    }

    /**
     * Defaults for atoms: rmax = 50, a = 1000, 7 elements of order 31, 41 points per element. On the
     * Coulomb potential of Z = 92 this reaches every n &lt;= 7 level within 2e-11 Ha (see the tests),
     * and the harmonic oscillator within 1e-12.
     */
    public static RadialDiscretization defaults() {
        return new RadialDiscretization(50, 1000, 7, 31, 41);
    }

    /**
     * The defaults with rmax widened for diffuse Rydberg-like states: a state n of a Coulomb charge z
     * decays like r^n exp(-z r / n), below 1e-16 of its peak past r ~ 12 n^2 / z, so
     * rmax = max(50, 12 nMax^2 / z).
     *
     * @param z    nuclear charge, finite, &gt; 0
     * @param nMax highest principal quantum number wanted, &gt;= 1
     */
    public static RadialDiscretization coulomb(double z, int nMax) {
        if (!Double.isFinite(z) || !(z > 0)) {
            throw new IllegalArgumentException("z = " + z + " must be finite and > 0");
        }
        if (nMax < 1) {
            throw new IllegalArgumentException("nMax = " + nMax + " must be >= 1");
        }
        RadialDiscretization d = defaults();
        return new RadialDiscretization(Math.max(50, 12.0 * nMax * nMax / z), d.a(), d.elements(), d.order(), d.quadraturePoints());
    }

    /** The given mesh and order, with order + 10 quadrature points per element. */
    public static RadialDiscretization of(double rmax, double a, int elements, int order) {
        return new RadialDiscretization(rmax, a, elements, order, order + 10);
    }
}
