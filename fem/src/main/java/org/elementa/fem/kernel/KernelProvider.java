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

    /** Lazy, once-per-JVM choice; a bad property value is kept and rethrown as itself on every call. */
    private static final class Holder {
        static final Choice CHOICE;
        static final RuntimeException ERROR;

        static {
            Choice c = null;
            RuntimeException e = null;
            try {
                c = choose();
            } catch (IllegalArgumentException | UnsupportedOperationException ex) {
                e = ex;
            }
            CHOICE = c;
            ERROR = e;
        }
    }

    /** The implementation chosen for this JVM, and why. */
    public record Choice(Kernels kernels, String reason) {
    }

    /**
     * The kernels this JVM uses.
     *
     * @throws IllegalArgumentException if {@code -Delementa.kernels} has a value other than
     *         {@code vector} or {@code scalar}
     * @throws UnsupportedOperationException if {@code -Delementa.kernels=vector} where the Vector
     *         API cannot run
     */
    public static Kernels get() {
        return choice().kernels();
    }

    /**
     * The kernels this JVM uses, with the reason for the choice.
     *
     * @throws IllegalArgumentException as {@link #get()}
     * @throws UnsupportedOperationException as {@link #get()}
     */
    public static Choice choice() {
        if (Holder.ERROR != null) {
            throw Holder.ERROR;
        }
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

    /**
     * Whether C2 compiles here. The VM's own flags first, through HotSpot's diagnostic MXBean
     * (UseCompiler, TieredCompilation, TieredStopAtLevel: with tiered compilation on, a stop level
     * below 4 means C1 only; with it off, the server compiler C2 runs alone), because they also
     * reflect JAVA_TOOL_OPTIONS, @argfiles and ergonomics; else, on a VM without that bean, the
     * command-line arguments.
     */
    private static boolean c2Enabled() {
        Boolean fromVm = c2EnabledFromVmOptions();
        if (fromVm != null) {
            return fromVm;
        }
        return c2EnabledFromArguments();
    }

    /** Null when the HotSpot diagnostic bean or one of the options is unavailable. */
    private static Boolean c2EnabledFromVmOptions() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (bean == null) {
                return null;
            }
            return c2Enabled(bean.getVMOption("UseCompiler").getValue(), bean.getVMOption("TieredCompilation").getValue(),
                    bean.getVMOption("TieredStopAtLevel").getValue(), System.getProperty("java.vm.info", ""));
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, no jdk.management module, or an option this VM does not have.
            return null;
        }
    }

    /**
     * The decision from the values of the VM options (as HotSpot prints them: "true"/"false" and an
     * integer) and java.vm.info. Separated so that every branch can be tested.
     */
    static boolean c2Enabled(String useCompiler, String tieredCompilation, String tieredStopAtLevel, String vmInfo) {
        if (vmInfo.contains("interpreted mode") || !Boolean.parseBoolean(useCompiler.strip())) {
            return false;
        }
        if (!Boolean.parseBoolean(tieredCompilation.strip())) {
            return true; // non-tiered HotSpot runs C2 alone (TieredStopAtLevel is ignored)
        }
        try {
            return Integer.parseInt(tieredStopAtLevel.strip()) >= 4;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean c2EnabledFromArguments() {
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
        Choice c = choose(System.getProperty(PROPERTY), vectorUnavailableReason());
        // One line at INFO when falling back (someone should know why it is slow), else FINE.
        LOG.log(c.kernels() == scalar() && System.getProperty(PROPERTY) == null
                        ? java.util.logging.Level.INFO : java.util.logging.Level.FINE,
                "Elementa kernels: " + c.kernels().name() + " (" + c.reason() + ")");
        return c;
    }

    /**
     * The choice for a given value of {@link #PROPERTY} (null when unset) and a given reason the
     * Vector API cannot run (null when it can). Separated from the JVM's global state so that
     * every branch can be tested.
     *
     * @throws IllegalArgumentException if {@code forced} is neither {@code vector} nor {@code scalar}
     * @throws UnsupportedOperationException if {@code vector} is forced where it cannot run
     */
    static Choice choose(String forced, String vectorUnavailable) {
        if (forced != null) {
            switch (forced.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "scalar":
                    return new Choice(scalar(), "forced by -D" + PROPERTY + "=scalar");
                case "vector":
                    if (vectorUnavailable != null) {
                        throw new UnsupportedOperationException("-D" + PROPERTY
                                + "=vector, but vector kernels are unavailable: " + vectorUnavailable);
                    }
                    return new Choice(VectorKernelsLoader.load(), "forced by -D" + PROPERTY + "=vector");
                default:
                    throw new IllegalArgumentException(
                            "-D" + PROPERTY + "=" + forced + " is not valid: use 'vector' or 'scalar'");
            }
        }
        if (vectorUnavailable != null) {
            return new Choice(scalar(), "scalar fallback: " + vectorUnavailable);
        }
        return new Choice(VectorKernelsLoader.load(), "jdk.incubator.vector readable and C2 on");
    }

    /** Keeps the Vector API classes unloaded until the checks above pass. */
    private static final class VectorKernelsLoader {
        static Kernels load() {
            return VectorKernels.INSTANCE;
        }
    }
}
