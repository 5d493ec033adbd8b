package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.Durations;
import io.ringtrader.engine.config.LoadedConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ringtrader run}: starts the engine from a config file (or the embedded demo config) and runs
 * until Ctrl-C / SIGTERM or {@code --duration}, then stops cleanly: drains the rings, joins the threads,
 * prints the per-stage latency summary and writes {@code .hgrm} files.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Starts the engine and runs until Ctrl-C / SIGTERM (or --duration), then shuts down cleanly",
        "and prints a per-stage latency summary. Without --config it runs the embedded demo config."})
final class RunCommand implements Callable<Integer> {
    /** The embedded default: config/demo.yaml, packaged into the jar at build time. */
    static final String EMBEDDED_CONFIG = "demo.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: embedded demo config).")
    private Path configFile;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Stop by itself after this long, e.g. 30s or 5m (default: run until stopped).")
    private Duration duration;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final LoadedConfig loaded = configFile != null ? ConfigLoader.load(configFile) : loadEmbedded();
        final RingTraderConfig config = loaded.config();
        final Engine engine;
        try {
            engine = Engine.create(config, new SystemEpochNanoClock());
        } catch (final IllegalArgumentException e) {
            spec.commandLine().getErr().println(source() + ": " + e.getMessage());
            return RingTraderCli.EXIT_USAGE;
        }

        final CountDownLatch stopRequested = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger exitCode = new AtomicInteger(RingTraderCli.EXIT_FAILURE);
        final Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                // Keep the JVM alive until the main thread has drained, reported and flushed ...
                if (stopped.await(config.pipeline().shutdownTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                    // ... then exit with the run's own status rather than the signal's (143 for SIGTERM).
                    out.flush();
                    spec.commandLine().getErr().flush();
                    LogManager.shutdown();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rt-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            engine.start();
            LOG.info("running {} with {} instruments on threads {}; stop with Ctrl-C or SIGTERM",
                source(), engine.instruments().count(), engine.pipeline().threadNames());
            final long reportMs = config.telemetry().reportInterval().toMillis();
            final long deadlineNs = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (true) {
                final long waitMs = Math.min(reportMs, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime())));
                if (stopRequested.await(waitMs, TimeUnit.MILLISECONDS) || System.nanoTime() >= deadlineNs) {
                    break;
                }
                LOG.info("status: {}", engine.status());
            }
            LOG.info("stopping: draining the rings");
            final Pipeline.StopReport report = engine.stop();
            out.println("per-stage latency (stage done - event receive time), whole session:");
            out.print(engine.pipeline().latency().formatTotals());
            final List<Path> files = engine.writeLatencyFiles();
            out.println("latency histograms: " + files.size() + " .hgrm files in " + config.telemetry().outputDir());
            out.println("events: " + engine.pipeline().inboundPublished() + ", order commands: "
                + engine.pipeline().outboundPublished() + ", errors: " + engine.errors().totalCount());
            engine.errors().logSummary();
            out.flush();
            if (!report.clean()) {
                spec.commandLine().getErr().println("ringtrader: shutdown was not clean: " + report);
                return RingTraderCli.EXIT_FAILURE;
            }
            exitCode.set(RingTraderCli.EXIT_OK);
            return RingTraderCli.EXIT_OK;
        } finally {
            stopped.countDown();
            if (stopRequested.getCount() > 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (final IllegalStateException alreadyShuttingDown) {
                    // The hook is running; it returns as soon as 'stopped' is counted down.
                }
            }
        }
    }

    private String source() {
        return configFile != null ? configFile.toString() : "embedded " + EMBEDDED_CONFIG;
    }

    private static LoadedConfig loadEmbedded() throws IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream(EMBEDDED_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("embedded config " + EMBEDDED_CONFIG + " missing from the jar");
            }
            final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ConfigLoader.parse(text, "embedded:" + EMBEDDED_CONFIG, System::getenv);
        }
    }

    /** Parses {@code --duration} with the config file's duration syntax. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(final String value) {
            try {
                return Durations.parseStrict(value);
            } catch (final IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
