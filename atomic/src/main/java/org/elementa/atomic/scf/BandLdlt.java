package org.elementa.atomic.scf;

/**
 * In-place L D L^T factorization of a symmetric band matrix in LAPACK lower band storage (column j
 * holds A(j..j+kd, j) at data[d + j*(kd+1)]), without pivoting, and the solves with it. Used for
 * shifted matrices H - sigma S, whose inertia (the number of negative pivots, Sylvester's law) is
 * the number of generalized eigenvalues below sigma; and for the SPD stiffness of the Hartree solve.
 */
final class BandLdlt {

    private final int n;
    private final int kd;
    private final int ld;
    private final double[] a;
    private final double[] col;
    private final double[] lcol;

    BandLdlt(int n, int kd) {
        this.n = n;
        this.kd = kd;
        this.ld = kd + 1;
        this.a = new double[ld * n];
        this.col = new double[kd + 1];
        this.lcol = new double[kd + 1];
    }

    /**
     * Factors A = src1 + alpha src2 (same layout; alpha may be 0 and src2 null).
     *
     * @return the number of negative pivots; -1 if a pivot is zero or not finite
     */
    int factor(double[] src1, double alpha, double[] src2) {
        if (src2 == null || alpha == 0) {
            System.arraycopy(src1, 0, a, 0, a.length);
        } else {
            for (int i = 0; i < a.length; i++) {
                a[i] = src1[i] + alpha * src2[i];
            }
        }
        int negative = 0;
        for (int j = 0; j < n; j++) {
            int cj = j * ld;
            double d = a[cj];
            if (d == 0 || !Double.isFinite(d)) {
                return -1;
            }
            if (d < 0) {
                negative++;
            }
            int m = Math.min(kd, n - 1 - j);
            double inv = 1 / d;
            for (int i = 1; i <= m; i++) {
                double v = a[cj + i];
                col[i] = v;
                lcol[i] = v * inv;
                a[cj + i] = v * inv;
            }
            // Trailing update: A(j+r, j+c) -= L(j+r, j) * A_orig(j+c, j) for r >= c.
            for (int c = 1; c <= m; c++) {
                double sc = col[c];
                int base = (j + c) * ld - c;
                for (int r = c; r <= m; r++) {
                    a[base + r] -= lcol[r] * sc;
                }
            }
        }
        return negative;
    }

    /** Solves A x = b in place (after {@link #factor}). */
    void solve(double[] b) {
        for (int j = 0; j < n; j++) {
            double bj = b[j];
            if (bj != 0) {
                int cj = j * ld;
                int m = Math.min(kd, n - 1 - j);
                for (int i = 1; i <= m; i++) {
                    b[j + i] -= a[cj + i] * bj;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            b[j] /= a[j * ld];
        }
        for (int j = n - 1; j >= 0; j--) {
            int cj = j * ld;
            int m = Math.min(kd, n - 1 - j);
            double s = b[j];
            for (int i = 1; i <= m; i++) {
                s -= a[cj + i] * b[j + i];
            }
            b[j] = s;
        }
    }

    /** y = A x for a band matrix in the same layout (A not factored: the caller's data). */
    static void multiply(double[] data, int n, int kd, double[] x, double[] y) {
        int ld = kd + 1;
        java.util.Arrays.fill(y, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            int cj = j * ld;
            double xj = x[j];
            double s = data[cj] * xj;
            int m = Math.min(kd, n - 1 - j);
            for (int i = 1; i <= m; i++) {
                double v = data[cj + i];
                y[j + i] += v * xj;
                s += v * x[j + i];
            }
            y[j] += s;
        }
    }
}
