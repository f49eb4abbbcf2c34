package org.elementa.atomic.scf;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Anderson (Pulay/DIIS) mixing for a fixed-point problem x = G(x): D. G. Anderson, J. ACM 12, 547
 * (1965); V. Eyert, J. Comput. Phys. 124, 271 (1996). With residual F_k = G(x_k) - x_k and the last
 * m differences dx_i = x_{i+1} - x_i, dF_i = F_{i+1} - F_i, the coefficients gamma minimize
 * || F_k - sum gamma_i dF_i ||_W (W a diagonal weight), and the next input is
 * <pre>
 * x_{k+1} = x_k + beta F_k - sum gamma_i (dx_i + beta dF_i).
 * </pre>
 * With m = 0 it is linear mixing x_{k+1} = x_k + beta F_k. Deterministic; not thread-safe.
 */
public final class AndersonMixer {

    private final int size;
    private final double beta;
    private final int history;
    private final double[] weights;
    private final Deque<double[]> dx = new ArrayDeque<>();
    private final Deque<double[]> df = new ArrayDeque<>();
    private double[] lastX;
    private double[] lastF;

    /**
     * @param size    length of the vectors, >= 1
     * @param beta    linear mixing parameter, in (0, 1]
     * @param history number of differences kept, >= 0
     * @param weights inner-product weights (length size, each >= 0), or null for all ones
     */
    public AndersonMixer(int size, double beta, int history, double[] weights) {
        if (size < 1) {
            throw new IllegalArgumentException("size = " + size + " must be >= 1");
        }
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("mixing beta = " + beta + " must be in (0, 1]");
        }
        if (history < 0) {
            throw new IllegalArgumentException("history = " + history + " must be >= 0");
        }
        if (weights != null && weights.length != size) {
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + size);
        }
        this.size = size;
        this.beta = beta;
        this.history = history;
        this.weights = weights == null ? null : weights.clone();
    }

    /** Forgets the history. */
    public void reset() {
        dx.clear();
        df.clear();
        lastX = null;
        lastF = null;
    }

    /**
     * The next input from the current input x and its image g = G(x).
     *
     * @return a new array of length size
     */
    public double[] next(double[] x, double[] g) {
        if (x.length != size || g.length != size) {
            throw new IllegalArgumentException("vectors must have length " + size);
        }
        double[] f = new double[size];
        for (int i = 0; i < size; i++) {
            f[i] = g[i] - x[i];
        }
        if (lastX != null && history > 0) {
            double[] ddx = new double[size];
            double[] ddf = new double[size];
            for (int i = 0; i < size; i++) {
                ddx[i] = x[i] - lastX[i];
                ddf[i] = f[i] - lastF[i];
            }
            dx.addLast(ddx);
            df.addLast(ddf);
            if (dx.size() > history) {
                dx.removeFirst();
                df.removeFirst();
            }
        }
        lastX = x.clone();
        lastF = f.clone();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = x[i] + beta * f[i];
        }
        int m = df.size();
        if (m == 0) {
            return out;
        }
        double[][] dfs = df.toArray(new double[0][]);
        double[][] dxs = dx.toArray(new double[0][]);
        double[] gamma = leastSquares(dfs, f);
        for (int k = 0; k < m; k++) {
            double gk = gamma[k];
            if (gk == 0) {
                continue;
            }
            double[] a = dxs[k];
            double[] b = dfs[k];
            for (int i = 0; i < size; i++) {
                out[i] -= gk * (a[i] + beta * b[i]);
            }
        }
        return out;
    }

    /** Minimizes ||f - sum gamma_k d_k||_W by the normal equations, Tikhonov-guarded. */
    private double[] leastSquares(double[][] d, double[] f) {
        int m = d.length;
        double[][] a = new double[m][m + 1];
        double trace = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double v = dot(d[i], d[j]);
                a[i][j] = v;
                a[j][i] = v;
            }
            a[i][m] = dot(d[i], f);
            trace += a[i][i];
        }
        // A tiny diagonal shift keeps nearly dependent histories from blowing up the coefficients.
        double shift = 1e-12 * trace / m;
        for (int i = 0; i < m; i++) {
            a[i][i] += shift;
        }
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            if (a[c][c] == 0) {
                return new double[m];
            }
            for (int r = c + 1; r < m; r++) {
                double fct = a[r][c] / a[c][c];
                for (int k = c; k <= m; k++) {
                    a[r][k] -= fct * a[c][k];
                }
            }
        }
        double[] g = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int k = r + 1; k < m; k++) {
                s -= a[r][k] * g[k];
            }
            g[r] = s / a[r][r];
        }
        return g;
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        if (weights == null) {
            for (int i = 0; i < size; i++) {
                s += a[i] * b[i];
            }
        } else {
            for (int i = 0; i < size; i++) {
                s += weights[i] * a[i] * b[i];
            }
        }
        return s;
    }

    /** Number of differences currently in the history. */
    public int historySize() {
        return df.size();
    }

}
