package org.elementa.spectral.fft;

/**
 * Cosine and sine of the rational angle {@code 2 pi j / len}, reduced by symmetry to the first
 * octant before any rounding of the angle happens.
 *
 * <p>Writing {@code 8 j = o len + r} ({@code 0 <= o < 8}, {@code 0 <= r < len}, exact integer
 * arithmetic), the angle is {@code o pi/4 + (pi/4) r/len}. When {@code r = 0} the result is the
 * exact value at a multiple of {@code pi/4} (0, +-1, or +-sqrt(1/2) correctly rounded). Otherwise
 * it is {@code q pi/2 + psi} with {@code q = ceil(o/2)}, {@code psi = (pi/4) r/len} for even
 * {@code o} and {@code psi = -(pi/4)(len - r)/len} for odd {@code o}, so {@code |psi| < pi/4};
 * {@code cos psi} and {@code sin psi} are then rotated by the quarter turns {@code q}, which only
 * swaps and negates. The rounded {@code psi} has a relative error of at most 1.5 ulps and
 * {@code |psi| < pi/4}, so both results are within {@code eps} (absolute) of the exact values,
 * independent of {@code j} and {@code len} ({@code TwiddlesTest} measures 0.5 eps against a
 * 60-digit evaluation). Without the reduction, {@code Math.cos(2 pi j / len)} on angles
 * up to {@code 2 pi} carries an absolute error up to about {@code 4 eps} from the rounded
 * angle, and misses the exact zeros (e.g. {@code sin pi = 1.22e-16}).
 */
final class Twiddles {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    /** cos and sin at multiples o of pi/4, o = 0..7. */
    private static final double[] EXACT_COS = {1, SQRT_HALF, 0, -SQRT_HALF, -1, -SQRT_HALF, 0, SQRT_HALF};
    private static final double[] EXACT_SIN = {0, SQRT_HALF, 1, SQRT_HALF, 0, -SQRT_HALF, -1, -SQRT_HALF};

    private Twiddles() {
    }

    /** {@code cos(2 pi j / len)}; {@code len >= 1}, {@code |j|} and {@code len} below {@code 2^59}. */
    static double cos(long j, long len) {
        return eval(j, len, true);
    }

    /** {@code sin(2 pi j / len)}; as {@link #cos}. */
    static double sin(long j, long len) {
        return eval(j, len, false);
    }

    private static double eval(long j, long len, boolean wantCos) {
        if (len < 1) {
            throw new IllegalArgumentException("len must be >= 1, got " + len);
        }
        long turns8 = 8 * Math.floorMod(j, len);
        int o = (int) (turns8 / len);
        long r = turns8 - o * len;
        if (r == 0) {
            return wantCos ? EXACT_COS[o] : EXACT_SIN[o];
        }
        int q;
        double psi;
        if ((o & 1) == 0) {
            q = o / 2;
            psi = Math.PI * r / (4.0 * len);
        } else {
            q = (o + 1) / 2;
            psi = -(Math.PI * (len - r) / (4.0 * len));
        }
        double c = Math.cos(psi);
        double s = Math.sin(psi);
        switch (q & 3) {
            case 0:
                return wantCos ? c : s;
            case 1:
                return wantCos ? -s : c;
            case 2:
                return wantCos ? -c : -s;
            default:
                return wantCos ? s : -c;
        }
    }
}
