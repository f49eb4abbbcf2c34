package org.elementa.atomic.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * NIST's ground-state configurations (SRD 141, Kotochigova et al., Phys. Rev. A 55, 191 (1997)),
 * read once from the resource {@code lda_configurations.txt} (see PROVENANCE.md beside it).
 */
public final class NistConfigurations {

    /** Largest Z with a NIST configuration. */
    public static final int MAX_Z = 92;

    private static final Configuration[] LDA = load();
    private static final List<List<DiracOrbital>> RLDA = loadRelativistic();

    private NistConfigurations() {
    }

    /**
     * The LDA configuration of Z, in NIST's orbital order.
     *
     * @throws IllegalArgumentException if Z is outside 1..92
     */
    public static Configuration lda(int z) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("atomic number Z = " + z + " must be in 1.." + MAX_Z
                    + " for a NIST configuration; give your own configuration for other Z");
        }
        return LDA[z - 1];
    }

    /**
     * NIST's relativistic (RLDA) configuration of Z: each l-shell occupation split over
     * j = l - 1/2 : j = l + 1/2 as 2l : 2l + 2, in the order of rlda_configurations.txt.
     *
     * @throws IllegalArgumentException if Z is outside 1..92
     */
    public static List<DiracOrbital> rlda(int z) {
        lda(z);
        return RLDA.get(z - 1);
    }

    private static List<List<DiracOrbital>> loadRelativistic() {
        List<List<DiracOrbital>> out = new ArrayList<>();
        for (String line : lines("rlda_configurations.txt")) {
            String[] t = line.split("\\s+");
            int z = Integer.parseInt(t[0]);
            int norb = Integer.parseInt(t[1]);
            List<DiracOrbital> orbitals = new ArrayList<>(norb);
            for (int k = 0; k < norb; k++) {
                int b = 2 + 5 * k;
                int l = Integer.parseInt(t[b + 1]);
                int kappa = Integer.parseInt(t[b + 2]) == 1 ? -(l + 1) : l;
                orbitals.add(new DiracOrbital(Integer.parseInt(t[b]), l, kappa, Double.parseDouble(t[b + 3])));
            }
            if (z != out.size() + 1) {
                throw new IllegalStateException("rlda_configurations.txt: expected Z = " + (out.size() + 1) + ", found " + z);
            }
            out.add(List.copyOf(orbitals));
        }
        if (out.size() != MAX_Z) {
            throw new IllegalStateException("rlda_configurations.txt has " + out.size() + " atoms, expected " + MAX_Z);
        }
        return List.copyOf(out);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = NistConfigurations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration[] load() {
        Configuration[] out = new Configuration[MAX_Z];
        try (InputStream in = NistConfigurations.class.getResourceAsStream("lda_configurations.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource lda_configurations.txt is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split("\\s+");
                int z = Integer.parseInt(t[0]);
                int norb = Integer.parseInt(t[1]);
                List<Orbital> orbitals = new ArrayList<>(norb);
                for (int k = 0; k < norb; k++) {
                    int b = 2 + 4 * k;
                    orbitals.add(new Orbital(Integer.parseInt(t[b]), Integer.parseInt(t[b + 1]), Double.parseDouble(t[b + 2])));
                }
                out[z - 1] = new Configuration(z, orbitals);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int z = 1; z <= MAX_Z; z++) {
            if (out[z - 1] == null) {
                throw new IllegalStateException("lda_configurations.txt has no line for Z = " + z);
            }
        }
        return out;
    }
}
