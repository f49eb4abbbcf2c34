package org.elementa.fem.kernel;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.logging.Logger;

/**
 * Chooses the {@link Kernels} implementation once per JVM.
 *
 * <p>The Vector API implementation is used when the {@code jdk.incubator.vector} module is
 * readable and the C2 compiler is on (without C2 the Vector API runs interpreted and is far slower
 * than scalar code). Otherwise the scalar implementation runs and one log line says why.
 * The system property {@code elementa.kernels} ({@code vector} or {@code scalar}) forces a choice.
 */
public final class KernelProvider {

    /** System property that forces the implementation: {@code vector} or {@code scalar}. */
    public static final String PROPERTY = "elementa.kernels";

    private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());

    private KernelProvider() {
    }

    private static final class Holder {
        static final Choice CHOICE = choose();
    }

    /** The implementation chosen for this JVM, and why. */
    public record Choice(Kernels kernels, String reason) {
    }

    /** The kernels this JVM uses. */
    public static Kernels get() {
        return Holder.CHOICE.kernels();
    }

    /** The kernels this JVM uses, with the reason for the choice. */
    public static Choice choice() {
        return Holder.CHOICE;
    }

    /** The scalar implementation, always available (tests and benchmarks compare against it). */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * The Vector API implementation.
     *
     * @throws UnsupportedOperationException if {@code jdk.incubator.vector} is not readable
     */
    public static Kernels vector() {
        String why = vectorUnavailableReason();
        if (why != null) {
            throw new UnsupportedOperationException("Vector kernels unavailable: " + why);
        }
        return VectorKernelsLoader.load();
    }

    /** Null when the Vector API can be used here, else the reason it cannot. */
    public static String vectorUnavailableReason() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "module jdk.incubator.vector is not readable (run the JVM with --add-modules jdk.incubator.vector)";
        }
        if (!c2Enabled()) {
            return "the C2 JIT compiler is off (Vector API code would run interpreted)";
        }
        return null;
    }

    private static boolean c2Enabled() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String a : args) {
            if (a.equals("-Xint") || a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4")
                    || a.equals("-XX:-UseCompiler")) {
                return false;
            }
        }
        String vm = System.getProperty("java.vm.info", "");
        return !vm.contains("interpreted mode");
    }

    private static Choice choose() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) {
            switch (forced) {
                case "scalar":
                    return new Choice(scalar(), "forced by -D" + PROPERTY + "=scalar");
                case "vector":
                    return new Choice(vector(), "forced by -D" + PROPERTY + "=vector");
                default:
                    throw new IllegalArgumentException(
                            "-D" + PROPERTY + "=" + forced + " is not valid: use 'vector' or 'scalar'");
            }
        }
        String why = vectorUnavailableReason();
        if (why != null) {
            LOG.info("Elementa kernels: scalar, because " + why);
            return new Choice(scalar(), why);
        }
        Kernels v = VectorKernelsLoader.load();
        return new Choice(v, "jdk.incubator.vector readable and C2 on");
    }

    /** Keeps the Vector API classes unloaded until the checks above pass. */
    private static final class VectorKernelsLoader {
        static Kernels load() {
            return VectorKernels.INSTANCE;
        }
    }
}
