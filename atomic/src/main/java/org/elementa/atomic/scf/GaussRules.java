package org.elementa.atomic.scf;

/**
 * Gauss-Legendre and Gauss-Lobatto-Legendre nodes on [-1, 1], by Newton's method on the Legendre
 * three-term recurrence. A small private copy for the atomic solver until the shared FE engine's
 * quadrature package is wired in (see the report of issue 4).
 */
final class GaussRules {

    private GaussRules() {
    }

    /** {P_n(x), P_{n-1}(x)} by the recurrence (k+1) P_{k+1} = (2k+1) x P_k - k P_{k-1}. */
    private static double[] legendre(int n, double x) {
        double p0 = 1;
        double p1 = x;
        if (n == 0) {
            return new double[] {1, 0};
        }
        for (int k = 1; k < n; k++) {
            double p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, p0};
    }

    /** Gauss-Legendre rule with n points: {nodes, weights}, ascending; exact to degree 2n-1. */
    static double[][] gaussLegendre(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double t = -Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double[] p = legendre(n, t);
                dp = n * (t * p[0] - p[1]) / (t * t - 1);
                double dt = p[0] / dp;
                t -= dt;
                if (Math.abs(dt) < 1e-16) {
                    break;
                }
            }
            double[] p = legendre(n, t);
            dp = n * (t * p[0] - p[1]) / (t * t - 1);
            x[i] = t;
            w[i] = 2 / ((1 - t * t) * dp * dp);
        }
        return new double[][] {x, w};
    }

    /**
     * The p+1 Gauss-Lobatto-Legendre nodes: -1, the roots of P_p', 1 (ascending). Newton on
     * g(x) = x P_p - P_{p-1} = (1 - x^2) P_p' / p, whose derivative is (p+1) P_p.
     */
    static double[] lobattoNodes(int p) {
        double[] x = new double[p + 1];
        x[0] = -1;
        x[p] = 1;
        for (int i = 1; i < p; i++) {
            double t = -Math.cos(Math.PI * i / p);
            for (int it = 0; it < 100; it++) {
                double[] lp = legendre(p, t);
                double dt = (t * lp[0] - lp[1]) / ((p + 1) * lp[0]);
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
