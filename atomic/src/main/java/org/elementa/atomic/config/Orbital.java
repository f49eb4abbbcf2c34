package org.elementa.atomic.config;

/**
 * One occupied non-relativistic subshell (n, l) of a configuration.
 *
 * @param n          principal quantum number, n >= 1
 * @param l          angular momentum, 0 <= l < n
 * @param occupation number of electrons, 0 <= occupation <= 2(2l+1) (fractional allowed)
 */
public record Orbital(int n, int l, double occupation) {

    private static final String L_LETTERS = "spdfghik";

    /** Validates the quantum numbers and the occupation. */
    public Orbital {
        if (n < 1) {
            throw new IllegalArgumentException("principal quantum number n = " + n + " must be >= 1");
        }
        if (l < 0 || l >= n) {
            throw new IllegalArgumentException("angular momentum l = " + l + " must be in [0, n-1] = [0, " + (n - 1) + "]");
        }
        if (l >= L_LETTERS.length()) {
            throw new IllegalArgumentException("angular momentum l = " + l + " must be < " + L_LETTERS.length());
        }
        if (!Double.isFinite(occupation) || occupation < 0 || occupation > 2 * (2 * l + 1)) {
            throw new IllegalArgumentException("occupation of " + n + L_LETTERS.charAt(l) + " = " + occupation
                    + " must be in [0, " + 2 * (2 * l + 1) + "]");
        }
    }

    /** Spectroscopic label, e.g. "3d". */
    public String label() {
        return n + String.valueOf(L_LETTERS.charAt(l));
    }

    /** The angular momentum of a letter s, p, d, f, g, h, i, k; -1 if none. */
    static int lOfLetter(char c) {
        return L_LETTERS.indexOf(Character.toLowerCase(c));
    }
}
