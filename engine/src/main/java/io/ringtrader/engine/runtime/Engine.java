package io.ringtrader.engine.runtime;

import io.ringtrader.engine.book.BookHandler;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.config.InstrumentConfig;
import io.ringtrader.engine.config.PipelineConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.config.StrategyConfig;
import io.ringtrader.engine.config.VenueSettings;
import io.ringtrader.engine.config.TelemetryConfig;
import io.ringtrader.engine.config.ThreadConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.config.ExecutionMode;
import io.ringtrader.engine.execution.NoVenueHandler;
import io.ringtrader.engine.execution.PaperExchange;
import io.ringtrader.engine.execution.PaperTradingRouter;
import io.ringtrader.engine.pipeline.NoOpStages;
import io.ringtrader.engine.pipeline.OperatorPublisher;
import io.ringtrader.engine.features.FeatureHandler;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentNames;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.JournalProgress;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.TimerProducer;
import io.ringtrader.engine.risk.KillSwitch;
import io.ringtrader.engine.risk.PositionKeeper;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.risk.RiskLimits;
import io.ringtrader.engine.risk.StrategyPauses;
import io.ringtrader.engine.risk.TradingState;
import io.ringtrader.engine.routing.IntentRouter;
import io.ringtrader.engine.strategy.StrategyFactories;
import io.ringtrader.engine.strategy.StrategyHandler;
import io.ringtrader.engine.telemetry.LatencySummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine instance assembled from a configuration: instruments, books, the pipeline with its stages
 * and threads, and the timer. The CLI's {@code run} drives it; tests build it from YAML text.
 *
 * <p>Lifecycle on one owner thread: {@link #start()}, then {@link #stop()}. {@link #status()} may be
 * called from that thread while running. {@link #sessionStatus()}, {@link #uptimeNs()}, the counters and the
 * kill switch may be read from any thread, and operator commands published from any thread (the JMX beans of
 * {@code runtime.jmx} do).
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** Levels per side a book holds before its arrays first grow (tools that run the book use the same). */
    public static final int BOOK_INITIAL_LEVELS = 1_024;
    /** Depth limit per side of a book (Binance snapshots carry up to 1,000 levels per side). */
    public static final int BOOK_MAX_LEVELS = 20_000;

    private final RingTraderConfig config;
    private final InstrumentRegistry instruments;
    private final DistinctErrorHandler errors;
    private final EpochNanoClock clock;
    private final Pipeline pipeline;
    private final TimerProducer timer;
    private final EngineMode mode;
    private final BusinessStages stages;
    private final OperatorPublisher operator;
    private final JournalProgress journalProgress;
    private final JournalHealthAgent journalHealth;
    private long lastStatusNs;
    private long lastStatusEvents;
    /** Written before {@link #started} (volatile write publishes it). */
    private long startedNs;
    private volatile boolean started;
    private volatile long stoppedNs;
    private volatile boolean stopped;
    /** Where this engine's latency files go: {@code telemetry.outputDir}, or a session's folder under it. */
    private volatile Path telemetryDirectory;

    private Engine(final RingTraderConfig config, final EpochNanoClock clock, final EngineExtension extension, final EngineMode mode) {
        for (final VenueSettings venue : config.venues().enabled()) {
            if (!extension.connectedVenues().contains(venue.name())) {
                throw new IllegalArgumentException("venues." + venue.name() + ".enabled: no " + venue.name()
                    + " gateway in this engine; set enabled: false");
            }
        }
        this.config = config;
        this.clock = clock;
        this.errors = new DistinctErrorHandler();
        this.instruments = registry(config.instruments());
        final PipelineConfig pipelineConfig = config.pipeline();
        final TelemetryConfig telemetry = config.telemetry();
        this.timer = new TimerProducer(pipelineConfig.timerInterval().toNanos(), clock, errors);
        final Pipeline.Builder builder = Pipeline.builder()
            .inboundRingSize(pipelineConfig.inboundRingSize())
            .outboundRingSize(pipelineConfig.outboundRingSize())
            .levelsPerSlot(pipelineConfig.levelsPerSlot())
            .threads(threads(pipelineConfig.threads()))
            .drainTimeout(pipelineConfig.shutdownTimeout())
            .latencyHistogram(telemetry.highestTrackableLatency().toNanos(), telemetry.significantDigits())
            .clock(clock)
            .errorHandler(errors)
            .producer(timer);
        if (config.journal().enabled()) {
            this.journalProgress = new JournalProgress(errors);
            this.journalHealth = new JournalHealthAgent(journalProgress, config.journal().dir(), config.journal().diskSpace(),
                clock, errors);
            builder.journalProgress(journalProgress, config.journal().gateOrders()).producer(journalHealth);
        } else {
            this.journalProgress = null;
            this.journalHealth = null;
        }
        if (mode == EngineMode.TRADE) {
            this.stages = businessStages(builder, config, instruments, errors);
        } else {
            this.stages = null;
            builder.book(new BookHandler(new OrderBooks(instruments.count(), BOOK_INITIAL_LEVELS, BOOK_MAX_LEVELS), errors));
        }
        this.mode = mode;
        this.telemetryDirectory = config.telemetry().outputDir();
        extension.extend(builder, instruments, errors);
        this.pipeline = builder.build();
        this.operator = stages == null ? null : new OperatorPublisher(pipeline.inboundPublisher(), clock);
    }

    /**
     * Assembles an engine; nothing runs until {@link #start()}.
     *
     * @throws IllegalArgumentException when the configuration asks for something this build cannot do.
     */
    public static Engine create(final RingTraderConfig config, final EpochNanoClock clock) {
        return new Engine(config, clock, EngineExtension.NONE, EngineMode.TRADE);
    }

    /**
     * Assembles an engine with additions from modules the engine cannot depend on: the journal stages,
     * gateways as producers.
     */
    public static Engine create(
        final RingTraderConfig config, final EpochNanoClock clock, final EngineExtension extension, final EngineMode mode) {
        return new Engine(config, clock, extension, mode);
    }

    /**
     * Sets the business stages a deployment runs — book, features, strategies (from {@code strategies:},
     * found by type with {@link StrategyFactories#installed()}), risk (with {@code risk:} limits and a kill
     * switch), router and venue — on a builder. Live engines and replays share this, so a replay runs
     * exactly the live logic.
     *
     * @return the strategy and risk stages, for status and control.
     * @throws IllegalArgumentException when a strategy type has no factory.
     */
    public static BusinessStages businessStages(
        final Pipeline.Builder builder,
        final RingTraderConfig config,
        final InstrumentRegistry instruments,
        final DistinctErrorHandler errors) {
        final OrderBooks books = new OrderBooks(instruments.count(), BOOK_INITIAL_LEVELS, BOOK_MAX_LEVELS);
        final StrategyHandler strategies = StrategyHandler.fromConfig(instruments, config.strategies(), StrategyFactories.installed());
        final Set<Venue> orderVenues = orderVenues(config);
        final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments, RiskLimits.from(config.risk(), instruments),
            new KillSwitch(), new StrategyPauses(config.risk().maxConsecutiveVenueRejects(),
                config.strategies().stream().map(StrategyConfig::name).toList()), orderVenues);
        warnOfStrategiesOnVenuesWithoutOrders(config, instruments, orderVenues);
        builder.book(new BookHandler(books, errors, config.features().levels()))
            .features(new FeatureHandler(instruments, config.features().levels(), config.features().tradeWindow().toNanos()))
            .strategy(strategies)
            .risk(risk);
        final Set<Venue> paperVenues = paperVenues(config);
        if (!paperVenues.isEmpty()) {
            // The paper venue fills on this (the router's) thread, where it sees the market events in ring order, so a
            // replay fills identically; on the outbound ring a paper venue's commands need no stage (the fallback stage
            // lets them pass).
            final double maker = config.execution().makerFeeRate().doubleValue();
            final double taker = config.execution().takerFeeRate().doubleValue();
            builder.router((commands, events) -> new PaperTradingRouter(new IntentRouter(instruments, commands, errors),
                new PaperExchange(instruments, maker, taker), events, instruments, errors, paperVenues));
        } else {
            builder.router(publisher -> new IntentRouter(instruments, publisher, errors));
        }
        if (config.execution().anyLive()) {
            // Each enabled live venue's gateway adds its order entry (Pipeline.Builder#venue(Venue, ...)); a command of
            // any other venue reaches this one, which rejects it back to the strategy.
            builder.venue(publisher -> new NoVenueHandler(errors, publisher, paperVenues));
        } else {
            builder.venue(publisher -> new NoOpStages.Venue());
        }
        return new BusinessStages(strategies, risk);
    }

    /**
     * The venues that take orders in a session of {@code config}: live, the enabled ones (each has its gateway's order
     * entry); paper, every venue (the paper venue fills every instrument's orders from the events, with or without a
     * connection: a replay of an imported capture trades too). Decided from the config alone, so a replay decides as
     * the live session did.
     */
    public static Set<Venue> orderVenues(final RingTraderConfig config) {
        final Set<Venue> venues = paperVenues(config);
        for (final VenueSettings venue : config.venues().enabled()) {
            if (config.execution().modeOf(venue.name()) == ExecutionMode.LIVE) {
                venues.add(Venue.fromConfigName(venue.name()));
            }
        }
        return venues;
    }

    /**
     * The venues whose orders the paper venue fills: every venue whose mode ({@code execution.mode}, or its
     * {@code execution.venues} entry) is paper, enabled or not (a replay of an imported capture enables none).
     */
    public static Set<Venue> paperVenues(final RingTraderConfig config) {
        final Set<Venue> venues = EnumSet.noneOf(Venue.class);
        for (final Venue venue : Venue.values()) {
            if (config.execution().modeOf(venue.configName()) == ExecutionMode.PAPER) {
                venues.add(venue);
            }
        }
        return venues;
    }

    /** One line per strategy instance whose orders will be refused (VENUE_NOT_ENABLED): a config to look at. */
    private static void warnOfStrategiesOnVenuesWithoutOrders(final RingTraderConfig config,
        final InstrumentRegistry instruments, final Set<Venue> orderVenues) {
        for (final StrategyConfig strategy : config.strategies()) {
            for (final String name : strategy.instruments()) {
                final InstrumentNames.Match<Instrument> match = instruments.resolve(name, false);
                if (match.found() && !orderVenues.contains(match.instrument().venue())) {
                    LOG.warn("strategy {} trades {}, but venues.{}.enabled is false in execution.mode live: its orders "
                        + "there are rejected (VENUE_NOT_ENABLED)", strategy.name(), name,
                        match.instrument().venue().configName());
                }
            }
        }
    }

    /**
     * The business stages {@link #businessStages} installed that others observe or control.
     *
     * @param strategies the strategy stage.
     * @param risk       the risk stage: positions, PnL, decision counts and the kill switch.
     */
    public record BusinessStages(StrategyHandler strategies, PreTradeRiskHandler risk) {
    }

    /** The instrument registry built from {@code instruments:}, ids in file order. */
    public static InstrumentRegistry registry(final List<InstrumentConfig> configs) {
        final List<Instrument> list = new ArrayList<>(configs.size());
        for (final InstrumentConfig c : configs) {
            final int contractSizeScale = InstrumentConfig.contractSizeScale(c.contractSize());
            list.add(new Instrument(list.size(), Venue.fromConfigName(c.venue()), c.symbol(),
                c.priceScale(), mantissa(c.tickSize(), c.priceScale()),
                c.qtyScale(), mantissa(c.lotSize(), c.qtyScale()),
                mantissa(c.contractSize(), contractSizeScale), contractSizeScale,
                c.filters().toMantissas(c.priceScale(), c.qtyScale(), contractSizeScale)));
        }
        return new InstrumentRegistry(list);
    }

    /** The pipeline thread layout from {@code pipeline.threads}. */
    public static List<StageThreadSpec> threads(final List<ThreadConfig> configs) {
        return configs.stream().map(ThreadConfig::toSpec).toList();
    }

    /** Starts the pipeline (see {@link Pipeline#start()}); owner thread. */
    public void start() {
        lastStatusNs = clock.nanoTime();
        startedNs = lastStatusNs;
        started = true;
        pipeline.start();
    }

    /** Stops the timer, drains both rings and joins the stage threads; closes the interval logs, if open. */
    public Pipeline.StopReport stop() {
        final Pipeline.StopReport report = pipeline.stop();
        pipeline.latency().stopIntervalLogs();
        if (started && !stopped) {
            stoppedNs = clock.nanoTime();
            stopped = true;
        }
        return report;
    }

    /**
     * Opens the per-stage interval latency logs ({@code <stage>.hlog}) in the configured telemetry directory;
     * every {@link #status()} call (the session's report interval) then appends one interval per stage, and
     * {@link #stop()} the last one.
     */
    public List<Path> startIntervalLogs() throws IOException {
        return pipeline.latency().startIntervalLogs(telemetryDirectory);
    }

    /**
     * Writes this engine's latency files ({@code .hlog}, {@code .hgrm}) into {@code directory} instead of
     * {@code telemetry.outputDir} itself: a session uses a folder of its own, so files of two sessions never mix.
     * Call before {@link #startIntervalLogs()}.
     */
    public void telemetryDirectory(final Path directory) {
        this.telemetryDirectory = directory;
    }

    /** Where this engine's latency files go. */
    public Path telemetryDirectory() {
        return telemetryDirectory;
    }

    public EngineMode mode() {
        return mode;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public InstrumentRegistry instruments() {
        return instruments;
    }

    public DistinctErrorHandler errors() {
        return errors;
    }

    public RingTraderConfig config() {
        return config;
    }

    /**
     * The kill switch of the risk stage, to read from any thread. Only the risk stage trips or resets it, on its
     * thread, in ring order (the session loss limit, {@link io.ringtrader.engine.event.EventKind#OPERATOR}
     * events): an operator publishes a command with {@link #operatorPublisher()}, so the action is journaled and
     * replayed.
     *
     * @throws IllegalStateException in a mode without business stages.
     */
    public KillSwitch killSwitch() {
        return requireBusinessStages().risk().killSwitch();
    }

    /**
     * Publishes operator commands (kill switch trip and reset) onto the inbound ring; any thread.
     *
     * @throws IllegalStateException in a mode without business stages (nothing would apply them).
     */
    public OperatorPublisher operatorPublisher() {
        requireBusinessStages();
        return operator;
    }

    /**
     * What the journal stages wrote, whether a journal stream failed, and what was therefore not journaled or not
     * sent; null without a journal. Any thread.
     */
    public JournalProgress journalProgress() {
        return journalProgress;
    }

    /** The journal's health watch (free space, failures); null without a journal. Any thread. */
    public JournalHealthAgent journalHealth() {
        return journalHealth;
    }

    /** True between {@link #start()} and {@link #stop()}; any thread. */
    public boolean isRunning() {
        return started && !stopped;
    }

    /** The strategy and risk stages; null in a mode without business stages. */
    public BusinessStages businessStages() {
        return stages;
    }

    /** Writes one {@code .hgrm} file per stage into the telemetry directory (see {@link #telemetryDirectory(Path)}). */
    public List<Path> writeLatencyFiles() throws IOException {
        return pipeline.latency().writeHgrm(telemetryDirectory);
    }

    /**
     * Time since {@link #start()} (until {@link #stop()} once stopped), by the engine's clock; 0 before start.
     * Any thread.
     */
    public long uptimeNs() {
        if (!started) {
            return 0;
        }
        final long endNs = stopped ? stoppedNs : clock.nanoTime();
        return Math.max(0, endNs - startedNs);
    }

    /**
     * A one-line status since the previous call: events and rate, order commands, errors, and each
     * busy stage's p50/p99 in microseconds over the interval. Owner (session) thread: it ends a latency
     * interval (see {@link io.ringtrader.engine.telemetry.LatencyRegistry#sample()}).
     */
    public String status() {
        final long nowNs = clock.nanoTime();
        final long events = pipeline.inboundPublished();
        final double seconds = Math.max(1e-9, (nowNs - lastStatusNs) / 1e9);
        final double rate = (events - lastStatusEvents) / seconds;
        lastStatusNs = nowNs;
        lastStatusEvents = events;
        return statusLine(events, rate, pipeline.latency().sample());
    }

    /**
     * The status line over the whole session: the rate is the average since start and the percentiles are
     * session totals. Any thread; changes nothing {@link #status()} reports and ends no latency interval.
     */
    public String sessionStatus() {
        final long events = pipeline.inboundPublished();
        final double seconds = Math.max(1e-9, uptimeNs() / 1e9);
        return statusLine(events, events / seconds, pipeline.latency().totals());
    }

    private String statusLine(final long events, final double rate, final List<LatencySummary> latencies) {
        final StringBuilder line = new StringBuilder(256);
        line.append(String.format("events %d (%.0f/s)", events, rate));
        if (stages != null) {
            final PreTradeRiskHandler risk = stages.risk();
            final List<PositionKeeper.Snapshot> positions = risk.positionSnapshots();
            final List<Venue> venues = RiskStatusLine.venuesOf(instruments);
            RiskStatusLine.appendVenues(line, risk, venues);
            for (final Instrument instrument : instruments.instruments()) {
                final int id = instrument.id();
                RiskStatusLine.appendQuote(line, risk, instruments, id);
                final long qty = positions.get(id).qty();
                if (qty != 0) {
                    line.append(" pos ").append(BigDecimal.valueOf(qty, instrument.qtyScale()).toPlainString());
                }
            }
            line.append(String.format(" | pnl %.2f | orders %d fills %d ", risk.sessionPnl(), pipeline.outboundPublished(),
                risk.fills()));
            RiskStatusLine.appendRejects(line, risk, venues);
            line.append(" | errors ").append(errors.totalCount());
            if (risk.killSwitch().isTripped()) {
                line.append(" | KILL SWITCH: ").append(risk.killSwitch().reason());
            }
            final TradingState trading = risk.tradingStates().state();
            if (trading != TradingState.ACTIVE) {
                line.append(" | ").append(trading).append(": ").append(risk.tradingStates().reason());
            }
            RiskStatusLine.appendPauses(line, risk);
        } else {
            line.append(String.format(" | orders %d | errors %d", pipeline.outboundPublished(), errors.totalCount()));
        }
        if (journalProgress != null && journalProgress.failed()) {
            line.append(" | JOURNAL FAILED (").append(journalProgress.unjournaledEvents()).append(" events, ")
                .append(journalProgress.unjournaledCommands()).append(" commands not journaled)");
        } else if (journalHealth != null && journalHealth.diskLow()) {
            line.append(" | journal disk ").append(JournalProgress.bytes(journalHealth.freeBytes())).append(" free");
        }
        line.append(" | p50/p99 us:");
        for (final LatencySummary stage : latencies) {
            if (stage.count() > 0) {
                line.append(String.format(" %s %.1f/%.1f", stage.stage(), stage.p50Ns() / 1e3, stage.p99Ns() / 1e3));
            }
        }
        return line.toString();
    }

    private BusinessStages requireBusinessStages() {
        if (stages == null) {
            throw new IllegalStateException("no risk stage in " + mode + " mode");
        }
        return stages;
    }

    private static long mantissa(final BigDecimal value, final int scale) {
        return value.movePointRight(scale).longValueExact();
    }
}
