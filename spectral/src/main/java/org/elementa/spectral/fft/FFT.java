package org.elementa.spectral.fft;

import java.util.Arrays;
import java.util.Objects;

/**
 * Entry point of Elementa's fast Fourier transforms: plans for complex and real data of any
 * shape (1D, 2D, 3D, ...; any lengths), and numpy's helpers for frequencies and shifts.
 *
 * <p>Conventions are numpy's: the forward transform is unnormalized with kernel
 * {@code exp(-2 pi i j k / n)}, the inverse has {@code exp(+2 pi i j k / n)} and is scaled by
 * {@code 1/N}, and the zero frequency comes first. Complex data are interleaved
 * {@code (re, im, ...)} {@code double[]} in row-major order.
 *
 * <pre>{@code
 *   ComplexFFT plan = FFT.complex(64, 64, 64);   // once per shape
 *   plan.forward(data);                          // data.length == 2 * 64^3, in place
 *   plan.inverse(data);                          // back to the input, up to rounding
 *   RealFFT r = FFT.real(64, 64, 64);            // spectrum shape (64, 64, 33)
 * }</pre>
 *
 * <p>Algorithms: self-sorting mixed-radix Stockham stages with radix 2, 3, 4, 5 and 7
 * (Temperton 1983), vectorized with the Vector API across neighbouring sub-transforms; lengths with
 * a prime factor above 7 through Bluestein's chirp-z convolution (Bluestein 1970). See
 * {@code Stockham} and {@code Bluestein} in this package for the formulas and references.
 */
public final class FFT {

    private FFT() {
    }

    /**
     * A complex plan for data of the given shape, using the Vector API kernels where available.
     *
     * @param shape lengths {@code n_0, ..., n_(d-1)}, each {@code >= 1}, at least one
     * @return the plan, immutable and reusable from any thread
     * @throws IllegalArgumentException if the shape is empty, a length is below 1, or
     *                                  {@code 2 N} or the per-thread scratch (up to {@code 4 n}
     *                                  doubles for a length {@code n}, {@code 6 M} for a Bluestein
     *                                  length with convolution length {@code M}) exceeds the largest
     *                                  Java array; the message names {@code shape}
     */
    public static ComplexFFT complex(int... shape) {
        return new ComplexFFT(shape, Butterflies.preferred());
    }

    /**
     * A real-to-complex plan for real data of the given shape (spectrum of shape
     * {@code (n_0, ..., n_(d-2), n_(d-1)/2 + 1)}).
     *
     * @param shape lengths {@code n_0, ..., n_(d-1)} of the real data, each {@code >= 1}, at least one
     * @return the plan, immutable and reusable from any thread
     * @throws IllegalArgumentException as for {@link #complex(int...)}, naming {@code shape}
     */
    public static RealFFT real(int... shape) {
        return new RealFFT(shape, Butterflies.preferred());
    }

    /** A complex plan with the scalar kernels (tests compare the two). */
    static ComplexFFT complex(Butterflies kernels, int... shape) {
        return new ComplexFFT(shape, kernels);
    }

    /** A real plan with the given kernels. */
    static RealFFT real(Butterflies kernels, int... shape) {
        return new RealFFT(shape, kernels);
    }

    /** Validates a shape; returns its number of points. */
    static int checkShape(int[] shape, String name) {
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one length, got "
                    + (shape == null ? "null" : "[]"));
        }
        long n = 1;
        for (int a = 0; a < shape.length; a++) {
            if (shape[a] < 1) {
                throw new IllegalArgumentException(name + "[" + a + "] must be >= 1, got " + shape[a]
                        + " in " + Arrays.toString(shape));
            }
            n *= shape[a];
            if (2 * n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + " " + Arrays.toString(shape)
                        + " has too many points: 2 * N must fit in a Java array");
            }
        }
        return (int) n;
    }

    /**
     * Sample frequencies of a length-{@code n} DFT with sample spacing {@code d}, as
     * {@code numpy.fft.fftfreq}: {@code f[k] = k / (n d)} for {@code k < (n+1)/2}, then
     * {@code (k - n) / (n d)}. Multiply by {@code 2 pi} for angular wavenumbers.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code d} is not positive and finite
     */
    public static double[] fftfreq(int n, double d) {
        checkFreq(n, d);
        double[] f = new double[n];
        int positive = (n + 1) / 2;
        for (int k = 0; k < n; k++) {
            f[k] = (k < positive ? k : k - n) / (n * d);
        }
        return f;
    }

    /**
     * Sample frequencies of the half spectrum of a length-{@code n} real DFT, as
     * {@code numpy.fft.rfftfreq}: {@code f[k] = k / (n d)}, {@code k = 0..n/2}.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code d} is not positive and finite
     */
    public static double[] rfftfreq(int n, double d) {
        checkFreq(n, d);
        double[] f = new double[n / 2 + 1];
        for (int k = 0; k < f.length; k++) {
            f[k] = k / (n * d);
        }
        return f;
    }

    private static void checkFreq(int n, double d) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("d (sample spacing) must be positive and finite, got " + d);
        }
    }

    /**
     * Moves the zero frequency to the centre, as {@code numpy.fft.fftshift} over all axes:
     * along an axis of length {@code n}, element {@code k} goes to {@code (k + n/2) mod n}.
     *
     * @param data  interleaved complex data, {@code 2 N} doubles ({@code N} the product of the
     *              shape); not modified
     * @param shape its shape, each length {@code >= 1}
     * @return a new shifted array
     * @throws IllegalArgumentException if the shape is invalid (see {@link #complex}) or
     *                                  {@code data} does not hold {@code 2 N} doubles
     */
    public static double[] fftshift(double[] data, int... shape) {
        return roll(data, 2, shape, allAxes(shape), false);
    }

    /**
     * {@link #fftshift(double[], int...)} along the given axes only, as
     * {@code numpy.fft.fftshift(x, axes)}: e.g. the half spectrum of {@link RealFFT}, shape
     * {@code (n_0, ..., n_(d-2), n_(d-1)/2 + 1)}, is centred on its full axes with
     * {@code axes = {0, ..., d-2}}. A negative axis counts from the end ({@code -1} is the last);
     * an axis listed twice is shifted twice, as numpy does.
     *
     * @param data  interleaved complex data, {@code 2 N} doubles; not modified
     * @param shape its shape, each length {@code >= 1}
     * @param axes  the axes to shift, each in {@code [-d, d)} for {@code d = shape.length}
     * @return a new shifted array
     * @throws IllegalArgumentException if the shape is invalid, {@code data} has the wrong length,
     *                                  or an axis is out of range
     */
    public static double[] fftshift(double[] data, int[] shape, int[] axes) {
        return roll(data, 2, shape, axes, false);
    }

    /**
     * Inverse of {@link #fftshift(double[], int...)}, as {@code numpy.fft.ifftshift}: along an
     * axis of length {@code n}, element {@code k} goes to {@code (k - n/2) mod n} (differs from
     * fftshift for odd {@code n}).
     *
     * @param data  interleaved complex data, {@code 2 N} doubles; not modified
     * @param shape its shape
     * @return a new shifted array
     * @throws IllegalArgumentException as for {@link #fftshift(double[], int...)}
     */
    public static double[] ifftshift(double[] data, int... shape) {
        return roll(data, 2, shape, allAxes(shape), true);
    }

    /**
     * Inverse of {@link #fftshift(double[], int[], int[])} along the given axes, as
     * {@code numpy.fft.ifftshift(x, axes)}.
     *
     * @param data  interleaved complex data, {@code 2 N} doubles; not modified
     * @param shape its shape
     * @param axes  the axes to shift, each in {@code [-d, d)}
     * @return a new shifted array
     * @throws IllegalArgumentException as for {@link #fftshift(double[], int[], int[])}
     */
    public static double[] ifftshift(double[] data, int[] shape, int[] axes) {
        return roll(data, 2, shape, axes, true);
    }

    /**
     * {@link #fftshift(double[], int...)} for real-valued data ({@code N} doubles).
     *
     * @param data  {@code N} real values; not modified
     * @param shape their shape
     * @return a new shifted array
     * @throws IllegalArgumentException if the shape is invalid or {@code data} does not hold {@code N} doubles
     */
    public static double[] fftshiftReal(double[] data, int... shape) {
        return roll(data, 1, shape, allAxes(shape), false);
    }

    /**
     * {@link #fftshift(double[], int[], int[])} for real-valued data ({@code N} doubles).
     *
     * @param data  {@code N} real values; not modified
     * @param shape their shape
     * @param axes  the axes to shift, each in {@code [-d, d)}
     * @return a new shifted array
     * @throws IllegalArgumentException if the shape is invalid, {@code data} has the wrong length,
     *                                  or an axis is out of range
     */
    public static double[] fftshiftReal(double[] data, int[] shape, int[] axes) {
        return roll(data, 1, shape, axes, false);
    }

    /**
     * {@link #ifftshift(double[], int...)} for real-valued data ({@code N} doubles).
     *
     * @param data  {@code N} real values; not modified
     * @param shape their shape
     * @return a new shifted array
     * @throws IllegalArgumentException as for {@link #fftshiftReal(double[], int...)}
     */
    public static double[] ifftshiftReal(double[] data, int... shape) {
        return roll(data, 1, shape, allAxes(shape), true);
    }

    /**
     * {@link #ifftshift(double[], int[], int[])} for real-valued data ({@code N} doubles).
     *
     * @param data  {@code N} real values; not modified
     * @param shape their shape
     * @param axes  the axes to shift, each in {@code [-d, d)}
     * @return a new shifted array
     * @throws IllegalArgumentException as for {@link #fftshiftReal(double[], int[], int[])}
     */
    public static double[] ifftshiftReal(double[] data, int[] shape, int[] axes) {
        return roll(data, 1, shape, axes, true);
    }

    private static int[] allAxes(int[] shape) {
        int d = shape == null ? 0 : shape.length;
        int[] axes = new int[d];
        for (int a = 0; a < d; a++) {
            axes[a] = a;
        }
        return axes;
    }

    private static double[] roll(double[] data, int width, int[] shape, int[] axes, boolean inverse) {
        Objects.requireNonNull(data, "data");
        int n = checkShape(shape, "shape");
        Objects.requireNonNull(axes, "axes");
        if (data.length != (long) width * n) {
            throw new IllegalArgumentException("data must hold " + (long) width * n + " doubles for shape "
                    + Arrays.toString(shape) + ", got " + data.length);
        }
        int d = shape.length;
        int[] shift = new int[d];
        for (int axis : axes) {
            if (axis < -d || axis >= d) {
                throw new IllegalArgumentException("axes must lie in [" + -d + ", " + d + ") for shape "
                        + Arrays.toString(shape) + ", got " + axis + " in " + Arrays.toString(axes));
            }
            int a = axis < 0 ? axis + d : axis;
            int h = shape[a] / 2;
            shift[a] = (shift[a] + (inverse ? shape[a] - h : h)) % shape[a];
        }
        int[] stride = new int[d];
        int s = width;
        for (int a = d - 1; a >= 0; a--) {
            stride[a] = s;
            s *= shape[a];
        }
        double[] out = new double[data.length];
        int[] index = new int[d];
        for (int i = 0; i < n; i++) {
            int dest = 0;
            for (int a = 0; a < d; a++) {
                int t = index[a] + shift[a];
                if (t >= shape[a]) {
                    t -= shape[a];
                }
                dest += t * stride[a];
            }
            System.arraycopy(data, i * width, out, dest, width);
            for (int a = d - 1; a >= 0; a--) {
                if (++index[a] < shape[a]) {
                    break;
                }
                index[a] = 0;
            }
        }
        return out;
    }
}
