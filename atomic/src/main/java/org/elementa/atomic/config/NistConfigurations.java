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

    /** Each table is read on first use (initialization-on-demand holders): a run needs only one of them. */
    private static final class Lda {
        static final Configuration[] TABLE = load();
    }

    private static final class Rlda {
        static final List<List<DiracOrbital>> TABLE = loadRelativistic();
    }

    private NistConfigurations() {
    }

    /**
     * The LDA configuration of Z, in NIST's orbital order.
     *
     * @throws IllegalArgumentException if Z is outside 1..92
     */
    public static Configuration lda(int z) {
        checkZ(z);
        return Lda.TABLE[z - 1];
    }

    private static void checkZ(int z) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("atomic number Z = " + z + " must be in 1.." + MAX_Z
                    + " for a NIST configuration; give your own configuration for other Z");
        }
    }

    /**
     * NIST's relativistic (RLDA) configuration of Z: each (n, l) occupation split over
     * j = l - 1/2 : j = l + 1/2 exactly as 2l : 2l + 2 (the file's four decimals, such as 1.2857
     * for uranium's 5f5/2 = 18/14, are only checked against the exact shares), in the order of
     * rlda_configurations.txt.
     *
     * @throws IllegalArgumentException if Z is outside 1..92
     */
    public static List<DiracOrbital> rlda(int z) {
        checkZ(z);
        return Rlda.TABLE.get(z - 1);
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
            out.add(exactSplit(z, orbitals));
        }
        if (out.size() != MAX_Z) {
            throw new IllegalStateException("rlda_configurations.txt has " + out.size() + " atoms, expected " + MAX_Z);
        }
        return List.copyOf(out);
    }

    /**
     * The listed subshells with each (n, l) total (the sum of its listed j parts, rounded to the
     * file's four decimals) re-split exactly 2l : 2l + 2; a listed value more than 1e-4 from its exact
     * share is a corrupt resource.
     */
    private static List<DiracOrbital> exactSplit(int z, List<DiracOrbital> listed) {
        List<DiracOrbital> out = new ArrayList<>(listed.size());
        for (DiracOrbital o : listed) {
            double shell = 0;
            for (DiracOrbital m : listed) {
                if (m.n() == o.n() && m.l() == o.l()) {
                    shell += m.occupation();
                }
            }
            shell = Math.round(shell * 1e4) / 1e4;
            int l = o.l();
            double occupation = l == 0 ? shell : shell * (o.kappa() < 0 ? 2 * l + 2 : 2 * l) / (4 * l + 2);
            if (Math.abs(occupation - o.occupation()) > 1e-4) {
                throw new IllegalStateException("rlda_configurations.txt, Z = " + z + ": occupation " + o.occupation()
                        + " of (n = " + o.n() + ", kappa = " + o.kappa() + ") is not the 2l : 2l+2 share " + occupation);
            }
            out.add(new DiracOrbital(o.n(), l, o.kappa(), occupation));
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
