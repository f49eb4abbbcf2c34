package org.elementa.validation.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.config.DiracOrbital;
import org.elementa.atomic.config.PeriodicTable;
import org.elementa.atomic.dirac.DiracAtomSolution;
import org.elementa.atomic.dirac.DiracAtomSolver;
import org.elementa.atomic.dirac.DiracCoulomb;
import org.elementa.atomic.config.NistConfigurations;
import org.elementa.atomic.scf.Energies;
import picocli.CommandLine;

/**
 * {@code elementa atom --dirac}: relativistic Kohn-Sham (RLDA: Dirac equation, MacDonald-Vosko
 * exchange, VWN correlation) for one atom (NIST's configuration, or {@code --config} with each (n, l)
 * shell split over j = l -+ 1/2 as 2l : 2l + 2), or with {@code --all} for every atom Z = 1..92, checked
 * against rlda_reference.dat where it has values (Z = 1..54 in full, the total energy of Z = 92).
 */
final class DiracAtom {

    private static final String REFERENCE = "/org/elementa/validation/reference/atomic/rlda_reference.dat";

    private DiracAtom() {
    }

    static int run(AtomCommand cmd) {
        CommandLine cl = cmd.spec.commandLine();
        double c = DiracCoulomb.SPEED_OF_LIGHT;
        if (cmd.speedOfLight != null) {
            c = cmd.speedOfLight;
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new CommandLine.ParameterException(cl, "--c = " + c + " must be a finite number > 0");
            }
            if (cmd.all) {
                throw new CommandLine.ParameterException(cl, "--all compares with references computed for c = "
                        + DiracCoulomb.SPEED_OF_LIGHT + "; it takes no --c");
            }
        }
        if (cmd.all) {
            return runAll(cmd);
        }
        int z;
        try {
            z = cmd.atom.strip().matches("\\d+") ? Integer.parseInt(cmd.atom.strip()) : PeriodicTable.atomicNumber(cmd.atom);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "ATOM: " + e.getMessage());
        }
        List<DiracOrbital> orbitals;
        if (cmd.configText != null) {
            // A nonrelativistic configuration, each (n, l) shell split over j = l -+ 1/2 as 2l : 2l + 2.
            // Configuration allows Z <= 118, inside the squared Hamiltonian's reach Z < c sqrt(3)/2 = 118.7.
            try {
                orbitals = DiracAtomSolver.splitByJ(Configuration.parse(z, cmd.configText));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--config: " + e.getMessage());
            }
        } else {
            if (z < 1 || z > NistConfigurations.MAX_Z) {
                throw new CommandLine.ParameterException(cl, "ATOM: Z = " + z + " must be in 1.." + NistConfigurations.MAX_Z
                        + " unless you give --config");
            }
            orbitals = NistConfigurations.rlda(z);
        }
        if (!(z < c * Math.sqrt(0.75))) {
            throw new CommandLine.ParameterException(cl, "ATOM: Z = " + z + " must be < c sqrt(3)/2 = "
                    + String.format(Locale.ROOT, "%.4g", c * Math.sqrt(0.75)) + " for the squared Dirac Hamiltonian"
                    + " with a point nucleus (raise --c)");
        }
        PrintStream err = System.err;
        DiracAtomSolver solver = DiracAtomSolver.builder().tolerance(cmd.tolerance).maxIterations(cmd.maxIterations)
                .speedOfLight(c)
                .monitor((it, res, de, e) -> err.printf(Locale.ROOT,
                        "scf %3d  residual %.3e  eigenvalue change %.3e  Etot %.10f%n", it, res, de, e))
                .build();
        DiracAtomSolution s = solver.solve(z, orbitals);
        if (cmd.json) {
            System.out.println(Json.write(toJson(s)));
        } else {
            printText(s, cmd.tolerance);
        }
        return 0;
    }

    static Map<String, Object> toJson(DiracAtomSolution s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Energies e = s.energies();
        int z = s.z();
        m.put("Z", z);
        m.put("symbol", PeriodicTable.symbol(z));
        m.put("functional", s.functional());
        m.put("etot", e.total());
        m.put("ekin", e.kinetic());
        m.put("ecoul", e.coulomb());
        m.put("eenuc", e.electronNucleus());
        m.put("exc", e.exchangeCorrelation());
        List<Map<String, Object>> orbitals = new ArrayList<>();
        for (DiracAtomSolution.OrbitalEnergy o : s.orbitals()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("n", o.state().n());
            om.put("l", o.state().l());
            om.put("kappa", o.state().kappa());
            om.put("j", o.state().j());
            om.put("occupation", o.occupation());
            om.put("energy", o.energy());
            orbitals.add(om);
        }
        m.put("orbitals", orbitals);
        m.put("scfIterations", s.iterations());
        m.put("dofs", s.unknowns());
        return m;
    }

    private static void printText(DiracAtomSolution s, double tolerance) {
        Energies e = s.energies();
        PrintStream o = System.out;
        int z = s.z();
        o.printf(Locale.ROOT, "%s (Z = %d), RLDA (Dirac), SCF converged in %d iterations, %d unknowns per kappa, "
                + "tolerance %.1e%n", PeriodicTable.symbol(z), z, s.iterations(), s.unknowns(), tolerance);
        o.printf(Locale.ROOT, "Etot  = %20.10f%n", e.total());
        o.printf(Locale.ROOT, "Ekin  = %20.10f%n", e.kinetic());
        o.printf(Locale.ROOT, "Ecoul = %20.10f%n", e.coulomb());
        o.printf(Locale.ROOT, "Eenuc = %20.10f%n", e.electronNucleus());
        o.printf(Locale.ROOT, "Exc   = %20.10f%n", e.exchangeCorrelation());
        o.printf(Locale.ROOT, "%-8s %5s %10s %20s%n", "state", "kappa", "occupation", "energy");
        for (DiracAtomSolution.OrbitalEnergy x : s.orbitals()) {
            o.printf(Locale.ROOT, "%-8s %5d %10.4f %20.10f%n", x.state().label(), x.state().kappa(), x.occupation(),
                    x.energy());
        }
    }

    private record Checked(DiracAtomSolution solution, double etotError, double eigenvalueError, boolean pass) {
    }

    private static int runAll(AtomCommand cmd) {
        DiracAtomSolver solver = DiracAtomSolver.builder().tolerance(cmd.tolerance).maxIterations(cmd.maxIterations).build();
        Map<Integer, double[]> reference = reference();
        double allowed = cmd.tolerance + AtomCommand.REFERENCE_SLACK;
        AtomicInteger done = new AtomicInteger();
        PrintStream err = System.err;
        int max = NistConfigurations.MAX_Z;
        // Atoms are independent: solved in parallel, each bitwise as when solved alone.
        List<Checked> results = IntStream.rangeClosed(1, max).parallel().mapToObj(z -> {
            DiracAtomSolution s = solver.solveNist(z);
            double[] ref = reference.get(z);
            double de = Double.NaN;
            double dv = Double.NaN;
            if (ref != null) {
                de = Math.abs(s.energies().total() - ref[0]);
                dv = 0;
                for (int i = 1; i < ref.length; i++) {
                    dv = Math.max(dv, Math.abs(s.orbitals().get(i - 1).energy() - ref[i]));
                }
            }
            progress(err, done.incrementAndGet(), max);
            return new Checked(s, de, dv, ref == null || (de <= allowed && dv <= allowed));
        }).toList();
        err.println();
        boolean allPass = results.stream().allMatch(Checked::pass);
        if (cmd.json) {
            List<Map<String, Object>> atoms = new ArrayList<>();
            for (Checked c : results) {
                Map<String, Object> m = toJson(c.solution());
                if (!Double.isNaN(c.etotError())) {
                    m.put("etotError", c.etotError());
                    m.put("eigenvalueError", c.eigenvalueError());
                }
                m.put("withinTolerance", c.pass());
                atoms.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("functional", "RLDA");
            root.put("tolerance", cmd.tolerance);
            root.put("allowedError", allowed);
            root.put("allWithinTolerance", allPass);
            root.put("atoms", atoms);
            System.out.println(Json.write(root));
        } else {
            PrintStream o = System.out;
            o.printf(Locale.ROOT, "%3s %-3s %20s %11s %11s %4s %s%n", "Z", "sym", "Etot", "|dEtot|", "max|dEig|", "scf", "");
            for (Checked c : results) {
                DiracAtomSolution s = c.solution();
                int z = s.z();
                o.printf(Locale.ROOT, "%3d %-3s %20.10f %11.2e %11.2e %4d %s%n", z, PeriodicTable.symbol(z),
                        s.energies().total(), c.etotError(), c.eigenvalueError(), s.iterations(),
                        Double.isNaN(c.etotError()) ? "(no reference)" : c.pass() ? "ok" : "FAIL");
            }
            o.printf(Locale.ROOT, "against rlda_reference.dat (allowed %.2e): %s%n", allowed,
                    allPass ? "all atoms with a reference pass" : "SOME ATOMS FAIL");
        }
        return allPass ? 0 : 1;
    }

    /** Z -> {E_tot, eigenvalues...} from rlda_reference.dat (Z = 92: the total energy only). */
    static Map<Integer, double[]> reference() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = DiracAtom.class.getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + REFERENCE + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, double[]> out = new HashMap<>();
        for (int i = 0; i + 2 < lines.size() + 1; i += 3) {
            String[] t = lines.get(i + 2).split("\\s+");
            int count = Integer.parseInt(t[0]);
            double[] v = new double[count + 1];
            v[0] = Double.parseDouble(lines.get(i + 1));
            for (int k = 0; k < count; k++) {
                v[k + 1] = Double.parseDouble(t[k + 1]);
            }
            out.put(Integer.parseInt(lines.get(i)), v);
        }
        return out;
    }

    private static synchronized void progress(PrintStream err, int done, int total) {
        int width = 40;
        int filled = done * width / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total);
        err.flush();
    }
}
