package org.elementa.fem.quadrature;

import java.util.function.DoubleUnaryOperator;

/**
 * An immutable quadrature rule on the reference interval [-1, 1]: integral of f(x) w(x) dx is
 * approximated by sum_i weights[i] f(nodes[i]), with w(x) the rule's weight function (1 for
 * Gauss-Legendre and Gauss-Lobatto, (1-x)^a (1+x)^b for Gauss-Jacobi). Nodes ascend.
 */
public final class QuadratureRule {

    private final String name;
    private final double[] nodes;
    private final double[] weights;
    private final int exactDegree;

    QuadratureRule(String name, double[] nodes, double[] weights, int exactDegree) {
        this.name = name;
        this.nodes = nodes;
        this.weights = weights;
        this.exactDegree = exactDegree;
    }

    /** A short description, e.g. "Gauss-Legendre(12)". */
    public String name() {
        return name;
    }

    /** Number of points. */
    public int size() {
        return nodes.length;
    }

    /** Node i, ascending in i. */
    public double node(int i) {
        return nodes[i];
    }

    /** Weight i. */
    public double weight(int i) {
        return weights[i];
    }

    /** A copy of the nodes. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** A copy of the weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** The rule integrates f(x) w(x) exactly when f is a polynomial of at most this degree. */
    public int exactDegree() {
        return exactDegree;
    }

    /** sum_i weights[i] f(nodes[i]). */
    public double integrate(DoubleUnaryOperator f) {
        double s = 0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * f.applyAsDouble(nodes[i]);
        }
        return s;
    }

    @Override
    public String toString() {
        return name;
    }
}
