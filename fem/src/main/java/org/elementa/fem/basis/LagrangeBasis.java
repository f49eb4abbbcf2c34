package org.elementa.fem.basis;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.elementa.fem.quadrature.GaussQuadrature;
import org.elementa.fem.quadrature.QuadratureRule;

/**
 * The Lagrange basis of degree p on the p+1 Gauss-Lobatto nodes of [-1, 1]: L_j(x_i) = delta_ij.
 * Immutable and cached per order.
 *
 * <p>Values by the second (true) barycentric formula (Berrut and Trefethen, "Barycentric Lagrange
 * Interpolation", SIAM Review 46 (2004) 501-517, eq. 4.2):
 * L_j(x) = (w_j / (x - x_j)) / sum_k (w_k / (x - x_k)), with barycentric weights
 * w_j = 1 / prod_{k != j} (x_j - x_k) (rescaled; the scale cancels). Derivatives: L_j' is a
 * polynomial of degree p - 1, so it equals its own interpolant, L_j'(x) = sum_i L_i(x) D_ij with
 * the differentiation matrix D_ij = L_j'(x_i) = (w_j / w_i) / (x_i - x_j) for i != j and
 * D_ii = -sum_{j != i} D_ij (ibid., eqs. 9.4 and 9.5; the negative-sum diagonal keeps D exact on
 * constants). Both stay accurate near the nodes and at order 64, where the monomial or first-form
 * Lagrange formulas lose digits.
 */
public final class LagrangeBasis {

    /** Highest order accepted. */
    public static final int MAX_ORDER = 128;

    private static final Map<Integer, LagrangeBasis> CACHE = new ConcurrentHashMap<>();

    /** Per-thread scratch for {@link #derivatives}: MAX_ORDER + 1 values, so that no call allocates. */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[MAX_ORDER + 1]);

    private final int order;
    private final double[] nodes;
    private final double[] baryWeights;
    private final double[] diff; // column-major (p+1)^2: diff[i + j*(p+1)] = L_j'(x_i)

    private LagrangeBasis(int order) {
        this.order = order;
        int m = order + 1;
        QuadratureRule lob = GaussQuadrature.lobatto(m);
        nodes = lob.nodes();
        baryWeights = new double[m];
        // Products of p differences under- or overflow at high order: accumulate log|.| and the sign.
        double[] logAbs = new double[m];
        double maxLog = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                if (k != j) {
                    s -= Math.log(Math.abs(nodes[j] - nodes[k]));
                }
            }
            logAbs[j] = s;
            maxLog = Math.max(maxLog, s);
        }
        for (int j = 0; j < m; j++) {
            // The sign of prod_{k != j} (x_j - x_k) is (-1)^(number of k > j).
            double sign = ((m - 1 - j) % 2 == 0) ? 1 : -1;
            baryWeights[j] = sign * Math.exp(logAbs[j] - maxLog);
        }
        diff = new double[m * m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    double d = (baryWeights[j] / baryWeights[i]) / (nodes[i] - nodes[j]);
                    diff[i + j * m] = d;
                    sum += d;
                }
            }
            diff[i + i * m] = -sum;
        }
    }

    /**
     * The basis of the given order on Gauss-Lobatto nodes.
     *
     * @param order polynomial degree p, in [1, MAX_ORDER]
     */
    public static LagrangeBasis lobatto(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order = " + order + " must be in [1, " + MAX_ORDER + "]");
        }
        return CACHE.computeIfAbsent(order, LagrangeBasis::new);
    }

    /** Polynomial degree p. */
    public int order() {
        return order;
    }

    /** Number of basis functions, p + 1. */
    public int size() {
        return order + 1;
    }

    /** Node i (ascending, node 0 = -1, node p = +1). */
    public double node(int i) {
        return nodes[i];
    }

    /** A copy of the nodes. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** A copy of the differentiation matrix, column-major: entry (i, j) = L_j'(x_i). */
    public double[] differentiationMatrix() {
        return diff.clone();
    }

    /**
     * out[j] = L_j(x) for j = 0..p. Any real x (extrapolation outside [-1, 1] is allowed but loses
     * accuracy far away).
     */
    public void values(double x, double[] out) {
        int m = order + 1;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double dx = x - nodes[k];
            double t = baryWeights[k] / dx;
            if (dx == 0 || Double.isInfinite(t)) {
                // At a node (or a subnormal distance from it, where w_k / dx overflows): the Kronecker values.
                for (int j = 0; j < m; j++) {
                    out[j] = 0;
                }
                out[k] = 1;
                return;
            }
            out[k] = t;
            sum += t;
        }
        double inv = 1 / sum;
        for (int k = 0; k < m; k++) {
            out[k] *= inv;
        }
    }

    /** out[j] = L_j'(x) for j = 0..p (d/dx on the reference interval). */
    public void derivatives(double x, double[] out) {
        double[] l = SCRATCH.get();
        values(x, l);
        derivativesFromValues(l, out);
    }

    /** out[j] = sum_i values[i] D_ij, i.e. L_j'(x) given values[i] = L_i(x). */
    public void derivativesFromValues(double[] values, double[] out) {
        int m = order + 1;
        for (int j = 0; j < m; j++) {
            double s = 0;
            int col = j * m;
            for (int i = 0; i < m; i++) {
                s += values[i] * diff[col + i];
            }
            out[j] = s;
        }
    }

    /**
     * The basis at a set of points, for assembly: values and derivatives, each point-major,
     * {@code table[q * (p+1) + j]} = L_j(points[q]) (resp. L_j'(points[q])).
     */
    public Tabulation tabulate(double[] points) {
        int m = order + 1;
        double[] v = new double[points.length * m];
        double[] d = new double[points.length * m];
        double[] lv = new double[m];
        double[] ld = new double[m];
        for (int q = 0; q < points.length; q++) {
            values(points[q], lv);
            derivativesFromValues(lv, ld);
            System.arraycopy(lv, 0, v, q * m, m);
            System.arraycopy(ld, 0, d, q * m, m);
        }
        return new Tabulation(points, v, d, m);
    }

    /**
     * The basis at given points: {@code values[q * size + j]} = L_j(points[q]),
     * {@code derivatives[q * size + j]} = L_j'(points[q]). Immutable: the constructor copies the
     * arrays and the accessors {@link #points()}, {@link #values()}, {@link #derivatives()} return
     * copies; {@link #value(int, int)} and {@link #derivative(int, int)} read without copying.
     * Equality compares the contents.
     *
     * @param points      the points, n of them
     * @param values      L_j(points[q]) at [q * size + j], length n * size
     * @param derivatives L_j'(points[q]) at [q * size + j], length n * size
     * @param size        number of basis functions p + 1, &gt;= 1
     */
    public record Tabulation(double[] points, double[] values, double[] derivatives, int size) {

        /**
         * Copies the arrays after checking their lengths.
         *
         * @throws IllegalArgumentException if size &lt; 1 or an array length does not match
         */
        public Tabulation {
            if (size < 1) {
                throw new IllegalArgumentException("size = " + size + " must be >= 1");
            }
            if (values.length != (long) points.length * size || derivatives.length != values.length) {
                throw new IllegalArgumentException("values and derivatives: lengths " + values.length + " and "
                        + derivatives.length + " must both be points.length * size = " + (long) points.length * size);
            }
            points = points.clone();
            values = values.clone();
            derivatives = derivatives.clone();
        }

        /** A copy of the points. */
        @Override
        public double[] points() {
            return points.clone();
        }

        /** A copy of the values, point-major. */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** A copy of the derivatives, point-major. */
        @Override
        public double[] derivatives() {
            return derivatives.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tabulation t && size == t.size && Arrays.equals(points, t.points)
                    && Arrays.equals(values, t.values) && Arrays.equals(derivatives, t.derivatives);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * Arrays.hashCode(points) + Arrays.hashCode(values)) + Arrays.hashCode(derivatives)) + size;
        }

        @Override
        public String toString() {
            return "Tabulation[" + points.length + " points, size " + size + "]";
        }

        /** L_j(points[q]). */
        public double value(int q, int j) {
            return values[q * size + j];
        }

        /** L_j'(points[q]). */
        public double derivative(int q, int j) {
            return derivatives[q * size + j];
        }
    }
}
