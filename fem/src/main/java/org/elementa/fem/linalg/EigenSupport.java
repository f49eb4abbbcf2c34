package org.elementa.fem.linalg;

/**
 * Small building blocks shared by Elementa's own eigensolvers: argument checks, the deterministic
 * sign convention, the symmetric tridiagonal QR iteration and a small dense symmetric eigensolver.
 */
final class EigenSupport {

    private static final double EPS = Math.ulp(1.0);

    private EigenSupport() {
    }

    /** Checks that h and s have the same order and that [il, iu] is a valid index range. */
    static void checkRange(SymmetricBandMatrix h, SymmetricBandMatrix s, int il, int iu) {
        if (h == null || s == null) {
            throw new IllegalArgumentException("h and s must not be null");
        }
        int n = h.size();
        if (s.size() != n) {
            throw new IllegalArgumentException("h is " + n + "x" + n + " but s is " + s.size() + "x" + s.size());
        }
        if (il < 0 || il >= n) {
            throw new IllegalArgumentException("il = " + il + " must be in [0, " + (n - 1) + "]");
        }
        if (iu < il || iu >= n) {
            throw new IllegalArgumentException("iu = " + iu + " must be in [il, n-1] = [" + il + ", " + (n - 1) + "]");
        }
    }

    /** Checks count in [1, n]. */
    static void checkCount(SymmetricBandMatrix h, SymmetricBandMatrix s, int count) {
        if (h == null || s == null) {
            throw new IllegalArgumentException("h and s must not be null");
        }
        if (s.size() != h.size()) {
            throw new IllegalArgumentException("h is " + h.size() + "x" + h.size() + " but s is " + s.size() + "x" + s.size());
        }
        if (count < 1 || count > h.size()) {
            throw new IllegalArgumentException("count = " + count + " must be in [1, " + h.size() + "]");
        }
    }

    /** Throws IllegalArgumentException if a matrix holds a NaN or an infinity. */
    static void checkFinite(SymmetricBandMatrix a, String name) {
        for (double v : a.data()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " holds a non-finite entry (" + v + ")");
            }
        }
    }

    /**
     * The sign convention of all Elementa eigensolvers: the first component whose magnitude is at
     * least 1e-3 of the largest one is made positive. (A plain "first non-zero component" rule
     * would let rounding-level components decide the sign.)
     */
    static void fixSign(double[] x, int off, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(x[off + i]));
        }
        double threshold = 1e-3 * max;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            if (Math.abs(v) >= threshold && v != 0) {
                if (v < 0) {
                    for (int k = 0; k < n; k++) {
                        x[off + k] = -x[off + k];
                    }
                }
                return;
            }
        }
    }

    /** Largest absolute column sum of a symmetric band matrix (its 1-norm, equal to its infinity norm). */
    static double norm1(SymmetricBandMatrix a) {
        int n = a.size();
        int kd = a.bandwidth();
        int ld = kd + 1;
        double[] ab = a.data();
        double[] sums = new double[n];
        for (int j = 0; j < n; j++) {
            int len = Math.min(kd, n - 1 - j);
            sums[j] += Math.abs(ab[j * ld]);
            for (int r = 1; r <= len; r++) {
                double v = Math.abs(ab[r + j * ld]);
                sums[j] += v;
                sums[j + r] += v;
            }
        }
        double max = 0;
        for (double v : sums) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Eigen-decomposition of the symmetric tridiagonal matrix with diagonal d[0..m) and
     * sub-diagonal e[0..m-1), by the implicit symmetric QR iteration with Wilkinson shifts
     * (Golub and Van Loan, Matrix Computations, 4th ed., Algorithm 8.3.2 and section 8.3.5), with
     * deflation whenever |e_k| <= eps (|d_k| + |d_{k+1}|).
     *
     * <p>On return d holds the eigenvalues (not sorted) and e is destroyed. The rotations are
     * applied on the right to z, a rows-by-m column-major matrix (leading dimension rows): start
     * from the identity to get all eigenvectors as columns, or from the last row of the identity
     * to get only the last components (what Lanczos convergence tests need), or pass rows = 0.
     *
     * @throws EigenSolverException if some eigenvalue needs more than 60 QR sweeps
     */
    static void tridiagonalEigen(int m, double[] d, double[] e, double[] z, int rows) {
        int q = m - 1;
        int sweeps = 0;
        while (q > 0) {
            if (Math.abs(e[q - 1]) <= EPS * (Math.abs(d[q - 1]) + Math.abs(d[q]))) {
                e[q - 1] = 0;
                q--;
                sweeps = 0;
                continue;
            }
            int p = q - 1;
            while (p > 0 && Math.abs(e[p - 1]) > EPS * (Math.abs(d[p - 1]) + Math.abs(d[p]))) {
                p--;
            }
            if (p > 0) {
                e[p - 1] = 0;
            }
            if (++sweeps > 60) {
                throw new EigenSolverException("tridiagonal QR iteration: no convergence after 60 sweeps at index "
                        + q + " (|e| = " + Math.abs(e[q - 1]) + ")");
            }
            qrSweep(p, q, d, e, z, rows);
        }
    }

    /** sqrt(x^2 + y^2) without the cost of Math.hypot where no over- or underflow can occur. */
    private static double norm2(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double m = Math.max(ax, ay);
        if (m > 1e150 || m < 1e-150) {
            return Math.hypot(x, y);
        }
        return Math.sqrt(x * x + y * y);
    }

    /** One implicit Wilkinson-shifted QR sweep on the unreduced block [p, q]: bulge chasing by Givens rotations. */
    private static void qrSweep(int p, int q, double[] d, double[] e, double[] z, int rows) {
        double half = 0.5 * (d[q - 1] - d[q]);
        double bq = e[q - 1];
        double denom = half + Math.copySign(norm2(half, bq), half == 0 ? 1.0 : half);
        double mu = d[q] - bq * (bq / denom);
        double x = d[p] - mu;
        double y = e[p];
        for (int k = p; k < q; k++) {
            double r = norm2(x, y);
            double c;
            double s;
            if (r == 0) {
                c = 1;
                s = 0;
            } else {
                c = x / r;
                s = y / r;
            }
            if (k > p) {
                e[k - 1] = r;
            }
            double ak = d[k];
            double ak1 = d[k + 1];
            double bk = e[k];
            double cs = c * s;
            d[k] = c * c * ak + 2 * cs * bk + s * s * ak1;
            d[k + 1] = s * s * ak - 2 * cs * bk + c * c * ak1;
            e[k] = cs * (ak1 - ak) + (c * c - s * s) * bk;
            if (k + 1 < q) {
                double next = e[k + 1];
                y = s * next;
                e[k + 1] = c * next;
                x = e[k];
            }
            for (int i = 0; i < rows; i++) {
                int ck = i + k * rows;
                int ck1 = ck + rows;
                double zk = z[ck];
                double zk1 = z[ck1];
                z[ck] = c * zk + s * zk1;
                z[ck1] = -s * zk + c * zk1;
            }
        }
    }

    /** Sweeps allowed to the cyclic Jacobi method; it converges quadratically, in well under ten. */
    private static final int MAX_JACOBI_SWEEPS = 60;

    /**
     * All eigenpairs of a small dense symmetric m-by-m matrix a (column-major, both triangles
     * stored, destroyed) by the cyclic Jacobi method (Golub and Van Loan, Algorithm 8.5.3), which is
     * accurate to a small multiple of eps ||a|| and simple; meant for Rayleigh-Ritz matrices of a
     * few dozen rows. Returns the eigenvalues ascending; v (m-by-m) receives the eigenvectors as
     * columns in the same order.
     */
    static double[] jacobiEigen(int m, double[] a, double[] v) {
        java.util.Arrays.fill(v, 0, m * m, 0.0);
        for (int i = 0; i < m; i++) {
            v[i + i * m] = 1;
        }
        // Rutishauser's threshold rule: an off-diagonal entry below eps sqrt(|a_pp a_qq|) cannot move
        // an eigenvalue by more than rounding, so it is set to zero instead of rotated; a sweep that
        // rotates nothing ends the iteration (quadratic convergence makes that a handful of sweeps).
        boolean rotated = true;
        int sweep = 0;
        for (; rotated && sweep < MAX_JACOBI_SWEEPS; sweep++) {
            rotated = false;
            for (int p = 0; p < m - 1; p++) {
                for (int q = p + 1; q < m; q++) {
                    double apq = a[p + q * m];
                    double app = a[p + p * m];
                    double aqq = a[q + q * m];
                    if (Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app * aqq))) {
                        a[p + q * m] = 0;
                        a[q + p * m] = 0;
                        continue;
                    }
                    rotated = true;
                    double tau = (aqq - app) / (2 * apq);
                    double t = Math.copySign(1.0, tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = t * c;
                    // a <- J^T a J with J the rotation in the (p, q) plane.
                    for (int k = 0; k < m; k++) {
                        double akp = a[k + p * m];
                        double akq = a[k + q * m];
                        a[k + p * m] = c * akp - s * akq;
                        a[k + q * m] = s * akp + c * akq;
                    }
                    for (int k = 0; k < m; k++) {
                        double apk = a[p + k * m];
                        double aqk = a[q + k * m];
                        a[p + k * m] = c * apk - s * aqk;
                        a[q + k * m] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < m; k++) {
                        double vkp = v[k + p * m];
                        double vkq = v[k + q * m];
                        v[k + p * m] = c * vkp - s * vkq;
                        v[k + q * m] = s * vkp + c * vkq;
                    }
                    // The rotation annihilates a_pq in exact arithmetic: store that, not the rounding.
                    a[p + q * m] = 0;
                    a[q + p * m] = 0;
                }
            }
        }
        if (rotated) {
            throw new EigenSolverException("cyclic Jacobi on a " + m + "x" + m
                    + " Rayleigh-Ritz matrix did not converge in " + MAX_JACOBI_SWEEPS + " sweeps");
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = a[i + i * m];
        }
        // Sort ascending (insertion sort: m is small), permuting the vectors with the values.
        double[] col = new double[m];
        for (int i = 1; i < m; i++) {
            double wi = w[i];
            System.arraycopy(v, i * m, col, 0, m);
            int j = i - 1;
            while (j >= 0 && w[j] > wi) {
                w[j + 1] = w[j];
                System.arraycopy(v, j * m, v, (j + 1) * m, m);
                j--;
            }
            w[j + 1] = wi;
            System.arraycopy(col, 0, v, (j + 1) * m, m);
        }
        return w;
    }
}
