package org.elementa.validation.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.elementa.atomic.dirac.DiracCoulomb;
import org.elementa.atomic.dirac.DiracSpectrum;
import org.elementa.atomic.dirac.DiracState;
import org.elementa.atomic.dirac.RadialDiracSolver;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import picocli.CommandLine;

/**
 * {@code elementa radial --dirac}: bound states of the radial Dirac equation for the point-nucleus
 * Coulomb potential (squared-Hamiltonian finite elements, {@link RadialDiracSolver}) beside the exact
 * Sommerfeld energies ({@link DiracCoulomb}). States are listed by n, then l, then j.
 */
final class DiracRadial {

    /** Every Dirac state with n <= 7. */
    static final int DEFAULT_STATES = 49;

    private DiracRadial() {
    }

    static int run(RadialCommand cmd) {
        CommandLine cl = cmd.spec.commandLine();
        if (cmd.potential != RadialCommand.Potential.coulomb) {
            throw new CommandLine.ParameterException(cl, "--dirac supports --potential coulomb only (no exact Dirac "
                    + "energies for the harmonic potential)");
        }
        if (!(cmd.c > 0) || Double.isInfinite(cmd.c)) {
            throw new CommandLine.ParameterException(cl, "--c = " + cmd.c + " must be a finite number > 0");
        }
        if (!(cmd.z < cmd.c * Math.sqrt(0.75))) {
            throw new CommandLine.ParameterException(cl, "--Z = " + cmd.z + " must be < c sqrt(3)/2 = "
                    + cmd.c * Math.sqrt(0.75) + " for the squared Dirac Hamiltonian with a point nucleus");
        }
        int count = cl.getParseResult().hasMatchedOption("--states") ? cmd.states : DEFAULT_STATES;
        List<DiracState> wanted = statesByNLJ(count);
        int nMax = wanted.get(wanted.size() - 1).n();
        // rmax: a level n decays like r^n exp(-Z r / n), below 1e-16 of its peak past ~12 n^2 / Z.
        double rmax = cmd.rmax != null ? cmd.rmax : 12.0 * nMax * nMax / cmd.z + 2;
        int p = cmd.order != null ? cmd.order : 14;
        RadialDiscretization d;
        try {
            d = new RadialDiscretization(rmax, cmd.a != null ? cmd.a : 200, cmd.ne != null ? cmd.ne : 12, p,
                    cmd.quadrature != null ? cmd.quadrature : p + 10);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        boolean chosen = cl.getParseResult().hasMatchedOption("--eigensolver");
        RadialDiracSolver solver = !chosen ? new RadialDiracSolver(d, cmd.c) : new RadialDiracSolver(d, cmd.c,
                switch (cmd.eigensolver) {
                    case banded -> new BandedGeneralizedEigensolver();
                    case dense -> new DenseGeneralizedEigensolver();
                    case ejml -> new EjmlGeneralizedEigensolver();
                });
        Map<Integer, Integer> perKappa = new TreeMap<>();
        for (DiracState s : wanted) {
            perKappa.merge(s.kappa(), s.indexInKappa() + 1, Math::max);
        }
        Map<Integer, DiracSpectrum> spectra = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : perKappa.entrySet()) {
            if (e.getValue() > solver.size()) {
                throw new CommandLine.ParameterException(cl, "--states " + count + " needs " + e.getValue()
                        + " states with kappa = " + e.getKey() + " but the discretization has only " + solver.size()
                        + " unknowns: raise --ne or --order");
            }
            spectra.put(e.getKey(), solver.solveCoulomb(e.getKey(), cmd.z, e.getValue()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        double maxError = 0;
        for (DiracState s : wanted) {
            double energy = spectra.get(s.kappa()).energy(s.indexInKappa());
            double exact = DiracCoulomb.energy(s, cmd.z, cmd.c);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", s.n());
            row.put("l", s.l());
            row.put("kappa", s.kappa());
            row.put("j", s.j());
            row.put("label", s.label());
            row.put("energy", energy);
            row.put("exact", exact);
            row.put("error", energy - exact);
            rows.add(row);
            maxError = Math.max(maxError, Math.abs(energy - exact));
        }
        if (cmd.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("equation", "dirac");
            out.put("potential", "coulomb");
            out.put("Z", cmd.z);
            out.put("c", cmd.c);
            out.put("states", rows);
            out.put("elements", d.elements());
            out.put("order", d.order());
            out.put("unknowns", solver.size());
            out.put("rmax", d.rmax());
            out.put("a", d.a());
            out.put("quadraturePoints", d.quadraturePoints());
            out.put("eigensolver", chosen ? cmd.eigensolver.name() : "sturm");
            out.put("maxError", maxError);
            System.out.println(Json.write(out));
        } else {
            System.out.printf(Locale.ROOT, "Dirac, coulomb potential Z = %s, c = %s: %d elements of order %d on [0, %s] (a = %s), "
                    + "%d unknowns per kappa%n", cmd.z, cmd.c, d.elements(), d.order(), d.rmax(), d.a(), solver.size());
            System.out.printf(Locale.ROOT, "%-8s %4s %22s %22s %12s%n", "state", "kappa", "E (Ha)", "exact (Ha)", "error");
            for (Map<String, Object> row : rows) {
                System.out.printf(Locale.ROOT, "%-8s %4d %22.12f %22.12f %12.3e%n", row.get("label"), row.get("kappa"),
                        row.get("energy"), row.get("exact"), row.get("error"));
            }
            System.out.printf(Locale.ROOT, "max |error| = %.3e Ha%n", maxError);
        }
        return 0;
    }

    /** The first count Dirac states in the order n = 1, 2, ...; l = 0 .. n-1; j = l - 1/2, l + 1/2. */
    static List<DiracState> statesByNLJ(int count) {
        List<DiracState> out = new ArrayList<>(count);
        for (int n = 1; out.size() < count; n++) {
            for (int l = 0; l < n && out.size() < count; l++) {
                if (l > 0) {
                    out.add(DiracState.of(n, l, false));
                }
                if (out.size() < count) {
                    out.add(DiracState.of(n, l, true));
                }
            }
        }
        return out;
    }
}
