package org.elementa.atomic.scf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Anderson mixing on a linear fixed-point problem whose solution is known by a direct solve. */
class AndersonMixerTest {

    private static final int N = 40;

    /** x = G x + b with G symmetric, eigenvalues spread over [-0.5, 0.95]. */
    private static double[][] contraction(Random rnd) {
        double[][] q = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                q[i][j] = rnd.nextGaussian();
            }
        }
        // Gram-Schmidt: an orthogonal Q.
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < i; k++) {
                double d = 0;
                for (int j = 0; j < N; j++) {
                    d += q[i][j] * q[k][j];
                }
                for (int j = 0; j < N; j++) {
                    q[i][j] -= d * q[k][j];
                }
            }
            double nrm = 0;
            for (int j = 0; j < N; j++) {
                nrm += q[i][j] * q[i][j];
            }
            nrm = Math.sqrt(nrm);
            for (int j = 0; j < N; j++) {
                q[i][j] /= nrm;
            }
        }
        double[][] g = new double[N][N];
        for (int k = 0; k < N; k++) {
            double lambda = -0.5 + 1.45 * k / (N - 1);
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    g[i][j] += lambda * q[k][i] * q[k][j];
                }
            }
        }
        return g;
    }

    /** Solves (I - G) x = b by Gaussian elimination with partial pivoting (the naive reference). */
    private static double[] direct(double[][] g, double[] b) {
        double[][] a = new double[N][N + 1];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a[i][j] = (i == j ? 1 : 0) - g[i][j];
            }
            a[i][N] = b[i];
        }
        for (int c = 0; c < N; c++) {
            int p = c;
            for (int r = c + 1; r < N; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = c + 1; r < N; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= N; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[N];
        for (int r = N - 1; r >= 0; r--) {
            double s = a[r][N];
            for (int k = r + 1; k < N; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    private static int iterate(AndersonMixer m, double[][] g, double[] b, double[] exact, int max) {
        double[] x = new double[N];
        for (int it = 1; it <= max; it++) {
            double[] gx = b.clone();
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    gx[i] += g[i][j] * x[j];
                }
            }
            double err = 0;
            for (int i = 0; i < N; i++) {
                err = Math.max(err, Math.abs(x[i] - exact[i]));
            }
            if (err < 1e-12) {
                return it;
            }
            x = m.next(x, gx);
        }
        return max + 1;
    }

    @Test
    void andersonBeatsLinearMixingAndHitsTheDirectSolution() {
        Random rnd = new Random(42);
        double[][] g = contraction(rnd);
        double[] b = new double[N];
        for (int i = 0; i < N; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] exact = direct(g, b);
        int anderson = iterate(new AndersonMixer(N, 0.5, 20, null), g, b, exact, 500);
        int linear = iterate(new AndersonMixer(N, 0.5, 0, null), g, b, exact, 500);
        // Linear mixing contracts by 1 - 0.5 (1 - 0.95) = 0.975 per step: ~1100 steps to 1e-12.
        assertTrue(linear > 500, "linear mixing took " + linear);
        // Anderson is a multisecant (GMRES-like) method on (I - G): with 20 differences it needs
        // a few times N steps at most, an order of magnitude fewer than linear mixing.
        assertTrue(anderson < 100, "Anderson took " + anderson);
    }

    @Test
    void weightedAndersonConvergesToo() {
        Random rnd = new Random(7);
        double[][] g = contraction(rnd);
        double[] b = new double[N];
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            b[i] = rnd.nextGaussian();
            w[i] = 0.1 + rnd.nextDouble();
        }
        double[] exact = direct(g, b);
        // Linear mixing with beta = 0.3 would contract by 0.985 per step (~1800 steps to 1e-12).
        int it = iterate(new AndersonMixer(N, 0.3, 8, w), g, b, exact, 400);
        assertTrue(it < 250, "weighted Anderson took " + it);
    }

    @Test
    void firstStepIsLinearMixing() {
        AndersonMixer m = new AndersonMixer(2, 0.25, 5, null);
        double[] next = m.next(new double[] {1, 2}, new double[] {5, -2});
        assertEquals(2.0, next[0], 0);
        assertEquals(1.0, next[1], 0);
        assertEquals(0, m.historySize());
    }

    /** Columns of D = U diag(sigma) V^T with orthonormal U (size x m) and V (m x m) from Gram-Schmidt. */
    private static double[][] withSingularValues(Random rnd, int size, double[] sigma, double[][] u) {
        int m = sigma.length;
        double[][] v = orthonormalRows(rnd, m, m);
        double[][] d = new double[m][size];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < size; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += u[j][i] * sigma[j] * v[j][k];
                }
                d[k][i] = s;
            }
        }
        return d;
    }

    private static double[][] orthonormalRows(Random rnd, int rows, int cols) {
        double[][] q = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                q[i][j] = rnd.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double dd = 0;
                    for (int j = 0; j < cols; j++) {
                        dd += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < cols; j++) {
                        q[i][j] -= dd * q[k][j];
                    }
                }
            }
            double nrm = 0;
            for (int j = 0; j < cols; j++) {
                nrm += q[i][j] * q[i][j];
            }
            for (int j = 0; j < cols; j++) {
                q[i][j] /= Math.sqrt(nrm);
            }
        }
        return q;
    }

    @Test
    void leastSquaresIsAccurateForIllConditionedHistories() {
        // D with singular values 1 .. 1e-6 (condition 1e6) and f = D gamma (a zero residual: otherwise
        // every algorithm inherits cond^2 eps tan(theta) from the rounding of D itself): the exact
        // minimizer is gamma. QR loses about cond * eps = 1e-10 relative; the normal equations
        // (cond^2 * eps = 1e-4, and a 1e-12 trace shift as large as sigma_min^2) lost everything.
        Random rnd = new Random(11);
        int m = 6;
        double[][] u = orthonormalRows(rnd, m, N);
        double[][] d = withSingularValues(rnd, N, new double[] {1, 1e-1, 1e-2, 1e-4, 1e-5, 1e-6}, u);
        double[] gamma = new double[m];
        double[] f = new double[N];
        for (int k = 0; k < m; k++) {
            gamma[k] = rnd.nextGaussian();
            for (int i = 0; i < N; i++) {
                f[i] += gamma[k] * d[k][i];
            }
        }
        double[] got = new AndersonMixer(N, 0.5, m, null).leastSquares(d, f);
        for (int k = 0; k < m; k++) {
            // cond * eps ~ 1e-10, times the modest constants of Gram-Schmidt: 1e-8 leaves a margin.
            assertEquals(gamma[k], got[k], 1e-8 * (1 + Math.abs(gamma[k])), "gamma[" + k + "]");
        }
    }

    @Test
    void dependentHistoryColumnsAreDropped() {
        Random rnd = new Random(5);
        double[][] d = new double[3][N];
        double[] f = new double[N];
        for (int i = 0; i < N; i++) {
            d[0][i] = rnd.nextGaussian();
            d[2][i] = rnd.nextGaussian();
            d[1][i] = d[0][i] * (1 + 1e-13);
            f[i] = rnd.nextGaussian();
        }
        double[] g = new AndersonMixer(N, 0.5, 3, null).leastSquares(d, f);
        // The older of the two (nearly) equal columns is dropped: no huge +-coefficient pair.
        assertEquals(0.0, g[0]);
        // The remaining two give the least-squares residual, orthogonal to both kept columns.
        double[] r = f.clone();
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < N; i++) {
                r[i] -= g[k] * d[k][i];
            }
        }
        for (int k : new int[] {1, 2}) {
            double dot = 0;
            double nd = 0;
            double nr = 0;
            for (int i = 0; i < N; i++) {
                dot += r[i] * d[k][i];
                nd += d[k][i] * d[k][i];
                nr += r[i] * r[i];
            }
            // Orthogonality to rounding: |<r, d>| / (|r| |d|) ~ 1e-15.
            assertTrue(Math.abs(dot) < 1e-12 * Math.sqrt(nd * nr), "column " + k + ": " + dot);
        }
    }

    @Test
    void tenfoldResidualGrowthRestartsTheHistory() {
        AndersonMixer m = new AndersonMixer(2, 0.5, 4, null);
        m.next(new double[] {0, 0}, new double[] {1, 1});
        m.next(new double[] {0.5, 0.5}, new double[] {0.9, 0.8});
        m.next(new double[] {0.7, 0.6}, new double[] {0.8, 0.7});
        assertEquals(2, m.historySize());
        // Residual norm jumps from 0.14 to 100: the older differences are dropped and only the newest
        // (dx, dF) = ((0.3, 0.4), (99.9, -0.1)) stays, so gamma is the one-column least-squares
        // coefficient <dF, F> / <dF, dF>.
        double[] out = m.next(new double[] {1, 1}, new double[] {101, 1});
        assertEquals(1, m.historySize());
        double gamma = 99.9 * 100 / (99.9 * 99.9 + 0.1 * 0.1);
        assertEquals(1 + 0.5 * 100 - gamma * (0.3 + 0.5 * 99.9), out[0], 1e-12);
        assertEquals(1 - gamma * (0.4 - 0.5 * 0.1), out[1], 1e-12);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new AndersonMixer(0, 0.5, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new AndersonMixer(3, Double.NaN, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new AndersonMixer(3, 1.5, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new AndersonMixer(3, 0.5, -1, null));
        assertThrows(IllegalArgumentException.class, () -> new AndersonMixer(3, 0.5, 1, new double[2]));
    }
}
