package org.elementa.fem.linalg;

import java.util.SplittableRandom;

/** Test pencils (H, S) with known structure. */
final class Pencils {

    private Pencils() {
    }

    record Pencil(SymmetricBandMatrix h, SymmetricBandMatrix s) {
        int n() {
            return h.size();
        }
    }

    /**
     * H symmetric banded with entries uniform in [-1, 1] (indefinite), S banded with off-diagonal
     * entries uniform in [-1, 1] and diagonal 1 + (sum of |off-diagonal| in its row): strictly
     * diagonally dominant with positive diagonal, hence SPD (Gershgorin).
     */
    static Pencil random(int n, int kd, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SymmetricBandMatrix h = new SymmetricBandMatrix(n, kd);
        SymmetricBandMatrix s = new SymmetricBandMatrix(n, kd);
        double[] rowSum = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i <= Math.min(n - 1, j + kd); i++) {
                h.set(i, j, 2 * rnd.nextDouble() - 1);
                if (i != j) {
                    double v = 2 * rnd.nextDouble() - 1;
                    s.set(i, j, v);
                    rowSum[i] += Math.abs(v);
                    rowSum[j] += Math.abs(v);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            s.set(i, i, 1 + rowSum[i]);
        }
        return new Pencil(h, s);
    }

    /**
     * Linear (P1) finite elements for -u'' = lambda u on (0, 1), u(0) = u(1) = 0, on a uniform mesh
     * of {@code elements} elements: stiffness (1/h) tridiag(-1, 2, -1), mass (h/6) tridiag(1, 4, 1),
     * on the elements-1 interior nodes.
     */
    static Pencil laplaceP1(int elements) {
        int n = elements - 1;
        double hh = 1.0 / elements;
        SymmetricBandMatrix k = new SymmetricBandMatrix(n, 1);
        SymmetricBandMatrix m = new SymmetricBandMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            k.set(i, i, 2 / hh);
            m.set(i, i, 4 * hh / 6);
            if (i + 1 < n) {
                k.set(i + 1, i, -1 / hh);
                m.set(i + 1, i, hh / 6);
            }
        }
        return new Pencil(k, m);
    }

    /**
     * Exact eigenvalues of the P1 pencil above (discrete sine modes):
     * lambda_k = (6/h^2) (1 - cos(k pi h)) / (2 + cos(k pi h)), k = 1..elements-1, evaluated with
     * 1 - cos(t) = 2 sin^2(t/2), which does not cancel for the low modes (1 - cos(pi/300) would
     * lose 4 of 16 digits).
     */
    static double laplaceP1Eigenvalue(int elements, int k) {
        double hh = 1.0 / elements;
        double t = k * Math.PI * hh;
        double half = Math.sin(0.5 * t);
        return 6 / (hh * hh) * (2 * half * half) / (2 + Math.cos(t));
    }

    /**
     * Quadratic (P2) Lagrange elements for the same problem, assembled from the element matrices on
     * [0, h] with nodes 0, h/2, h: stiffness (1/(3h)) [[7,-8,1],[-8,16,-8],[1,-8,7]], mass
     * (h/30) [[4,2,-1],[2,16,2],[-1,2,4]]; half-bandwidth 2 after removing the two end nodes.
     */
    static Pencil laplaceP2(int elements) {
        int nodes = 2 * elements + 1;
        int n = nodes - 2;
        double hh = 1.0 / elements;
        double[][] ke = {{7, -8, 1}, {-8, 16, -8}, {1, -8, 7}};
        double[][] me = {{4, 2, -1}, {2, 16, 2}, {-1, 2, 4}};
        SymmetricBandMatrix k = new SymmetricBandMatrix(n, 2);
        SymmetricBandMatrix m = new SymmetricBandMatrix(n, 2);
        for (int e = 0; e < elements; e++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b <= a; b++) {
                    int ga = 2 * e + a - 1;
                    int gb = 2 * e + b - 1;
                    if (ga < 0 || gb < 0 || ga >= n || gb >= n) {
                        continue;
                    }
                    k.add(ga, gb, ke[a][b] / (3 * hh));
                    m.add(ga, gb, me[a][b] * hh / 30);
                }
            }
        }
        return new Pencil(k, m);
    }

    /**
     * Two decoupled copies of a tridiagonal pencil (i and i+half never couple), interleaved so the
     * result is banded with kd = 2: every eigenvalue is exactly double. With {@code split} != 0 the
     * second copy's diagonal is scaled by (1 + split): eigenvalues in near-degenerate pairs.
     */
    static Pencil doubled(int half, double split, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] diag = new double[half];
        double[] off = new double[half];
        for (int i = 0; i < half; i++) {
            diag[i] = 2 + rnd.nextDouble();
            off[i] = rnd.nextDouble() - 0.5;
        }
        int n = 2 * half;
        SymmetricBandMatrix h = new SymmetricBandMatrix(n, 2);
        SymmetricBandMatrix s = new SymmetricBandMatrix(n, 2);
        for (int c = 0; c < 2; c++) {
            double f = c == 0 ? 1 : 1 + split;
            for (int i = 0; i < half; i++) {
                int gi = 2 * i + c;
                h.set(gi, gi, diag[i] * f);
                s.set(gi, gi, 1.5);
                if (i + 1 < half) {
                    h.set(gi + 2, gi, off[i]);
                    s.set(gi + 2, gi, 0.25);
                }
            }
        }
        return new Pencil(h, s);
    }

    /**
     * Radial hydrogen-like Schroedinger pencil for l = 0: -1/2 u'' - (Z/r) u = E u on (0, rMax),
     * u(0) = u(rMax) = 0, with {@code elements} Lagrange elements of order {@code order} on
     * Gauss-Lobatto-Legendre nodes and geometric grading toward r = 0. H = 1/2 int u' v' - Z int u v / r,
     * S = int u v, both by 48-point Gauss-Legendre quadrature per element. Half-bandwidth = order.
     * The bound states approach E_n = -Z^2 / (2 n^2) from above (Rayleigh-Ritz).
     */
    static Pencil radialCoulomb(double z, int elements, int order, double rMax, double grading) {
        double[] gll = gllNodes(order);
        double[][] gauss = gaussLegendre(48);
        int nodes = elements * order + 1;
        int n = nodes - 2;
        SymmetricBandMatrix h = new SymmetricBandMatrix(n, order);
        SymmetricBandMatrix s = new SymmetricBandMatrix(n, order);
        double[] bw = new double[order + 1];
        for (int j = 0; j <= order; j++) {
            double w = 1;
            for (int k = 0; k <= order; k++) {
                if (k != j) {
                    w /= gll[j] - gll[k];
                }
            }
            bw[j] = w;
        }
        double[] phi = new double[order + 1];
        double[] dphi = new double[order + 1];
        for (int e = 0; e < elements; e++) {
            double ra = rMax * (Math.exp(grading * e / elements) - 1) / (Math.exp(grading) - 1);
            double rb = rMax * (Math.exp(grading * (e + 1) / elements) - 1) / (Math.exp(grading) - 1);
            double jac = 0.5 * (rb - ra);
            for (double[] g : gauss) {
                double x = g[0];
                double r = ra + (x + 1) * jac;
                for (int j = 0; j <= order; j++) {
                    double prod = bw[j];
                    double sum = 0;
                    for (int k = 0; k <= order; k++) {
                        if (k != j) {
                            prod *= x - gll[k];
                            sum += 1 / (x - gll[k]);
                        }
                    }
                    phi[j] = prod;
                    dphi[j] = prod * sum / jac;
                }
                double wq = g[1] * jac;
                for (int a = 0; a <= order; a++) {
                    int ga = e * order + a - 1;
                    if (ga < 0 || ga >= n) {
                        continue;
                    }
                    for (int b = 0; b <= a; b++) {
                        int gb = e * order + b - 1;
                        if (gb < 0 || gb >= n) {
                            continue;
                        }
                        h.add(ga, gb, wq * (0.5 * dphi[a] * dphi[b] - z / r * phi[a] * phi[b]));
                        s.add(ga, gb, wq * phi[a] * phi[b]);
                    }
                }
            }
        }
        return new Pencil(h, s);
    }

    /** Legendre P_m(x) and P_m'(x) by the three-term recurrence. */
    private static double[] legendre(int m, double x) {
        double p0 = 1;
        double p1 = x;
        if (m == 0) {
            return new double[] {1, 0};
        }
        for (int k = 2; k <= m; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        double dp = m * (x * p1 - p0) / (x * x - 1);
        return new double[] {p1, dp};
    }

    /** Gauss-Legendre points and weights on [-1, 1] by Newton's method on P_m. */
    static double[][] gaussLegendre(int m) {
        double[][] out = new double[m][2];
        for (int i = 0; i < m; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            for (int it = 0; it < 100; it++) {
                double[] p = legendre(m, x);
                double dx = p[0] / p[1];
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double dp = legendre(m, x)[1];
            out[i][0] = x;
            out[i][1] = 2 / ((1 - x * x) * dp * dp);
        }
        return out;
    }

    /** Gauss-Lobatto-Legendre nodes: -1, 1 and the roots of P_p', ascending. */
    static double[] gllNodes(int p) {
        double[] x = new double[p + 1];
        x[0] = -1;
        x[p] = 1;
        for (int i = 1; i < p; i++) {
            double t = -Math.cos(Math.PI * i / p);
            for (int it = 0; it < 100; it++) {
                double[] l = legendre(p, t);
                // (1 - t^2) P'' = 2 t P' - p (p + 1) P
                double d2 = (2 * t * l[1] - p * (p + 1) * l[0]) / (1 - t * t);
                double dt = l[1] / d2;
                t -= dt;
                if (Math.abs(dt) < 1e-16) {
                    break;
                }
            }
            x[i] = t;
        }
        return x;
    }
}
