package org.elementa.validation.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden {@code elementa train}: the representative workload the launcher runs once per build to
 * record the JVM's AOT cache (JEP 483/515), so that later runs start with the classes already
 * loaded and linked and with method profiles at hand.
 */
@Command(name = "train", hidden = true, description = "Run the AOT-cache training workload (used by the launcher).")
final class TrainCommand implements Callable<Integer> {

    /** The command lines that stand for what users run. */
    static final List<String[]> WORKLOAD = List.of(
            new String[] {"info", "--json"},
            new String[] {"info"},
            new String[] {"radial", "--potential", "coulomb", "--Z", "92", "--states", "28", "--json"},
            new String[] {"radial", "--potential", "harmonic", "--states", "6"},
            new String[] {"fft", "--shape", "32x32x32"},
            new String[] {"fft", "--shape", "97", "--real", "--json"},
            new String[] {"atom", "Ne"},
            new String[] {"atom", "U", "--tolerance", "1e-8", "--json"});

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try (PrintStream sink = new PrintStream(OutputStream.nullOutputStream())) {
            System.setOut(sink);
            for (String[] args : WORKLOAD) {
                int status = ElementaCli.execute(args);
                if (status != 0) {
                    return status;
                }
            }
        } finally {
            System.setOut(out);
        }
        return 0;
    }
}
