package org.elementa.spectral.fft;

/**
 * An unnormalized 1D complex DFT of one length, applied to a batch of {@code B} independent
 * sequences at once: {@code Y[k] = sum_j X[j] exp(-+2 pi i j k / n)}.
 *
 * <p>Layout (indices in doubles): element {@code j} of sequence {@code b} is the complex number
 * at {@code src[so + j*sjs + 2b]}; the result goes to {@code dst[dOff + k*djs + 2b]}. The batch
 * is contiguous, so one vector lane pattern covers neighbouring sequences; {@code src} and
 * {@code dst} may be the same region (in place) but must not otherwise overlap. Immutable:
 * all per-call state lives in the caller's scratch array.
 */
abstract sealed class Transform1D permits Stockham, Bluestein {

    /** Largest prime handled by a butterfly; lengths with a larger prime factor use Bluestein. */
    static final int LARGEST_RADIX_PRIME = 7;

    final int n;

    Transform1D(int n) {
        this.n = n;
    }

    /** The plan for length {@code n >= 1}. */
    static Transform1D of(int n) {
        int[] radices = Stockham.factor(n);
        return radices != null ? new Stockham(n, radices) : new Bluestein(n);
    }

    /** Doubles of scratch one call with batch {@code batch} needs. */
    abstract int scratchDoubles(int batch);

    /** Transforms {@code batch} sequences, see the class comment; {@code inverse} flips the sign. */
    abstract void transform(Butterflies k, double[] src, int so, int sjs, double[] dst, int dOff, int djs,
                            int batch, boolean inverse, double[] scr, int scrOff);

    /** Copies a batch of sequences of length {@code len} between two strided views. */
    static void copy(double[] src, int so, int sjs, double[] dst, int dOff, int djs, int len, int batch) {
        for (int j = 0; j < len; j++) {
            System.arraycopy(src, so + j * sjs, dst, dOff + j * djs, 2 * batch);
        }
    }
}
