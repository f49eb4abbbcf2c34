package org.elementa.atomic.xc;

/**
 * Relativistic (RLDA) exchange: Slater exchange times the MacDonald-Vosko correction,
 * A. H. MacDonald and S. H. Vosko, J. Phys. C 12, 2977 (1979), as NIST SRD 141 uses it.
 *
 * <p>With beta = (3 pi^2 n)^(1/3) / c and mu = sqrt(1 + beta^2):
 * <pre>
 * e_x = e_x^Slater R,  R = 1 - 1.5 ((beta mu - asinh(beta)) / beta^2)^2
 * v_x = v_x^Slater S,  S = 1.5 asinh(beta) / (beta mu) - 0.5
 * </pre>
 * For beta < 1e-3 both use their Taylor series (R = 1 - (2/3) beta^2 + ..., S = 1 - beta^2 + ...)
 * to avoid the cancellation in beta mu - asinh(beta).
 *
 * <p>Uses StrictMath: Math's intrinsics may differ by an ulp between interpreted and compiled
 * code, which would make two identical solves differ in the last bits.
 */
public final class MacDonaldVoskoExchange implements ExchangeCorrelation {

    /** NIST's speed of light in atomic units. */
    public static final double NIST_SPEED_OF_LIGHT = 137.0359895;

    private static final double SERIES_BELOW = 1e-3;
    private static final double THREE_PI2 = 3 * Math.PI * Math.PI;

    private final double speedOfLight;
    private final SlaterExchange slater = new SlaterExchange();

    /** With NIST's c = 137.0359895. */
    public MacDonaldVoskoExchange() {
        this(NIST_SPEED_OF_LIGHT);
    }

    /**
     * @param speedOfLight c in atomic units, finite and > 0
     */
    public MacDonaldVoskoExchange(double speedOfLight) {
        if (!(speedOfLight > 0) || !Double.isFinite(speedOfLight)) {
            throw new IllegalArgumentException("speed of light c = " + speedOfLight + " must be finite and > 0");
        }
        this.speedOfLight = speedOfLight;
    }

    @Override
    public String name() {
        return "MacDonald-Vosko relativistic exchange";
    }

    @Override
    public void evaluate(double[] n, double[] exc, double[] vxc, int count) {
        slater.evaluate(n, exc, vxc, count);
        for (int i = 0; i < count; i++) {
            if (n[i] > 0) {
                double beta = StrictMath.cbrt(THREE_PI2 * n[i]) / speedOfLight;
                exc[i] *= energyFactor(beta);
                vxc[i] *= potentialFactor(beta);
            }
        }
    }

    /** R(beta) of the class comment. */
    static double energyFactor(double beta) {
        double f;
        if (beta < SERIES_BELOW) {
            double b2 = beta * beta;
            f = beta * (2.0 / 3.0 + b2 * (-1.0 / 5.0 + b2 * (3.0 / 28.0)));
        } else {
            double mu = Math.sqrt(1 + beta * beta);
            f = (beta * mu - asinh(beta)) / (beta * beta);
        }
        return 1 - 1.5 * f * f;
    }

    /** S(beta) of the class comment. */
    static double potentialFactor(double beta) {
        if (beta < SERIES_BELOW) {
            double b2 = beta * beta;
            return 1 + b2 * (-1 + b2 * 0.8);
        }
        double mu = Math.sqrt(1 + beta * beta);
        return 1.5 * asinh(beta) / (beta * mu) - 0.5;
    }

    /** asinh for x > 0 via log1p, accurate to rounding also for small x. */
    private static double asinh(double x) {
        return StrictMath.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
    }
}
