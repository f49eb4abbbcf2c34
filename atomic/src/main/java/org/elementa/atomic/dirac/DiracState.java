package org.elementa.atomic.dirac;

/**
 * A bound state of the radial Dirac equation in a central field, named by its principal quantum
 * number n and its relativistic angular quantum number kappa (kappa != 0).
 *
 * <p>kappa fixes the orbital and total angular momentum: kappa = -(l+1) for j = l + 1/2 and
 * kappa = l for j = l - 1/2, so l = kappa for kappa > 0 and l = -kappa - 1 for kappa < 0, and
 * j = |kappa| - 1/2. A state exists for n >= 1 when |kappa| <= n and kappa != n (so l <= n - 1);
 * the lowest n for a given kappa is -kappa for kappa < 0 and kappa + 1 for kappa > 0. The
 * spectroscopic label is n, the letter of l and j, for example 1s1/2 (n=1, kappa=-1),
 * 2p1/2 (kappa=1), 2p3/2 (kappa=-2).
 *
 * @param n     principal quantum number, n >= 1
 * @param kappa relativistic angular quantum number, kappa != 0, |kappa| <= n, kappa != n
 */
public record DiracState(int n, int kappa) implements Comparable<DiracState> {

    private static final String LETTERS = "spdfghiklmnoqrtuv";

    /** @throws IllegalArgumentException when (n, kappa) names no Dirac state */
    public DiracState {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " must be >= 1");
        }
        if (kappa == 0 || Math.abs(kappa) > n || kappa == n) {
            throw new IllegalArgumentException("kappa = " + kappa + " must be in [-" + n + ", " + (n - 1)
                    + "] without 0 for n = " + n);
        }
    }

    /** The state with principal number n, orbital number l and j = l + 1/2 (spinUp) or j = l - 1/2. */
    public static DiracState of(int n, int l, boolean jIsLPlusHalf) {
        if (l < 0 || l >= n) {
            throw new IllegalArgumentException("l = " + l + " must be in [0, " + (n - 1) + "] for n = " + n);
        }
        if (!jIsLPlusHalf && l == 0) {
            throw new IllegalArgumentException("j = l - 1/2 needs l >= 1 (l = 0 has only j = 1/2)");
        }
        return new DiracState(n, jIsLPlusHalf ? -l - 1 : l);
    }

    /**
     * Parses a label such as {@code 1s1/2}, {@code 2p3/2}, {@code 4f5/2} (n, the letter of l, j).
     *
     * @throws IllegalArgumentException when the text is not such a label or names no state
     */
    public static DiracState parse(String label) {
        String s = label.strip();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= s.length() || !s.endsWith("/2")) {
            throw new IllegalArgumentException("state '" + label + "' must look like 1s1/2, 2p3/2 (n, letter of l, j)");
        }
        int n = Integer.parseInt(s.substring(0, i));
        int l = LETTERS.indexOf(Character.toLowerCase(s.charAt(i)));
        if (l < 0) {
            throw new IllegalArgumentException("state '" + label + "': unknown orbital letter '" + s.charAt(i) + "'");
        }
        int twoJ;
        try {
            twoJ = Integer.parseInt(s.substring(i + 1, s.length() - 2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("state '" + label + "': j must be written as an odd number over 2");
        }
        if (twoJ == 2 * l + 1) {
            return of(n, l, true);
        }
        if (twoJ == 2 * l - 1 && l > 0) {
            return of(n, l, false);
        }
        throw new IllegalArgumentException("state '" + label + "': j = " + twoJ + "/2 must be l +- 1/2 with l = " + l);
    }

    /** Orbital angular momentum l: kappa for kappa > 0, -kappa - 1 for kappa < 0. */
    public int l() {
        return l(kappa);
    }

    /** Orbital angular momentum of kappa: kappa for kappa > 0, -kappa - 1 for kappa < 0. */
    static int l(int kappa) {
        return kappa > 0 ? kappa : -kappa - 1;
    }

    /** Twice the total angular momentum, 2j = 2|kappa| - 1. */
    public int twoJ() {
        return 2 * Math.abs(kappa) - 1;
    }

    /** Total angular momentum j = |kappa| - 1/2. */
    public double j() {
        return Math.abs(kappa) - 0.5;
    }

    /** Number of radial nodes of the large component, n - l - 1. */
    public int radialNodes() {
        return n - l() - 1;
    }

    /** Index of this state among the bound states of its kappa, in ascending energy (0 for the lowest). */
    public int indexInKappa() {
        return n - lowestN(kappa);
    }

    /** Maximum occupation of the subshell, 2j + 1 = 2|kappa|. */
    public int capacity() {
        return 2 * Math.abs(kappa);
    }

    /** The label n, letter of l, j; for example 2p3/2. */
    public String label() {
        int l = l();
        char letter = l < LETTERS.length() ? LETTERS.charAt(l) : '?';
        return n + String.valueOf(letter) + twoJ() + "/2";
    }

    /** The lowest principal number that kappa allows: -kappa for kappa < 0, kappa + 1 for kappa > 0. */
    public static int lowestN(int kappa) {
        if (kappa == 0) {
            throw new IllegalArgumentException("kappa = 0 is not allowed");
        }
        return kappa < 0 ? -kappa : kappa + 1;
    }

    /** Orders by n, then l, then j (1s1/2, 2s1/2, 2p1/2, 2p3/2, 3s1/2, ...). */
    @Override
    public int compareTo(DiracState o) {
        if (n != o.n) {
            return Integer.compare(n, o.n);
        }
        if (l() != o.l()) {
            return Integer.compare(l(), o.l());
        }
        return Integer.compare(twoJ(), o.twoJ());
    }

    @Override
    public String toString() {
        return label();
    }
}
