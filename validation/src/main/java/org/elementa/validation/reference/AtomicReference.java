package org.elementa.validation.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.elementa.atomic.config.PeriodicTable;

/**
 * Published reference data for non-relativistic LDA atoms (resources under
 * {@code reference/atomic}, provenance in PROVENANCE.md and README.md there):
 * dftatom's converged totals and eigenvalues (lda_reference.dat, about 2e-9 Ha) and NIST SRD 141's
 * 6-decimal tables (nist_lda_etot.txt and nist/LDA/*.txt).
 */
public final class AtomicReference {

    private static final String BASE = "atomic/";
    private static final List<Lda> LDA = loadLda();
    private static final java.util.Map<Integer, Double> NIST_TOTALS = loadNistTotals();

    private AtomicReference() {
    }

    /**
     * Converged LDA results of one atom (dftatom's test references).
     *
     * @param z           atomic number
     * @param total       total energy (Hartree)
     * @param eigenvalues Kohn-Sham eigenvalues in the orbital order of NIST's configuration
     */
    public record Lda(int z, double total, double[] eigenvalues) {
    }

    /**
     * NIST's LDA energies of one atom (6 decimals).
     *
     * @param z                   atomic number
     * @param total               Etot
     * @param kinetic             Ekin
     * @param coulomb             Ecoul
     * @param electronNucleus     Eenuc
     * @param exchangeCorrelation Exc
     */
    public record NistEnergies(int z, double total, double kinetic, double coulomb, double electronNucleus,
                               double exchangeCorrelation) {
    }

    /** dftatom's LDA reference of Z = 1..92. */
    public static Lda lda(int z) {
        if (z < 1 || z > LDA.size()) {
            throw new IllegalArgumentException("Z = " + z + " must be in 1.." + LDA.size());
        }
        return LDA.get(z - 1);
    }

    /** NIST's 6-decimal LDA total energy of Z = 1..92 (nist_lda_etot.txt). */
    public static double nistTotal(int z) {
        Double e = NIST_TOTALS.get(z);
        if (e == null) {
            throw new IllegalArgumentException("no NIST LDA total for Z = " + z);
        }
        return e;
    }

    private static java.util.Map<Integer, Double> loadNistTotals() {
        java.util.Map<Integer, Double> m = new java.util.HashMap<>();
        for (String line : lines("nist_lda_etot.txt")) {
            String[] t = line.strip().split("\\s+");
            m.put(Integer.parseInt(t[0]), Double.parseDouble(t[1]));
        }
        return java.util.Map.copyOf(m);
    }

    /**
     * NIST's LDA table of Z = 1..92 (nist/LDA/ZZSym_LDA.txt): the total and its parts. Each file is
     * read once.
     *
     * @throws IllegalArgumentException if Z is outside 1..92
     * @throws IllegalStateException    if the file lacks one of Etot, Ekin, Ecoul, Eenuc, Exc
     */
    public static NistEnergies nistLda(int z) {
        if (z < 1 || z > LDA.size()) {
            throw new IllegalArgumentException("Z = " + z + " must be in 1.." + LDA.size());
        }
        return NIST_LDA.computeIfAbsent(z, AtomicReference::loadNistLda);
    }

    private static final java.util.Map<Integer, NistEnergies> NIST_LDA = new java.util.concurrent.ConcurrentHashMap<>();

    private static NistEnergies loadNistLda(int z) {
        String file = String.format(Locale.ROOT, "nist/LDA/%02d%s_LDA.txt", z, PeriodicTable.symbol(z));
        String[] keys = {"Etot", "Ekin", "Ecoul", "Eenuc", "Exc"};
        double[] v = new double[keys.length];
        boolean[] seen = new boolean[keys.length];
        for (String line : lines(file)) {
            String[] t = line.split("=");
            for (int k = 0; k < keys.length; k++) {
                if (t.length == 2 && t[0].strip().equals(keys[k])) {
                    v[k] = Double.parseDouble(t[1].strip());
                    seen[k] = true;
                }
            }
        }
        for (int k = 0; k < keys.length; k++) {
            if (!seen[k]) {
                throw new IllegalStateException("reference resource " + BASE + file + " has no " + keys[k]);
            }
        }
        return new NistEnergies(z, v[0], v[1], v[2], v[3], v[4]);
    }

    /**
     * Neutral Mg from NIST's all-functionals web table (nist_Mg_all_functionals.txt): the energies of
     * one column, "LDA", "LSD", "RLDA" or "ScRLDA".
     */
    public static NistEnergies nistMagnesium(String functional) {
        List<String> lines = lines("nist_Mg_all_functionals.txt");
        int column = -1;
        double[] v = new double[5];
        boolean[] seen = new boolean[5];
        String[] keys = {"Etot", "Ekin", "Ecoul", "Eenuc", "Exc"};
        for (String line : lines) {
            String[] t = line.strip().split("\\s+");
            if (t[0].equals("Energy")) {
                if (column >= 0) {
                    break; // the Mg+ table follows
                }
                column = List.of(t).indexOf(functional);
                if (column < 1) {
                    throw new IllegalArgumentException("functional '" + functional + "' is not a column of the Mg table " + List.of(t));
                }
                continue;
            }
            for (int k = 0; k < keys.length; k++) {
                if (column >= 1 && t.length > column + 1 && t[0].equals(keys[k]) && t[1].equals("=")) {
                    v[k] = Double.parseDouble(t[column + 1]);
                    seen[k] = true;
                }
            }
        }
        for (int k = 0; k < keys.length; k++) {
            if (!seen[k]) {
                throw new IllegalStateException("nist_Mg_all_functionals.txt: no " + keys[k] + " for " + functional);
            }
        }
        return new NistEnergies(12, v[0], v[1], v[2], v[3], v[4]);
    }

    private static List<Lda> loadLda() {
        List<String> l = lines("lda_reference.dat");
        List<Lda> out = new ArrayList<>();
        for (int i = 0; i + 2 < l.size(); i += 3) {
            int z = Integer.parseInt(l.get(i).strip());
            double e = Double.parseDouble(l.get(i + 1).strip());
            String[] t = l.get(i + 2).strip().split("\\s+");
            int n = Integer.parseInt(t[0]);
            double[] eig = new double[n];
            for (int k = 0; k < n; k++) {
                eig[k] = Double.parseDouble(t[k + 1]);
            }
            if (z != out.size() + 1) {
                throw new IllegalStateException("lda_reference.dat: expected Z = " + (out.size() + 1) + ", found " + z);
            }
            out.add(new Lda(z, e, eig));
        }
        return out;
    }

    /** Non-comment, non-blank lines of a resource. */
    private static List<String> lines(String name) {
        try (InputStream in = AtomicReference.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("reference resource " + BASE + name + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
