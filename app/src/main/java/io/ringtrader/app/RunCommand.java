package io.ringtrader.app;

import io.ringtrader.engine.runtime.EngineMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ringtrader run}: the whole engine, until Ctrl-C / SIGTERM or {@code --duration}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Starts the engine and runs until Ctrl-C / SIGTERM (or --duration), then shuts down cleanly",
        "and prints a per-stage latency summary. Without --config it runs the embedded demo config."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: embedded demo config).")
    private Path configFile;

    @Option(names = "--duration", paramLabel = "DURATION", converter = SessionRunner.DurationConverter.class,
        description = "Stop by itself after this long, e.g. 30s or 5m (default: run until stopped).")
    private Duration duration;

    @Override
    public Integer call() throws Exception {
        return SessionRunner.run(spec, configFile, duration, EngineMode.TRADE);
    }
}
