package io.ringtrader.app;

import io.ringtrader.engine.runtime.EngineMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ringtrader record}: connects the configured venues and journals market data only. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
        "Journals market data only: the configured venues' events (and timer ticks) go to the journal;",
        "no strategy runs and no order is sent. Stops on Ctrl-C / SIGTERM (or --duration)."})
final class RecordCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "YAML config file.")
    private Path configFile;

    @Option(names = "--duration", paramLabel = "DURATION", converter = SessionRunner.DurationConverter.class,
        description = "Stop by itself after this long, e.g. 30s or 5m (default: run until stopped).")
    private Duration duration;

    @Override
    public Integer call() throws Exception {
        return SessionRunner.run(spec, configFile, duration, EngineMode.RECORD);
    }
}
