package org.reluscope.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.reluscope.BadInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code reluscope} command. Each sub-command is a short class that parses its options,
 * calls the library and prints; this class only wires them and maps failures to exit codes:
 * 0 done, 2 bad input or usage (one line, no stack trace), 1 an internal error.
 */
@Command(name = "reluscope", mixinStandardHelpOptions = true, version = "reluscope 0.1.0",
        description = "Exact verification and analysis of ReLU neural networks.",
        subcommands = {
                CommandLine.HelpCommand.class,
                InfoCommand.class,
                EvalCommand.class,
                NeighborhoodCommand.class,
                CompareCommand.class,
                PlotCommand.class,
                RandomNetworkCommand.class,
                VarietyCommand.class,
                CanonicalCommand.class,
                EquivCommand.class,
                SimplifyCommand.class,
                BoundsCommand.class,
                ConstraintsCommand.class,
                BatchCommand.class,
                VerifyCommand.class,
                RegionsCommand.class})
public final class Main implements Runnable {
    /** Exit code for a malformed file, an unsupported network or a bad option. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure inside reluscope. */
    public static final int EXIT_INTERNAL = 1;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and the launcher). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new Main(), args, out, err);
    }

    /**
     * Runs {@code command} (a picocli command object) with the exit codes of this class: the
     * entry point of programs outside this module, such as the Spark job's.
     */
    public static int execute(Object command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception e, PrintWriter err) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof BadInputException bad) {
            err.println("error: " + bad.describe());
            return EXIT_BAD_INPUT;
        }
        if (t instanceof NoSuchFileException missing) {
            err.println("error: " + missing.getFile() + ": no such file");
            return EXIT_BAD_INPUT;
        }
        if (t instanceof AccessDeniedException denied) {
            err.println("error: " + denied.getFile() + ": permission denied");
            return EXIT_BAD_INPUT;
        }
        err.println("error: internal: " + t);
        if (System.getenv("RELUSCOPE_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("(set RELUSCOPE_DEBUG=1 for the stack trace, and please report it)");
        }
        return EXIT_INTERNAL;
    }
}
