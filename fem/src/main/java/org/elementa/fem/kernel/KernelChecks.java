package org.elementa.fem.kernel;

/**
 * The argument checks that both {@link Kernels} implementations run on entry, in one place. Each
 * is O(1): sizes, leading dimensions and whether the last element an operation touches lies inside
 * its array (offsets and extents in {@code long}, so that no product overflows). Bad arguments
 * throw {@link IllegalArgumentException} naming the parameter; the kernels' inner loops stay free
 * of checks beyond the JVM's own.
 *
 * <p>Also home of {@link #ldltPivotMin}, the pivot threshold both LDL^T implementations share.
 */
final class KernelChecks {

    private KernelChecks() {
    }

    static void nonNegative(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " = " + v + " must be >= 0");
        }
    }

    /** Elements off, off+1, ..., off+len-1 of the array called name (nothing when len = 0). */
    static void range(String name, double[] a, String offName, int off, long len) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (off < 0) {
            throw new IllegalArgumentException(offName + " = " + off + " must be >= 0");
        }
        if (len > 0 && off + len > a.length) {
            throw new IllegalArgumentException(name + ": elements [" + off + ", " + (off + len) + ") needed, but "
                    + name + ".length = " + a.length);
        }
    }

    /** A rows-by-cols column-major matrix at a[off] with leading dimension ld. */
    static void matrix(String name, int rows, int cols, double[] a, String offName, int off, String ldName, int ld) {
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException(ldName + " = " + ld + " must be >= max(1, " + rows + ")");
        }
        range(name, a, offName, off, rows == 0 || cols == 0 ? 0 : (long) (cols - 1) * ld + rows);
    }

    static void vector(int n, double[] x, int xOff) {
        nonNegative("n", n);
        range("x", x, "xOff", xOff, n);
    }

    static void vectors(int n, double[] x, int xOff, double[] y, int yOff) {
        nonNegative("n", n);
        range("x", x, "xOff", xOff, n);
        range("y", y, "yOff", yOff, n);
    }

    static void gemv(boolean transA, int m, int n, double[] a, int aOff, int lda,
                     double[] x, int xOff, double[] y, int yOff) {
        nonNegative("m", m);
        nonNegative("n", n);
        matrix("a", m, n, a, "aOff", aOff, "lda", lda);
        range("x", x, "xOff", xOff, transA ? m : n);
        range("y", y, "yOff", yOff, transA ? n : m);
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff, int lda,
                     double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        nonNegative("m", m);
        nonNegative("n", n);
        nonNegative("k", k);
        if (transA) {
            matrix("a", k, m, a, "aOff", aOff, "lda", lda);
        } else {
            matrix("a", m, k, a, "aOff", aOff, "lda", lda);
        }
        if (transB) {
            matrix("b", n, k, b, "bOff", bOff, "ldb", ldb);
        } else {
            matrix("b", k, n, b, "bOff", bOff, "ldb", ldb);
        }
        matrix("c", m, n, c, "cOff", cOff, "ldc", ldc);
    }

    /** An n-by-n symmetric band matrix with half-bandwidth kd in lower band storage. */
    static void band(int n, int kd, double[] ab, int ldab) {
        nonNegative("n", n);
        nonNegative("kd", kd);
        if (ldab < kd + 1) {
            throw new IllegalArgumentException("ldab = " + ldab + " must be >= kd + 1 = " + ((long) kd + 1));
        }
        range("ab", ab, "offset", 0, (long) ldab * n);
    }

    /** A profile (envelope) of an n-by-n band of half-width kd: see Kernels.sbldlt(int, int, int[], double[], int). O(n). */
    static void profile(int n, int kd, int[] profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is null");
        }
        if (profile.length < n) {
            throw new IllegalArgumentException("profile.length = " + profile.length + " must be >= n = " + n);
        }
        int lastRow = 0;
        for (int j = 0; j < n; j++) {
            int p = profile[j];
            if (p < 0 || p > Math.min(kd, n - 1 - j)) {
                throw new IllegalArgumentException("profile[" + j + "] = " + p + " must be in [0, min(kd, n-1-j)] = [0, "
                        + Math.min(kd, n - 1 - j) + "]");
            }
            if (j + p < lastRow) {
                throw new IllegalArgumentException("profile[" + j + "] = " + p + ": its last row " + (j + p)
                        + " lies above the previous column's (" + lastRow + "); an envelope's last rows never decrease");
            }
            lastRow = j + p;
        }
    }

    /** Column j's extent below the diagonal: the profile's, or the full band's when profile is null. */
    static int extent(int n, int kd, int[] profile, int j) {
        return profile == null ? Math.min(kd, n - 1 - j) : profile[j];
    }

    static void sbmv(int n, int kd, double[] ab, int ldab, double[] x, double[] y) {
        band(n, kd, ab, ldab);
        range("x", x, "offset", 0, n);
        range("y", y, "offset", 0, n);
    }

    /** A band factor and an n-by-nrhs right-hand side with leading dimension ldb. */
    static void bandSolve(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        band(n, kd, ab, ldab);
        nonNegative("nrhs", nrhs);
        matrix("b", n, nrhs, b, "offset", 0, "ldb", ldb);
    }

    /**
     * The smallest pivot magnitude the LDL^T factorization accepts:
     * pivmin = max(eps * max_j |A_jj|, Double.MIN_NORMAL), eps = 2^-52.
     *
     * <p>Why: the elimination commits rounding errors of order eps * ||A|| in every entry it forms
     * (backward error analysis of Gaussian elimination), so a pivot at or below eps times the
     * matrix scale carries no reliable digit, nor a reliable sign, and the Sturm count read from D
     * would be noise; dividing by it multiplies that noise by 1/|d|. The largest diagonal entry is
     * the scale (O(n) to find, against O(n kd^2) for the factorization). The floor MIN_NORMAL keeps
     * 1/d finite and also rejects a pivot of a matrix whose diagonal is all zero. A NaN pivot fails
     * the test {@code |d| > pivmin} as well. Limitation: a matrix whose diagonal spans more than
     * about 1/eps in magnitude must be equilibrated (scaled symmetrically) first, or its small
     * pivots are rejected.
     */
    static double ldltPivotMin(int n, double[] ab, int ldab) {
        double maxDiag = 0;
        for (int j = 0; j < n; j++) {
            double a = Math.abs(ab[j * ldab]);
            if (a > maxDiag) { // a NaN entry is skipped here and fails the pivot test where it is reached
                maxDiag = a;
            }
        }
        return Math.max(Math.ulp(1.0) * maxDiag, Double.MIN_NORMAL);
    }
}
