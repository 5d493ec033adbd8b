package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.LoadedConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.pipeline.JournalProgress;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.risk.TradingState;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.runtime.SessionTag;
import io.ringtrader.engine.runtime.jmx.EngineJmx;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one engine session for {@code run} and {@code record}: loads the config (or the embedded demo),
 * journals into a fresh session directory, runs until Ctrl-C / SIGTERM or the duration, then stops
 * cleanly (drain, join), prints the per-stage latency summary and writes {@code .hgrm} files. While the
 * engine runs, its JMX beans ({@link EngineJmx}) are registered on the platform MBean server.
 */
final class SessionRunner {
    /** The embedded default: config/demo.yaml, packaged into the jar at build time. */
    static final String EMBEDDED_CONFIG = "demo.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    private SessionRunner() {
    }

    static int run(
        final CommandLine.Model.CommandSpec spec, final Path configFile, final Duration duration, final EngineMode mode)
        throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final String source = configFile != null ? configFile.toString() : "embedded " + EMBEDDED_CONFIG;
        final LoadedConfig loaded = configFile != null ? ConfigLoader.load(configFile) : loadEmbedded();
        final RingTraderConfig loadedConfig = loaded.config();
        if (mode == EngineMode.RECORD && !loadedConfig.journal().enabled()) {
            err.println(source + ": journal.enabled: record needs the journal on");
            return RingTraderCli.EXIT_USAGE;
        }
        final SimulatedVenue simulated = loadedConfig.simulator().enabled() ? SimulatedVenue.start(loadedConfig) : null;
        try {
            // The hash of the config as loaded: the simulator's ephemeral ports in the config it runs do not change it.
            return run(spec, simulated != null ? simulated.config() : loadedConfig, loaded.canonicalHash(), source, duration,
                mode);
        } finally {
            if (simulated != null) {
                simulated.close();
            }
        }
    }

    private static int run(final CommandLine.Model.CommandSpec spec, final RingTraderConfig config, final String configHash,
        final String source, final Duration duration, final EngineMode mode) throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Instant start = Instant.now();
        // One tag per session: the journal's header records it and the gateways name the session's venue orders with it.
        final SessionTag sessionTag = SessionTag.create(start.toEpochMilli(), new SecureRandom());
        final SessionJournal journal = config.journal().enabled()
            ? SessionJournal.create(config.journal(), start, "ringtrader " + mode.name().toLowerCase(java.util.Locale.ROOT),
                VersionProvider.engineVersion(), sessionTag, configHash)
            : null;
        final Path telemetry = config.telemetry().outputDir().resolve(SessionJournal.sessionName(start));
        final SystemEpochNanoClock clock = new SystemEpochNanoClock();
        final Gateways gateways = new Gateways(config, clock, mode,
            () -> journal != null && config.journal().recordRaw() ? journal.rawWriter() : null, sessionTag);
        final Engine engine;
        try {
            engine = Engine.create(config, clock,
                (journal != null ? journal.extension() : EngineExtension.NONE).andThen(gateways), mode);
        } catch (final IllegalArgumentException e) {
            err.println(source + ": " + e.getMessage());
            return RingTraderCli.EXIT_USAGE;
        } catch (final java.io.UncheckedIOException e) {
            err.println("ringtrader: " + e.getMessage() + " (" + e.getCause() + ")");
            return RingTraderCli.EXIT_FAILURE;
        }

        final CountDownLatch stopRequested = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger exitCode = new AtomicInteger(RingTraderCli.EXIT_FAILURE);
        final Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                // Keep the JVM alive until the main thread has drained, reported and flushed ...
                if (stopped.await(config.pipeline().shutdownTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                    // ... then exit with the session's own status rather than the signal's (143 for SIGTERM).
                    out.flush();
                    err.flush();
                    LogManager.shutdown();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rt-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        EngineJmx jmx = null;
        try {
            try {
                engine.start();
            } catch (final IllegalStateException e) {
                err.println("ringtrader: could not start: " + e.getMessage());
                return RingTraderCli.EXIT_FAILURE;
            }
            jmx = registerJmx(engine);
            engine.telemetryDirectory(telemetry);
            final List<Path> intervalLogs = engine.startIntervalLogs();
            LOG.info("interval latency logs: {} .hlog files in {}", intervalLogs.size(), telemetry);
            LOG.info("{} {} with {} instruments on threads {}; journal {}; session tag {}, config {}; stop with Ctrl-C or"
                    + " SIGTERM", mode == EngineMode.RECORD ? "recording" : "running", source, engine.instruments().count(),
                engine.pipeline().threadNames(), journal != null ? journal.directory() : "off", sessionTag, configHash);
            final long reportMs = config.telemetry().reportInterval().toMillis();
            final long deadlineNs = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (true) {
                final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
                if (leftMs <= 0 || stopRequested.await(Math.min(reportMs, leftMs), TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (System.nanoTime() < deadlineNs) {
                    LOG.info("status: {}", engine.status());
                }
            }
            LOG.info("stopping: draining the rings");
            final Pipeline.StopReport report;
            try {
                report = engine.stop();
            } finally {
                if (jmx != null) {
                    jmx.close();
                }
            }
            out.println("per-stage latency (stage done - event receive time), whole session:");
            out.print(engine.pipeline().latency().formatTotals());
            final List<Path> files = engine.writeLatencyFiles();
            out.println("latency histograms: " + files.size() + " .hgrm files in " + telemetry);
            if (journal != null) {
                out.println("journal: " + journal.directory() + " (session tag " + sessionTag + ")");
            }
            out.println("events: " + engine.pipeline().inboundPublished() + ", order commands: "
                + engine.pipeline().outboundPublished() + ", errors: " + engine.errors().totalCount());
            final Engine.BusinessStages stages = engine.businessStages();
            if (stages != null && stages.risk().tradingStates().state() != TradingState.ACTIVE) {
                out.println("trading state at stop: " + stages.risk().tradingStates().state() + " ("
                    + stages.risk().tradingStates().reason() + ")");
            }
            // each venue's stop summary: how its orders are named there, execution.onStop over REST now that the rings
            // drained, then what is still open on it
            gateways.atStop().forEach(out::println);
            engine.errors().logSummary();
            out.flush();
            final JournalProgress progress = engine.journalProgress();
            if (progress != null && progress.failed()) {
                final JournalProgress.Failure failure = progress.failure();
                err.println("ringtrader: the journal failed: " + failure.message());
                err.println("ringtrader: not journaled after it: " + progress.unjournaledEvents() + " inbound events, "
                    + progress.unjournaledCommands() + " order commands; not sent for that reason: "
                    + progress.commandsNotSent() + (engine.pipeline().ordersGated() ? "" : " (journal.gateOrders is off:"
                    + " commands were sent unjournaled)") + "; the journal replays up to inbound sequence "
                    + progress.inboundWritten());
                return RingTraderCli.EXIT_FAILURE;
            }
            if (!report.clean()) {
                err.println("ringtrader: shutdown was not clean: " + report);
                return RingTraderCli.EXIT_FAILURE;
            }
            exitCode.set(RingTraderCli.EXIT_OK);
            return RingTraderCli.EXIT_OK;
        } finally {
            if (jmx != null) {
                jmx.close();
            }
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

    /** Registers the engine's JMX beans; a server that refuses them costs the session its beans, not its run. */
    private static EngineJmx registerJmx(final Engine engine) {
        try {
            final EngineJmx jmx = EngineJmx.register(engine);
            LOG.info("JMX beans: {}", jmx.objectNames());
            return jmx;
        } catch (final IllegalStateException e) {
            LOG.warn("running without JMX beans: {}", e.getMessage());
            return null;
        }
    }

    private static LoadedConfig loadEmbedded() throws IOException {
        try (InputStream in = SessionRunner.class.getResourceAsStream(EMBEDDED_CONFIG)) {
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
                return io.ringtrader.engine.config.Durations.parseStrict(value);
            } catch (final IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
