package org.elementa.fem.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small dense Jacobi eigensolver of the Rayleigh-Ritz step, against EJML. */
class JacobiEigenTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 20, 40})
    void eigenvaluesMatchEjmlAndVectorsDiagonalize(int m) {
        SplittableRandom rnd = new SplittableRandom(m);
        double[] a = new double[m * m];
        for (int j = 0; j < m; j++) {
            for (int i = j; i < m; i++) {
                double x = rnd.nextDouble(-1, 1) * (i == j ? 10 : 1);
                a[i + j * m] = x;
                a[j + i * m] = x;
            }
        }
        double[] copy = a.clone();
        double[] v = new double[m * m];
        double[] w = EigenSupport.jacobiEigen(m, a, v);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        eig.decompose(DMatrixRMaj.wrap(m, m, copy.clone()));
        double[] ref = new double[m];
        for (int i = 0; i < m; i++) {
            ref[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ref);
        double norm = 0;
        for (double x : copy) {
            norm = Math.max(norm, Math.abs(x));
        }
        // Both methods are backward stable: eigenvalues agree to a small multiple of m eps ||a||.
        double tol = 20 * m * Math.ulp(1.0) * norm * m;
        for (int i = 0; i < m; i++) {
            assertEquals(ref[i], w[i], tol, "eigenvalue " + i);
            // Residual of each returned pair against the original matrix.
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int c = 0; c < m; c++) {
                    s += copy[r + c * m] * v[c + i * m];
                }
                assertEquals(w[i] * v[r + i * m], s, tol, "residual row " + r + " of pair " + i);
            }
        }
    }
}
