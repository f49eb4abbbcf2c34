package org.elementa.spectral.fft;

/**
 * The hot kernels of the FFT: radix-p butterflies over a run of independent butterflies that
 * share one set of twiddle factors, and complex pointwise products. Two implementations, a
 * scalar one ({@link ScalarButterflies}, always there) and a Vector API one
 * ({@code VectorButterflies}), chosen once by {@link #preferred()}.
 *
 * <p>Layout: complex numbers are interleaved {@code (re, im)} in {@code double[]}; all indices and
 * strides are in doubles. A run of {@code len} butterflies reads input {@code r} of butterfly
 * {@code e} at {@code x[xi + r*xs + 2e]} and writes output {@code k} at {@code y[yi + k*ys + 2e]}:
 * {@code b_k = sum_r a_r * omega^(r k)} with {@code omega = exp(-+2 pi i / p)}, then
 * {@code y_k = b_k * w_k} where {@code w_k = (tw[ti + 2(k-1)], tw[ti + 2(k-1) + 1])} as
 * {@code (cos, sin-with-sign)} for {@code k >= 1}; {@code ti < 0} means all twiddles are 1.
 * {@code inverse} selects {@code omega = exp(+2 pi i / p)}; the twiddle table already carries the
 * sign of its imaginary parts.
 *
 * <p>Both implementations evaluate every output with the same operations in the same order
 * (including the fused multiply-adds), so they agree to the last bit; the tests check it.
 */
interface Butterflies {

    /** "scalar" or "vector". */
    String name();

    /** Radix-2 run. */
    void radix2(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse);

    /** Radix-3 run. */
    void radix3(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse);

    /** Radix-4 run. */
    void radix4(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse);

    /** Radix-5 run. */
    void radix5(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse);

    /** Radix-7 run. */
    void radix7(double[] x, int xi, int xs, double[] y, int yi, int ys, int len, double[] tw, int ti, boolean inverse);

    /**
     * The first Stockham stage of a single transform (stride 1): {@code m} butterflies whose
     * inputs are {@code xjs} apart and whose twiddles change from one butterfly to the next
     * ({@code tw[2(p-1)e + 2(k-1)]}, entries for {@code e = 0} are exactly {@code (1, 0)}).
     * Outputs of butterfly {@code e} go to {@code y[yi + (p e + k) yjs]}. {@code ec, ed} hold the
     * same forward twiddles in expanded form (see {@link #mulExpanded}), factor {@code k} at
     * {@code (k-1) 2m}, or are null; the inverse negates {@code ed}.
     */
    default void firstStage(int p, double[] x, int xi, int xjs, double[] y, int yi, int yjs, int m,
                            double[] tw, double[] ec, double[] ed, boolean inverse) {
        ScalarButterflies.stride1Stage(p, x, xi, xjs, y, yi, yjs, m, tw, inverse);
    }

    /**
     * A whole radix-4 Stockham stage: for {@code j < m} (twiddles {@code tw[6j ..]}, none for
     * {@code j = 0}) and each run, {@link #radix4} over the run. The run is {@code s * batch}
     * long when both views are compact ({@code xjs = yjs = 2 batch}), else {@code batch} long,
     * repeated for {@code q < s}. The vector implementation hoists its constants out of the loops.
     */
    default void radix4Stage(double[] x, int xo, int xjs, double[] y, int yo, int yjs, int s, int m, int batch,
                             double[] tw, boolean inverse) {
        boolean merged = xjs == 2 * batch && yjs == 2 * batch;
        int run = merged ? s * batch : batch;
        int runs = merged ? 1 : s;
        int xs = s * m * xjs;
        int ys = s * yjs;
        for (int j = 0; j < m; j++) {
            int ti = j == 0 ? -1 : 6 * j;
            for (int q = 0; q < runs; q++) {
                radix4(x, xo + (q + s * j) * xjs, xs, y, yo + (q + 4 * s * j) * yjs, ys, run, tw, ti, inverse);
            }
        }
    }

    /** {@code y[yi + 2e ..] = x[xi + 2e ..] * (c + i d)} for {@code e < len}. */
    void mulBroadcast(double[] x, int xi, double[] y, int yi, int len, double c, double d);

    /**
     * {@code y[e] = x[e] * t[e]} for {@code e < len}, with {@code t} in expanded form:
     * {@code tc[ti + 2e] = tc[ti + 2e + 1] = Re t[e]}, {@code td[ti + 2e] = -Im t[e]},
     * {@code td[ti + 2e + 1] = Im t[e]}.
     */
    void mulExpanded(double[] x, int xi, double[] tc, double[] td, int ti, double[] y, int yi, int len);

    /** {@code x[xi .. xi + n) *= f} ({@code n} doubles). */
    void scale(double[] x, int xi, int n, double f);

    /** The implementation this JVM uses: vector when {@code jdk.incubator.vector} is usable. */
    static Butterflies preferred() {
        return Provider.PREFERRED;
    }

    /** The scalar implementation. */
    static Butterflies scalar() {
        return ScalarButterflies.INSTANCE;
    }

    /**
     * The Vector API implementation.
     *
     * @throws UnsupportedOperationException when the Vector API cannot be used here
     */
    static Butterflies vector() {
        String why = Provider.vectorUnavailableReason();
        if (why != null) {
            throw new UnsupportedOperationException("Vector FFT kernels unavailable: " + why);
        }
        return Provider.VectorLoader.load();
    }

    /** Chooses once; keeps the Vector API classes unloaded until the checks pass. */
    final class Provider {
        static final Butterflies PREFERRED = choose();

        private Provider() {
        }

        static String vectorUnavailableReason() {
            String why = org.elementa.fem.kernel.KernelProvider.vectorUnavailableReason();
            if (why != null) {
                return why;
            }
            return VectorLoader.laneCheck();
        }

        private static Butterflies choose() {
            String forced = System.getProperty(org.elementa.fem.kernel.KernelProvider.PROPERTY);
            if ("scalar".equals(forced)) {
                return ScalarButterflies.INSTANCE;
            }
            String why = vectorUnavailableReason();
            if (why != null) {
                java.util.logging.Logger.getLogger(Butterflies.class.getName())
                        .info("Elementa FFT kernels: scalar, because " + why);
                return ScalarButterflies.INSTANCE;
            }
            return VectorLoader.load();
        }

        static final class VectorLoader {
            private VectorLoader() {
            }

            static Butterflies load() {
                return VectorButterflies.INSTANCE;
            }

            static String laneCheck() {
                int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
                return lanes >= 2 && lanes % 2 == 0 ? null
                        : "the preferred double vector has " + lanes + " lane(s); complex pairs need an even count >= 2";
            }
        }
    }
}
