package org.elementa.validation.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code elementa} command line. Each capability is a subcommand; every subcommand that takes
 * {@code --json} prints the JSON object alone on standard output, and everything else (progress,
 * logs) on standard error.
 */
@Command(name = "elementa",
        mixinStandardHelpOptions = true,
        versionProvider = ElementaCli.Version.class,
        description = "High-order finite element, spectral and kinetic solvers.",
        subcommands = {InfoCommand.class, TrainCommand.class, RadialCommand.class, FftCommand.class, AtomCommand.class,
            CommandLine.HelpCommand.class})
public final class ElementaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        String names = String.join(", ", spec.subcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: one of " + names);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns its exit status (for tests): 0 on success, 1 when the work
     * failed (one line on standard error says why), 2 for a usage error. The environment variable
     * {@code ELEMENTA_DEBUG=1} adds the stack trace.
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new ElementaCli());
        cl.setParameterExceptionHandler(ElementaCli::shortUsageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, cmd.getCommandSpec().qualifiedName()));
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            // Errors (ExceptionInInitializerError, OutOfMemoryError) bypass picocli's handler.
            return failure(t, "elementa");
        }
    }

    private static int failure(Throwable ex, String where) {
        Throwable cause = ex instanceof ExceptionInInitializerError && ex.getCause() != null ? ex.getCause() : ex;
        System.err.println(where + ": " + oneLine(cause));
        if ("1".equals(System.getenv("ELEMENTA_DEBUG"))) {
            ex.printStackTrace();
        }
        return 1;
    }

    /** A wrong argument gets one line saying what is wrong and where to look, and exit code 2. */
    private static int shortUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String path = cmd.getCommandSpec().qualifiedName();
        String hint = "see '" + path + " --help'";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = "did you mean " + String.join(" or ", u.getSuggestions()) + "? " + hint;
        }
        cmd.getErr().println(path + ": " + oneLine(ex) + " (" + hint + ")");
        return 2;
    }

    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        return (m == null ? ex.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ElementaCli.class.getPackage().getImplementationVersion();
            return new String[] {"elementa " + (v == null ? "development build" : v)};
        }
    }
}
