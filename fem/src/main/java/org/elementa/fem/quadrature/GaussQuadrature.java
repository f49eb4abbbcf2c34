package org.elementa.fem.quadrature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauss-Legendre, Gauss-Lobatto(-Legendre) and Gauss-Jacobi rules of any order, computed at run time
 * to full double precision; no tables.
 *
 * <p>Method (Golub and Welsch, Math. Comp. 23 (1969) 221-230, with the eigenvalues found by Sturm
 * bisection and polished by Newton's method): the n nodes of the Gauss rule for the weight
 * w(x) = (1-x)^a (1+x)^b are the zeros of the Jacobi polynomial P_n^(a,b), the eigenvalues of the
 * symmetric tridiagonal Jacobi matrix with diagonal alpha_k and off-diagonal sqrt(beta_k) of the
 * monic three-term recurrence
 * <pre>
 *   alpha_k = (b^2 - a^2) / ((2k+a+b)(2k+a+b+2))
 *   beta_k  = 4k(k+a)(k+b)(k+a+b) / ((2k+a+b)^2 (2k+a+b+1)(2k+a+b-1)),   k &gt;= 1
 * </pre>
 * Bisection on the Sturm sequence of the LDL^T pivots gives every eigenvalue to about one ulp of the
 * interval; one or two Newton steps on the orthonormal recurrence polish it (nodes within ~2 ulps
 * of 1). Jacobi weights come from the Christoffel function, w_i = mu_0 / sum_{k &lt; n} p_k(x_i)^2 with
 * p_k orthonormal for the normalized weight and mu_0 = integral of w = 2^(a+b+1) Gamma(a+1)
 * Gamma(b+1) / Gamma(a+b+2), corrected to first order for the sub-ulp distance between the rounded
 * node and the true zero; the recurrence's rounded coefficients leave a relative error of about
 * n eps (2e-14 at n = 128). Legendre weights use 2 / ((1 - x^2) P_n'(x)^2) with a double-double
 * Bonnet recurrence (integer coefficients, no rounding of their own) and the same node correction:
 * within a few ulps.
 *
 * <p>Gauss-Lobatto with n points: the end points and the n-2 zeros of P'_{n-1}, which are the zeros
 * of P_{n-2}^(1,1); weights 2 / (n (n-1) P_{n-1}(x_i)^2) (Abramowitz and Stegun 25.4.32), with P_{n-1}
 * in double-double: within a few ulps.
 *
 * <p>Rules are immutable, so sharing is safe. Legendre and Lobatto rules are cached per n (at most
 * MAX_POINTS of each). Jacobi rules depend on two real parameters, so only the
 * {@value #JACOBI_CACHE_SIZE} most recently used (n, a, b) are kept; jacobi(n, 0, 0) is the
 * Legendre rule and returns it.
 *
 * <p>Cost: the construction is O(n^2) (bisection and the Christoffel sums). Measured: a first call
 * with n = 2048 (cold JIT included) took 2.3 to 3.2 s on a shared 2-core machine at load average
 * ~10; on an idle core expect several times less. Cached rules cost nothing after the first call.
 */
public final class GaussQuadrature {

    /** Largest number of points accepted (the O(n^2) construction takes seconds there, see above). */
    public static final int MAX_POINTS = 2048;

    /** How many Jacobi rules (distinct n, a, b) are kept, least recently used dropped first. */
    static final int JACOBI_CACHE_SIZE = 64;

    private static final Map<String, QuadratureRule> CACHE = new ConcurrentHashMap<>();

    /** Bounded LRU cache of Jacobi rules; guarded by itself. */
    private static final Map<String, QuadratureRule> JACOBI_CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, QuadratureRule> eldest) {
            return size() > JACOBI_CACHE_SIZE;
        }
    };

    private GaussQuadrature() {
    }

    /** The n-point Gauss-Legendre rule (weight 1), exact for polynomials of degree 2n-1; n in [1, MAX_POINTS]. */
    public static QuadratureRule legendre(int n) {
        checkPoints("n", n, 1);
        return CACHE.computeIfAbsent("L" + n, k -> {
            QuadratureRule r = computeJacobi(n, 0.0, 0.0);
            double[] x = r.nodes();
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = legendreWeight(n, x[i]);
            }
            symmetrize(x, w);
            return new QuadratureRule("Gauss-Legendre(" + n + ")", x, w, 2 * n - 1);
        });
    }

    /**
     * The n-point Gauss-Jacobi rule for the weight (1-x)^a (1+x)^b, exact for f of degree 2n-1.
     *
     * @param n points, in [1, MAX_POINTS]
     * @param a exponent at x = 1, finite, &gt; -1
     * @param b exponent at x = -1, finite, &gt; -1
     */
    public static QuadratureRule jacobi(int n, double a, double b) {
        checkPoints("n", n, 1);
        if (!(a > -1) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("a = " + a + " must be a finite number > -1");
        }
        if (!(b > -1) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("b = " + b + " must be a finite number > -1");
        }
        if (a == 0 && b == 0) {
            return legendre(n);
        }
        String key = n + ":" + Double.doubleToLongBits(a) + ":" + Double.doubleToLongBits(b);
        synchronized (JACOBI_CACHE) {
            QuadratureRule r = JACOBI_CACHE.get(key);
            if (r != null) {
                return r;
            }
        }
        // Computed outside the lock (seconds at n = 2048); two threads may compute the same rule once each.
        QuadratureRule r = computeJacobi(n, a, b);
        synchronized (JACOBI_CACHE) {
            QuadratureRule prev = JACOBI_CACHE.putIfAbsent(key, r);
            return prev != null ? prev : r;
        }
    }

    /**
     * The n-point Gauss-Lobatto(-Legendre) rule (weight 1, both end points included), exact for
     * polynomials of degree 2n-3; n in [2, MAX_POINTS].
     */
    public static QuadratureRule lobatto(int n) {
        checkPoints("n", n, 2);
        return CACHE.computeIfAbsent("B" + n, k -> computeLobatto(n));
    }

    private static void checkPoints(String name, int n, int min) {
        if (n < min || n > MAX_POINTS) {
            throw new IllegalArgumentException(name + " = " + n + " must be in [" + min + ", " + MAX_POINTS + "]");
        }
    }

    private static QuadratureRule computeLobatto(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        x[0] = -1;
        x[n - 1] = 1;
        if (n > 2) {
            QuadratureRule inner = computeJacobi(n - 2, 1.0, 1.0);
            for (int i = 0; i < n - 2; i++) {
                x[i + 1] = inner.node(i);
            }
        }
        for (int i = 0; i < n; i++) {
            // At a Lobatto node P'_{n-1} = 0, so the weight is stationary in x: a rounded node costs
            // nothing to first order, and P_{n-1} from double-double keeps the last bits.
            double p = legendreDoubleDouble(n - 1, x[i])[0];
            w[i] = 2.0 / ((double) n * (n - 1) * p * p);
        }
        symmetrize(x, w);
        return new QuadratureRule("Gauss-Lobatto(" + n + ")", x, w, 2 * n - 3);
    }

    /**
     * The Gauss-Legendre weight 2 / ((1 - x^2) P_n'(x)^2) (A&amp;S 25.4.29) at the rounded node x.
     * P_n and P_{n-1} come from the Bonnet recurrence in double-double arithmetic: in plain double
     * the value of P_n next to its zero carries an absolute error ~1e-13 at n = 128, which would
     * spoil the correction below. The rounded node lies dx = P_n / P_n' from the true zero; there
     * the Legendre equation (1 - x^2) P'' = 2 x P' gives d(ln w)/dx = -2x / (1 - x^2), so the weight
     * at the true zero is w(x) (1 + 2 x dx / (1 - x^2)).
     */
    private static double legendreWeight(int n, double x) {
        double[] p = legendreDoubleDouble(n, x);
        double oneMinusX2 = (1 - x) * (1 + x);
        double d = n * (p[1] - x * p[0]) / oneMinusX2;
        double w = 2 / (oneMinusX2 * d * d);
        double dx = p[0] / d;
        return w * (1 + 2 * x * dx / oneMinusX2);
    }

    /**
     * {P_m(x), P_{m-1}(x)} (m &gt;= 1), each rounded from a double-double evaluation of
     * (k+1) P_{k+1} = (2k+1) x P_k - k P_{k-1} (error-free products by fma, Dekker/Knuth sums).
     */
    static double[] legendreDoubleDouble(int m, double x) {
        double p0h = 1;
        double p0l = 0;
        double p1h = x;
        double p1l = 0;
        for (int k = 1; k < m; k++) {
            // a = (2k+1) x, exactly as a double-double
            double ah = (2 * k + 1) * x;
            double al = Math.fma(2 * k + 1, x, -ah);
            // t = a * p1
            double th = ah * p1h;
            double tl = Math.fma(ah, p1h, -th) + (ah * p1l + al * p1h);
            double s = th + tl;
            tl = tl - (s - th);
            th = s;
            // u = k * p0
            double uh = k * p0h;
            double ul = Math.fma(k, p0h, -uh) + k * p0l;
            // v = t - u (two-sum of the high parts)
            double vh = th - uh;
            double bb = vh - th;
            double vl = (th - (vh - bb)) + (-uh - bb) + (tl - ul);
            s = vh + vl;
            vl = vl - (s - vh);
            vh = s;
            // p2 = v / (k+1)
            double q1 = vh / (k + 1);
            double rh = Math.fma(-q1, k + 1, vh) + vl;
            double q2 = rh / (k + 1);
            double p2h = q1 + q2;
            double p2l = q2 - (p2h - q1);
            p0h = p1h;
            p0l = p1l;
            p1h = p2h;
            p1l = p2l;
        }
        return new double[] {p1h + p1l, p0h + p0l};
    }

    private static QuadratureRule computeJacobi(int n, double a, double b) {
        double[] alpha = new double[n];
        double[] beta = new double[n + 1]; // beta[k], k >= 1: squared off-diagonal; beta[n] for p_n
        for (int k = 0; k < n; k++) {
            alpha[k] = alpha(k, a, b);
        }
        for (int k = 1; k <= n; k++) {
            beta[k] = beta(k, a, b);
        }
        double[] sqrtBeta = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            sqrtBeta[k] = Math.sqrt(beta[k]);
        }
        double[] x = new double[n];
        double lo = -1;
        for (int i = 0; i < n; i++) {
            // The i-th eigenvalue: the point where the count of eigenvalues below x passes i.
            x[i] = bisect(alpha, beta, n, i, lo, 1.0);
            lo = x[i];
        }
        double mu0 = weightIntegral(a, b);
        double[] w = new double[n];
        double[] ev = new double[4];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            for (int it = 0; it < 3; it++) {
                evaluate(alpha, sqrtBeta, n, xi, ev);
                double dx = ev[0] / ev[1];
                double next = xi - dx;
                // Stay between the neighbours found by bisection; stop once the step is below an ulp.
                boolean inside = next > -1 && next < 1 && (i == 0 || next > x[i - 1]) && (i == n - 1 || next < x[i + 1]);
                if (!inside || !Double.isFinite(next)) {
                    break;
                }
                xi = next;
                if (Math.abs(dx) <= Math.ulp(xi)) {
                    break;
                }
            }
            x[i] = xi;
            evaluate(alpha, sqrtBeta, n, xi, ev);
            // The rounded node sits a fraction of an ulp from the zero, dx = p_n / p_n'. Near the ends the
            // Christoffel sum K varies like n^2 per unit x, so that fraction would cost ~n^2 ulps in the
            // weight; the first-order correction K(x - dx) = K(x) - K'(x) dx restores full precision.
            double dx = ev[0] / ev[1];
            w[i] = mu0 / (ev[2] - ev[3] * dx);
        }
        if (a == b) {
            symmetrize(x, w);
        }
        return new QuadratureRule("Gauss-Jacobi(" + n + ", a=" + a + ", b=" + b + ")", x, w, 2 * n - 1);
    }

    /** Symmetric weight: make the rule exactly symmetric (average the mirrored pairs). */
    private static void symmetrize(double[] x, double[] w) {
        int n = x.length;
        for (int i = 0; i < n / 2; i++) {
            int j = n - 1 - i;
            double xs = 0.5 * (x[j] - x[i]);
            double ws = 0.5 * (w[i] + w[j]);
            x[i] = -xs;
            x[j] = xs;
            w[i] = ws;
            w[j] = ws;
        }
        if (n % 2 == 1) {
            x[n / 2] = 0.0;
        }
    }

    private static double alpha(int k, double a, double b) {
        if (k == 0) {
            return (b - a) / (a + b + 2);
        }
        double s = 2 * k + a + b;
        return (b - a) * (b + a) / (s * (s + 2));
    }

    private static double beta(int k, double a, double b) {
        if (k == 1) {
            // The general formula with the (k+a+b) / (2k+a+b-1) factor cancelled (it is 0/0 at a+b = -1).
            double s = a + b + 2;
            return 4 * (1 + a) * (1 + b) / (s * s * (s + 1));
        }
        double s = 2 * k + a + b;
        return 4.0 * k * (k + a) * (k + b) * (k + a + b) / (s * s * (s + 1) * (s - 1));
    }

    /** Number of eigenvalues of the Jacobi matrix below x (Sturm count from the LDL^T pivots). */
    private static int countBelow(double[] alpha, double[] beta, int n, double x) {
        int count = 0;
        double d = alpha[0] - x;
        if (d < 0) {
            count++;
        }
        for (int k = 1; k < n; k++) {
            if (d == 0) {
                d = Double.MIN_NORMAL;
            }
            d = (alpha[k] - x) - beta[k] / d;
            if (d < 0) {
                count++;
            }
        }
        return count;
    }

    /** The i-th eigenvalue (0-based, ascending) in (lo, hi) by bisection to adjacent doubles. */
    private static double bisect(double[] alpha, double[] beta, int n, int i, double lo, double hi) {
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi || hi - lo < 1e-17) {
                break; // Newton polishes the last bits (relative accuracy near x = 0)
            }
            if (countBelow(alpha, beta, n, mid) > i) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * With p_k orthonormal for the normalized weight (p_0 = 1): out[0] = p_n(x), out[1] = p_n'(x),
     * out[2] = K(x) = sum_{k &lt; n} p_k(x)^2 (the inverse Christoffel function), out[3] = K'(x).
     */
    private static void evaluate(double[] alpha, double[] sqrtBeta, int n, double x, double[] out) {
        double pPrev = 0;
        double p = 1;
        double dPrev = 0;
        double d = 0;
        double k2 = 0;
        double dk2 = 0;
        for (int k = 0; k < n; k++) {
            k2 += p * p;
            dk2 += 2 * p * d;
            double sbPrev = k == 0 ? 0 : sqrtBeta[k];
            double pNext = ((x - alpha[k]) * p - sbPrev * pPrev) / sqrtBeta[k + 1];
            double dNext = (p + (x - alpha[k]) * d - sbPrev * dPrev) / sqrtBeta[k + 1];
            pPrev = p;
            p = pNext;
            dPrev = d;
            d = dNext;
        }
        out[0] = p;
        out[1] = d;
        out[2] = k2;
        out[3] = dk2;
    }

    /**
     * mu_0 = integral of (1-x)^a (1+x)^b over [-1, 1] = 2^(a+b+1) B(a+1, b+1). Exact products where
     * a or b is a whole number (B(m+1, y) = m! / (y (y+1) ... (y+m))) or both are half-integers
     * (Gamma(k + 1/2) = sqrt(pi) (1/2)(3/2)...(k-1/2)); otherwise through lnGamma, to about 1e-14.
     */
    static double weightIntegral(double a, double b) {
        double scale = Math.pow(2, a + b + 1);
        if (isWhole(a) || isWhole(b)) {
            double m = isWhole(a) ? a : b;
            double y = isWhole(a) ? b + 1 : a + 1;
            double v = 1;
            for (int j = 1; j <= (int) m; j++) {
                v *= j / (y + j - 1);
            }
            return scale * v / (y + m);
        }
        if (isWhole(a + 0.5) && isWhole(b + 0.5)) {
            // Gamma(a+1) Gamma(b+1) / Gamma(a+b+2) with a+1, b+1 half-integers and a+b+2 whole.
            double v = Math.PI;
            for (double t = 0.5; t < a + 1; t += 1) {
                v *= t;
            }
            for (double t = 0.5; t < b + 1; t += 1) {
                v *= t;
            }
            for (int j = 2; j <= (int) (a + b + 1); j++) {
                v /= j;
            }
            return scale * v;
        }
        return Math.exp((a + b + 1) * Math.log(2) + lnGamma(a + 1) + lnGamma(b + 1) - lnGamma(a + b + 2));
    }

    private static boolean isWhole(double v) {
        return v >= 0 && v <= 150 && v == Math.rint(v);
    }

    /**
     * ln Gamma(x) for x &gt; 0: shift the argument above 15 with Gamma(x) = Gamma(x+m) / (x (x+1) ... (x+m-1)),
     * then Stirling's series ln Gamma(z) = (z - 1/2) ln z - z + ln(2 pi)/2 + sum_k B_2k / (2k (2k-1) z^(2k-1))
     * (Abramowitz and Stegun 6.1.40), whose first omitted term is below 1e-17 at z &gt;= 15.
     */
    static double lnGamma(double x) {
        double shift = 0;
        double z = x;
        double prod = 1;
        while (z < 15) {
            prod *= z;
            z += 1;
            if (prod > 1e280) {
                shift += Math.log(prod);
                prod = 1;
            }
        }
        shift += Math.log(prod);
        double z2 = 1 / (z * z);
        double series = (1.0 / 12 + z2 * (-1.0 / 360 + z2 * (1.0 / 1260 + z2 * (-1.0 / 1680
                + z2 * (1.0 / 1188 + z2 * (-691.0 / 360360 + z2 * (1.0 / 156))))))) / z;
        return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }
}
