package org.elementa.atomic.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The electron configuration of a neutral atom: its atomic number and its occupied subshells.
 * The occupations must sum to Z (within 1e-10, to admit fractional occupations written in decimal).
 *
 * @param z        atomic number, 1..118 (NIST's reference configurations and data cover 1..92; an atom
 *                 93..118 given by its configuration is solved the same way but is unvalidated
 *                 against any reference)
 * @param orbitals occupied subshells, each (n, l) at most once; the order is kept (it is the order
 *                 results are reported in)
 */
public record Configuration(int z, List<Orbital> orbitals) {

    /** Tolerance on the sum of occupations: decimal fractions such as 0.1 are not exact in binary. */
    private static final double CHARGE_TOLERANCE = 1e-10;

    private static final String[][] CORES = {
        {"He", "1s2"},
        {"Ne", "1s2 2s2 2p6"},
        {"Ar", "1s2 2s2 2p6 3s2 3p6"},
        {"Kr", "1s2 2s2 2p6 3s2 3p6 3d10 4s2 4p6"},
        {"Xe", "1s2 2s2 2p6 3s2 3p6 3d10 4s2 4p6 4d10 5s2 5p6"},
        {"Rn", "1s2 2s2 2p6 3s2 3p6 3d10 4s2 4p6 4d10 5s2 5p6 4f14 5d10 6s2 6p6"},
    };

    /** Validates Z, the subshells and the total charge. */
    public Configuration {
        if (z < 1 || z > PeriodicTable.MAX_Z) {
            throw new IllegalArgumentException("atomic number Z = " + z + " must be in 1.." + PeriodicTable.MAX_Z);
        }
        if (orbitals == null || orbitals.isEmpty()) {
            throw new IllegalArgumentException("configuration of Z = " + z + " has no orbitals");
        }
        orbitals = List.copyOf(orbitals);
        Set<Integer> seen = new HashSet<>();
        double sum = 0;
        for (Orbital o : orbitals) {
            if (!seen.add(o.n() * 100 + o.l())) {
                throw new IllegalArgumentException("orbital " + o.label() + " appears twice in the configuration");
            }
            sum += o.occupation();
        }
        if (Math.abs(sum - z) > CHARGE_TOLERANCE) {
            throw new IllegalArgumentException("occupations sum to " + sum + " but must sum to Z = " + z
                    + " (neutral atom)");
        }
    }

    /** The chemical symbol of Z. */
    public String symbol() {
        return PeriodicTable.symbol(z);
    }

    /** Total number of electrons (= Z). */
    public double electrons() {
        double s = 0;
        for (Orbital o : orbitals) {
            s += o.occupation();
        }
        return s;
    }

    /** Largest l among the orbitals. */
    public int maxL() {
        int m = 0;
        for (Orbital o : orbitals) {
            m = Math.max(m, o.l());
        }
        return m;
    }

    /** NIST's LDA ground-state configuration of Z = 1..92. */
    public static Configuration nist(int z) {
        return NistConfigurations.lda(z);
    }

    /** NIST's LDA ground-state configuration of the element with this symbol (Z = 1..92). */
    public static Configuration nist(String symbol) {
        return NistConfigurations.lda(PeriodicTable.atomicNumber(symbol));
    }

    /**
     * Parses a configuration such as {@code "1s2 2s2 2p6 3s2"}, {@code "[Ar] 3d6 4s2"} or
     * {@code "1s1.5 2s0.5"}: whitespace-separated subshells {@code <n><letter><occupation>}, the
     * occupation written as digits with an optional decimal part (no sign, exponent or suffix), with
     * an optional noble-gas core [He], [Ne], [Ar], [Kr], [Xe], [Rn] first.
     *
     * @throws IllegalArgumentException naming the token that cannot be read, or any violation of the
     *                                  rules of {@link Orbital} and of this record
     */
    public static Configuration parse(int z, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("configuration text is empty");
        }
        List<Orbital> list = new ArrayList<>();
        for (String token : text.strip().split("[\\s,]+")) {
            if (token.startsWith("[")) {
                if (!list.isEmpty()) {
                    throw new IllegalArgumentException("core '" + token + "' must come first in the configuration");
                }
                String core = token.substring(1, token.length() - (token.endsWith("]") ? 1 : 0));
                String expansion = null;
                for (String[] c : CORES) {
                    if (c[0].equalsIgnoreCase(core)) {
                        expansion = c[1];
                    }
                }
                if (expansion == null || !token.endsWith("]")) {
                    throw new IllegalArgumentException("unknown core '" + token + "' (expected [He], [Ne], [Ar], [Kr], [Xe] or [Rn])");
                }
                for (String t : expansion.split(" ")) {
                    list.add(parseOrbital(t));
                }
            } else {
                list.add(parseOrbital(token));
            }
        }
        return new Configuration(z, list);
    }

    private static Orbital parseOrbital(String token) {
        int i = 0;
        while (i < token.length() && Character.isDigit(token.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= token.length() - 1 || Orbital.lOfLetter(token.charAt(i)) < 0) {
            throw new IllegalArgumentException("cannot read orbital '" + token + "' (expected e.g. 3d10 or 2p1.5)");
        }
        int n = Integer.parseInt(token.substring(0, i));
        int l = Orbital.lOfLetter(token.charAt(i));
        String occText = token.substring(i + 1);
        // Plain decimals only: Double.parseDouble would also take 2d, 0x1p1, 1e0 or NaN.
        if (!occText.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("cannot read the occupation of orbital '" + token
                    + "' (expected digits with an optional decimal part, e.g. 2 or 1.5)");
        }
        double occ = Double.parseDouble(occText);
        return new Orbital(n, l, occ);
    }

    /** The configuration in the text form {@link #parse} reads, e.g. "1s2 2s2 2p6". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Orbital o : orbitals) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            double f = o.occupation();
            sb.append(o.label()).append(f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f));
        }
        return sb.toString();
    }
}
