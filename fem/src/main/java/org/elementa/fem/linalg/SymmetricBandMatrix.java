package org.elementa.fem.linalg;

import java.util.Arrays;

/**
 * A real symmetric n-by-n matrix with half-bandwidth kd (A(i, j) = 0 when |i - j| &gt; kd), in
 * LAPACK's lower band storage: A(i, j) for j &lt;= i &lt;= min(n-1, j+kd) is stored at
 * {@code data[(i - j) + j * ldab]} with {@code ldab = kd + 1}. Each column of the lower triangle is
 * contiguous, the layout the banded kernels of {@link org.elementa.fem.kernel.Kernels} read.
 *
 * <p>Mutable: finite element assembly adds into it. {@link #copy()} gives an independent copy for
 * factorizations, which work in place.
 */
public final class SymmetricBandMatrix {

    private final int n;
    private final int kd;
    private final double[] data;

    /**
     * A zero matrix.
     *
     * @param n  order, n &gt;= 1
     * @param kd half-bandwidth, 0 &lt;= kd &lt; n, with (kd + 1) n at most Integer.MAX_VALUE
     */
    public SymmetricBandMatrix(int n, int kd) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " must be >= 1");
        }
        if (kd < 0 || kd >= n) {
            throw new IllegalArgumentException("kd = " + kd + " must be in [0, n-1] = [0, " + (n - 1) + "]");
        }
        int length;
        try {
            length = Math.multiplyExact(kd + 1, n);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("(kd + 1) * n = " + ((long) kd + 1) * n
                    + " exceeds the largest Java array: reduce n = " + n + " or kd = " + kd, e);
        }
        this.n = n;
        this.kd = kd;
        this.data = new double[length];
    }

    private SymmetricBandMatrix(int n, int kd, double[] data) {
        this.n = n;
        this.kd = kd;
        this.data = data;
    }

    /** Order of the matrix. */
    public int size() {
        return n;
    }

    /** Half-bandwidth. */
    public int bandwidth() {
        return kd;
    }

    /** Leading dimension of the band storage, kd + 1. */
    public int ldab() {
        return kd + 1;
    }

    /** The band storage itself (not a copy): LAPACK lower layout, see the class comment. */
    public double[] data() {
        return data;
    }

    /** A(i, j); zero outside the band. */
    public double get(int i, int j) {
        checkIndex(i, j);
        int lo = Math.min(i, j);
        int d = Math.abs(i - j);
        return d > kd ? 0.0 : data[d + lo * (kd + 1)];
    }

    /** A(i, j) += v (and so A(j, i)); (i, j) must lie in the band. */
    public void add(int i, int j, double v) {
        checkIndex(i, j);
        int d = Math.abs(i - j);
        if (d > kd) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") lies outside the band kd = " + kd);
        }
        data[d + Math.min(i, j) * (kd + 1)] += v;
    }

    /** A(i, j) = v (and so A(j, i)); (i, j) must lie in the band. */
    public void set(int i, int j, double v) {
        checkIndex(i, j);
        int d = Math.abs(i - j);
        if (d > kd) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") lies outside the band kd = " + kd);
        }
        data[d + Math.min(i, j) * (kd + 1)] = v;
    }

    /** An independent copy. */
    public SymmetricBandMatrix copy() {
        return new SymmetricBandMatrix(n, kd, data.clone());
    }

    /**
     * The full matrix, column-major n*n (for dense reference paths and tests).
     *
     * @throws UnsupportedOperationException if n*n exceeds the largest Java array
     */
    public double[] toDense() {
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new UnsupportedOperationException("a dense copy of order n = " + n
                    + " would need n*n = " + (long) n * n + " entries, more than a Java array holds");
        }
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i <= Math.min(n - 1, j + kd); i++) {
                double v = data[(i - j) + j * (kd + 1)];
                a[i + j * n] = v;
                a[j + i * n] = v;
            }
        }
        return a;
    }

    /** Sets every entry to zero, keeping the shape. */
    public void clear() {
        Arrays.fill(data, 0.0);
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside a " + n + "x" + n + " matrix");
        }
    }
}
