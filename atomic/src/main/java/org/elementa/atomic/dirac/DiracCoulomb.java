package org.elementa.atomic.dirac;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact bound-state energies of the Dirac equation for a point nucleus of charge Z (the Coulomb
 * potential V = -Z/r), in Hartree atomic units with the rest energy c^2 subtracted.
 *
 * <p>Sommerfeld's fine-structure formula (Sommerfeld 1916; derived from the Dirac equation by
 * Darwin and Gordon 1928; see for example Bethe and Salpeter, "Quantum Mechanics of One- and
 * Two-Electron Atoms"):
 * <pre>
 *   E(n, kappa) = c^2 / sqrt(1 + (Z/c)^2 / (n - |kappa| + beta)^2) - c^2,
 *   beta = sqrt(kappa^2 - (Z/c)^2).
 * </pre>
 * It is evaluated here in the cancellation-free form E = -c^2 x / (s (1 + s)) with
 * x = (Z/c)^2 / (n - |kappa| + beta)^2 and s = sqrt(1 + x), so that the small binding energies of
 * light atoms keep full relative precision (the naive form loses log10(c^2/|E|) digits). For
 * c -> infinity E tends to the Schrodinger value -Z^2 / (2 n^2).
 */
public final class DiracCoulomb {

    /** The speed of light in atomic units used by NIST's relativistic atomic reference data. */
    public static final double SPEED_OF_LIGHT = 137.0359895;

    private DiracCoulomb() {
    }

    /**
     * beta = sqrt(kappa^2 - (Z/c)^2), the exponent of the radial functions at the origin
     * (P, Q ~ r^beta for a point nucleus).
     *
     * @throws IllegalArgumentException when kappa = 0, Z < 0, c <= 0, or Z/c >= |kappa| (no real beta)
     */
    public static double beta(int kappa, double z, double c) {
        checkChargeAndC(z, c);
        if (kappa == 0) {
            throw new IllegalArgumentException("kappa = 0 is not allowed");
        }
        double zc = z / c;
        if (zc >= Math.abs(kappa)) {
            throw new IllegalArgumentException("Z/c = " + zc + " must be < |kappa| = " + Math.abs(kappa)
                    + " for a point nucleus");
        }
        return Math.sqrt((Math.abs(kappa) - zc) * (Math.abs(kappa) + zc));
    }

    /**
     * The exact energy E(n, kappa) (rest energy subtracted, so E < 0 for bound states).
     *
     * @param z nuclear charge, 0 <= Z < c
     * @param c speed of light, c > 0
     */
    public static double energy(DiracState state, double z, double c) {
        double beta = beta(state.kappa(), z, c);
        double zc = z / c;
        double d = state.n() - Math.abs(state.kappa()) + beta;
        double x = zc * zc / (d * d);
        double s = Math.sqrt(1 + x);
        return -c * c * x / (s * (1 + s));
    }

    /**
     * The bound states of one kappa with n <= maxN, in ascending energy (ascending n).
     *
     * @throws IllegalArgumentException when kappa = 0
     */
    public static List<DiracState> states(int kappa, int maxN) {
        List<DiracState> out = new ArrayList<>();
        for (int n = DiracState.lowestN(kappa); n <= maxN; n++) {
            out.add(new DiracState(n, kappa));
        }
        return out;
    }

    /** Every bound state with n <= maxN and kappa in [kappaMin, kappaMax] (kappa = 0 skipped), ordered by n, l, j. */
    public static List<DiracState> states(int kappaMin, int kappaMax, int maxN) {
        if (kappaMin > kappaMax) {
            throw new IllegalArgumentException("kappaMin = " + kappaMin + " must be <= kappaMax = " + kappaMax);
        }
        List<DiracState> out = new ArrayList<>();
        for (int kappa = kappaMin; kappa <= kappaMax; kappa++) {
            if (kappa != 0) {
                out.addAll(states(kappa, maxN));
            }
        }
        out.sort(null);
        return out;
    }

    private static void checkChargeAndC(double z, double c) {
        if (!(z >= 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("Z = " + z + " must be a finite number >= 0");
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c = " + c + " must be a finite number > 0");
        }
    }
}
