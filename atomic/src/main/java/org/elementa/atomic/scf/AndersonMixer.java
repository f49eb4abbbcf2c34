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
 * With m = 0 it is linear mixing x_{k+1} = x_k + beta F_k. The least-squares problem is solved
 * by QR (not the normal equations), dropping numerically dependent differences, and the history is
 * restarted (from the newest difference) when the residual grows tenfold in one step. Deterministic; not thread-safe.
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
    private double lastNorm;

    /** Residual growth over one step that restarts the history. */
    static final double RESTART_GROWTH = 10;
    /** Relative size of an R diagonal below which a history column counts as dependent. */
    static final double DROP_BELOW = 1e-8;

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
        checkParameters(beta, history);
        if (weights != null && weights.length != size) {
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + size);
        }
        this.size = size;
        this.beta = beta;
        this.history = history;
        this.weights = weights == null ? null : weights.clone();
    }

    /**
     * Checks the mixing parameters, for builders that take them before a mixer exists.
     *
     * @throws IllegalArgumentException unless beta is in (0, 1] and history >= 0
     */
    public static void checkParameters(double beta, int history) {
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("mixing beta = " + beta + " must be in (0, 1]");
        }
        if (history < 0) {
            throw new IllegalArgumentException("history = " + history + " must be >= 0");
        }
    }

    /** Forgets the history. */
    public void reset() {
        dx.clear();
        df.clear();
        lastX = null;
        lastF = null;
    }

    /**
     * The next input from the current input x and its image g = G(x). When the residual norm
     * ||g - x||_W has grown more than {@value #RESTART_GROWTH} times over the previous call's, the
     * older history is forgotten (the extrapolation went astray) and only the newest difference,
     * the step that went wrong, is kept: it still carries secant information. (Keeping it rather
     * than restarting from linear mixing measured fewer SCF iterations: over Z = 1..92 at 1e-8, at
     * most 23 instead of 36.)
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
        double fnorm = Math.sqrt(dot(f, f));
        if (lastX != null && fnorm > RESTART_GROWTH * lastNorm) {
            dx.clear();
            df.clear();
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
        lastNorm = fnorm;
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

    /**
     * Minimizes ||f - sum gamma_k d_k||_W by a QR factorization D = Q R in the W inner product
     * (modified Gram-Schmidt, each column orthogonalized twice: "twice is enough", Giraud, Langou,
     * Rozloznik, Comput. Math. Appl. 50, 1069 (2005)), then R gamma = Q^T W f. Unlike the normal
     * equations (condition number squared) this keeps the coefficients accurate for nearly
     * dependent histories. Columns are taken newest first; a column whose R diagonal falls below
     * {@value #DROP_BELOW} ||D||_F (numerically dependent on the newer ones) gets gamma = 0.
     */
    double[] leastSquares(double[][] d, double[] f) {
        int m = d.length;
        double[][] q = new double[m][];
        double[][] r = new double[m][m];
        int[] kept = new int[m];
        int rank = 0;
        double frob = 0;
        for (double[] col : d) {
            frob += dot(col, col);
        }
        frob = Math.sqrt(frob);
        for (int k = m - 1; k >= 0; k--) {
            double[] v = d[k].clone();
            double[] coef = new double[rank];
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < rank; j++) {
                    double c = dot(q[j], v);
                    coef[j] += c;
                    double[] qj = q[j];
                    for (int i = 0; i < size; i++) {
                        v[i] -= c * qj[i];
                    }
                }
            }
            double diag = Math.sqrt(dot(v, v));
            if (!(diag > DROP_BELOW * frob)) {
                continue;
            }
            for (int i = 0; i < size; i++) {
                v[i] /= diag;
            }
            for (int j = 0; j < rank; j++) {
                r[j][rank] = coef[j];
            }
            r[rank][rank] = diag;
            q[rank] = v;
            kept[rank] = k;
            rank++;
        }
        double[] y = new double[rank];
        for (int j = 0; j < rank; j++) {
            y[j] = dot(q[j], f);
        }
        double[] gamma = new double[m];
        for (int j = rank - 1; j >= 0; j--) {
            double s = y[j];
            for (int k = j + 1; k < rank; k++) {
                s -= r[j][k] * gamma[kept[k]];
            }
            gamma[kept[j]] = s / r[j][j];
        }
        return gamma;
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
