package org.elementa.validation.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.elementa.spectral.fft.ComplexFFT;
import org.elementa.spectral.fft.FFT;
import org.elementa.spectral.fft.RealFFT;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code elementa fft}: transforms a seeded random field of the given shape and checks the result
 * against independent references: a naive O(N^2) DFT (for up to {@value #MAX_NAIVE} points), the
 * round trip, and Parseval's identity sum |x|^2 = (1/N) sum |X|^2.
 */
@Command(name = "fft", mixinStandardHelpOptions = true,
        description = "Check an FFT plan of any shape against a naive DFT, the round trip and Parseval's identity.")
final class FftCommand implements Callable<Integer> {

    /** Largest number of points for which the naive DFT (O(N^2)) is computed. */
    static final int MAX_NAIVE = 1 << 14;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--shape", required = true, split = "[x,]",
            description = "Lengths of the axes, e.g. 64x64x64 or 997 (each >= 1, at most 3 axes).")
    int[] shape;

    @Option(names = "--real", description = "Real-to-complex transform (numpy rfftn half spectrum) instead of complex.")
    boolean real;

    @Option(names = "--threads", defaultValue = "1", description = "Threads per transform, >= 1; default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random input; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print a JSON object on standard output.")
    boolean json;

    @Override
    public Integer call() {
        if (shape.length > 3) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--shape has " + shape.length + " axes; at most 3 are supported");
        }
        long points = 1;
        for (int n : shape) {
            if (n < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--shape lengths must be >= 1, got " + n);
            }
            points *= n;
        }
        if (points > (1 << 27)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--shape has " + points + " points; at most 2^27 are supported here");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        int n = (int) points;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = rnd.nextDouble(-1, 1);
            x[2 * i + 1] = real ? 0 : rnd.nextDouble(-1, 1);
        }
        double[] spectrum;
        double[] back;
        String kernels;
        if (real) {
            RealFFT plan = FFT.real(shape).withParallelism(threads);
            kernels = plan.kernels();
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = x[2 * i];
            }
            double[] half = new double[2 * plan.spectrumSize()];
            plan.forward(in, half);
            spectrum = expandHalfSpectrum(half, shape);
            double[] out = new double[n];
            plan.inverse(half, out);
            back = new double[2 * n];
            for (int i = 0; i < n; i++) {
                back[2 * i] = out[i];
            }
        } else {
            ComplexFFT plan = FFT.complex(shape).withParallelism(threads);
            kernels = plan.kernels();
            spectrum = x.clone();
            plan.forward(spectrum);
            back = spectrum.clone();
            plan.inverse(back);
        }
        double normX = norm2(x);
        double roundTrip = maxAbsDiff(back, x) / maxAbs(x);
        double parseval = Math.abs(norm2(spectrum) / n - normX) / normX;
        Double naive = null;
        if (n <= MAX_NAIVE) {
            double[] ref = naiveDft(x, shape);
            naive = maxAbsDiff(spectrum, ref) / maxAbs(ref);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("shape", shape);
        result.put("transform", real ? "real" : "complex");
        result.put("kernels", kernels);
        result.put("threads", threads);
        result.put("naiveDftError", naive);
        result.put("roundTripError", roundTrip);
        result.put("parsevalError", parseval);
        if (json) {
            System.out.println(Json.write(result));
        } else {
            String dims = String.join("x", Arrays.stream(shape).mapToObj(Integer::toString).toList());
            System.out.printf(Locale.ROOT, "%s FFT of shape %s (%d points), %s kernels, %d thread(s)%n",
                    real ? "real-to-complex" : "complex", dims, n, kernels, threads);
            System.out.printf(Locale.ROOT, "max |X - naive DFT| / max |X|     %s%n",
                    naive == null ? "(skipped: more than " + MAX_NAIVE + " points)" : String.format(Locale.ROOT, "%.3e", naive));
            System.out.printf(Locale.ROOT, "max |ifft(fft(x)) - x| / max |x|  %.3e%n", roundTrip);
            System.out.printf(Locale.ROOT, "Parseval relative error           %.3e%n", parseval);
        }
        return 0;
    }

    /** The full spectrum from the half one, by Hermitian symmetry X[-k] = conj(X[k]). */
    private static double[] expandHalfSpectrum(double[] half, int[] shape) {
        int d = shape.length;
        int last = shape[d - 1];
        int h = last / 2 + 1;
        int rows = 1;
        for (int i = 0; i < d - 1; i++) {
            rows *= shape[i];
        }
        double[] full = new double[2 * rows * last];
        int[] idx = new int[d];
        for (int row = 0; row < rows; row++) {
            // Index of the mirrored row (-k mod n on every leading axis).
            int rem = row;
            int mirror = 0;
            for (int a = d - 2; a >= 0; a--) {
                idx[a] = rem % shape[a];
                rem /= shape[a];
            }
            for (int a = 0; a < d - 1; a++) {
                mirror = mirror * shape[a] + (shape[a] - idx[a]) % shape[a];
            }
            for (int k = 0; k < last; k++) {
                int dst = 2 * (row * last + k);
                if (k < h) {
                    full[dst] = half[2 * (row * h + k)];
                    full[dst + 1] = half[2 * (row * h + k) + 1];
                } else {
                    int src = 2 * (mirror * h + (last - k));
                    full[dst] = half[src];
                    full[dst + 1] = -half[src + 1];
                }
            }
        }
        return full;
    }

    /** X[k] = sum_j x[j] exp(-2 pi i sum_a k_a j_a / n_a), with the phase reduced exactly in integers. */
    static double[] naiveDft(double[] x, int[] shape) {
        int d = shape.length;
        int n = x.length / 2;
        // Common denominator L = lcm-free product of the lengths: phase = (sum_a k_a j_a L/n_a) mod L.
        long l = 1;
        for (int s : shape) {
            l *= s;
        }
        long[] scale = new long[d];
        for (int a = 0; a < d; a++) {
            scale[a] = l / shape[a];
        }
        double[] cos = new double[(int) l];
        double[] sin = new double[(int) l];
        for (int t = 0; t < l; t++) {
            double angle = 2 * Math.PI * t / l;
            cos[t] = Math.cos(angle);
            sin[t] = Math.sin(angle);
        }
        int[][] index = new int[n][d];
        for (int i = 0; i < n; i++) {
            int rem = i;
            for (int a = d - 1; a >= 0; a--) {
                index[i][a] = rem % shape[a];
                rem /= shape[a];
            }
        }
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                long phase = 0;
                for (int a = 0; a < d; a++) {
                    phase += (long) index[k][a] * index[j][a] % shape[a] * scale[a];
                }
                int t = (int) (phase % l);
                double xr = x[2 * j];
                double xi = x[2 * j + 1];
                re += xr * cos[t] + xi * sin[t];
                im += xi * cos[t] - xr * sin[t];
            }
            out[2 * k] = re;
            out[2 * k + 1] = im;
        }
        return out;
    }

    private static double norm2(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
