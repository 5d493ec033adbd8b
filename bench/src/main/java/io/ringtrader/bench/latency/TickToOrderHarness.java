package io.ringtrader.bench.latency;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import io.ringtrader.engine.routing.IntentRouter;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.strategy.StrategyContext;
import io.ringtrader.engine.strategy.StrategyHandler;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.binance.BinanceGateway;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.OutboundJournalWriter;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import io.ringtrader.sim.binance.WsRoute;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * End-to-end tick-to-order latency, without coordinated omission: exchange-sim on loopback offers depth diffs at a
 * fixed rate, each with an intended send time on a fixed schedule; the engine runs the Binance gateway (WebSocket
 * + REST to the sim) → book → features → {@link LatencyProbeStrategy} → risk → router; latency ends when the
 * order command reaches the venue stage ({@link OrderLatencyProbe}, on receipt from the outbound ring), and is
 * {@code nanoTime() - intendedSendTime(frame that caused it)}. One fresh sim and engine per offered rate; the
 * warm-up's frames are not measured; one {@code .hgrm} per rate.
 *
 * <p>Usage: {@code TickToOrderHarness [--rates 1000,10000,100000] [--warmup 3s] [--duration 10s] [--every 1]
 * [--wait blocking|yielding|sleeping|busy-spin] [--out target/tick-to-order] [--ring 16384] [--journal off|ungated|gated]}. With a journal, the engine
 * journals into {@code <out>/journal-<mode>-<rate>/} (deleted after the run) and, {@code gated}, sends only journaled
 * orders: the measured path then includes the outbound journal's append and its wait for the inbound journal.
 *
 * <p>{@link #run} is called on one thread and starts (and stops) the sim, the engine's threads and the driver.
 */
public final class TickToOrderHarness {
    private static final String SYMBOL = "BTCUSDT";
    private static final String DEPTH_STREAM = "btcusdt@depth@100ms";
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DRAIN_QUIET = Duration.ofSeconds(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final int CAUSE_SLOTS = 1 << 17;
    private static final int OUTBOUND_RING = 1 << 14;

    private final Settings settings;
    private final PrintStream out;

    /**
     * @param settings what to run.
     * @param out      where the per-rate report lines go.
     */
    public TickToOrderHarness(final Settings settings, final PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the harness with command-line settings and prints the report to standard output. */
    public static void main(final String[] args) throws Exception {
        final Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (final IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println("usage: TickToOrderHarness [--rates 1000,10000,100000] [--warmup 3s] [--duration 10s]"
                + " [--every 1] [--wait blocking|yielding|sleeping|busy-spin] [--out DIR] [--ring 16384]"
                + " [--journal off|ungated|gated]");
            System.exit(2);
            return;
        }
        new TickToOrderHarness(settings, System.out).run();
    }

    /**
     * Runs every offered rate in turn, printing one line each and writing {@code tick-to-order-<rate>.hgrm}.
     *
     * @return the results, in the order of {@link Settings#rates()}.
     */
    public List<RateResult> run() throws IOException, InterruptedException {
        Files.createDirectories(settings.outputDir());
        out.printf(Locale.ROOT, "tick-to-order: wait strategy %s on every ring thread, inbound ring %d, %d cores,"
                + " JDK %s, every %d delta(s) -> one order; warm-up %s, measured %s; journal %s%n",
            settings.waitStrategy().configName(), settings.inboundRing(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), settings.everyNth(), settings.warmup(), settings.duration(),
            settings.journal().configName());
        final List<RateResult> results = new ArrayList<>();
        for (final int rate : settings.rates()) {
            // the previous engine's rings (hundreds of MB of slots) are garbage now: collect them before measuring,
            // not in the middle of the next rate's window
            System.gc();
            final RateResult result = runRate(rate);
            results.add(result);
            out.println(result.line());
        }
        return results;
    }

    private RateResult runRate(final int rate) throws IOException, InterruptedException {
        final long periodNs = Math.max(1, 1_000_000_000L / rate);
        final long warmupFrames = settings.warmup().toNanos() / periodNs;
        final long measuredFrames = Math.max(1, settings.duration().toNanos() / periodNs);
        final long totalFrames = warmupFrames + measuredFrames;
        final IntendedSendTimes sendTimes = new IntendedSendTimes((int)Math.min(1L << 26, totalFrames + 1));
        final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NS, 3);
        // every diff its own frame, sent at once: the venue's 100 ms aggregation would add its period to each latency
        try (BinanceSim sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).aggregateDepth(false)
            .build()).start()) {
            final Path journalDir = settings.outputDir().resolve("journal-" + settings.journal().configName() + "-" + rate);
            final RingTraderConfig config = ConfigLoader.parse(yaml(sim, journalDir), "tick-to-order.yaml", name -> null).config();
            final Probe probe = new Probe(config, sendTimes, histogram, settings.everyNth(),
                settings.journal() == Settings.JournalMode.OFF ? null : journalDir);
            final Engine engine = Engine.create(config, new SystemEpochNanoClock(), probe, EngineMode.TRADE);
            final long startedNs;
            final FixedRateDepthDriver driver;
            engine.start();
            try {
                awaitSubscribed(sim);
                // move the engine's freshly allocated ring slots out of the young generation now: evacuating them
                // in the window costs young pauses of hundreds of ms on this VM
                System.gc();
                startedNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
                probe.recorder.window(startedNs + warmupFrames * periodNs, startedNs + totalFrames * periodNs);
                driver = new FixedRateDepthDriver(sim.market(), SYMBOL, sendTimes, startedNs, periodNs, totalFrames,
                    warmupFrames);
                final Thread thread = new Thread(driver, "tick-to-order-driver");
                thread.start();
                try {
                    // a driver that cannot keep up gets three times the schedule, then is stopped (frames sent says so)
                    thread.join(3 * TimeUnit.NANOSECONDS.toMillis(totalFrames * periodNs) + DRAIN_TIMEOUT.toMillis());
                } finally {
                    driver.stop();
                    thread.join();
                }
                awaitDrained(engine.pipeline(), probe.recorder, sendTimes);
            } finally {
                final Pipeline.StopReport report = engine.stop();
                if (!report.clean()) {
                    out.println("engine did not stop cleanly: " + report);
                }
            }
            final OrderLatencyProbe recorder = probe.recorder;
            final long sentMeasured = Math.max(0, driver.sent() - warmupFrames);
            final double achieved = sentMeasured / Math.max(1e-9, (driver.lastSentNs() - driver.firstMeasuredSentNs()) / 1e9);
            final Path hgrm = settings.outputDir().resolve("tick-to-order-" + rate + ".hgrm");
            try (PrintStream file = new PrintStream(Files.newOutputStream(hgrm), false, StandardCharsets.UTF_8)) {
                histogram.outputPercentileDistribution(file, 1_000.0);
            }
            deleteRecursively(journalDir);
            for (final DistinctErrorHandler.DistinctError error : engine.errors().distinctErrors()) {
                out.printf(Locale.ROOT, "  engine error x%d: %s %s%n", error.count(), error.kind(), error.description());
            }
            return new RateResult(rate, measuredFrames, sentMeasured, achieved, histogram.getTotalCount(),
                recorder.commands(), recorder.rejected(), recorder.unmatched(), driver.maxLagNs(),
                engine.errors().totalCount(), histogram, hgrm);
        }
    }

    private static void deleteRecursively(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : (Iterable<Path>)paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private String yaml(final BinanceSim sim, final Path journalDir) {
        final String wait = settings.waitStrategy().configName();
        return String.join("\n",
            "instruments:",
            "  - {symbol: " + SYMBOL + ", venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "venues:",
            "  binance:",
            "    enabled: true",
            "    restUrl: " + sim.restBaseUrl(),
            "    wsUrl: " + sim.wsBaseUrl(),
            "    streams: {depth: 100ms, bookTicker: false, trades: false, klines: [], markPrice: false,"
                + " openInterestInterval: 0s}",
            "pipeline:",
            "  inboundRingSize: " + settings.inboundRing(),
            "  outboundRingSize: " + OUTBOUND_RING,
            "  threads:",
            "    - {name: rt-journal, stages: [journal], waitStrategy: " + wait + "}",
            "    - {name: rt-logic, stages: [book, features, model, strategy, risk, router], waitStrategy: " + wait + "}",
            "    - {name: rt-venue, stages: [venue], waitStrategy: " + wait + "}",
            "    - {name: rt-out-journal, stages: [outbound-journal], waitStrategy: " + wait + "}",
            "execution: {mode: paper}",
            settings.journal() == Settings.JournalMode.OFF ? "journal: {enabled: false}"
                : "journal: {enabled: true, dir: " + journalDir + ", gateOrders: " + (settings.journal() == Settings.JournalMode.GATED)
                + ", diskSpace: {reduceBelow: 0B, haltBelow: 0B}}",
            "telemetry: {outputDir: " + settings.outputDir() + "}",
            "");
    }

    /** Waits until the gateway's depth stream is subscribed on the sim: frames before that reach no one. */
    private static void awaitSubscribed(final BinanceSim sim) throws InterruptedException {
        final long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (!sim.hub().hasSubscribers(WsRoute.PUBLIC, DEPTH_STREAM)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not subscribe " + DEPTH_STREAM + " within " + CONNECT_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits until the order of the last frame offered reached the venue stage, or no order command arrived for
     * {@link #DRAIN_QUIET}, or {@link #DRAIN_TIMEOUT} passed.
     */
    private static void awaitDrained(final Pipeline pipeline, final OrderLatencyProbe recorder,
        final IntendedSendTimes sendTimes) throws InterruptedException {
        final long lastKey = sendTimes.lastKey();
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        long last = pipeline.outboundPublished();
        long lastProgressNs = System.nanoTime();
        while (recorder.lastCauseKey() < lastKey) {
            final long nowNs = System.nanoTime();
            if (nowNs > deadline || nowNs - lastProgressNs > DRAIN_QUIET.toNanos()) {
                return;
            }
            Thread.sleep(10);
            final long now = pipeline.outboundPublished();
            if (now != last) {
                last = now;
                lastProgressNs = System.nanoTime();
            }
        }
    }

    /**
     * Connects the gateway (market data only), replaces the strategy and venue stages with the probes and puts the
     * live router back in place of the paper one (which would fill the orders and feed reports back).
     */
    private static final class Probe implements EngineExtension {
        private final RingTraderConfig config;
        private final IntendedSendTimes sendTimes;
        private final Histogram histogram;
        private final int everyNth;
        private final Path journalDir;
        private LatencyProbeStrategy strategy;
        private OrderLatencyProbe recorder;

        Probe(final RingTraderConfig config, final IntendedSendTimes sendTimes, final Histogram histogram,
            final int everyNth, final Path journalDir) {
            this.journalDir = journalDir;
            this.config = config;
            this.sendTimes = sendTimes;
            this.histogram = histogram;
            this.everyNth = everyNth;
        }

        @Override
        public void extend(final Pipeline.Builder builder, final InstrumentRegistry instruments,
            final DistinctErrorHandler errors) {
            final StrategyHandler strategies = new StrategyHandler(instruments);
            final StrategyContext context = strategies.context(0, "tick-to-order",
                instruments.byId(instruments.idOf(Venue.BINANCE_USDM, SYMBOL)));
            strategy = new LatencyProbeStrategy(context, everyNth, CAUSE_SLOTS);
            strategies.bind(context, strategy);
            if (journalDir != null) {
                final io.ringtrader.recorder.JournalConfig journal = io.ringtrader.recorder.JournalConfig.defaults(journalDir)
                    .withWriter("tick-to-order harness");
                builder.journal(new InboundJournalWriter(journal)).outboundJournal(new OutboundJournalWriter(journal));
            }
            builder.strategy(strategies)
                .router(commands -> new IntentRouter(instruments, commands, errors))
                .producer(new BinanceGateway(config.venues().venueConfig(Venue.BINANCE_USDM.configName()), instruments, config.pipeline().levelsPerSlot(),
                    new SystemEpochNanoClock(), errors, null, false))
                .venue(publisher -> {
                    recorder = new OrderLatencyProbe(strategy, sendTimes, histogram);
                    return recorder;
                });
        }

        @Override
        public Set<String> connectedVenues() {
            return Set.of(Venue.BINANCE_USDM.configName());
        }
    }
}
