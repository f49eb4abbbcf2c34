package org.elementa.atomic.config;

/**
 * One occupied relativistic subshell (n, l, j) of a configuration for the Dirac equation, with
 * kappa = -(l+1) for j = l + 1/2 and kappa = l for j = l - 1/2.
 *
 * @param n          principal quantum number, n >= 1
 * @param l          orbital angular momentum, 0 <= l < n
 * @param kappa      relativistic quantum number: -(l+1) or l (l >= 1)
 * @param occupation electrons, 0 <= occupation <= 2j + 1 = 2|kappa|
 */
public record DiracOrbital(int n, int l, int kappa, double occupation) {

    /** Validates the quantum numbers and the occupation. */
    public DiracOrbital {
        if (n < 1 || l < 0 || l >= n) {
            throw new IllegalArgumentException("quantum numbers n = " + n + ", l = " + l + " need n >= 1 and 0 <= l < n");
        }
        if (kappa != -(l + 1) && !(kappa == l && l >= 1)) {
            throw new IllegalArgumentException("kappa = " + kappa + " must be " + (-(l + 1)) + (l >= 1 ? " or " + l : "") + " for l = " + l);
        }
        if (!Double.isFinite(occupation) || occupation < 0 || occupation > 2 * Math.abs(kappa)) {
            throw new IllegalArgumentException("occupation = " + occupation + " must be in [0, " + 2 * Math.abs(kappa) + "]");
        }
    }

    /** Total angular momentum j = |kappa| - 1/2. */
    public double j() {
        return Math.abs(kappa) - 0.5;
    }
}
