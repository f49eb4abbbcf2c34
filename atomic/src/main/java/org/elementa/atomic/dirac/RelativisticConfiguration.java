package org.elementa.atomic.dirac;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The occupied relativistic subshells (n, kappa) of an atom, for Dirac Kohn-Sham (RLDA).
 *
 * <p>NIST's RLDA configurations (SRD 141) split every (n, l) occupation f over j = l - 1/2 and
 * j = l + 1/2 in the ratio of their capacities, 2l : 2l + 2. {@link #nist(int)} reads the list and
 * order of the subshells from the resource {@code org/elementa/atomic/config/rlda_configurations.txt}
 * (four decimals) and recomputes the split exactly (1/3 rather than 0.3333), so that the electron
 * count is exact.
 *
 * @param z        atomic number, >= 1
 * @param orbitals the occupied subshells in report order, each (n, kappa) once
 */
public record RelativisticConfiguration(int z, List<Subshell> orbitals) {

    /** Largest Z with a NIST configuration. */
    public static final int MAX_NIST_Z = 92;

    private static final String RESOURCE = "/org/elementa/atomic/config/rlda_configurations.txt";
    private static volatile RelativisticConfiguration[] nist;

    /**
     * One occupied subshell.
     *
     * @param state      (n, kappa)
     * @param occupation electrons in it, in [0, 2|kappa|]
     */
    public record Subshell(DiracState state, double occupation) {

        /** @throws IllegalArgumentException when the occupation is outside [0, 2|kappa|] */
        public Subshell {
            if (state == null) {
                throw new IllegalArgumentException("state must not be null");
            }
            if (!(occupation >= 0 && occupation <= state.capacity() + 1e-12)) {
                throw new IllegalArgumentException("occupation " + occupation + " of " + state.label()
                        + " must be in [0, " + state.capacity() + "]");
            }
        }
    }

    /** @throws IllegalArgumentException when Z < 1, a subshell repeats, or the occupations do not sum to Z */
    public RelativisticConfiguration {
        if (z < 1) {
            throw new IllegalArgumentException("Z = " + z + " must be >= 1");
        }
        orbitals = List.copyOf(orbitals);
        Set<DiracState> seen = new HashSet<>();
        double sum = 0;
        for (Subshell s : orbitals) {
            if (!seen.add(s.state())) {
                throw new IllegalArgumentException("subshell " + s.state().label() + " appears twice");
            }
            sum += s.occupation();
        }
        if (Math.abs(sum - z) > 1e-10) {
            throw new IllegalArgumentException("occupations sum to " + sum + ", not Z = " + z + " (neutral atom)");
        }
    }

    /** Number of electrons. */
    public double electrons() {
        double sum = 0;
        for (Subshell s : orbitals) {
            sum += s.occupation();
        }
        return sum;
    }

    /**
     * NIST's RLDA configuration of Z, in NIST's orbital order (the order of the reference eigenvalues).
     *
     * @throws IllegalArgumentException when Z is outside 1..92
     */
    public static RelativisticConfiguration nist(int z) {
        if (z < 1 || z > MAX_NIST_Z) {
            throw new IllegalArgumentException("atomic number Z = " + z + " must be in 1.." + MAX_NIST_Z);
        }
        RelativisticConfiguration[] table = nist;
        if (table == null) {
            table = load();
            nist = table;
        }
        return table[z - 1];
    }

    private static RelativisticConfiguration[] load() {
        RelativisticConfiguration[] out = new RelativisticConfiguration[MAX_NIST_Z];
        try (InputStream in = RelativisticConfiguration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split("\\s+");
                int z = Integer.parseInt(t[0]);
                int count = Integer.parseInt(t[1]);
                int[] n = new int[count];
                int[] l = new int[count];
                boolean[] up = new boolean[count];
                double[] listed = new double[count];
                for (int k = 0; k < count; k++) {
                    int b = 2 + 5 * k;
                    n[k] = Integer.parseInt(t[b]);
                    l[k] = Integer.parseInt(t[b + 1]);
                    up[k] = Integer.parseInt(t[b + 2]) == 1;
                    listed[k] = Double.parseDouble(t[b + 3]);
                }
                List<Subshell> subshells = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    // The (n, l) shell's total, from both j components as listed (their 4-decimal sum is exact).
                    double shell = 0;
                    for (int m = 0; m < count; m++) {
                        if (n[m] == n[k] && l[m] == l[k]) {
                            shell += listed[m];
                        }
                    }
                    shell = Math.round(shell * 1e4) / 1e4;
                    double share = l[k] == 0 ? 1.0 : (up[k] ? 2.0 * l[k] + 2 : 2.0 * l[k]) / (4.0 * l[k] + 2);
                    double occupation = shell * share;
                    if (Math.abs(occupation - listed[k]) > 1e-4) {
                        throw new IllegalStateException("Z = " + z + ": listed occupation " + listed[k]
                                + " is not the 2l : 2l+2 split " + occupation);
                    }
                    subshells.add(new Subshell(DiracState.of(n[k], l[k], up[k]), occupation));
                }
                out[z - 1] = new RelativisticConfiguration(z, subshells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int z = 1; z <= MAX_NIST_Z; z++) {
            if (out[z - 1] == null) {
                throw new IllegalStateException("resource " + RESOURCE + " lacks Z = " + z);
            }
        }
        return out;
    }
}
