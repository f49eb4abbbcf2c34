package org.elementa.fem.backend;

import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Chooses the {@link DenseBackend} once per JVM: the first available GPU provider found through
 * {@link ServiceLoader} (none is registered until a GPU provider is built), else the CPU provider.
 * The system property {@code elementa.backend} ({@code cpu} or a provider name) forces a choice.
 */
public final class DenseBackends {

    /** System property that forces the provider by name. */
    public static final String PROPERTY = "elementa.backend";

    private static final Logger LOG = Logger.getLogger(DenseBackends.class.getName());

    /** The chosen backend and the reason it was chosen. */
    public record Choice(DenseBackend backend, String reason) {
    }

    private DenseBackends() {
    }

    private static final class Holder {
        static final Choice CHOICE = choose();
    }

    /** The backend this JVM uses. */
    public static DenseBackend get() {
        return Holder.CHOICE.backend();
    }

    /** The backend this JVM uses, with the reason. */
    public static Choice choice() {
        return Holder.CHOICE;
    }

    private static Choice choose() {
        String forced = System.getProperty(PROPERTY);
        if ("cpu".equals(forced)) {
            return new Choice(new CpuDenseBackend(), "forced by -D" + PROPERTY + "=cpu");
        }
        StringBuilder skipped = new StringBuilder();
        for (DenseBackend b : ServiceLoader.load(DenseBackend.class)) {
            if (forced != null && !forced.equals(b.name())) {
                continue;
            }
            if (b.isAvailable()) {
                String reason = forced != null ? "forced by -D" + PROPERTY + "=" + forced
                        : "GPU provider " + b.name() + " found a device";
                LOG.info("Elementa dense backend: " + b.name() + " (" + reason + ")");
                return new Choice(b, reason);
            }
            skipped.append(skipped.isEmpty() ? "" : "; ").append(b.name()).append(" unavailable");
        }
        if (forced != null) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced
                    + " names no available backend: use 'cpu'" + (skipped.isEmpty() ? "" : " (" + skipped + ")"));
        }
        String reason = skipped.isEmpty() ? "no GPU provider installed" : skipped.toString();
        return new Choice(new CpuDenseBackend(), reason);
    }
}
