package org.elementa.atomic.scf;

/**
 * The radial finite element space: Lagrange elements of a given degree on an exponential mesh of
 * [0, rmax] whose last element is {@code ratio} times longer than the first, integrated with
 * {@code quadraturePoints} Gauss-Legendre points per element.
 *
 * @param rmax             outer radius (bohr), where every orbital is set to zero; > 0
 * @param ratio            size of the last element over the first, >= 1
 * @param elements         number of elements, >= 1
 * @param degree           polynomial degree, 1..64
 * @param quadraturePoints Gauss points per element, >= degree + 1 (the mass matrix is then exact)
 */
public record Discretization(double rmax, double ratio, int elements, int degree, int quadraturePoints) {

    /** Validates the ranges above. */
    public Discretization {
        if (!(rmax > 0) || !Double.isFinite(rmax)) {
            throw new IllegalArgumentException("rmax = " + rmax + " must be finite and > 0");
        }
        if (!(ratio >= 1) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException("ratio = " + ratio + " must be finite and >= 1");
        }
        if (elements < 1) {
            throw new IllegalArgumentException("elements = " + elements + " must be >= 1");
        }
        if (degree < 1 || degree > 64) {
            throw new IllegalArgumentException("degree = " + degree + " must be in 1..64");
        }
        if (quadraturePoints < degree + 1) {
            throw new IllegalArgumentException("quadraturePoints = " + quadraturePoints + " must be >= degree + 1 = " + (degree + 1));
        }
    }

    /** Number of unknowns per radial equation: elements * degree - 1. */
    public int dofs() {
        return elements * degree - 1;
    }

    /**
     * A space fine enough for total energies and eigenvalues to about {@code tolerance} Hartree for
     * NIST's ground-state configurations Z = 1..92 (chosen by self-convergence against finer spaces
     * and checked against the reference data in the validation suite). Other configurations may need
     * a larger box: {@link AtomSolver} checks the box after each solve and enlarges it
     * ({@link #withRmax}) where the outermost orbitals reach the wall.
     */
    public static Discretization forTolerance(double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " must be finite and > 0");
        }
        // rmax = 50 bohr: the orbitals are not negligible there (Cs 6s: P(40) ~ 1.5e-6), but the
        // wall's effect on an eigenvalue, P'(rmax)^2 / (4 kappa) (AtomSolution.boxErrors), stays below
        // 1e-15 Ha for every NIST atom (measured: 6.3e-16 for Fr at tolerance 1e-10). Element sizes
        // grow by 2e5 from the nucleus outwards (the 1s of U has scale 1/92).
        // Moderate degrees (10-12) on 16-20 elements: self-convergence shows U converged to ~1e-9
        // with them, while degrees above ~24 lose digits to rounding (x^T K x cancellation near the
        // nucleus). Measured against lda_reference.dat over Z = 1..92: 16x10 worst 2.0e-8,
        // 20x10 worst 3.8e-9, 20x12 worst 4.2e-9 (the last two at the reference's own precision).
        double rmax = 50;
        double ratio = 2e5;
        if (tolerance >= 1e-7) {
            return new Discretization(rmax, ratio, 16, 10, 20);
        }
        if (tolerance >= 1e-8) {
            return new Discretization(rmax, ratio, 20, 10, 20);
        }
        return new Discretization(rmax, ratio, 20, 12, 22);
    }

    /**
     * The same elements near the nucleus on a larger box: the same degree, quadrature and ratio, and
     * the fewest elements (>= this one's) whose first element is no longer than this space's first,
     * so that neither the innermost nor the outermost element grows.
     *
     * @param newRmax the new outer radius, finite and >= rmax
     */
    public Discretization withRmax(double newRmax) {
        if (!(newRmax >= rmax) || !Double.isFinite(newRmax)) {
            throw new IllegalArgumentException("newRmax = " + newRmax + " must be finite and >= rmax = " + rmax);
        }
        double first = firstElement(rmax, elements);
        int n = elements;
        while (firstElement(newRmax, n) > first * (1 + 1e-12)) {
            n++;
        }
        return new Discretization(newRmax, ratio, n, degree, quadraturePoints);
    }

    /** Length of the first element of an exponential mesh of [0, r] with this ratio and n elements. */
    private double firstElement(double r, int n) {
        if (n == 1 || ratio == 1) {
            return r / n;
        }
        double logq = Math.log(ratio) / (n - 1);
        return r * Math.expm1(logq) / Math.expm1(n * logq);
    }
}
