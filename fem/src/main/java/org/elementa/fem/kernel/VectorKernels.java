package org.elementa.fem.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link Kernels}. Loaded only after {@link KernelProvider} has
 * checked that {@code jdk.incubator.vector} is readable. Kernels not yet vectorized delegate to
 * the scalar twin.
 */
final class VectorKernels implements Kernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    static final VectorKernels INSTANCE = new VectorKernels();

    private final Kernels scalar = ScalarKernels.INSTANCE;

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int vectorBitSize() {
        return SPECIES.vectorBitSize();
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(n);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += step) {
            acc = DoubleVector.fromArray(SPECIES, x, xOff + i)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void axpy(int n, double a, double[] x, int xOff, double[] y, int yOff) {
        scalar.axpy(n, a, x, xOff, y, yOff);
    }

    @Override
    public void scal(int n, double a, double[] x, int xOff) {
        scalar.scal(n, a, x, xOff);
    }

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                     double[] x, int xOff, double beta, double[] y, int yOff) {
        scalar.gemv(transA, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        scalar.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void sbmv(int n, int kd, double alpha, double[] ab, int ldab, double[] x, double beta, double[] y) {
        scalar.sbmv(n, kd, alpha, ab, ldab, x, beta, y);
    }

    @Override
    public int pbtrf(int n, int kd, double[] ab, int ldab) {
        return scalar.pbtrf(n, kd, ab, ldab);
    }

    @Override
    public void pbtrs(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        scalar.pbtrs(n, kd, ab, ldab, b, nrhs, ldb);
    }

    @Override
    public int sbldlt(int n, int kd, double[] ab, int ldab) {
        return scalar.sbldlt(n, kd, ab, ldab);
    }

    @Override
    public void sbldltSolve(int n, int kd, double[] ab, int ldab, double[] b, int nrhs, int ldb) {
        scalar.sbldltSolve(n, kd, ab, ldab, b, nrhs, ldb);
    }
}
