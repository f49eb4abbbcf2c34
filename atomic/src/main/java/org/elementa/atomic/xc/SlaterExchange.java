package org.elementa.atomic.xc;

/**
 * Dirac-Slater exchange of the homogeneous spin-unpolarized electron gas:
 * e_x(n) = -(3/4) (3 n / pi)^(1/3), v_x(n) = d(n e_x)/dn = (4/3) e_x = -(3 n / pi)^(1/3).
 * (P. A. M. Dirac, Proc. Cambridge Phil. Soc. 26, 376 (1930); the exchange part of NIST's LDA.)
 *
 * <p>Uses StrictMath: Math's intrinsics may differ by an ulp between interpreted and compiled
 * code, which would make two identical solves differ in the last bits.
 */
public final class SlaterExchange implements ExchangeCorrelation {

    private static final double THREE_OVER_PI = 3.0 / Math.PI;

    @Override
    public String name() {
        return "Slater exchange";
    }

    @Override
    public void evaluate(double[] n, double[] exc, double[] vxc, int count) {
        for (int i = 0; i < count; i++) {
            double d = n[i];
            if (d > 0) {
                double v = -StrictMath.cbrt(THREE_OVER_PI * d);
                vxc[i] = v;
                exc[i] = 0.75 * v;
            } else {
                vxc[i] = 0;
                exc[i] = 0;
            }
        }
    }
}
