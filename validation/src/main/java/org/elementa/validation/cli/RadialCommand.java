package org.elementa.validation.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.atomic.radial.RadialSchrodingerSolver;
import org.elementa.atomic.radial.RadialState;
import org.elementa.fem.basis.LagrangeBasis;
import org.elementa.fem.linalg.BandedGeneralizedEigensolver;
import org.elementa.fem.linalg.DenseGeneralizedEigensolver;
import org.elementa.fem.linalg.EjmlGeneralizedEigensolver;
import org.elementa.fem.linalg.GeneralizedEigensolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code elementa radial}: bound states of the radial Schroedinger equation in a Coulomb or harmonic
 * potential, against the exact energies: Coulomb E = -Z^2 / (2 n^2); harmonic (V = r^2 / 2)
 * E = 2 (n - l - 1) + l + 3/2. States are listed by n, then l (every l < n).
 */
@Command(name = "radial", mixinStandardHelpOptions = true,
        description = "Solve the radial Schroedinger equation (high-order FE) for a Coulomb or harmonic potential "
                + "and compare with the exact energies.")
final class RadialCommand implements Callable<Integer> {

    enum Potential { coulomb, harmonic }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--potential", defaultValue = "coulomb",
            description = "coulomb (V = -Z/r) or harmonic (V = r^2/2); default ${DEFAULT-VALUE}.")
    Potential potential;

    @Option(names = "--Z", defaultValue = "1", description = "Nuclear charge for coulomb, > 0; default ${DEFAULT-VALUE}.")
    double z;

    @Option(names = "--states", defaultValue = "28",
            description = "Number of states, ordered by n then l (28 = every n <= 7); default ${DEFAULT-VALUE}.")
    int states;

    @Option(names = "--json", description = "Print a JSON object on standard output.")
    boolean json;

    @Option(names = "--ne", description = "Number of elements (default 7).")
    Integer ne;

    @Option(names = "--order", description = "Polynomial order of the elements, 1.." + LagrangeBasis.MAX_ORDER + " (default 31).")
    Integer order;

    @Option(names = "--rmax", description = "End of the radial domain in bohr (default max(50, 12 n^2/Z) for coulomb, 50 otherwise).")
    Double rmax;

    @Option(names = "--a", description = "Exponential mesh ratio, last/first element length, > 0 (default 1000).")
    Double a;

    @Option(names = "--quadrature",
            description = "Gauss-Legendre points per element, order + 1 .. " + org.elementa.fem.quadrature.GaussQuadrature.MAX_POINTS
                    + " (default order + 10).")
    Integer quadrature;

    enum Eigensolver { banded, dense, ejml }

    @Option(names = "--eigensolver", defaultValue = "dense",
            description = "Generalized eigensolver: banded (shift-invert Lanczos), dense, or ejml (reference); default ${DEFAULT-VALUE}.")
    Eigensolver eigensolver;

    @Option(names = "--dirac", description = "Solve the radial Dirac equation (coulomb only) against Sommerfeld's exact "
            + "energies; states by n, l, j (default 49 = every n <= 7).")
    boolean dirac;

    @Option(names = "--c", defaultValue = "137.0359895", description = "Speed of light for --dirac; default ${DEFAULT-VALUE}.")
    double c;

    /** Largest --states accepted (n <= 100). */
    static final int MAX_STATES = 5050;

    @Override
    public Integer call() {
        validate();
        if (dirac) {
            return DiracRadial.run(this);
        }
        List<int[]> wanted = statesByNThenL(states);
        int nMax = wanted.get(wanted.size() - 1)[0];
        RadialDiscretization base = potential == Potential.coulomb
                ? RadialDiscretization.coulomb(z, nMax) : RadialDiscretization.defaults();
        int p = order != null ? order : base.order();
        RadialDiscretization d;
        try {
            d = new RadialDiscretization(rmax != null ? rmax : base.rmax(), a != null ? a : base.a(),
                    ne != null ? ne : base.elements(), p, quadrature != null ? quadrature : p + 10);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), optionNames(e.getMessage()));
        }
        GeneralizedEigensolver eig = switch (eigensolver) {
            case banded -> new BandedGeneralizedEigensolver();
            case dense -> new DenseGeneralizedEigensolver();
            case ejml -> new EjmlGeneralizedEigensolver();
        };
        RadialSchrodingerSolver solver = new RadialSchrodingerSolver(d, eig);
        long dofs = solver.space().dofs();
        if (eigensolver != Eigensolver.banded && dofs * dofs > Integer.MAX_VALUE - 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ne " + d.elements() + " and --order " + d.order()
                    + " give " + dofs + " unknowns, too many for the " + eigensolver + " eigensolver (a dense " + dofs + "x"
                    + dofs + " matrix exceeds a Java array): lower --ne or --order, or use --eigensolver banded");
        }
        // Per l, the number of states needed is the largest n_r + 1 among the wanted (n, l).
        int lMax = 0;
        for (int[] s : wanted) {
            lMax = Math.max(lMax, s[1]);
        }
        int[] perL = new int[lMax + 1];
        for (int[] s : wanted) {
            perL[s[1]] = Math.max(perL[s[1]], s[0] - s[1]);
        }
        for (int l = 0; l <= lMax; l++) {
            if (perL[l] > solver.space().dofs()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--states " + states + " needs " + perL[l]
                        + " states with l = " + l + " but the discretization has only " + solver.space().dofs()
                        + " unknowns: raise --ne or --order");
            }
        }
        DoubleUnaryOperator v = potential == Potential.coulomb ? r -> -z / r : r -> 0.5 * r * r;
        List<List<RadialState>> byL = solver.solveByL(v, perL);
        List<Map<String, Object>> rows = new ArrayList<>();
        double maxError = 0;
        for (int[] s : wanted) {
            int n = s[0];
            int l = s[1];
            RadialState st = byL.get(l).get(n - l - 1);
            double exact = potential == Potential.coulomb ? -z * z / (2.0 * n * n) : 2.0 * (n - l - 1) + l + 1.5;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", n);
            row.put("l", l);
            row.put("energy", st.energy());
            row.put("exact", exact);
            row.put("error", st.energy() - exact);
            rows.add(row);
            maxError = Math.max(maxError, Math.abs(st.energy() - exact));
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("potential", potential.name());
            if (potential == Potential.coulomb) {
                out.put("Z", z);
            }
            out.put("states", rows);
            out.put("elements", d.elements());
            out.put("order", d.order());
            out.put("dofs", solver.space().dofs());
            out.put("rmax", d.rmax());
            out.put("a", d.a());
            out.put("quadraturePoints", d.quadraturePoints());
            out.put("eigensolver", eigensolver.name());
            out.put("maxError", maxError);
            System.out.println(Json.write(out));
        } else {
            System.out.printf(Locale.ROOT, "%s potential%s: %d elements of order %d on [0, %s] (a = %s), %d unknowns%n",
                    potential, potential == Potential.coulomb ? " Z = " + z : "", d.elements(), d.order(), d.rmax(), d.a(),
                    solver.space().dofs());
            System.out.printf(Locale.ROOT, "%4s %4s %22s %22s %12s%n", "n", "l", "E (Ha)", "exact (Ha)", "error");
            for (Map<String, Object> row : rows) {
                System.out.printf(Locale.ROOT, "%4d %4d %22.12f %22.12f %12.3e%n", row.get("n"), row.get("l"), row.get("energy"),
                        row.get("exact"), row.get("error"));
            }
            System.out.printf(Locale.ROOT, "max |error| = %.3e Ha%n", maxError);
        }
        return 0;
    }

    private void validate() {
        if (!Double.isFinite(z) || !(z > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--Z = " + z + " must be a finite number > 0");
        }
        if (states < 1 || states > MAX_STATES) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--states = " + states + " must be in [1, " + MAX_STATES + "]");
        }
        if (ne != null && ne < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ne = " + ne + " must be >= 1");
        }
        if (order != null && (order < 1 || order > LagrangeBasis.MAX_ORDER)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--order = " + order + " must be in [1, "
                    + LagrangeBasis.MAX_ORDER + "]");
        }
        if (rmax != null && (!Double.isFinite(rmax) || !(rmax > 0))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rmax = " + rmax + " must be a finite number > 0");
        }
        if (a != null && (!Double.isFinite(a) || !(a > 0))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--a = " + a + " must be a finite number > 0");
        }
    }

    /** RadialDiscretization's parameter names, as the options that set them. */
    private static final String[][] OPTION_NAMES = {
        {"quadraturePoints", "--quadrature"}, {"elements", "--ne"}, {"order", "--order"}, {"rmax", "--rmax"}, {"a", "--a"},
    };

    /** The message with a leading parameter name (and any "order + 1" in the range) in option terms. */
    static String optionNames(String message) {
        String m = message == null ? "" : message;
        for (String[] p : OPTION_NAMES) {
            if (m.startsWith(p[0] + " ")) {
                m = p[1] + m.substring(p[0].length());
                break;
            }
        }
        return m.replace("[order + 1,", "[--order + 1,");
    }

    /** The first count (n, l) pairs in the order n = 1, 2, ...; l = 0 .. n-1. */
    static List<int[]> statesByNThenL(int count) {
        List<int[]> out = new ArrayList<>(count);
        for (int n = 1; out.size() < count; n++) {
            for (int l = 0; l < n && out.size() < count; l++) {
                out.add(new int[] {n, l});
            }
        }
        return out;
    }
}
