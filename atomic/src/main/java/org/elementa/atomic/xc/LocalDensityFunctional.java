package org.elementa.atomic.xc;

/**
 * Exchange plus correlation, e_xc = e_x + e_c and v_xc = v_x + v_c: NIST SRD 141's LDA (Slater +
 * VWN5) and RLDA (MacDonald-Vosko exchange + VWN5).
 */
public final class LocalDensityFunctional implements ExchangeCorrelation {

    private final String name;
    private final ExchangeCorrelation exchange;
    private final ExchangeCorrelation correlation;

    private LocalDensityFunctional(String name, ExchangeCorrelation exchange, ExchangeCorrelation correlation) {
        this.name = name;
        this.exchange = exchange;
        this.correlation = correlation;
    }

    /** NIST's LDA: Slater exchange + VWN5 correlation. */
    public static LocalDensityFunctional lda() {
        return new LocalDensityFunctional("LDA", new SlaterExchange(), new VwnCorrelation());
    }

    /** NIST's RLDA exchange-correlation: MacDonald-Vosko exchange (c = 137.0359895) + VWN5. */
    public static LocalDensityFunctional rlda() {
        return new LocalDensityFunctional("RLDA", new MacDonaldVoskoExchange(), new VwnCorrelation());
    }

    /** RLDA with a given speed of light. */
    public static LocalDensityFunctional rlda(double speedOfLight) {
        return new LocalDensityFunctional("RLDA", new MacDonaldVoskoExchange(speedOfLight), new VwnCorrelation());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void evaluate(double[] n, double[] exc, double[] vxc, int count) {
        double[] ec = new double[count];
        double[] vc = new double[count];
        exchange.evaluate(n, exc, vxc, count);
        correlation.evaluate(n, ec, vc, count);
        for (int i = 0; i < count; i++) {
            exc[i] += ec[i];
            vxc[i] += vc[i];
        }
    }
}
