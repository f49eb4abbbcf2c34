package org.elementa.fem.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The choice logic of {@link KernelProvider}, exercised without touching JVM-wide state. */
class KernelProviderTest {

    @Test
    void defaultsToVectorWhenAvailable() {
        KernelProvider.Choice c = KernelProvider.choose(null, null);
        assertEquals("vector", c.kernels().name());
        assertTrue(c.kernels().vectorBitSize() >= 64, "a vector is at least one double wide");
        assertEquals("jdk.incubator.vector readable and C2 on", c.reason());
    }

    @Test
    void fallsBackToScalarWithTheReason() {
        KernelProvider.Choice c = KernelProvider.choose(null, "the C2 JIT compiler is off");
        assertSame(KernelProvider.scalar(), c.kernels());
        assertEquals(0, c.kernels().vectorBitSize());
        assertEquals("scalar fallback: the C2 JIT compiler is off", c.reason());
    }

    @Test
    void propertyForcesEitherImplementation() {
        KernelProvider.Choice s = KernelProvider.choose("scalar", null);
        assertEquals("scalar", s.kernels().name());
        assertEquals("forced by -Delementa.kernels=scalar", s.reason());
        KernelProvider.Choice v = KernelProvider.choose(" Vector ", null);
        assertEquals("vector", v.kernels().name());
        assertEquals("forced by -Delementa.kernels=vector", v.reason());
        // Forcing scalar works even where the Vector API could not run.
        assertEquals("scalar", KernelProvider.choose("scalar", "module missing").kernels().name());
    }

    @Test
    void forcingVectorWhereItCannotRunFailsWithTheReason() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> KernelProvider.choose("vector", "module jdk.incubator.vector is not readable"));
        assertTrue(e.getMessage().contains("module jdk.incubator.vector is not readable"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownValueNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelProvider.choose("simd", null));
        assertTrue(e.getMessage().contains("elementa.kernels=simd"), e.getMessage());
        assertTrue(e.getMessage().contains("'vector' or 'scalar'"), e.getMessage());
    }

    @Test
    void thisTestJvmCanRunTheVectorApi() {
        // Surefire passes --add-modules jdk.incubator.vector and runs with C2: the check must agree.
        assertEquals(null, KernelProvider.vectorUnavailableReason());
        assertEquals("vector", KernelProvider.vector().name());
    }

    /** Entry point of the forked JVMs below: prints the JVM-wide choice. */
    public static final class PrintChoice {
        public static void main(String[] args) {
            KernelProvider.Choice c = KernelProvider.choice();
            System.out.println(c.kernels().name() + " | " + c.reason());
        }
    }

    /** Runs {@link PrintChoice} in a fresh JVM with the given system property; returns exit code and output. */
    private static String[] fork(String property) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path")));
        if (property != null) {
            cmd.add("-D" + KernelProvider.PROPERTY + "=" + property);
        }
        cmd.add(PrintChoice.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), out};
    }

    @Test
    void systemPropertyForcesTheChoiceOfAWholeJvm() throws Exception {
        String[] scalar = fork("scalar");
        assertEquals("0", scalar[0], scalar[1]);
        assertTrue(scalar[1].contains("scalar | forced by -Delementa.kernels=scalar"), scalar[1]);
        String[] vector = fork(null);
        assertEquals("0", vector[0], vector[1]);
        assertTrue(vector[1].contains("vector | jdk.incubator.vector readable and C2 on"), vector[1]);
        String[] bogus = fork("bogus");
        assertTrue(!bogus[0].equals("0"), "a bad value must fail the JVM: " + bogus[1]);
        assertTrue(bogus[1].contains("IllegalArgumentException: -Delementa.kernels=bogus is not valid"), bogus[1]);
    }

    /** The C2 decision from HotSpot's option values, every branch. */
    @Test
    void c2DecisionFromVmOptions() {
        assertTrue(KernelProvider.c2Enabled("true", "true", "4", "mixed mode, sharing"));
        assertTrue(!KernelProvider.c2Enabled("true", "true", "1", "mixed mode"), "C1 only");
        assertTrue(!KernelProvider.c2Enabled("true", "true", "0", "mixed mode"), "interpreter only");
        assertTrue(!KernelProvider.c2Enabled("false", "true", "4", "mixed mode"), "-XX:-UseCompiler");
        assertTrue(!KernelProvider.c2Enabled("false", "true", "4", "interpreted mode"), "-Xint");
        assertTrue(KernelProvider.c2Enabled("true", "false", "1", "mixed mode"), "non-tiered: C2 alone");
    }

    /** A JVM whose C2 is off through JAVA_TOOL_OPTIONS (not on the command line) still falls back to scalar. */
    @Test
    void c2OffThroughTheEnvironmentIsSeen() throws Exception {
        java.util.List<String> cmd = java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                PrintChoice.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("scalar | scalar fallback: the C2 JIT compiler is off"), out);
    }
}
