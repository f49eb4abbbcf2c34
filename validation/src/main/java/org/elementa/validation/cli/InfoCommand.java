package org.elementa.validation.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.elementa.fem.backend.DenseBackends;
import org.elementa.fem.kernel.KernelProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elementa info}: the runtime, the kernels and the dense backend this JVM uses. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the Java version, the active kernels and the dense backend.")
final class InfoCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON object on standard output.")
    boolean json;

    @Override
    public Integer call() {
        KernelProvider.Choice k = KernelProvider.choice();
        DenseBackends.Choice b = DenseBackends.choice();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("java", Runtime.version().toString());
        info.put("kernels", k.kernels().name());
        info.put("vectorBits", k.kernels().vectorBitSize());
        info.put("kernelsReason", k.reason());
        info.put("backend", b.backend().name());
        info.put("backendReason", b.reason());
        if (json) {
            System.out.println(Json.write(info));
        } else {
            System.out.printf("Java     %s (%s)%n", info.get("java"), System.getProperty("java.vm.name"));
            String kern = k.kernels().vectorBitSize() > 0
                    ? "vector, " + k.kernels().vectorBitSize() + "-bit species (" + (k.kernels().vectorBitSize() / 64) + " doubles per register)"
                    : "scalar";
            System.out.printf("Kernels  %s: %s%n", kern, k.reason());
            System.out.printf("Backend  %s: %s%n", b.backend().name(), b.reason());
        }
        return 0;
    }
}
