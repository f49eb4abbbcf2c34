package org.elementa.spectral.fft;

import static org.elementa.spectral.fft.Reference.EPS;
import static org.elementa.spectral.fft.Reference.assertWithin;
import static org.elementa.spectral.fft.Reference.naive;
import static org.elementa.spectral.fft.Reference.random;
import static org.elementa.spectral.fft.Reference.relError;
import static org.elementa.spectral.fft.Reference.tol1D;
import static org.elementa.spectral.fft.Reference.tolND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The FFT against naive DFTs, conservation laws, known transforms, and itself across paths. */
class FftTest {

    /** JUnit tag of the scalar/vector comparison that spectral/pom.xml reruns at other vector widths. */
    static final String KERNELS_TAG = "fft-kernels";

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    static Stream<Butterflies> kernels() {
        return Butterflies.Provider.vectorUnavailableReason() == null
                ? Stream.of(Butterflies.scalar(), Butterflies.vector())
                : Stream.of(Butterflies.scalar());
    }

    static final int[] SIZES_1D = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 20, 25, 27, 32, 49, 60, 64,
        97, 98, 100, 128, 194, 210, 243, 343, 512, 997, 1000, 1024, 2310, 4096};

    static Stream<Object[]> sizesAndKernels() {
        return kernels().flatMap(k -> Arrays.stream(SIZES_1D).mapToObj(n -> new Object[] {k, n}));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("sizesAndKernels")
    void oneDimensionalMatchesNaiveDft(Butterflies k, int n) {
        double[] x = random(2 * n, n);
        double[] ref = naive(x, new int[] {n}, -1);
        ComplexFFT plan = FFT.complex(k, n);
        double[] y = x.clone();
        plan.forward(y);
        double err = relError(y, ref);
        assertWithin(err, tol1D(n), k.name() + " forward n=" + n);

        double[] refInv = naive(x, new int[] {n}, 1);
        for (int i = 0; i < refInv.length; i++) {
            refInv[i] /= n;
        }
        double[] z = x.clone();
        plan.inverse(z);
        double errInv = relError(z, refInv);
        assertWithin(errInv, tol1D(n), k.name() + " inverse n=" + n);
    }

    static Stream<int[]> shapes() {
        return Stream.of(new int[] {4, 6}, new int[] {5, 7, 3}, new int[] {8, 13}, new int[] {12, 1, 10},
                new int[] {6, 70}, new int[] {3, 4, 5, 2}, new int[] {16, 16, 16}, new int[] {9, 11, 8});
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void multiDimensionalMatchesNaiveDft(int[] shape) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] x = random(2 * n, 7 + n);
        double[] ref = naive(x, shape, -1);
        kernels().forEach(k -> {
            double[] y = x.clone();
            FFT.complex(k, shape).forward(y);
            double err = relError(y, ref);
            assertWithin(err, tolND(shape), k.name() + " forward " + Arrays.toString(shape));
        });
    }

    /**
     * nD = successive 1D plans along each axis (gathered by hand), on shapes with block tails,
     * bit for bit: a batched column pass evaluates every element with the same operations in the
     * same order as the 1D plan (same twiddle tables, same butterflies; the batch only widens the
     * contiguous run, and the Bluestein row products are the same fused products in broadcast or
     * expanded form), and the scalar and vector kernels agree bit for bit.
     */
    @Test
    void multiDimensionalEqualsSuccessiveOneDimensional() {
        int[][] shapes = {{32, 24, 36}, {7, 66}, {100, 9}, {2, 97, 5}, {11, 13}};
        kernels().forEach(k -> {
            for (int[] shape : shapes) {
                int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                double[] x = random(2 * n, 99 + n);
                double[] ref = x.clone();
                for (int a = shape.length - 1; a >= 0; a--) {
                    alongAxis(k, ref, shape, a);
                }
                double[] y = x.clone();
                FFT.complex(k, shape).forward(y);
                assertArrayEquals(ref, y, k.name() + " " + Arrays.toString(shape));
            }
        });
    }

    private static void alongAxis(Butterflies k, double[] data, int[] shape, int axis) {
        int n = shape[axis];
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        int outer = data.length / (2 * n * inner);
        ComplexFFT line = FFT.complex(k, n);
        double[] buf = new double[2 * n];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < inner; c++) {
                for (int j = 0; j < n; j++) {
                    int idx = 2 * ((o * n + j) * inner + c);
                    buf[2 * j] = data[idx];
                    buf[2 * j + 1] = data[idx + 1];
                }
                line.forward(buf);
                for (int j = 0; j < n; j++) {
                    int idx = 2 * ((o * n + j) * inner + c);
                    data[idx] = buf[2 * j];
                    data[idx + 1] = buf[2 * j + 1];
                }
            }
        }
    }

    @Test
    void roundTripRestoresInput() {
        int[][] shapes = {{1}, {17}, {4096}, {997}, {64, 64}, {30, 42}, {24, 25, 27}, {11, 1, 13}};
        for (int[] shape : shapes) {
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] x = random(2 * n, n);
            double[] y = x.clone();
            ComplexFFT plan = FFT.complex(shape);
            plan.forward(y);
            plan.inverse(y);
            double err = relError(y, x);
            // Forward plus inverse: independent errors, so the variances add: sqrt(2) times one way.
            assertWithin(err, Math.sqrt(2) * tolND(shape), "round trip " + Arrays.toString(shape));
        }
    }

    @Test
    void parsevalHolds() {
        int[][] shapes = {{1000}, {997}, {128}, {12, 20, 7}};
        for (int[] shape : shapes) {
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] x = random(2 * n, 3 * n);
            double[] y = x.clone();
            FFT.complex(shape).forward(y);
            double ex = sumOfSquares(x);
            double ey = sumOfSquares(y);
            // sum |X|^2 = N sum |x|^2. With y = Y + e, ||y||^2 = ||Y||^2 + 2 <Y, e> + ||e||^2, so the
            // energy's relative error is at most 2 ||e|| / ||Y|| + (||e|| / ||Y||)^2 <= 2.01 tolND.
            // Each compensated sum of squares is within 2u = eps of its exact value (one rounding
            // per square, one for the compensated total), and N ex is exact for N a power of 2
            // and one rounding otherwise: 2 eps more.
            double rel = Math.abs(ey - n * ex) / (n * ex);
            assertWithin(rel, 2.01 * tolND(shape) + 2 * EPS, "Parseval " + Arrays.toString(shape));
        }
    }

    /** sum a_i^2 with Neumaier's compensated summation: within about 2u of the exact sum. */
    private static double sumOfSquares(double[] a) {
        double s = 0;
        double c = 0;
        for (double v : a) {
            double sq = v * v;
            double t = s + sq;
            c += Math.abs(s) >= sq ? (s - t) + sq : (sq - t) + s;
            s = t;
        }
        return s + c;
    }

    /**
     * Known transforms, checked entry by entry. A relative 2-norm error bound {@code tol} gives
     * {@code |e_k| <= ||e||_2 <= tol ||X||_2} for every entry. The inputs and expected values come
     * from the twiddle helper, within 1 eps per component (TwiddlesTest).
     */
    @Test
    void knownTransforms() {
        for (int n : new int[] {1, 8, 15, 60, 97, 1024}) {
            ComplexFFT plan = FFT.complex(n);
            // Delta at j0: X[k] = exp(-2 pi i j0 k / n).
            int j0 = n / 3;
            double[] x = new double[2 * n];
            x[2 * j0] = 1;
            plan.forward(x);
            // ||X||_2 = sqrt(n) (n entries of modulus 1); the expected value adds its own 1 eps.
            double tol = tol1D(n) * Math.sqrt(n) + EPS;
            for (int k = 0; k < n; k++) {
                long phase = (long) j0 * k;
                assertEquals(Twiddles.cos(phase, n), x[2 * k], tol, "delta n=" + n + " k=" + k);
                assertEquals(-Twiddles.sin(phase, n), x[2 * k + 1], tol, "delta n=" + n + " k=" + k);
            }
            // Single mode exp(+2 pi i m j / n): X[k] = n delta(k, m).
            int m = (2 * n) / 5;
            double[] mode = new double[2 * n];
            for (int j = 0; j < n; j++) {
                mode[2 * j] = Twiddles.cos((long) m * j, n);
                mode[2 * j + 1] = Twiddles.sin((long) m * j, n);
            }
            plan.forward(mode);
            // ||X||_2 = n. The input's rounding (1 eps per component, ||dx||_2 <= eps sqrt(2n)) moves
            // the exact DFT by at most sqrt(n) ||dx||_2 = sqrt(2) eps n: relative sqrt(2) eps more.
            double modeTol = n * (tol1D(n) + Math.sqrt(2) * EPS);
            for (int k = 0; k < n; k++) {
                assertEquals(k == m ? n : 0, mode[2 * k], modeTol, "mode n=" + n + " k=" + k);
                assertEquals(0, mode[2 * k + 1], modeTol, "mode n=" + n + " k=" + k);
            }
        }
        // 3D single mode (1, 2, 3) on 8 x 6 x 10: N at that index, zero elsewhere.
        int[] shape = {8, 6, 10};
        int[] mode = {1, 2, 3};
        int total = 480;
        double[] x = new double[2 * total];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 6; j++) {
                for (int l = 0; l < 10; l++) {
                    // 2 pi (i m0/8 + j m1/6 + l m2/10) = 2 pi (15 i m0 + 20 j m1 + 12 l m2) / 120.
                    long phase = 15L * i * mode[0] + 20L * j * mode[1] + 12L * l * mode[2];
                    x[2 * ((i * 6 + j) * 10 + l)] = Twiddles.cos(phase, 120);
                    x[2 * ((i * 6 + j) * 10 + l) + 1] = Twiddles.sin(phase, 120);
                }
            }
        }
        FFT.complex(shape).forward(x);
        int hit = (1 * 6 + 2) * 10 + 3;
        // As for the 1D mode: ||X||_2 = N, relative error tolND plus sqrt(2) eps from the input.
        double tol3 = total * (tolND(shape) + Math.sqrt(2) * EPS);
        for (int p = 0; p < total; p++) {
            assertEquals(p == hit ? total : 0, x[2 * p], tol3, "3D mode at " + p);
            assertEquals(0, x[2 * p + 1], tol3, "3D mode at " + p);
        }
    }

    static Stream<int[]> realShapes() {
        return Stream.of(new int[] {1}, new int[] {2}, new int[] {7}, new int[] {16}, new int[] {15},
                new int[] {194}, new int[] {6, 10}, new int[] {5, 9}, new int[] {4, 6, 8}, new int[] {3, 5, 7},
                new int[] {8, 8, 9}, new int[] {2, 97});
    }

    @ParameterizedTest
    @MethodSource("realShapes")
    void realTransformsMatchComplexOnes(int[] shape) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] x = random(n, 5 * n);
        double[] xc = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xc[2 * i] = x[i];
        }
        double[] full = naive(xc, shape, -1);
        int last = shape[shape.length - 1];
        int h = last / 2 + 1;
        kernels().forEach(k -> {
            RealFFT plan = FFT.real(k, shape);
            double[] spec = new double[2 * plan.spectrumSize()];
            double[] input = x.clone();
            plan.forward(input, spec);
            assertArrayEquals(x, input, "forward must not modify its input");
            double[] expected = new double[spec.length];
            for (int r = 0; r < n / last; r++) {
                System.arraycopy(full, 2 * r * last, expected, 2 * r * h, 2 * h);
            }
            double err = relError(spec, expected);
            // The half-length complex FFT (fewer levels than length n) plus the recombination (one
            // twiddle product and two additions: covered by the level tolND already reserves for it).
            assertWithin(err, tolND(shape), k.name() + " rfft " + Arrays.toString(shape));

            double[] back = new double[n];
            double[] specCopy = spec.clone();
            plan.inverse(spec, back);
            assertArrayEquals(specCopy, spec, "inverse must not modify its input");
            double errBack = relError(back, x);
            // Forward then inverse, independent errors: sqrt(2) times one way.
            assertWithin(errBack, Math.sqrt(2) * tolND(shape), k.name() + " irfft " + Arrays.toString(shape));

            // numpy's irfft ignores the imaginary parts of the k=0 (and even-n Nyquist) modes.
            for (int r = 0; r < n / last; r++) {
                spec[2 * r * h + 1] += 0.75;
                if (last % 2 == 0) {
                    spec[2 * r * h + 2 * (h - 1) + 1] -= 0.5;
                }
            }
            if (shape.length == 1) {
                double[] again = new double[n];
                plan.inverse(spec, again);
                assertArrayEquals(back, again, "imaginary DC/Nyquist must be ignored (bit for bit)");
            }
        });
    }

    /**
     * For real input, X[k] = conj(X[-k]), so the DC and (even n) Nyquist modes of the last axis
     * are real; in nD the modes (0, ..., 0, 0) and (0, ..., 0, n/2) are. The last-axis pass
     * reaches them with exact operations only (E_0, O_0 from Z_0 - Z_0 = 0, and the twiddles
     * w^0 = 1, w^(n/2) = -1 that the octant-reduced table gives exactly; the odd-length path sets
     * the real sum's zero imaginary part), and the zero frequency of the other axes is a plain
     * sum of those, so their imaginary parts must be exactly 0, not merely small. (Other corners
     * such as k_a = n_a/2 on a length-6 column pass through radix-3 butterflies whose sqrt(3)/2
     * products do not cancel exactly, so they are only real up to rounding.)
     */
    @Test
    void realSpectrumIsExactlyRealAtDcAndNyquist() {
        int[][] shapes = {{2}, {8}, {10}, {12}, {14}, {16}, {194}, {1000}, {7}, {15}, {97}, {2310},
            {4, 6, 8}, {6, 10}, {8, 8, 9}, {2, 97}, {3, 194}, {12, 1000}};
        kernels().forEach(k -> {
            for (int[] shape : shapes) {
                int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                RealFFT plan = FFT.real(k, shape);
                double[] spec = new double[2 * plan.spectrumSize()];
                plan.forward(random(n, 41 + n), spec);
                int[] sshape = plan.spectrumShape();
                int[] index = new int[shape.length];
                for (int p = 0; p < plan.spectrumSize(); p++) {
                    int d = shape.length;
                    boolean corner = index[d - 1] == 0 || 2 * index[d - 1] == shape[d - 1];
                    for (int a = 0; a < d - 1; a++) {
                        corner &= index[a] == 0;
                    }
                    if (corner) {
                        double im = spec[2 * p + 1];
                        assertTrue(im == 0.0, k.name() + " " + Arrays.toString(shape) + " Im X"
                                + Arrays.toString(index) + " = " + im + ", must be exactly 0");
                    }
                    for (int a = shape.length - 1; a >= 0; a--) {
                        if (++index[a] < sshape[a]) {
                            break;
                        }
                        index[a] = 0;
                    }
                }
            }
        });
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        int[] shape = {24, 20, 36};
        int n = 24 * 20 * 36;
        double[] x = random(2 * n, 11);
        double[] ref = x.clone();
        ComplexFFT plan = FFT.complex(shape);
        plan.forward(ref);
        double[] refInv = ref.clone();
        plan.inverse(refInv);
        RealFFT real = FFT.real(shape);
        double[] rx = random(n, 12);
        double[] rref = new double[2 * real.spectrumSize()];
        real.forward(rx, rref);
        double[] rback = new double[n];
        real.inverse(rref, rback);
        for (int threads : new int[] {2, 3, 4, 7}) {
            double[] y = x.clone();
            ComplexFFT par = plan.withParallelism(threads, pool);
            par.forward(y);
            assertArrayEquals(ref, y, "forward, " + threads + " threads: must be bit-identical");
            par.inverse(y);
            assertArrayEquals(refInv, y, "inverse, " + threads + " threads: must be bit-identical");
            RealFFT rpar = real.withParallelism(threads, pool);
            double[] s = new double[rref.length];
            rpar.forward(rx, s);
            assertArrayEquals(rref, s, "real forward, " + threads + " threads");
            double[] b = new double[n];
            rpar.inverse(s, b);
            assertArrayEquals(rback, b, "real inverse, " + threads + " threads");
        }
    }

    @Test
    void onePlanServesSeveralThreadsAtOnce() throws Exception {
        ComplexFFT plan = FFT.complex(30, 32);
        List<double[]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            double[] x = random(2 * 960, 100 + t);
            inputs.add(x);
            double[] y = x.clone();
            plan.forward(y);
            expected.add(y);
        }
        List<Future<double[]>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            double[] x = inputs.get(t).clone();
            futures.add(pool.submit(() -> {
                for (int rep = 0; rep < 20; rep++) {
                    double[] y = x.clone();
                    plan.forward(y);
                    if (rep == 19) {
                        return y;
                    }
                }
                return null;
            }));
        }
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(expected.get(t), futures.get(t).get(), "thread " + t);
        }
    }

    /**
     * The vector kernels evaluate the same operations in the same order as the scalar ones.
     * Tagged {@value #KERNELS_TAG}: spectral/pom.xml reruns it with {@code -XX:MaxVectorSize=32}
     * and {@code =16} (256- and 128-bit species), so that every vector width's code path (and
     * its scalar tails) is compared, not only the host's; those runs set
     * {@code elementa.fft.maxVectorBits}, and the test checks that the cap took effect.
     */
    @Test
    @Tag(KERNELS_TAG)
    void vectorAndScalarKernelsAgreeBitForBit() {
        String cap = System.getProperty("elementa.fft.maxVectorBits");
        if (cap != null && !cap.isEmpty()) {
            assertTrue(Butterflies.Provider.vectorUnavailableReason() == null,
                    "the vector kernels must be usable in the " + cap + "-bit run: "
                            + Butterflies.Provider.vectorUnavailableReason());
            int bits = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
            assertTrue(bits <= Integer.parseInt(cap), "preferred species has " + bits + " bits, cap " + cap);
        }
        assumeTrue(Butterflies.Provider.vectorUnavailableReason() == null, "Vector API not usable here");
        int[][] shapes = {{1024}, {1000}, {997}, {343}, {15}, {16, 18, 20}, {7, 9, 11}, {5, 98}};
        for (int[] shape : shapes) {
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] x = random(2 * n, n);
            double[] a = x.clone();
            double[] b = x.clone();
            FFT.complex(Butterflies.scalar(), shape).forward(a);
            FFT.complex(Butterflies.vector(), shape).forward(b);
            assertArrayEquals(a, b, "forward " + Arrays.toString(shape));
            FFT.complex(Butterflies.scalar(), shape).inverse(a);
            FFT.complex(Butterflies.vector(), shape).inverse(b);
            assertArrayEquals(a, b, "inverse " + Arrays.toString(shape));
        }
        int[][] realShapes = {{1024}, {998}, {15}, {194}, {6, 10}, {5, 9}, {8, 8, 9}};
        for (int[] shape : realShapes) {
            RealFFT rs = FFT.real(Butterflies.scalar(), shape);
            RealFFT rv = FFT.real(Butterflies.vector(), shape);
            double[] x = random(rs.size(), 3 + rs.size());
            double[] a = new double[2 * rs.spectrumSize()];
            double[] b = new double[a.length];
            rs.forward(x, a);
            rv.forward(x, b);
            assertArrayEquals(a, b, "real forward " + Arrays.toString(shape));
            double[] ya = new double[x.length];
            double[] yb = new double[x.length];
            rs.inverse(a, ya);
            rv.inverse(b, yb);
            assertArrayEquals(ya, yb, "real inverse " + Arrays.toString(shape));
        }
    }

    @Test
    void badInputNamesTheParameter() {
        assertMessage(() -> FFT.complex(), "shape");
        assertMessage(() -> FFT.complex(0), "shape[0]");
        assertMessage(() -> FFT.complex(4, -2), "shape[1]");
        assertMessage(() -> FFT.real(3, 0, 2), "shape[1]");
        assertMessage(() -> FFT.complex(1 << 16, 1 << 16), "shape");
        // 2N fits an array, but the scratch does not: 4 n doubles for n = 2^29 (int overflow before),
        // and Bluestein's M = 2^31 for the prime 1000000007 (int shift overflow before). Both must be
        // rejected before any table is built.
        assertMessage(() -> FFT.complex(1 << 29), "shape");
        assertMessage(() -> FFT.complex(1_000_000_007), "shape");
        assertMessage(() -> FFT.real(1_000_000_007), "shape");
        assertMessage(() -> FFT.complex(8).forward(new double[15]), "data");
        assertMessage(() -> FFT.complex(8).inverse(new double[8]), "data");
        assertMessage(() -> FFT.real(8).forward(new double[8], new double[8]), "spectrum");
        assertMessage(() -> FFT.real(8).inverse(new double[10], new double[7]), "real");
        assertMessage(() -> FFT.complex(8).withParallelism(0), "threads");
        assertMessage(() -> FFT.fftfreq(0, 1.0), "n");
        assertMessage(() -> FFT.rfftfreq(4, 0.0), "d");
        assertMessage(() -> FFT.fftshift(new double[6], 4), "data");
    }

    private static void assertMessage(Runnable r, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(name), "message '" + e.getMessage() + "' should name " + name);
    }

    @Test
    void shiftsAlongChosenAxesFollowNumpy() {
        // numpy's fftshift documentation: freqs = fftfreq(9, d=1/9).reshape(3, 3)
        // = [[0, 1, 2], [3, 4, -4], [-3, -2, -1]]; fftshift(freqs, axes=(1,)) =
        // [[2, 0, 1], [-4, 3, 4], [-1, -3, -2]], and ifftshift(..., axes=(1,)) undoes it.
        double[] freqs = FFT.fftfreq(9, 1.0 / 9);
        // k / (n d) with n d = 9 * (1/9) = 1 up to one rounding of 1/9: within 1e-15 of the integers.
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, -4, -3, -2, -1}, freqs, 1e-15);
        int[] shape = {3, 3};
        double[] shifted = FFT.fftshiftReal(freqs, shape, new int[] {1});
        // A shift only moves values: exactly the permuted entries.
        assertArrayEquals(new double[] {freqs[2], freqs[0], freqs[1], freqs[5], freqs[3], freqs[4],
            freqs[8], freqs[6], freqs[7]}, shifted);
        assertArrayEquals(freqs, FFT.ifftshiftReal(shifted, shape, new int[] {1}));
        assertArrayEquals(shifted, FFT.fftshiftReal(freqs, shape, new int[] {-1}), "axis -1 is the last");
        assertArrayEquals(FFT.fftshiftReal(freqs, 3, 3), FFT.fftshiftReal(freqs, shape, new int[] {0, 1}));
        // An axis listed twice is rolled twice (numpy.roll): on length 5, 2 + 2 = 4 = -1.
        double[] five = {0, 1, 2, 3, 4};
        assertArrayEquals(new double[] {1, 2, 3, 4, 0}, FFT.fftshiftReal(five, new int[] {5}, new int[] {0, 0}));
        assertArrayEquals(five, FFT.fftshiftReal(five, new int[] {5}, new int[] {}));

        // The rfftn half spectrum, shifted on its full axes only, is the fftshift of the full
        // spectrum (over those axes) restricted to k_last <= n/2.
        int[] real = {4, 5, 8};
        int n = 160;
        double[] x = random(n, 77);
        RealFFT plan = FFT.real(real);
        double[] half = new double[2 * plan.spectrumSize()];
        plan.forward(x, half);
        double[] full = new double[2 * n];
        for (int i = 0; i < n; i++) {
            full[2 * i] = x[i];
        }
        FFT.complex(real).forward(full);
        double[] fullShifted = FFT.fftshift(full, real, new int[] {0, 1});
        double[] halfShifted = FFT.fftshift(half, plan.spectrumShape(), new int[] {0, 1});
        // Shifts move values without arithmetic; the two transforms each have relative 2-norm
        // error tolND, so an entry differs by at most 2 tolND ||X||_2 = 2 tolND sqrt(N) ||x||_2.
        double entryTol = 2 * tolND(real) * Math.sqrt(n * sumOfSquares(x));
        for (int r = 0; r < 20; r++) {
            for (int k = 0; k <= 4; k++) {
                assertEquals(fullShifted[2 * (8 * r + k)], halfShifted[2 * (5 * r + k)], entryTol, "re " + r + "," + k);
                assertEquals(fullShifted[2 * (8 * r + k) + 1], halfShifted[2 * (5 * r + k) + 1], entryTol, "im " + r + "," + k);
            }
        }
        assertArrayEquals(half, FFT.ifftshift(halfShifted, plan.spectrumShape(), new int[] {0, 1}));
        assertMessage(() -> FFT.fftshift(half, plan.spectrumShape(), new int[] {3}), "axes");
        assertMessage(() -> FFT.ifftshiftReal(x, real, new int[] {-4}), "axes");
    }

    @Test
    void frequenciesAndShiftsFollowNumpy() {
        // numpy.fft.fftfreq(8, d=0.1) and rfftfreq(8, d=0.1), from numpy's documentation examples.
        assertArrayEquals(new double[] {0, 1.25, 2.5, 3.75, -5, -3.75, -2.5, -1.25}, FFT.fftfreq(8, 0.1), 1e-15);
        assertArrayEquals(new double[] {0, 1.25, 2.5, 3.75, 5}, FFT.rfftfreq(8, 0.1), 1e-15);
        // fftfreq(5): 0, 1, 2, -2, -1 (over 5); fftshift puts them in increasing order.
        assertArrayEquals(new double[] {0, 0.2, 0.4, -0.4, -0.2}, FFT.fftfreq(5, 1.0), 1e-15);
        assertArrayEquals(new double[] {-0.4, -0.2, 0, 0.2, 0.4}, FFT.fftshiftReal(FFT.fftfreq(5, 1.0), 5), 1e-15);
        assertArrayEquals(new double[] {-0.5, -0.25, 0, 0.25}, FFT.fftshiftReal(FFT.fftfreq(4, 1.0), 4), 1e-15);
        // Complex 2D: the (0,0) entry moves to (n0/2, n1/2); ifftshift undoes fftshift for odd sizes too.
        int[] shape = {3, 4};
        double[] x = random(24, 1);
        double[] s = FFT.fftshift(x, shape);
        assertEquals(x[0], s[2 * (1 * 4 + 2)]);
        assertEquals(x[1], s[2 * (1 * 4 + 2) + 1]);
        assertArrayEquals(x, FFT.ifftshift(s, shape));
        double[] r = random(15, 2);
        assertArrayEquals(r, FFT.ifftshiftReal(FFT.fftshiftReal(r, 3, 5), 3, 5));
    }
}
