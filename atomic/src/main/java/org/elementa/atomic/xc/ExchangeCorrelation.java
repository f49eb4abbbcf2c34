package org.elementa.atomic.xc;

/**
 * A local (density-only) exchange-correlation functional of a spin-unpolarized electron gas,
 * E_xc = integral n(r) e_xc(n(r)) d^3r, with potential v_xc(n) = d(n e_xc(n))/dn.
 * Densities n <= 0 give e_xc = v_xc = 0. Atomic units (Hartree).
 */
public interface ExchangeCorrelation {

    /** A short name, e.g. "LDA (Slater + VWN5)". */
    String name();

    /**
     * For i in [0, count): exc[i] = e_xc(n[i]) (energy per electron) and vxc[i] = v_xc(n[i]).
     */
    void evaluate(double[] n, double[] exc, double[] vxc, int count);

    /** e_xc(n), the energy per electron at density n. */
    default double energyPerElectron(double n) {
        double[] e = new double[1];
        evaluate(new double[] {n}, e, new double[1], 1);
        return e[0];
    }

    /** v_xc(n) = d(n e_xc)/dn. */
    default double potential(double n) {
        double[] v = new double[1];
        evaluate(new double[] {n}, new double[1], v, 1);
        return v[0];
    }
}
