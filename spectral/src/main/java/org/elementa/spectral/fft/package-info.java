/**
 * Fast Fourier transforms of any size and dimension, with numpy's conventions.
 *
 * <p>Entry point: {@link org.elementa.spectral.fft.FFT} ({@code FFT.complex(shape)},
 * {@code FFT.real(shape)}, {@code fftfreq}, {@code rfftfreq}, {@code fftshift}, {@code ifftshift}).
 * Plans ({@link org.elementa.spectral.fft.ComplexFFT}, {@link org.elementa.spectral.fft.RealFFT})
 * are immutable, thread-safe and reusable; data are interleaved complex {@code double[]}, row-major.
 *
 * <p>Inside: {@code Transform1D} is a batched 1D DFT, either {@code Stockham} (self-sorting mixed
 * radix 2, 3, 4, 5, 7; Temperton 1983) or {@code Bluestein} (chirp-z convolution for lengths with a
 * prime factor above 7; Bluestein 1970). {@code Passes} cuts an nD transform into axis passes and
 * fixed work units (so results do not depend on the thread count). {@code Butterflies} is the
 * kernel seam: {@code ScalarButterflies} and the Vector API {@code VectorButterflies}, which agree
 * bit for bit; the vector one is chosen when {@code jdk.incubator.vector} is usable (as
 * {@code org.elementa.fem.kernel.KernelProvider} decides for the engine's kernels, and the same
 * {@code -Delementa.kernels=scalar} forces the scalar path).
 */
package org.elementa.spectral.fft;
