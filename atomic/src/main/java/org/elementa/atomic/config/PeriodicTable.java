package org.elementa.atomic.config;

import java.util.Locale;

/** Chemical symbols of the elements Z = 1..118 and the lookups between symbol and atomic number. */
public final class PeriodicTable {

    /** Largest atomic number with a symbol here. */
    public static final int MAX_Z = 118;

    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
        "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
        "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
        "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
        "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds",
        "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"
    };

    private PeriodicTable() {
    }

    /**
     * The symbol of element Z.
     *
     * @throws IllegalArgumentException if Z is outside 1..118
     */
    public static String symbol(int z) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("atomic number Z = " + z + " must be in 1.." + MAX_Z);
        }
        return SYMBOLS[z - 1];
    }

    /**
     * The atomic number of a chemical symbol, case-insensitive ("u", "U" and "Fe", "FE").
     *
     * @throws IllegalArgumentException if the symbol names no element
     */
    public static int atomicNumber(String symbol) {
        if (symbol != null) {
            String s = symbol.strip();
            for (int i = 0; i < SYMBOLS.length; i++) {
                if (SYMBOLS[i].toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                    return i + 1;
                }
            }
        }
        throw new IllegalArgumentException("unknown chemical symbol '" + symbol + "' (expected H, He, ..., Og)");
    }
}
