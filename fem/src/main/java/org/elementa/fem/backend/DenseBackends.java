package org.elementa.fem.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses the {@link DenseBackend} once per JVM: the first available GPU provider found through
 * {@link ServiceLoader} (none is registered until a GPU provider is built), else the CPU provider.
 * The system property {@code elementa.backend} ({@code cpu} or a provider name, case-insensitive)
 * forces a choice. The choice is logged once.
 */
public final class DenseBackends {

    /** System property that forces the provider by name. */
    public static final String PROPERTY = "elementa.backend";

    private static final Logger LOG = Logger.getLogger(DenseBackends.class.getName());

    private static final String NO_PROVIDER = "no GPU provider installed";

    /**
     * The chosen backend and the reason it was chosen.
     *
     * @param backend the provider this JVM uses
     * @param reason  why it was chosen, one line
     */
    public record Choice(DenseBackend backend, String reason) {
    }

    private DenseBackends() {
    }

    /** Lazy, once-per-JVM choice; a bad property value is kept and rethrown as itself on every call. */
    private static final class Holder {
        static final Choice CHOICE;
        static final IllegalArgumentException ERROR;

        static {
            Choice c = null;
            IllegalArgumentException e = null;
            try {
                c = choose(System.getProperty(PROPERTY), DenseBackends::loadProviders);
                // Once per JVM. INFO when a GPU provider was skipped or chosen (someone should know
                // why), FINE for the plain CPU default, so that every command does not print it.
                boolean plainDefault = c.reason().equals(NO_PROVIDER) || c.reason().startsWith("forced");
                LOG.log(plainDefault ? java.util.logging.Level.FINE : java.util.logging.Level.INFO,
                        "Elementa dense backend: " + c.backend().name() + " (" + c.reason() + ")");
            } catch (IllegalArgumentException ex) {
                e = ex;
            }
            CHOICE = c;
            ERROR = e;
        }
    }

    /**
     * The backend this JVM uses.
     *
     * @throws IllegalArgumentException if {@code -Delementa.backend} names no available backend
     */
    public static DenseBackend get() {
        return choice().backend();
    }

    /**
     * The backend this JVM uses, with the reason.
     *
     * @throws IllegalArgumentException if {@code -Delementa.backend} names no available backend
     */
    public static Choice choice() {
        if (Holder.ERROR != null) {
            throw Holder.ERROR;
        }
        return Holder.CHOICE;
    }

    /**
     * A provider found by the service loader, or the reason it could not be loaded (exactly one of
     * the two is non-null).
     */
    record Candidate(DenseBackend backend, String failure) {
    }

    /** The registered providers; one that fails to load or instantiate is kept as a failure. */
    private static List<Candidate> loadProviders() {
        List<Candidate> out = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<DenseBackend> p : ServiceLoader.load(DenseBackend.class).stream().toList()) {
                try {
                    out.add(new Candidate(p.get(), null));
                } catch (ServiceConfigurationError | LinkageError | RuntimeException ex) {
                    out.add(new Candidate(null, p.type().getName() + " failed to load: " + ex));
                }
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException ex) {
            out.add(new Candidate(null, "service lookup failed: " + ex));
        }
        return out;
    }

    /**
     * The choice for a given value of {@link #PROPERTY} (null when unset) and a given set of
     * providers. Separated from the JVM's global state so that every branch can be tested.
     *
     * @throws IllegalArgumentException if {@code forced} is not {@code cpu} and names no available provider
     */
    static Choice choose(String forced, Supplier<List<Candidate>> providers) {
        String want = forced == null ? null : forced.strip().toLowerCase(Locale.ROOT);
        if ("cpu".equals(want)) {
            return new Choice(new CpuDenseBackend(), "forced by -D" + PROPERTY + "=cpu");
        }
        List<String> skipped = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("cpu");
        for (Candidate c : providers.get()) {
            if (c.backend() == null) {
                skipped.add(c.failure());
                continue;
            }
            DenseBackend b = c.backend();
            String name;
            boolean available;
            try {
                name = b.name();
                available = b.isAvailable();
            } catch (LinkageError | RuntimeException ex) {
                skipped.add(b.getClass().getName() + " failed: " + ex);
                continue;
            }
            names.add(name.toLowerCase(Locale.ROOT));
            if (want != null && !want.equals(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (available) {
                return new Choice(b, want != null ? "forced by -D" + PROPERTY + "=" + forced
                        : "GPU provider " + name + " found a device");
            }
            skipped.add(name + " unavailable");
        }
        if (want != null) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced + " names no available backend: use one of "
                    + names + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        String reason = skipped.isEmpty() ? NO_PROVIDER : String.join("; ", skipped);
        return new Choice(new CpuDenseBackend(), reason);
    }
}
