package org.elementa.fem.mesh;

import java.util.Arrays;

/**
 * An immutable 1D mesh: strictly increasing nodes r_0 &lt; r_1 &lt; ... &lt; r_Ne, element e = [r_e, r_{e+1}].
 */
public final class Mesh1D {

    private final double[] nodes;

    private Mesh1D(double[] nodes) {
        this.nodes = nodes;
    }

    /**
     * Ne elements of equal length on [rmin, rmax].
     *
     * @throws IllegalArgumentException if ne &lt; 1, rmin or rmax is not finite, or rmax &lt;= rmin
     */
    public static Mesh1D uniform(double rmin, double rmax, int ne) {
        return exponential(rmin, rmax, 1.0, ne);
    }

    /**
     * Ne elements on [rmin, rmax] whose lengths form a geometric progression h_e = h_0 q^e with
     * ratio q = a^(1/(Ne-1)), so that a = h_{Ne-1} / h_0 (a = 1: uniform; a &gt; 1: finer at rmin).
     * Nodes r_e = rmin + (rmax - rmin) (q^e - 1) / (q^Ne - 1), evaluated with expm1 so that a close
     * to 1 loses no digits, and for q &gt; 1 as q^(e-Ne) (1 - q^-e) / (1 - q^-Ne) so that no
     * intermediate overflows for any finite a.
     *
     * @param rmin start, finite
     * @param rmax end, finite, &gt; rmin
     * @param a    ratio of the last to the first element length, finite, &gt; 0 (ignored when ne = 1)
     * @param ne   number of elements, &gt;= 1
     */
    public static Mesh1D exponential(double rmin, double rmax, double a, int ne) {
        if (ne < 1) {
            throw new IllegalArgumentException("ne = " + ne + " must be >= 1");
        }
        if (!Double.isFinite(rmin)) {
            throw new IllegalArgumentException("rmin = " + rmin + " must be finite");
        }
        if (!Double.isFinite(rmax) || !(rmax > rmin)) {
            throw new IllegalArgumentException("rmax = " + rmax + " must be finite and > rmin = " + rmin);
        }
        if (!Double.isFinite(a) || !(a > 0)) {
            throw new IllegalArgumentException("a = " + a + " must be finite and > 0");
        }
        double[] r = new double[ne + 1];
        double len = rmax - rmin;
        double logq = ne > 1 ? Math.log(a) / (ne - 1) : 0.0;
        for (int e = 0; e <= ne; e++) {
            double frac;
            if (logq == 0) {
                frac = (double) e / ne;
            } else if (logq < 0) {
                frac = Math.expm1(e * logq) / Math.expm1(ne * logq);
            } else {
                // q > 1: (q^e - 1) / (q^Ne - 1) = q^(e-Ne) (1 - q^-e) / (1 - q^-Ne), whose factors
                // stay in [0, 1] however large a is (q^Ne itself overflows once ln a > ~354).
                frac = Math.exp((e - ne) * logq) * (Math.expm1(-e * logq) / Math.expm1(-ne * logq));
            }
            r[e] = rmin + len * frac;
        }
        r[0] = rmin;
        r[ne] = rmax;
        return of(r);
    }

    /**
     * A mesh with the given nodes.
     *
     * @throws IllegalArgumentException if fewer than 2 nodes, a node is not finite, or they do not strictly increase
     */
    public static Mesh1D of(double... nodes) {
        if (nodes == null || nodes.length < 2) {
            throw new IllegalArgumentException("nodes: need at least 2, got " + (nodes == null ? 0 : nodes.length));
        }
        for (int i = 0; i < nodes.length; i++) {
            if (!Double.isFinite(nodes[i])) {
                throw new IllegalArgumentException("nodes[" + i + "] = " + nodes[i] + " must be finite");
            }
            if (i > 0 && !(nodes[i] > nodes[i - 1])) {
                throw new IllegalArgumentException("nodes must strictly increase: nodes[" + i + "] = " + nodes[i]
                        + " <= nodes[" + (i - 1) + "] = " + nodes[i - 1]);
            }
        }
        double[] copy = nodes.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] += 0.0; // -0.0 becomes +0.0, so that locate's binary search sees one zero
        }
        return new Mesh1D(copy);
    }

    /** Number of elements Ne. */
    public int elements() {
        return nodes.length - 1;
    }

    /** Node e, 0 &lt;= e &lt;= Ne. */
    public double node(int e) {
        return nodes[e];
    }

    /** A copy of the nodes. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** First node. */
    public double start() {
        return nodes[0];
    }

    /** Last node. */
    public double end() {
        return nodes[nodes.length - 1];
    }

    /** Length of element e. */
    public double length(int e) {
        return nodes[e + 1] - nodes[e];
    }

    /**
     * The element containing r: the e with r_e &lt;= r &lt; r_{e+1}, the last element for r = end.
     *
     * @throws IllegalArgumentException if r is outside [start, end] or NaN
     */
    public int locate(double r) {
        if (!(r >= nodes[0] && r <= nodes[nodes.length - 1])) {
            throw new IllegalArgumentException("r = " + r + " is outside the mesh [" + nodes[0] + ", " + end() + "]");
        }
        // Arrays.binarySearch orders -0.0 below 0.0; adding 0.0 turns -0.0 into +0.0.
        int i = Arrays.binarySearch(nodes, r + 0.0);
        int e = i >= 0 ? i : -i - 2;
        return Math.min(e, nodes.length - 2);
    }

    @Override
    public String toString() {
        return "Mesh1D[" + elements() + " elements on [" + start() + ", " + end() + "]]";
    }
}
