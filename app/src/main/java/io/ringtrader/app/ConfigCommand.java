package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.LoadedConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ringtrader config ...}: configuration tools. */
@Command(
    name = "config",
    description = "Configuration tools.",
    mixinStandardHelpOptions = true,
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check");
    }

    /** Validates a config file and prints the effective configuration, secrets masked. */
    @Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validates FILE strictly and prints the effective configuration (defaults applied, secrets masked).",
            "Exit code 0 when valid, 2 with one line per problem (file:line:column: path: problem) when not."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The YAML config file.")
        private Path file;

        @Override
        public Integer call() {
            final LoadedConfig loaded = ConfigLoader.load(file);
            spec.commandLine().getOut().print(loaded.effectiveYaml());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("config OK: " + file);
            return RingTraderCli.EXIT_OK;
        }
    }
}
