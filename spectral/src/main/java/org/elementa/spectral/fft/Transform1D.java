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

    /** Largest length of a Java array (a little below {@code Integer.MAX_VALUE} on common JVMs). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Doubles of scratch one call with batch {@code batch} needs (fits an array: plans check it first). */
    final int scratchDoubles(int batch) {
        return (int) scratchDoubles(n, batch);
    }

    /**
     * Doubles of scratch a transform of length {@code n} needs for batch {@code batch}, in 64-bit
     * arithmetic so that plans can reject a shape before building anything: Stockham needs two
     * ping-pong buffers of {@code 2 n batch} (one if it has a single stage, none for n = 1),
     * Bluestein the zero-padded sequence of length M and the Stockham scratch of length M.
     */
    static long scratchDoubles(int n, long batch) {
        int[] radices = Stockham.factor(n);
        if (radices != null) {
            return radices.length == 0 ? 0 : (radices.length == 1 ? 2L : 4L) * n * batch;
        }
        // M >= 2n - 1 >= 21 is 7-smooth, so its Stockham plan has two stages or more: 4 M batch.
        long m = Bluestein.convolutionLength(n);
        return 2 * m * batch + 4 * m * batch;
    }

    /**
     * Throws unless the doubles a plan needs fit in a Java array.
     *
     * @throws IllegalArgumentException naming {@code shape} and what does not fit
     */
    static void checkFits(long doubles, String what, int[] shape) {
        if (doubles > MAX_ARRAY) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " is too large: "
                    + what + " needs " + doubles + " doubles, more than a Java array holds (" + MAX_ARRAY + ")");
        }
    }

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
