package org.elementa.fem.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every branch of the backend choice, with fake providers (no GPU needed). */
class DenseBackendsTest {

    /** A provider with the given name and availability; any other call fails. */
    private static DenseBackend fake(String name, boolean available) {
        return (DenseBackend) Proxy.newProxyInstance(DenseBackend.class.getClassLoader(),
                new Class<?>[] {DenseBackend.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "name" -> name;
                    case "isAvailable" -> available;
                    case "toString" -> "fake " + name;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static DenseBackends.Candidate ok(DenseBackend b) {
        return new DenseBackends.Candidate(b, null);
    }

    @Test
    void cpuIsCaseInsensitive() {
        for (String v : new String[] {"cpu", "CPU", " Cpu "}) {
            DenseBackends.Choice c = DenseBackends.choose(v, List::of);
            assertEquals("cpu", c.backend().name(), v);
            assertTrue(c.reason().contains("forced"), c.reason());
        }
    }

    @Test
    void unknownValueIsOneClearLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseBackends.choose("gpu", List::of));
        String msg = e.getMessage();
        assertTrue(msg.contains("-D" + DenseBackends.PROPERTY + "=gpu"), msg);
        assertTrue(msg.contains("cpu"), msg);
        assertFalse(msg.contains("\n"), msg);
    }

    @Test
    void defaultIsCpuWithoutProviders() {
        DenseBackends.Choice c = DenseBackends.choose(null, List::of);
        assertEquals("cpu", c.backend().name());
        assertEquals("no GPU provider installed", c.reason());
    }

    @Test
    void availableProviderWinsAndUnavailableIsSkipped() {
        DenseBackend gpu = fake("cublas", true);
        DenseBackends.Choice c = DenseBackends.choose(null, () -> List.of(ok(fake("jcuda", false)), ok(gpu)));
        assertSame(gpu, c.backend());
        DenseBackends.Choice none = DenseBackends.choose(null, () -> List.of(ok(fake("jcuda", false))));
        assertEquals("cpu", none.backend().name());
        assertTrue(none.reason().contains("jcuda unavailable"), none.reason());
    }

    @Test
    void forcedProviderByNameCaseInsensitive() {
        DenseBackend gpu = fake("cublas", true);
        assertSame(gpu, DenseBackends.choose("CUBLAS", () -> List.of(ok(fake("jcuda", true)), ok(gpu))).backend());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseBackends.choose("cublas", () -> List.of(ok(fake("cublas", false)))));
        assertTrue(e.getMessage().contains("cublas unavailable"), e.getMessage());
    }

    /** A provider that fails to load, or throws from name()/isAvailable(), is skipped with its reason. */
    @Test
    void brokenProvidersAreSkipped() {
        DenseBackend throwing = (DenseBackend) Proxy.newProxyInstance(DenseBackend.class.getClassLoader(),
                new Class<?>[] {DenseBackend.class}, (proxy, m, args) -> {
                    throw new NoClassDefFoundError("jcuda/Pointer");
                });
        DenseBackends.Choice c = DenseBackends.choose(null, () -> List.of(
                new DenseBackends.Candidate(null, "x.Gpu failed to load: boom"), ok(throwing)));
        assertEquals("cpu", c.backend().name());
        assertTrue(c.reason().contains("boom"), c.reason());
        assertTrue(c.reason().contains("jcuda/Pointer"), c.reason());
    }

    @Test
    void thisJvmHasAChoice() {
        assertTrue(DenseBackends.choice().backend().isAvailable());
    }
}
