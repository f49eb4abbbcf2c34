package org.elementa.fem.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Banded kernels (sbmv, pbtrf/pbtrs, sbldlt/sbldltSolve) of both implementations against dense
 * naive algorithms written here: a dense matrix-vector product, the dense Cholesky-Banachiewicz
 * factorization, dense LDL^T elimination without pivoting, and forward/back substitution.
 *
 * <p>Test matrices are strictly diagonally dominant (|a_ii| > sum_{j != i} |a_ij| + 1), so by
 * Gershgorin's theorem every eigenvalue lies at distance > 1 from zero and the condition number
 * is at most 4*kd+2 (|lambda| >= 1, and |lambda| <= |a_ii| + off-diagonal row sum); Schur
 * complements of such matrices stay diagonally dominant, so elimination without pivoting is stable
 * (Wilkinson). Rounding errors in factors and solutions are then bounded by a modest multiple of
 * n * u * kappa; see {@link #REL_TOL}.
 */
class BandedKernelsTest {

    /**
     * Relative tolerance for factors and solutions, relative to the largest entry: the first-order
     * bound n * u * kappa is at most 127 * 1.1e-16 * 510 = 7e-12 for the largest case here (n = 127,
     * kd = 126), and typical errors are far smaller (random rounding errors grow like sqrt(n)).
     */
    static final double REL_TOL = 1e-11;

    static final int[] NS = {1, 3, 13, 64, 127};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Stream.of(KernelProvider.scalar(), KernelProvider.vector()).forEach(k -> {
            for (int n : NS) {
                java.util.stream.IntStream.of(0, 1, 2, 7, 31, n - 1).filter(kd -> kd <= n - 1).distinct()
                        .forEach(kd -> cases.add(Arguments.of(k, n, kd)));
            }
        });
        return cases.stream();
    }

    /** Cases with room for a 2-by-2 leading block coupled by the band (n >= 2, kd >= 1). */
    static Stream<Arguments> coupledCases() {
        return cases().filter(c -> (int) c.get()[1] >= 2 && (int) c.get()[2] >= 1);
    }

    /** A dense symmetric strictly diagonally dominant band matrix; negative diagonal entries where sign says so. */
    static double[][] dense(int n, int kd, SplittableRandom rnd, boolean indefinite) {
        double[][] a = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i <= Math.min(n - 1, j + kd); i++) {
                double v = rnd.nextDouble(-1, 1);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            double off = 0;
            for (int j = 0; j < n; j++) {
                off += i == j ? 0 : Math.abs(a[i][j]);
            }
            double d = off + 1 + rnd.nextDouble();
            a[i][i] = indefinite && rnd.nextBoolean() ? -d : d;
        }
        return a;
    }

    /** LAPACK lower band storage with ldab = kd + 3; unused cells are NaN so that any read of them shows. */
    static double[] band(double[][] a, int kd, int ldab) {
        int n = a.length;
        double[] ab = new double[Math.max(1, n * ldab)];
        java.util.Arrays.fill(ab, Double.NaN);
        for (int j = 0; j < n; j++) {
            for (int i = j; i <= Math.min(n - 1, j + kd); i++) {
                ab[(i - j) + j * ldab] = a[i][j];
            }
        }
        return ab;
    }

    static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** Cells of band storage outside the band, or past row n-1, must be left NaN. */
    static void assertUnusedCellsUntouched(double[] ab, int n, int kd, int ldab, String what) {
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < ldab; r++) {
                boolean used = r <= kd && j + r < n;
                if (!used) {
                    assertTrue(Double.isNaN(ab[r + j * ldab]), what + ": wrote unused cell r=" + r + " j=" + j);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sbmvMatchesDenseProduct(Kernels k, int n, int kd) {
        SplittableRandom rnd = new SplittableRandom(21 + n + 100L * kd);
        double[][] a = dense(n, kd, rnd, true);
        int ldab = kd + 3;
        double[] ab = band(a, kd, ldab);
        double[] x = KernelsTest.random(rnd, n);
        for (double beta : new double[] {0.0, 0.5}) {
            double alpha = -1.5;
            double[] y = beta == 0 ? KernelsTest.nans(n) : KernelsTest.random(rnd, n);
            double[] y0 = y.clone();
            k.sbmv(n, kd, alpha, ab, ldab, x, beta, y);
            for (int i = 0; i < n; i++) {
                double[] refAbs = denseRow(a, x, i);
                double cOld = beta == 0 ? 0 : beta * y0[i];
                assertEquals(alpha * refAbs[0] + cOld, y[i],
                        KernelsTest.sumBound(2 * kd + 1, Math.abs(alpha) * refAbs[1] + Math.abs(cOld)),
                        k.name() + " sbmv n=" + n + " kd=" + kd + " beta=" + beta + " i=" + i);
            }
        }
    }

    /** Row i of the dense product: {sum_j a_ij x_j, sum_j |a_ij x_j|}. */
    static double[] denseRow(double[][] a, double[] x, int i) {
        double ref = 0;
        double abs = 0;
        for (int j = 0; j < a.length; j++) {
            ref += a[i][j] * x[j];
            abs += Math.abs(a[i][j] * x[j]);
        }
        return new double[] {ref, abs};
    }

    /** Dense Cholesky-Banachiewicz: L(i,j) = (A(i,j) - sum_{p<j} L(i,p) L(j,p)) / L(j,j). */
    static double[][] naiveCholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int p = 0; p < j; p++) {
                s -= l[j][p] * l[j][p];
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int p = 0; p < j; p++) {
                    t -= l[i][p] * l[j][p];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    /** Solves A x = b densely by Gaussian elimination with partial pivoting (independent of any factor here). */
    static double[] naiveSolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int q = c; q <= n; q++) {
                    m[r][q] -= f * m[c][q];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int q = i + 1; q < n; q++) {
                s -= m[i][q] * x[q];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pbtrfMatchesDenseCholeskyAndSolves(Kernels k, int n, int kd) {
        SplittableRandom rnd = new SplittableRandom(31 + n + 100L * kd);
        double[][] a = dense(n, kd, rnd, false);
        int ldab = kd + 3;
        double[] ab = band(a, kd, ldab);
        String what = k.name() + " pbtrf n=" + n + " kd=" + kd;
        assertEquals(0, k.pbtrf(n, kd, ab, ldab), what + " info");
        double[][] l = naiveCholesky(a);
        double tol = REL_TOL * maxAbs(l);
        for (int j = 0; j < n; j++) {
            for (int i = j; i <= Math.min(n - 1, j + kd); i++) {
                assertEquals(l[i][j], ab[(i - j) + j * ldab], tol, what + " L(" + i + "," + j + ")");
            }
        }
        assertUnusedCellsUntouched(ab, n, kd, ldab, what);

        int nrhs = 3;
        int ldb = n + 2;
        double[] b = KernelsTest.random(rnd, ldb * nrhs);
        double[] rhs = b.clone();
        k.pbtrs(n, kd, ab, ldab, b, nrhs, ldb);
        assertSolution(a, rhs, b, n, nrhs, ldb, what + " pbtrs");
    }

    static void assertSolution(double[][] a, double[] rhs, double[] x, int n, int nrhs, int ldb, String what) {
        for (int q = 0; q < nrhs; q++) {
            double[] bq = java.util.Arrays.copyOfRange(rhs, q * ldb, q * ldb + n);
            double[] ref = naiveSolve(a, bq);
            double scale = 0;
            for (double v : ref) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], x[q * ldb + i], REL_TOL * Math.max(scale, 1e-300), what + " x(" + i + "," + q + ")");
            }
            // Padding rows between n and ldb are not part of B and must be left alone.
            for (int i = n; i < ldb; i++) {
                assertEquals(rhs[q * ldb + i], x[q * ldb + i], 0.0, what + " padding row " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sbldltMatchesDenseLdltInertiaAndSolves(Kernels k, int n, int kd) {
        SplittableRandom rnd = new SplittableRandom(41 + n + 100L * kd);
        double[][] a = dense(n, kd, rnd, true);
        int ldab = kd + 3;
        double[] ab = band(a, kd, ldab);
        String what = k.name() + " sbldlt n=" + n + " kd=" + kd;
        assertEquals(0, k.sbldlt(n, kd, ab, ldab), what + " info");

        // Dense right-looking elimination without pivoting: D(j) = S(j,j), L(i,j) = S(i,j)/D(j),
        // S(i,c) -= L(i,j) * S(c,j) on the Schur complement S.
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            s[i] = a[i].clone();
        }
        double[] d = new double[n];
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            d[j] = s[j][j];
            for (int i = j + 1; i < n; i++) {
                l[i][j] = s[i][j] / d[j];
            }
            for (int c = j + 1; c < n; c++) {
                for (int i = c; i < n; i++) {
                    s[i][c] -= l[i][j] * s[c][j];
                }
            }
        }
        double tolD = REL_TOL * maxAbs(a);
        double tolL = REL_TOL * Math.max(1, maxAbs(l));
        int negatives = 0;
        int negativeDiagonal = 0;
        for (int j = 0; j < n; j++) {
            assertEquals(d[j], ab[j * ldab], tolD, what + " D(" + j + ")");
            for (int i = j + 1; i <= Math.min(n - 1, j + kd); i++) {
                assertEquals(l[i][j], ab[(i - j) + j * ldab], tolL, what + " L(" + i + "," + j + ")");
            }
            negatives += ab[j * ldab] < 0 ? 1 : 0;
            negativeDiagonal += a[j][j] < 0 ? 1 : 0;
        }
        // Sylvester's inertia: the negative pivots count the negative eigenvalues, which for a
        // strictly diagonally dominant matrix (disjoint Gershgorin half-planes) are as many as the
        // negative diagonal entries.
        assertEquals(negativeDiagonal, negatives, what + " inertia");
        assertUnusedCellsUntouched(ab, n, kd, ldab, what);

        int nrhs = 2;
        int ldb = n + 1;
        double[] b = KernelsTest.random(rnd, ldb * nrhs);
        double[] rhs = b.clone();
        k.sbldltSolve(n, kd, ab, ldab, b, nrhs, ldb);
        assertSolution(a, rhs, b, n, nrhs, ldb, what + " solve");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pbtrfReportsTheFirstNonPositiveLeadingMinor(Kernels k, int n, int kd) {
        SplittableRandom rnd = new SplittableRandom(51 + n + 100L * kd);
        double[][] a = dense(n, kd, rnd, false);
        int bad = n / 2;
        // Leading minors of order <= bad stay positive (an SPD principal submatrix); the Schur
        // complement at the bad column is A(bad,bad) - |l|^2 <= -1 < 0, so info must be bad+1.
        a[bad][bad] = -1;
        int ldab = kd + 1;
        double[] ab = band(a, kd, ldab);
        assertEquals(bad + 1, k.pbtrf(n, kd, ab, ldab), k.name() + " pbtrf info n=" + n + " kd=" + kd);
    }

    @ParameterizedTest
    @MethodSource("coupledCases")
    void sbldltReportsAnExactlyZeroPivot(Kernels k, int n, int kd) {
        // [[1, 1], [1, 1]] in the leading block: D(0) = 1, D(1) = 1 - 1*1 = 0 exactly.
        double[][] a = dense(n, kd, new SplittableRandom(61), false);
        a[0][0] = 1;
        a[1][1] = 1;
        a[1][0] = 1;
        a[0][1] = 1;
        for (int i = 2; i <= Math.min(n - 1, kd); i++) {
            a[i][0] = 0;
            a[0][i] = 0;
        }
        int ldab = kd + 1;
        double[] ab = band(a, kd, ldab);
        assertEquals(2, k.sbldlt(n, kd, ab, ldab), k.name() + " sbldlt info n=" + n + " kd=" + kd);
    }

    /**
     * A pivot that is not exactly zero but below eps times the matrix scale carries no reliable
     * digit: D(1) = 1e-17 with the other diagonal entries near 1 (pivmin = 2^-52 * max|A_ii|, about
     * 2.2e-16 here) must stop the factorization, as must a NaN pivot.
     */
    @ParameterizedTest
    @MethodSource("coupledCases")
    void sbldltRejectsTinyAndNaNPivots(Kernels k, int n, int kd) {
        double[][] a = dense(n, kd, new SplittableRandom(67), false);
        for (int i = 0; i < n; i++) {
            if (i != 1) {
                a[1][i] = 0;
                a[i][1] = 0;
            }
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        a[1][1] = 0.05 * Math.ulp(1.0) * scale; // a decoupled pivot D(1) = A(1,1), below pivmin
        int ldab = kd + 1;
        double[] ab = band(a, kd, ldab);
        assertEquals(2, k.sbldlt(n, kd, ab, ldab), k.name() + " tiny pivot n=" + n + " kd=" + kd);

        a[1][1] = Double.NaN;
        ab = band(a, kd, ldab);
        assertEquals(2, k.sbldlt(n, kd, ab, ldab), k.name() + " NaN pivot n=" + n + " kd=" + kd);

        if (n < 3) {
            return;
        }
        // A NaN below the diagonal reaches the pivot of the next column through the update.
        a[1][1] = scale;
        a[2][1] = Double.NaN;
        a[1][2] = Double.NaN;
        ab = band(a, kd, ldab);
        assertEquals(3, k.sbldlt(n, kd, ab, ldab), k.name() + " NaN update n=" + n + " kd=" + kd);
    }

    /**
     * A block profile like a finite element matrix of elements with {@code block} nodes sharing
     * one end node: column j reaches down to the last node of the last element holding j.
     */
    static int[] blockProfile(int n, int kd, int block) {
        int[] p = new int[n];
        for (int j = 0; j < n; j++) {
            int element = block <= 1 ? j : Math.min(j / (block - 1), Math.max(0, (n - 2) / (block - 1)));
            int last = block <= 1 ? j : Math.min(n - 1, (element + 1) * (block - 1));
            if (block > 1 && j == element * (block - 1) + (block - 1) && j < n - 1) {
                last = Math.min(n - 1, j + (block - 1)); // a shared node couples to the next element
            }
            p[j] = Math.min(Math.min(kd, n - 1 - j), last - j);
        }
        // Make it an envelope (last rows non-decreasing), as the kernels require.
        int lastRow = 0;
        for (int j = 0; j < n; j++) {
            lastRow = Math.max(lastRow, j + p[j]);
            p[j] = Math.min(lastRow - j, Math.min(kd, n - 1 - j));
        }
        return p;
    }

    /** The dense matrix of dense(n, kd, ...) restricted to a profile (zeros outside, still diagonally dominant). */
    static double[][] denseInProfile(int n, int kd, int[] profile, SplittableRandom rnd) {
        double[][] a = dense(n, kd, rnd, true);
        for (int j = 0; j < n; j++) {
            for (int i = j + profile[j] + 1; i < n; i++) {
                a[i][j] = 0;
                a[j][i] = 0;
            }
        }
        return a;
    }

    static Stream<Arguments> profileCases() {
        List<Arguments> cases = new ArrayList<>();
        Stream.of(KernelProvider.scalar(), KernelProvider.vector()).forEach(k -> {
            for (int[] nk : new int[][] {{1, 0}, {13, 7}, {64, 31}, {127, 31}, {216, 31}, {100, 40}}) {
                for (int block : new int[] {2, 9, 32}) {
                    if (block - 1 <= nk[1] || nk[1] == 0) {
                        cases.add(Arguments.of(k, nk[0], nk[1], block));
                    }
                }
            }
        });
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("profileCases")
    void profileKernelsMatchDenseAlgorithms(Kernels k, int n, int kd, int block) {
        SplittableRandom rnd = new SplittableRandom(77 + n + 100L * kd + 10000L * block);
        int[] profile = blockProfile(n, kd, block);
        double[][] a = denseInProfile(n, kd, profile, rnd);
        int ldab = kd + 3;
        double[] ab = band(a, kd, ldab);
        String what = k.name() + " profile n=" + n + " kd=" + kd + " block=" + block;

        double[] x = KernelsTest.random(rnd, n);
        double[] y = KernelsTest.nans(n);
        k.sbmv(n, kd, profile, ab, ldab, x, y);
        for (int i = 0; i < n; i++) {
            double[] refAbs = denseRow(a, x, i);
            assertEquals(refAbs[0], y[i], KernelsTest.sumBound(2 * kd + 1, refAbs[1]), what + " sbmv y(" + i + ")");
        }

        double[] rhs = KernelsTest.random(rnd, n);
        double[] b = rhs.clone();
        assertEquals(0, k.sbldlt(n, kd, profile, ab, ldab), what + " info");
        // Fill stays inside the envelope: the factor's entries outside it are still exactly zero.
        for (int j = 0; j < n; j++) {
            for (int r = profile[j] + 1; r <= Math.min(kd, n - 1 - j); r++) {
                assertEquals(0.0, ab[r + j * ldab], 0.0, what + " fill outside the profile at r=" + r + " j=" + j);
            }
        }
        assertUnusedCellsUntouched(ab, n, kd, ldab, what);
        k.sbldltSolve(n, kd, profile, ab, ldab, b);
        assertSolution(a, rhs, b, n, 1, n, what + " solve");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theFullProfileGivesTheFullBandBits(Kernels k, int n, int kd) {
        SplittableRandom rnd = new SplittableRandom(91 + n + 100L * kd);
        double[][] a = dense(n, kd, rnd, true);
        int ldab = kd + 1;
        int[] full = new int[n];
        for (int j = 0; j < n; j++) {
            full[j] = Math.min(kd, n - 1 - j);
        }
        double[] ab1 = band(a, kd, ldab);
        double[] ab2 = ab1.clone();
        assertEquals(k.sbldlt(n, kd, ab1, ldab), k.sbldlt(n, kd, full, ab2, ldab));
        assertTrue(java.util.Arrays.equals(ab1, ab2), k.name() + ": factor bits differ");
        double[] b1 = KernelsTest.random(rnd, n);
        double[] b2 = b1.clone();
        k.sbldltSolve(n, kd, ab1, ldab, b1, 1, n);
        k.sbldltSolve(n, kd, full, ab2, ldab, b2);
        assertTrue(java.util.Arrays.equals(b1, b2), k.name() + ": solution bits differ");
    }

    @org.junit.jupiter.api.Test
    void aProfileThatIsNotAnEnvelopeIsRejectedByName() {
        for (Kernels k : List.of(KernelProvider.scalar(), KernelProvider.vector())) {
            double[] ab = new double[4 * 5];
            IllegalArgumentException tooLong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> k.sbldlt(5, 3, new int[] {3, 3, 3, 1, 0}, ab, 4));
            assertTrue(tooLong.getMessage().contains("profile[2] = 3"), tooLong.getMessage());
            IllegalArgumentException decreasing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> k.sbmv(5, 3, new int[] {3, 1, 1, 1, 0}, ab, 4, new double[5], new double[5]));
            assertTrue(decreasing.getMessage().contains("profile[1] = 1"), decreasing.getMessage());
            IllegalArgumentException shortArray = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> k.sbldltSolve(5, 3, new int[] {1, 1}, ab, 4, new double[5]));
            assertTrue(shortArray.getMessage().contains("profile.length = 2"), shortArray.getMessage());
        }
    }
}
