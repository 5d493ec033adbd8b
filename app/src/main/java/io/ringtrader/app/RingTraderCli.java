package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigException;
import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ringtrader} command. Exit codes: 0 ok, 2 bad usage or configuration, 1 runtime failure.
 */
@Command(
    name = "ringtrader",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Low-latency, event-driven trading engine for crypto perpetual futures.",
    subcommands = {RunCommand.class, RecordCommand.class, ReplayCommand.class, JournalCommand.class, ImportCommand.class,
        ConfigCommand.class,
        CommandLine.HelpCommand.class})
public final class RingTraderCli implements Runnable {
    /** Exit code for success. */
    public static final int EXIT_OK = 0;
    /** Exit code for a runtime failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for bad usage or a bad configuration. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args) {
        final int exitCode = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        LogManager.shutdown();
        System.exit(exitCode);
    }

    /** Runs the command line without exiting the JVM (tests call this). */
    public static int execute(final PrintWriter out, final PrintWriter err, final String... args) {
        final CommandLine commandLine = new CommandLine(new RingTraderCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            if (error instanceof ConfigException) {
                cmd.getErr().println(error.getMessage());
                return EXIT_USAGE;
            }
            if (error instanceof java.io.UncheckedIOException io && io.getCause() != null) {
                // A file that cannot be read or written: the message says which and why; no stack trace.
                cmd.getErr().println("ringtrader: " + io.getCause().getMessage());
                return EXIT_FAILURE;
            }
            cmd.getErr().println("ringtrader: " + error);
            error.printStackTrace(cmd.getErr());
            return EXIT_FAILURE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, config or help");
    }
}
