package org.elementa.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elementa.fem.kernel.KernelProvider;
import org.junit.jupiter.api.Test;

/** The module sees the engine's kernels, and its test JVM gets the Vector API flags. */
class ModuleWiringTest {

    @Test
    void kernelsReachableAndVectorModuleReadable() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire argLine must add jdk.incubator.vector");
        double[] x = {1, 2, 3};
        assertEquals(14.0, KernelProvider.get().dot(3, x, 0, x, 0));
    }
}
