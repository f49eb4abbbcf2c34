package org.elementa.atomic.dirac;

/**
 * A one-dimensional exponential mesh on [0, rmax] with polynomial order p on every element.
 *
 * <p>Element boundaries r_i = rmax (q^i - 1) / (q^N - 1), i = 0..N, with q = ratio^(1/(N-1)), so
 * that the last element is {@code ratio} times as long as the first (the exponential mesh of
 * Čertík, Pask, Vackář, CPC 184 (2013) 1777, section 3.1); ratio = 1 gives a uniform mesh.
 *
 * @param rmax     outer radius, where the radial functions are set to zero; rmax > 0
 * @param elements number of elements N, in [1, 100000]
 * @param ratio    length of the last element over the first, >= 1
 * @param order    polynomial order p of the Lagrange basis on each element, in [1, 64]
 */
public record RadialMesh(double rmax, int elements, double ratio, int order) {

    /** @throws IllegalArgumentException naming the parameter outside its range */
    public RadialMesh {
        if (!(rmax > 0) || Double.isInfinite(rmax)) {
            throw new IllegalArgumentException("rmax = " + rmax + " must be a finite number > 0");
        }
        if (elements < 1 || elements > 100_000) {
            throw new IllegalArgumentException("elements = " + elements + " must be in [1, 100000]");
        }
        if (!(ratio >= 1) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio = " + ratio + " must be a finite number >= 1");
        }
        if (order < 1 || order > 64) {
            throw new IllegalArgumentException("order = " + order + " must be in [1, 64]");
        }
    }

    /** The N + 1 element boundaries, ascending from 0 to rmax. */
    public double[] boundaries() {
        int n = elements;
        double[] r = new double[n + 1];
        if (n == 1 || ratio == 1) {
            for (int i = 0; i <= n; i++) {
                r[i] = rmax * i / n;
            }
            return r;
        }
        double q = Math.pow(ratio, 1.0 / (n - 1));
        double denominator = Math.expm1(n * Math.log(q));
        for (int i = 0; i <= n; i++) {
            r[i] = rmax * Math.expm1(i * Math.log(q)) / denominator;
        }
        r[n] = rmax;
        return r;
    }
}
