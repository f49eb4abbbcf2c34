package org.elementa.atomic.xc;

/**
 * Vosko-Wilk-Nusair correlation of the spin-unpolarized electron gas, the Pade fit to Ceperley and
 * Alder's Monte Carlo energies ("VWN5"): S. H. Vosko, L. Wilk, M. Nusair, Can. J. Phys. 58, 1200
 * (1980), eq. (4.4) with the paramagnetic parameters of their Table (as NIST SRD 141 uses them).
 *
 * <p>With rs = (3 / (4 pi n))^(1/3), x = sqrt(rs), X(x) = x^2 + b x + c, Q = sqrt(4c - b^2):
 * <pre>
 * e_c = A [ ln(x^2/X(x)) + (2b/Q) atan(Q/(2x+b))
 *           - (b x0 / X(x0)) ( ln((x-x0)^2/X(x)) + (2(b+2 x0)/Q) atan(Q/(2x+b)) ) ]
 * v_c = e_c - (rs/3) de_c/drs = e_c - (x/6) de_c/dx
 * </pre>
 * with A = 0.0310907, x0 = -0.10498, b = 3.72744, c = 12.9352 (Hartree).
 *
 * <p>Uses StrictMath: Math's intrinsics may differ by an ulp between interpreted and compiled
 * code, which would make two identical solves differ in the last bits.
 */
public final class VwnCorrelation implements ExchangeCorrelation {

    /** A (Hartree); equals the RPA high-density coefficient (1 - ln 2)/pi^2 to the digits given. */
    public static final double A = 0.0310907;
    /** x0 of the paramagnetic fit. */
    public static final double X0 = -0.10498;
    /** b of the paramagnetic fit. */
    public static final double B = 3.72744;
    /** c of the paramagnetic fit. */
    public static final double C = 12.9352;

    private static final double Q = Math.sqrt(4 * C - B * B);
    private static final double X_X0 = X0 * X0 + B * X0 + C;
    private static final double RS_FACTOR = 3.0 / (4.0 * Math.PI);

    @Override
    public String name() {
        return "VWN5 correlation";
    }

    @Override
    public void evaluate(double[] n, double[] exc, double[] vxc, int count) {
        for (int i = 0; i < count; i++) {
            double d = n[i];
            if (!(d > 0)) {
                exc[i] = 0;
                vxc[i] = 0;
                continue;
            }
            double rs = StrictMath.cbrt(RS_FACTOR / d);
            double x = Math.sqrt(rs);
            double xx = x * x + B * x + C;
            double t = 2 * x + B;
            double at = StrictMath.atan(Q / t);
            double k = B * X0 / X_X0;
            double e = A * (StrictMath.log(x * x / xx) + 2 * B / Q * at
                    - k * (StrictMath.log((x - X0) * (x - X0) / xx) + 2 * (B + 2 * X0) / Q * at));
            double qt = Q * Q + t * t;
            double dedx = A * (2 / x - t / xx - 4 * B / qt
                    - k * (2 / (x - X0) - t / xx - 4 * (B + 2 * X0) / qt));
            exc[i] = e;
            vxc[i] = e - x / 6 * dedx;
        }
    }
}
