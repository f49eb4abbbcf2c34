package org.elementa.validation.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.config.DiracOrbital;
import org.elementa.atomic.config.NistConfigurations;
import org.elementa.atomic.config.Orbital;
import org.elementa.atomic.config.PeriodicTable;
import org.elementa.atomic.dirac.DiracAtomSolution;
import org.elementa.atomic.dirac.DiracAtomSolver;
import org.elementa.atomic.dirac.DiracCoulomb;
import org.elementa.atomic.dirac.DiracState;
import org.elementa.atomic.radial.RadialDiscretization;
import org.elementa.atomic.scf.Energies;
import org.elementa.validation.reference.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Relativistic (RLDA) atoms against NIST SRD 141's own RLDA tables (Kotochigova, Levine, Shirley,
 * Stiles, Clark, Phys. Rev. A 55, 191 (1997); 6 decimals, stated accuracy 1e-6 Ha): the total energy,
 * its parts and every eigenvalue, for Mg and Mg+ (nist_Mg_all_functionals.txt) and the 24 neutral
 * atoms of nist/RLDA (C .. Th, 12 of them beyond Z = 54, where rlda_reference.dat has no values);
 * and the self-convergence of heavy atoms under refinement of the finite element space.
 */
class DiracAtomRegressionTest {

    private static final String RLDA_TABLES = "/org/elementa/validation/reference/atomic/nist/RLDA/";

    /** The neutral atoms with a NIST RLDA table (nist/README.md). */
    private static final int[] NIST_RLDA_ATOMS = {6, 13, 17, 19, 20, 21, 26, 28, 36, 38, 40, 47, 55, 56, 58, 61, 62, 68,
        69, 73, 78, 83, 86, 90};

    /** NIST's stated accuracy (and twice its 6-decimal rounding), Hartree. */
    private static final double NIST_ACCURACY = 1e-6;

    /**
     * NIST's totals: variational, so second order in NIST's own orbital errors; for LDA they agree with
     * dftatom's converged values to 5.3e-7 (data README). Measured here for RLDA: at most 5.3e-7.
     */
    private static final double NIST_TOTAL = 6e-7;

    /**
     * Ekin and Eenuc separately are first order in NIST's orbital errors: for the heavy atoms they
     * deviate by up to 5.2e-6 with opposite signs (measured; the same as for LDA, LdaAtomRegressionTest),
     * while their sum agrees to 2e-6 (each of the two printed values within the stated 1e-6).
     */
    private static final double NIST_FIRST_ORDER = 6e-6;

    /**
     * A finer space than the 1e-8 default (rmax 50, last/first element 2e5, 12 elements of order 15):
     * larger box, 1e6 ratio (a smaller first element), 18 elements of order 18, 30 points per element.
     */
    private static final RadialDiscretization FINE = new RadialDiscretization(60, 1e6, 18, 18, 30);

    /** Kr's converged RLDA total energy, rlda_reference.dat (dftatom). */
    private static final double RLDA_KRYPTON_TOTAL = -2784.1992381241;

    private record Table(double[] parts, Map<DiracState, Double> eigenvalues) {
    }

    @Test
    void magnesiumAndItsIonMatchNistEnergyPartsAndEigenvalues() {
        // nist_Mg_all_functionals.txt, RLDA column: Etot, Ekin, Ecoul, Eenuc, Exc; eigenvalues
        // 1s, 2s, 2p1/2, 2p3/2, 3s. The ion [Ne] 3s1 is given by hand (own-configuration path). Both at
        // the default tolerance and at 1e-8.
        for (DiracAtomSolver solver : List.of(DiracAtomSolver.builder().build(),
                DiracAtomSolver.builder().tolerance(1e-8).build())) {
            magnesium(solver);
        }
    }

    private static void magnesium(DiracAtomSolver solver) {
        DiracAtomSolution mg = solver.solveNist(12);
        checkParts("Mg", mg.energies(), new double[] {-199.382965, 199.274807, 95.784470, -479.041925, -15.400316});
        checkEigenvalues("Mg", mg, new double[] {-46.002462, -2.911524, -1.724109, -1.713521, -0.175630});
        List<DiracOrbital> ion = new ArrayList<>(NistConfigurations.rlda(12));
        DiracOrbital last = ion.remove(ion.size() - 1);
        assertEquals(3, last.n(), "Mg's last subshell is 3s");
        ion.add(new DiracOrbital(3, 0, -1, 1));
        DiracAtomSolution mgPlus = solver.solve(12, ion);
        checkParts("Mg+", mgPlus.energies(), new double[] {-199.086609, 198.995445, 92.002402, -474.877417, -15.207038});
        checkEigenvalues("Mg+", mgPlus, new double[] {-46.342401, -3.246338, -2.058429, -2.047806, -0.423225});
    }

    @Test
    void everyNistRldaTableIsMatched() {
        // Default run: every NIST RLDA atom (C .. Th) at tolerance 1e-8 (about 0.5 s per atom); the
        // first-order parts as explained at NIST_FIRST_ORDER.
        DiracAtomSolver solver = DiracAtomSolver.builder().tolerance(1e-8).build();
        List<String> bad = new ArrayList<>();
        for (int z : NIST_RLDA_ATOMS) {
            Table t = table(z);
            DiracAtomSolution s = solver.solveNist(z);
            Energies e = s.energies();
            String name = PeriodicTable.symbol(z);
            within(bad, name + " Etot", e.total(), t.parts()[0], NIST_TOTAL);
            within(bad, name + " Ecoul", e.coulomb(), t.parts()[2], NIST_ACCURACY);
            within(bad, name + " Exc", e.exchangeCorrelation(), t.parts()[4], NIST_ACCURACY);
            within(bad, name + " Ekin", e.kinetic(), t.parts()[1], NIST_FIRST_ORDER);
            within(bad, name + " Eenuc", e.electronNucleus(), t.parts()[3], NIST_FIRST_ORDER);
            within(bad, name + " Ekin + Eenuc", e.kinetic() + e.electronNucleus(), t.parts()[1] + t.parts()[3],
                    2 * NIST_ACCURACY);
            assertEquals(t.eigenvalues().size(), s.orbitals().size(), name + ": NIST's and our subshell counts");
            for (DiracAtomSolution.OrbitalEnergy o : s.orbitals()) {
                Double ref = t.eigenvalues().get(o.state());
                if (ref == null) {
                    bad.add(name + " " + o.state().label() + ": not in NIST's table");
                } else {
                    within(bad, name + " " + o.state().label(), o.energy(), ref, NIST_ACCURACY);
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void heavyAtomsAreSelfConverged() {
        // Beyond Z = 54 only uranium's total has a reference: a finer space (more elements, higher order,
        // larger box, smaller first element, more quadrature points) must move no total energy or
        // eigenvalue of Cs, Au, Rn and U by more than the 1e-8 target, and must be a genuinely larger space
        // (measured: at most 1.8e-9, 360 -> 648 unknowns per kappa).
        DiracAtomSolver base = DiracAtomSolver.builder().tolerance(1e-8).build();
        DiracAtomSolver refined = DiracAtomSolver.builder().tolerance(1e-8).discretization(FINE).build();
        for (int z : new int[] {55, 79, 86, 92}) {
            DiracAtomSolution a = base.solveNist(z);
            DiracAtomSolution b = refined.solveNist(z);
            assertTrue(b.unknowns() > a.unknowns());
            assertEquals(b.energies().total(), a.energies().total(), 1e-8, "Z = " + z + " total energy");
            for (int i = 0; i < a.orbitals().size(); i++) {
                assertEquals(b.orbitals().get(i).energy(), a.orbitals().get(i).energy(), 1e-8,
                        "Z = " + z + " " + a.orbitals().get(i).state().label());
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "elementa.validation.full", matches = "true")
    void everyAtomBeyondFiftyFourConvergesAndIsSelfConverged() {
        // validation-full: every Z = 55..92 converges at both tolerances, and at 1e-8 the refined space of
        // heavyAtomsAreSelfConverged moves no total or eigenvalue by more than 1e-8.
        DiracAtomSolver loose = DiracAtomSolver.builder().build();
        DiracAtomSolver base = DiracAtomSolver.builder().tolerance(1e-8).build();
        DiracAtomSolver refined = DiracAtomSolver.builder().tolerance(1e-8).discretization(FINE).build();
        List<String> bad = new ArrayList<>();
        for (int z = 55; z <= 92; z++) {
            DiracAtomSolution l = loose.solveNist(z);
            DiracAtomSolution a = base.solveNist(z);
            DiracAtomSolution b = refined.solveNist(z);
            // The default tolerance's discretization is coarser: its results lie within 1e-6 of the converged ones.
            within(bad, "Z = " + z + " Etot (default tolerance)", l.energies().total(), b.energies().total(), 1e-6);
            within(bad, "Z = " + z + " Etot", a.energies().total(), b.energies().total(), 1e-8);
            for (int i = 0; i < a.orbitals().size(); i++) {
                String label = "Z = " + z + " " + a.orbitals().get(i).state().label();
                within(bad, label + " (default tolerance)", l.orbitals().get(i).energy(), b.orbitals().get(i).energy(), 1e-6);
                within(bad, label, a.orbitals().get(i).energy(), b.orbitals().get(i).energy(), 1e-8);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void sameBitsInAnotherThread() {
        // Determinism: the solve holds no shared mutable state; a second solve of the same atom, on
        // another thread and concurrently with a third, gives the same bits.
        DiracAtomSolver solver = DiracAtomSolver.builder().build();
        DiracAtomSolution first = solver.solveNist(47);
        CompletableFuture<DiracAtomSolution> second = CompletableFuture.supplyAsync(() -> solver.solveNist(47));
        CompletableFuture<DiracAtomSolution> third = CompletableFuture.supplyAsync(() -> solver.solveNist(47));
        for (DiracAtomSolution other : List.of(second.join(), third.join())) {
            assertEquals(first.energies(), other.energies());
            assertEquals(first.orbitals(), other.orbitals());
        }
    }

    @Test
    void nonrelativisticLimitIsDftatomsLda() {
        // c -> infinity: the Dirac equation becomes Schrodinger's and MacDonald-Vosko exchange Slater's, so
        // the RLDA atom with each shell split 2l : 2l+2 must be the LDA atom of lda_reference.dat (dftatom,
        // precision about 2e-9). The relativistic shift falls as 1/c^2: for Kr, E(RLDA, c = 137) - E(LDA)
        // = -32.1 Ha, so -6.0e-7 at c = 1e6 and -6.0e-9 at c = 1e7 (measured: -6.1e-7 and -4.1e-9). Bound at
        // c = 1e7: 2e-8 on totals and eigenvalues (the issue's tight bound: reference precision, the
        // remaining shift, SCF tolerance). At c = 1e6 the measured shift of Kr must be the 1/c^2 share of
        // the full one to 10 % (its first-order term; the next is (Z/c)^2 = 1e-9 smaller).
        DiracAtomSolver limit = DiracAtomSolver.builder().tolerance(1e-8).speedOfLight(1e7).build();
        List<String> bad = new ArrayList<>();
        for (int z : new int[] {2, 10, 18, 36}) {
            AtomicReference.Lda lda = AtomicReference.lda(z);
            Configuration config = Configuration.nist(z);
            DiracAtomSolution s = limit.solve(z, DiracAtomSolver.splitByJ(config));
            within(bad, "Z = " + z + " Etot", s.energies().total(), lda.total(), 2e-8);
            List<Orbital> shells = config.orbitals();
            for (int i = 0; i < shells.size(); i++) {
                for (DiracAtomSolution.OrbitalEnergy o : s.orbitals()) {
                    if (o.state().n() == shells.get(i).n() && o.state().l() == shells.get(i).l()) {
                        within(bad, "Z = " + z + " " + o.state().label(), o.energy(), lda.eigenvalues()[i], 2e-8);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
        double c = DiracCoulomb.SPEED_OF_LIGHT;
        double fullShift = RLDA_KRYPTON_TOTAL - AtomicReference.lda(36).total();
        double shift = DiracAtomSolver.builder().tolerance(1e-8).speedOfLight(1e6).build().solveNist(36).energies().total()
                - AtomicReference.lda(36).total();
        assertEquals(fullShift * (c / 1e6) * (c / 1e6), shift, 0.1 * Math.abs(shift));
    }

    private static void checkParts(String name, Energies e, double[] nist) {
        assertEquals(nist[0], e.total(), NIST_TOTAL, name + " Etot");
        // Mg is light: its parts agree with NIST to its 6 decimals (measured within 5e-7).
        assertEquals(nist[1], e.kinetic(), NIST_ACCURACY, name + " Ekin");
        assertEquals(nist[2], e.coulomb(), NIST_ACCURACY, name + " Ecoul");
        assertEquals(nist[3], e.electronNucleus(), NIST_ACCURACY, name + " Eenuc");
        assertEquals(nist[4], e.exchangeCorrelation(), NIST_ACCURACY, name + " Exc");
    }

    private static void checkEigenvalues(String name, DiracAtomSolution s, double[] nist) {
        String[] labels = {"1s1/2", "2s1/2", "2p1/2", "2p3/2", "3s1/2"};
        assertEquals(labels.length, s.orbitals().size());
        for (int i = 0; i < labels.length; i++) {
            DiracState state = DiracState.parse(labels[i]);
            assertEquals(nist[i], s.eigenvalue(state), NIST_ACCURACY, name + " " + labels[i]);
        }
    }

    private static void within(List<String> bad, String what, double value, double reference, double bound) {
        if (!(Math.abs(value - reference) <= bound)) {
            bad.add(String.format(Locale.ROOT, "%s: %.9f vs NIST %.6f (allowed %.1e)", what, value, reference, bound));
        }
    }

    /** NIST's RLDA table of Z: Etot, Ekin, Ecoul, Eenuc, Exc and the eigenvalues by state (2pM = 2p1/2, 2pP = 2p3/2). */
    private static Table table(int z) {
        String name = String.format(Locale.ROOT, "%s%02d%s_RLDA.txt", RLDA_TABLES, z, PeriodicTable.symbol(z));
        double[] parts = new double[5];
        String[] keys = {"Etot", "Ekin", "Ecoul", "Eenuc", "Exc"};
        Map<DiracState, Double> eig = new LinkedHashMap<>();
        try (InputStream in = DiracAtomRegressionTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int found = 0;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.contains("=")) {
                    String[] t = line.split("=");
                    for (int k = 0; k < keys.length; k++) {
                        if (t[0].strip().equals(keys[k])) {
                            parts[k] = Double.parseDouble(t[1].strip());
                            found++;
                        }
                    }
                } else {
                    String[] t = line.split("\\s+");
                    String label = t[0];
                    int n = Integer.parseInt(label.substring(0, label.length() - 2));
                    int l = "spdf".indexOf(label.charAt(label.length() - 2));
                    char j = label.charAt(label.length() - 1);
                    if (l < 0 || (j != 'P' && j != 'M')) {
                        throw new IllegalStateException(name + ": unknown label " + label);
                    }
                    eig.put(DiracState.of(n, l, j == 'P'), Double.parseDouble(t[1]));
                }
            }
            if (found != keys.length) {
                throw new IllegalStateException(name + ": " + found + " of the 5 energy lines");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(parts, eig);
    }
}
