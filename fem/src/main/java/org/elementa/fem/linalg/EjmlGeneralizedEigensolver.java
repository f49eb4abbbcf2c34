package org.elementa.fem.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Reference path on EJML: dense Cholesky S = L L^T, the standard problem
 * L^{-1} H L^{-T} y = E y by EJML's symmetric eigendecomposition, and x = L^{-T} y. O(n^3): for
 * tests and benchmarks, the independent check on Elementa's own eigensolvers.
 */
public final class EjmlGeneralizedEigensolver implements GeneralizedEigensolver {

    @Override
    public EigenResult lowest(SymmetricBandMatrix h, SymmetricBandMatrix s, int count) {
        int n = h.size();
        if (s.size() != n) {
            throw new IllegalArgumentException("h is " + n + "x" + n + " but s is " + s.size() + "x" + s.size());
        }
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("count = " + count + " must be in [1, " + n + "]");
        }
        // Symmetric, so the column-major dense array reads the same as row-major.
        DMatrixRMaj hm = DMatrixRMaj.wrap(n, n, h.toDense());
        DMatrixRMaj sm = DMatrixRMaj.wrap(n, n, s.toDense());
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(sm)) {
            throw new EigenSolverException("S is not positive definite (EJML Cholesky failed)");
        }
        DMatrixRMaj l = chol.getT(null);
        DMatrixRMaj linv = new DMatrixRMaj(n, n);
        TriangularSolver_DDRM.invertLower(l.data, linv.data, n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(linv, hm, tmp);
        CommonOps_DDRM.multTransB(tmp, linv, c);
        // Symmetrize the rounding so EJML's symmetric path sees an exactly symmetric matrix.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (c.get(i, j) + c.get(j, i));
                c.set(i, j, v);
                c.set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(c)) {
            throw new EigenSolverException("EJML symmetric eigendecomposition did not converge");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
        double[] values = new double[count];
        double[] vectors = new double[n * count];
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        for (int k = 0; k < count; k++) {
            values[k] = eig.getEigenvalue(order[k]).real;
            DMatrixRMaj y = eig.getEigenVector(order[k]);
            CommonOps_DDRM.multTransA(linv, y, x);
            // EJML's eigenvectors have unit 2-norm, so x is S-normalized; fix the sign for reproducibility.
            double sign = 0;
            for (int i = 0; i < n && sign == 0; i++) {
                sign = Math.signum(x.get(i));
            }
            for (int i = 0; i < n; i++) {
                vectors[i + k * n] = sign < 0 ? -x.get(i) : x.get(i);
            }
        }
        return new EigenResult(values, vectors, n, 0, 1);
    }
}
