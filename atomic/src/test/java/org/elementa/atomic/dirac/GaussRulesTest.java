package org.elementa.atomic.dirac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussRulesTest {

    @Test
    void jacobiRuleIntegratesItsWeightTimesPolynomialsExactly() {
        // integral_{-1}^{1} (1+x)^(b+m) dx = 2^(b+m+1) / (b+m+1), exact for m <= 2n - 1 (degree of exactness).
        int n = 12;
        for (double b : new double[] {-0.51, 0.0, 0.76, 9.7}) {
            double[][] rule = GaussRules.jacobiRight(n, b);
            for (int m = 0; m <= 2 * n - 1; m++) {
                double sum = 0;
                for (int q = 0; q < n; q++) {
                    sum += rule[1][q] * Math.pow(1 + rule[0][q], m);
                }
                double exact = Math.pow(2, b + m + 1) / (b + m + 1);
                assertEquals(exact, sum, 1e-13 * exact, "b = " + b + ", m = " + m);
            }
        }
    }

    @Test
    void lobattoNodesAreTheExtremaOfTheLegendrePolynomial() {
        // Interior nodes are the zeros of P'_{n-1}; P' from the recurrence (1-x^2) P'_k = k (P_{k-1} - x P_k).
        int n = 15;
        double[] x = GaussRules.lobattoNodes(n);
        assertEquals(-1.0, x[0], 0.0);
        assertEquals(1.0, x[n - 1], 0.0);
        for (int i = 1; i < n - 1; i++) {
            double p0 = 1;
            double p1 = x[i];
            for (int k = 1; k < n - 1; k++) {
                double p2 = ((2 * k + 1) * x[i] * p1 - k * p0) / (k + 1);
                p0 = p1;
                p1 = p2;
            }
            double derivative = (n - 1) * (p0 - x[i] * p1) / (1 - x[i] * x[i]);
            assertEquals(0.0, derivative, 1e-11, "node " + i);
        }
    }
}
