package org.elementa.validation.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.elementa.atomic.config.Configuration;
import org.elementa.atomic.scf.AtomSolution;
import org.elementa.atomic.scf.AtomSolver;
import org.elementa.atomic.scf.Energies;
import org.elementa.validation.reference.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Kohn-Sham LDA atoms against published references: dftatom's converged totals and eigenvalues
 * (lda_reference.dat, precision about 2e-9 Ha; Čertík, Pask, Vackář, CPC 184, 1777 (2013)) and
 * NIST SRD 141 (Kotochigova et al., Phys. Rev. A 55, 191 (1997); 6 decimals, stated accuracy 1e-6).
 */
class LdaAtomRegressionTest {

    /** More and higher-order elements, a larger box and more quadrature points than the defaults. */
    private static final org.elementa.atomic.scf.Discretization FINER_SPACE =
            new org.elementa.atomic.scf.Discretization(60, 4e5, 28, 12, 24);

    /** NIST's 6-decimal totals differ from the converged dftatom values by up to 5.3e-7 (README). */
    private static final double NIST_AGREEMENT = 6e-7;

    private static List<String> errors(AtomSolution s, double allowed) {
        int z = s.configuration().z();
        AtomicReference.Lda ref = AtomicReference.lda(z);
        List<String> bad = new ArrayList<>();
        if (Math.abs(s.energies().total() - ref.total()) > allowed) {
            bad.add("Z = " + z + ": Etot " + s.energies().total() + " vs " + ref.total());
        }
        assertEquals(ref.eigenvalues().length, s.orbitals().size(), "orbital count of Z = " + z);
        for (int i = 0; i < ref.eigenvalues().length; i++) {
            double e = s.orbitals().get(i).energy();
            if (Math.abs(e - ref.eigenvalues()[i]) > allowed) {
                bad.add("Z = " + z + ": eigenvalue " + s.orbitals().get(i) + " vs " + ref.eigenvalues()[i]);
            }
        }
        return bad;
    }

    @Test
    void uraniumToOneNanohartree() {
        AtomSolution u = AtomSolver.builder().tolerance(1e-8).build().solve(Configuration.nist("U"));
        // The target: |Etot - (-25658.4178888534)| <= 1e-8 and every eigenvalue within 1e-8.
        assertEquals(-25658.4178888534, u.energies().total(), 1e-8);
        assertEquals(List.of(), errors(u, 1e-8));
    }

    @Test
    void everyAtomAtTheDefaultToleranceMatchesTheReferences() {
        AtomSolver solver = AtomSolver.builder().build();
        List<AtomSolution> all = IntStream.rangeClosed(1, 92).parallel()
                .mapToObj(z -> solver.solve(Configuration.nist(z))).toList();
        List<String> bad = new ArrayList<>();
        for (AtomSolution s : all) {
            // Default tolerance 1e-6 Ha on Etot and on every eigenvalue.
            bad.addAll(errors(s, 1e-6));
            int z = s.configuration().z();
            double nist = AtomicReference.nistTotal(z);
            if (Math.abs(s.energies().total() - nist) > NIST_AGREEMENT) {
                bad.add("Z = " + z + ": Etot " + s.energies().total() + " vs NIST " + nist);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void magnesiumEnergyPartsMatchNist() {
        AtomSolution mg = AtomSolver.builder().tolerance(1e-8).build().solve(Configuration.nist("Mg"));
        AtomicReference.NistEnergies nist = AtomicReference.nistLda(12);
        Energies e = mg.energies();
        // NIST prints 6 decimals (rounding 5e-7) and states 1e-6 accuracy.
        assertEquals(nist.total(), e.total(), 1e-6);
        assertEquals(nist.kinetic(), e.kinetic(), 1e-6);
        assertEquals(nist.coulomb(), e.coulomb(), 1e-6);
        assertEquals(nist.electronNucleus(), e.electronNucleus(), 1e-6);
        assertEquals(nist.exchangeCorrelation(), e.exchangeCorrelation(), 1e-6);
        // The same numbers in NIST's all-functionals web table for Mg (nist_Mg_all_functionals.txt),
        // read from the resource, not retyped: a second transcription of the same NIST data.
        AtomicReference.NistEnergies web = AtomicReference.nistMagnesium("LDA");
        assertEquals(web.total(), e.total(), 1e-6);
        assertEquals(web.kinetic(), e.kinetic(), 1e-6);
        assertEquals(web.coulomb(), e.coulomb(), 1e-6);
        assertEquals(web.electronNucleus(), e.electronNucleus(), 1e-6);
        assertEquals(web.exchangeCorrelation(), e.exchangeCorrelation(), 1e-6);
        // The web table's LSD column equals LDA for closed-shell Mg (no spin polarization).
        assertEquals(web, AtomicReference.nistMagnesium("LSD"));
    }

    @Test
    void energyPartsOfSeveralAtomsMatchNistTables() {
        AtomSolver solver = AtomSolver.builder().tolerance(1e-8).build();
        for (int z : new int[] {2, 10, 26, 54, 79, 92}) {
            Energies e = solver.solve(Configuration.nist(z)).energies();
            AtomicReference.NistEnergies nist = AtomicReference.nistLda(z);
            // Totals, Ecoul and Exc agree with NIST to its 6 decimals (and the ~5e-7 NIST-vs-converged
            // offset of the totals). Ekin and Eenuc of heavy atoms deviate from NIST by up to 5e-6
            // with opposite signs, while their sum agrees to 1e-6: first-order errors of NIST's own
            // orbitals, which the variational total does not see (our space is converged to 1e-8).
            assertEquals(nist.total(), e.total(), 6e-7, "Etot of Z = " + z);
            assertEquals(nist.coulomb(), e.coulomb(), 1.1e-6, "Ecoul of Z = " + z);
            assertEquals(nist.exchangeCorrelation(), e.exchangeCorrelation(), 1.1e-6, "Exc of Z = " + z);
            assertEquals(nist.kinetic(), e.kinetic(), 5e-6, "Ekin of Z = " + z);
            assertEquals(nist.electronNucleus(), e.electronNucleus(), 5e-6, "Eenuc of Z = " + z);
            assertEquals(nist.kinetic() + nist.electronNucleus(), e.kinetic() + e.electronNucleus(), 1e-6,
                    "Ekin + Eenuc of Z = " + z);
        }
    }

    @Test
    void selfConvergenceOfUranium() {
        // Refining the space (more elements, higher degree, more quadrature points) moves Etot and the
        // eigenvalues by less than the 1e-8 target: the default 1e-8 space is converged.
        AtomSolution base = AtomSolver.builder().tolerance(1e-8).build().solve(Configuration.nist(92));
        AtomSolution fine = AtomSolver.builder().tolerance(1e-8)
                .discretization(new org.elementa.atomic.scf.Discretization(60, 4e5, 30, 12, 24)).build()
                .solve(Configuration.nist(92));
        assertEquals(fine.energies().total(), base.energies().total(), 1e-8);
        for (int i = 0; i < base.orbitals().size(); i++) {
            assertEquals(fine.orbitals().get(i).energy(), base.orbitals().get(i).energy(), 1e-8);
        }
        assertTrue(fine.dofs() > base.dofs());
    }

    @Test
    void everyAtomAtTolerance1e8WithinTwoNanohartree() {
        AtomSolver solver = AtomSolver.builder().tolerance(1e-8).build();
        List<String> bad = IntStream.rangeClosed(1, 92).parallel()
                .mapToObj(z -> errors(solver.solve(Configuration.nist(z)), 2e-8))
                .flatMap(List::stream).toList();
        // 2e-8: the bound (reference precision ~2e-9 plus our rounding floor ~5e-9).
        assertEquals(List.of(), bad);
    }

    /**
     * The full profile's finer space (everyAtomIsSelfConvergedAt1e8) for the atoms it once failed, in
     * the default run. There ||S^-1 H|| reaches 1.5e13 (first element 6e-5 bohr), and the warm-started
     * eigensolver shifted 0.15 Ha above an isolated level (3d of the 3d metals, 4f of Er): nearer the
     * box states than the level itself, so each SCF iteration grew their components in the orbital's
     * tail, the LDA potential (n^(1/3) where the true density is ~1e-25) fed them back, and the SCF
     * residual stalled near 1.7e-7 and climbed (Mn, Fe, Cu, Er: ScfNotConvergedException) or the
     * eigensolver gave up (V). V, Mn and Er cover the 3d and the 4f cases in about a second.
     */
    @Test
    void atomsWithALoneOpenShellLevelConvergeOnTheFinerSpace() {
        AtomSolver fine = AtomSolver.builder().tolerance(1e-8)
                .discretization(FINER_SPACE).build();
        List<String> bad = new ArrayList<>();
        for (int z : new int[] {23, 25, 68}) {
            // 2e-8: the same bound as everyAtomAtTolerance1e8WithinTwoNanohartree (reference precision
            // ~2e-9 plus our rounding floor ~5e-9); the finer space is converged at least as well.
            bad.addAll(errors(fine.solve(Configuration.nist(z)), 2e-8));
        }
        assertEquals(List.of(), bad);
    }

    @Test
    @EnabledIfSystemProperty(named = "elementa.validation.full", matches = "true")
    void everyAtomIsSelfConvergedAt1e8() {
        // A finer space (more and higher-order elements, larger box, more quadrature points) moves no
        // total energy or eigenvalue by more than 1e-8, for every Z: the 1e-8 space is converged.
        AtomSolver base = AtomSolver.builder().tolerance(1e-8).build();
        AtomSolver fine = AtomSolver.builder().tolerance(1e-8)
                .discretization(FINER_SPACE).build();
        List<String> bad = IntStream.rangeClosed(1, 92).parallel().mapToObj(z -> {
            AtomSolution a = base.solve(Configuration.nist(z));
            AtomSolution b = fine.solve(Configuration.nist(z));
            List<String> out = new ArrayList<>();
            if (Math.abs(a.energies().total() - b.energies().total()) > 1e-8) {
                out.add("Z = " + z + ": Etot " + a.energies().total() + " vs finer " + b.energies().total());
            }
            for (int i = 0; i < a.orbitals().size(); i++) {
                if (Math.abs(a.orbitals().get(i).energy() - b.orbitals().get(i).energy()) > 1e-8) {
                    out.add("Z = " + z + ": " + a.orbitals().get(i) + " vs finer " + b.orbitals().get(i).energy());
                }
            }
            return out;
        }).flatMap(List::stream).toList();
        assertEquals(List.of(), bad);
    }
}
