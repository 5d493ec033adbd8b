package io.ringtrader.engine.runtime.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RiskConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.PublishResult;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import com.lmax.disruptor.EventTranslatorOneArg;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's JMX beans on the platform MBean server while a real engine runs (blocking threads). The
 * {@code test-echo} strategy buys one lot at market on every trade, so the kill switch can be seen working.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineJmxTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final EventTranslatorOneArg<InboundEvent, InboundEvent> COPY = (slot, sequence, source) -> {
        slot.reset();
        slot.kind = source.kind;
        slot.instrumentId = source.instrumentId;
        slot.receiveTimeNs = source.receiveTimeNs;
        slot.tradePrice = source.tradePrice;
        slot.tradeQty = source.tradeQty;
        slot.tradeAggressor = source.tradeAggressor;
        slot.batchLast = source.batchLast;
        slot.venueId = source.venueId;
        slot.gatewayStatus = source.gatewayStatus;
        slot.statusDetail = source.statusDetail;
        slot.execType = source.execType;
        slot.clientOrderId = source.clientOrderId;
        slot.rejectCode = source.rejectCode;
        for (int i = 0; i < source.bidCount; i++) {
            slot.addBid(source.bidPrices[i], source.bidQtys[i]);
        }
        for (int i = 0; i < source.askCount; i++) {
            slot.addAsk(source.askPrices[i], source.askQtys[i]);
        }
    };

    @TempDir
    Path dir;

    private final List<Engine> engines = new ArrayList<>();
    private final List<EngineJmx> registrations = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        registrations.forEach(EngineJmx::close);
        engines.forEach(Engine::stop);
    }

    @Test
    void shouldRegisterTheEngineAndOneStageGroupPerThreadWhileRunningAndUnregisterAfterStop() throws Exception {
        final Engine engine = start();
        final EngineJmx jmx = register(engine);
        final List<ObjectName> expected = List.of(
            new ObjectName("io.ringtrader:type=Engine"),
            new ObjectName("io.ringtrader:type=StageGroup,name=rt-journal"),
            new ObjectName("io.ringtrader:type=StageGroup,name=rt-logic"),
            new ObjectName("io.ringtrader:type=StageGroup,name=rt-venue"),
            new ObjectName("io.ringtrader:type=StageGroup,name=rt-out-journal"));
        assertEquals(expected, jmx.objectNames());
        assertNull(jmx.session());
        for (final ObjectName name : expected) {
            assertTrue(SERVER.isRegistered(name), name + " registered");
        }
        engine.stop();
        jmx.close();
        for (final ObjectName name : expected) {
            assertFalse(SERVER.isRegistered(name), name + " unregistered");
        }
    }

    @Test
    void shouldReadStageGroupAndEngineAttributesThroughThePlatformMBeanServer() throws Exception {
        final Engine engine = start();
        register(engine);
        publish(engine, snapshot());
        publish(engine, trade(1));
        await(() -> risk(engine).count(RiskDecision.ACCEPTED) == 1, "one order accepted");

        final ObjectName logic = new ObjectName("io.ringtrader:type=StageGroup,name=rt-logic");
        assertEquals("rt-logic", SERVER.getAttribute(logic, "ThreadName"));
        assertArrayEquals(new String[] {"book", "features", "model", "strategy", "risk", "router"},
            (String[])SERVER.getAttribute(logic, "Stages"));
        assertEquals("blocking", SERVER.getAttribute(logic, "WaitStrategy"));
        assertEquals(-1, SERVER.getAttribute(logic, "PinnedCpu"));
        final CompositeData[] latencies = (CompositeData[])SERVER.getAttribute(logic, "StageLatencies");
        assertEquals(6, latencies.length);
        assertEquals("risk", latencies[4].get("stage"));
        assertTrue((Long)latencies[4].get("eventsProcessed") >= 2, "snapshot and trade through risk");
        assertTrue((Double)latencies[4].get("maxUs") >= (Double)latencies[4].get("p50Us"));

        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        assertEquals("TRADE", SERVER.getAttribute(engineName, "Mode"));
        assertTrue((Long)SERVER.getAttribute(engineName, "EventsPublished") >= 2);
        assertEquals(0L, SERVER.getAttribute(engineName, "Errors"));
        assertTrue((Long)SERVER.getAttribute(engineName, "UptimeMs") >= 0);
        final TabularData decisions = (TabularData)SERVER.getAttribute(engineName, "RiskDecisions");
        assertEquals(1L, decisions.get(new Object[] {"ACCEPTED"}).get("value"));
        assertEquals(0L, decisions.get(new Object[] {"KILL_SWITCH"}).get("value"));
        await(() -> risk(engine).positionSnapshots().get(0).qty() == 1, "the paper fill of one lot");
        final CompositeData[] positions = (CompositeData[])SERVER.getAttribute(engineName, "Positions");
        assertEquals("BTCUSDT", positions[0].get("symbol"));
        assertEquals(0.001, (Double)positions[0].get("qty"), 1e-12);
        assertEquals(61_800.10, (Double)positions[0].get("averagePrice"), 1e-6);
        assertTrue((Double)SERVER.getAttribute(engineName, "SessionPnl") < 0, "the taker fee is a loss");
        assertEquals(Boolean.FALSE, SERVER.getAttribute(engineName, "KillSwitchTripped"));
        assertEquals("", SERVER.getAttribute(engineName, "KillSwitchReason"));
        assertTrue(((String)SERVER.invoke(engineName, "status", null, null)).startsWith("events "));
    }

    @Test
    void shouldRejectNewOrdersWithKillSwitchAfterTripOverJmxAndAcceptThemAfterReset() throws Exception {
        final Engine engine = start();
        register(engine);
        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        final PreTradeRiskHandler risk = risk(engine);
        publish(engine, snapshot());
        publish(engine, trade(1));
        await(() -> risk.count(RiskDecision.ACCEPTED) == 1, "first order accepted");

        assertEquals(Boolean.TRUE, SERVER.invoke(engineName, "tripKillSwitch", new Object[] {"operator says stop"},
            new String[] {String.class.getName()}));
        // The trip is on the ring before this trade: the risk stage sees it first, whenever it gets there.
        publish(engine, trade(2));
        await(() -> risk.count(RiskDecision.KILL_SWITCH) == 1, "second order rejected by the kill switch");
        assertEquals(1, risk.count(RiskDecision.ACCEPTED));
        assertEquals(Boolean.TRUE, SERVER.getAttribute(engineName, "KillSwitchTripped"));
        assertEquals(PreTradeRiskHandler.JMX_TRIP_REASON, SERVER.getAttribute(engineName, "KillSwitchReason"),
            "the reason comes from the journaled event, not the operator's text");

        SERVER.invoke(engineName, "resetKillSwitch", null, null);
        publish(engine, trade(3));
        await(() -> risk.count(RiskDecision.ACCEPTED) == 2, "third order accepted after the reset");
        assertEquals(Boolean.FALSE, SERVER.getAttribute(engineName, "KillSwitchTripped"));
        assertEquals(1, risk.count(RiskDecision.KILL_SWITCH));
        assertEquals(1L, SERVER.getAttribute(engineName, "KillSwitchTrips"));
    }

    @Test
    void shouldShowEachVenuesConnectionAndEachBooksValidityWithStalePrices() throws Exception {
        final Engine engine = start();
        register(engine);
        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        publish(engine, snapshot());
        publish(engine, gatewayStatus(-1, GatewayStatus.CONNECTED, 0));
        publish(engine, gatewayStatus(-1, GatewayStatus.DISCONNECTED, 0));
        publish(engine, gatewayStatus(0, GatewayStatus.BOOK_INVALID, 3));
        await(() -> risk(engine).bookState(0) == BookState.INVALID, "the book invalidated");

        final CompositeData venue = ((CompositeData[])SERVER.getAttribute(engineName, "Venues"))[0];
        assertEquals("binance", venue.get("name"));
        assertEquals("DISCONNECTED 1/1 down", venue.get("connection"));
        assertEquals(1, venue.get("connectionsDown"));
        final CompositeData book = ((CompositeData[])SERVER.getAttribute(engineName, "Books"))[0];
        assertEquals("BTCUSDT", book.get("symbol"));
        assertEquals("INVALID", book.get("state"));
        assertEquals(61800.0, (Double)book.get("bestBid"), 1e-9);
        assertEquals(Boolean.TRUE, book.get("stale"));
        final String status = (String)SERVER.invoke(engineName, "status", null, null);
        assertTrue(status.contains("| binance DISCONNECTED 1/1 down | BTCUSDT 61800.00/61800.10 STALE (book INVALID)"),
            status);
    }

    @Test
    void shouldNameBooksAndPositionsByQualifiedNameWhereTwoVenuesShareTheSymbol() {
        final Engine engine = Engine.create(ConfigLoader.parse("""
            instruments:
              - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
              - {symbol: BTCUSDT, venue: bitget, tickSize: "0.1", lotSize: "0.001"}
              - {symbol: ETHUSDT, venue: binance, tickSize: "0.01", lotSize: "0.001"}
            journal: {enabled: false}
            """, "jmx-test.yaml", name -> null).config(), new ManualEpochNanoClock(1_700_000_000_000_000_000L));
        final EngineControl control = new EngineControl(engine);

        assertArrayEquals(new String[] {"binance:BTCUSDT", "bitget:BTCUSDT", "ETHUSDT"},
            Arrays.stream(control.getBooks()).map(BookInfo::getInstrument).toArray(String[]::new));
        assertEquals("bitget", control.getBooks()[1].getVenue());
        assertEquals("BTCUSDT", control.getBooks()[1].getSymbol());
        assertArrayEquals(new String[] {"binance:BTCUSDT", "bitget:BTCUSDT", "ETHUSDT"},
            Arrays.stream(control.getPositions()).map(PositionInfo::getInstrument).toArray(String[]::new));
    }

    @Test
    void shouldCountVenueRejectsByCodeAndResumeTheStrategyTheyPausedOverJmx() throws Exception {
        final Engine engine = start();
        register(engine);
        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        final PreTradeRiskHandler risk = risk(engine);
        publish(engine, snapshot());
        for (int n = 1; n <= RiskConfig.DEFAULT_MAX_CONSECUTIVE_VENUE_REJECTS; n++) {
            publish(engine, venueReject(n, -2019));
        }
        publish(engine, trade(1));
        await(() -> risk.count(RiskDecision.STRATEGY_PAUSED) == 1, "the paused strategy's order refused");
        assertArrayEquals(new String[] {"echo"}, (String[])SERVER.getAttribute(engineName, "PausedStrategies"));
        final TabularData rejects = (TabularData)SERVER.getAttribute(engineName, "VenueRejects");
        assertEquals((long)RiskConfig.DEFAULT_MAX_CONSECUTIVE_VENUE_REJECTS,
            rejects.get(new Object[] {"binance -2019"}).get("value"));

        SERVER.invoke(engineName, "resumeStrategy", new Object[] {"echo"}, new String[] {String.class.getName()});
        publish(engine, trade(2));
        await(() -> risk.count(RiskDecision.ACCEPTED) == 1, "the resumed strategy's order accepted");
        assertEquals(0, ((String[])SERVER.getAttribute(engineName, "PausedStrategies")).length);
        final RuntimeMBeanException unknown = assertThrows(RuntimeMBeanException.class, () -> SERVER.invoke(engineName,
            "resumeStrategy", new Object[] {"ech0"}, new String[] {String.class.getName()}));
        assertEquals("no strategy named 'ech0'; strategies: [echo]", unknown.getCause().getMessage());
    }

    @Test
    void shouldPublishOperatorEventsThatTheJournalSeesInRingOrderOnTripAndResetOverJmx() throws Exception {
        final List<String> journaled = new CopyOnWriteArrayList<>();
        final Engine engine = start(EngineMode.TRADE, (builder, instruments, errors) -> builder.journal(
            (event, sequence, endOfBatch) -> {
                if (event.kind == EventKind.OPERATOR) {
                    journaled.add(event.operatorCommand + " source " + event.operatorSource + " instrument "
                        + event.instrumentId + " seq " + sequence);
                }
            }), 1_024);
        register(engine);
        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        final long before = engine.pipeline().inboundPublished();

        assertEquals(Boolean.TRUE, SERVER.invoke(engineName, "tripKillSwitch", new Object[] {null},
            new String[] {String.class.getName()}));
        await(() -> engine.killSwitch().isTripped(), "the risk stage applied the trip");
        assertEquals(PreTradeRiskHandler.JMX_TRIP_REASON, engine.killSwitch().reason());
        SERVER.invoke(engineName, "resetKillSwitch", null, null);
        await(() -> !engine.killSwitch().isTripped(), "the risk stage applied the reset");

        await(() -> journaled.size() == 2, "both commands journaled");
        assertTrue(journaled.get(0).startsWith(OperatorCommand.KILL_SWITCH_TRIP + " source " + OperatorCommand.SOURCE_JMX
            + " instrument -1 seq "), journaled.get(0));
        assertTrue(journaled.get(1).startsWith(OperatorCommand.KILL_SWITCH_RESET + " source 1 "), journaled.get(1));
        assertTrue(engine.pipeline().inboundPublished() >= before + 2);
    }

    @Test
    void shouldFailTheJmxTripWithAClearMessageWhenTheInboundRingIsFull() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        final Engine engine = start(EngineMode.TRADE, (builder, instruments, errors) -> builder.journal(
            (event, sequence, endOfBatch) -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }), 64);
        register(engine);
        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        try {
            final InboundEvent trade = trade(1);
            int published = 0;
            while (engine.pipeline().inboundPublisher().tryPublish(COPY, trade) == PublishResult.PUBLISHED) {
                assertTrue(++published <= 64, "a 64-slot ring held by the journal fills up");
            }
            final RuntimeMBeanException error = assertThrows(RuntimeMBeanException.class, () -> SERVER.invoke(engineName,
                "tripKillSwitch", new Object[] {"stop"}, new String[] {String.class.getName()}));
            assertEquals(IllegalStateException.class, error.getCause().getClass());
            assertEquals("inbound ring full: kill switch trip not published, nothing changed; try again",
                error.getCause().getMessage());
        } finally {
            release.countDown();
        }
        await(() -> risk(engine).count(RiskDecision.BOOK_NOT_VALID) > 0, "the ring drained");
        engine.stop();
        assertFalse(engine.killSwitch().isTripped(), "nothing was published, nothing tripped");
    }

    @Test
    void shouldFailTheJmxResetWithAClearMessageWhenTheEngineIsNotRunning() throws Exception {
        final Engine engine = start();
        register(engine);
        engine.stop();
        final RuntimeMBeanException error = assertThrows(RuntimeMBeanException.class, () -> SERVER.invoke(
            new ObjectName("io.ringtrader:type=Engine"), "resetKillSwitch", null, null));
        assertEquals("engine is not running: kill switch reset not published", error.getCause().getMessage());
    }

    @Test
    void shouldWriteOneHgrmFilePerStageOnDumpHistograms() throws Exception {
        final Engine engine = start();
        register(engine);
        publish(engine, snapshot());
        final String[] paths = (String[])SERVER.invoke(new ObjectName("io.ringtrader:type=Engine"), "dumpHistograms",
            null, null);
        assertEquals(engine.pipeline().latency().stages().size(), paths.length);
        for (final String path : paths) {
            assertTrue(Files.size(Path.of(path)) > 0, path);
            assertTrue(Path.of(path).startsWith(dir.resolve("telemetry").toAbsolutePath()), path);
        }
        assertTrue(Files.exists(dir.resolve("telemetry/risk.hgrm")));
    }

    @Test
    void shouldAppendASessionKeyForASecondEngineInTheSameJvm() throws Exception {
        final EngineJmx first = register(start());
        final EngineJmx second = register(start());
        assertNull(first.session());
        assertEquals("2", second.session());
        assertEquals(new ObjectName("io.ringtrader:type=Engine,session=2"), second.objectNames().get(0));
        assertTrue(SERVER.isRegistered(new ObjectName("io.ringtrader:type=StageGroup,name=rt-logic,session=2")));
        second.close();
        assertFalse(SERVER.isRegistered(new ObjectName("io.ringtrader:type=Engine,session=2")));
        assertTrue(SERVER.isRegistered(new ObjectName("io.ringtrader:type=Engine")), "the first engine's bean stays");
    }

    @Test
    void shouldReportNoRiskStateAndRefuseTheKillSwitchInRecordMode() throws Exception {
        final Engine engine = start(EngineMode.RECORD);
        register(engine);
        final ObjectName engineName = new ObjectName("io.ringtrader:type=Engine");
        assertEquals("RECORD", SERVER.getAttribute(engineName, "Mode"));
        assertEquals(0, ((TabularData)SERVER.getAttribute(engineName, "RiskDecisions")).size());
        assertEquals(0, ((CompositeData[])SERVER.getAttribute(engineName, "Positions")).length);
        final RuntimeMBeanException error = assertThrows(RuntimeMBeanException.class, () -> SERVER.invoke(engineName,
            "tripKillSwitch", new Object[] {"x"}, new String[] {String.class.getName()}));
        assertEquals("no risk stage in RECORD mode", error.getCause().getMessage());
    }

    private Engine start() {
        return start(EngineMode.TRADE);
    }

    private Engine start(final EngineMode mode) {
        return start(mode, EngineExtension.NONE, 16_384);
    }

    private Engine start(final EngineMode mode, final EngineExtension extension, final int inboundRingSize) {
        final Engine engine = Engine.create(ConfigLoader.parse("""
            instruments:
              - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
            strategies:
              - {name: echo, type: test-echo, instruments: [BTCUSDT]}
            pipeline:
              inboundRingSize: %d
              timerInterval: 1s
              threads:
                - {name: rt-journal, stages: [journal], waitStrategy: blocking}
                - {name: rt-logic, stages: [book, features, model, strategy, risk, router], waitStrategy: blocking}
                - {name: rt-venue, stages: [venue], waitStrategy: blocking}
                - {name: rt-out-journal, stages: [outbound-journal], waitStrategy: blocking}
            telemetry:
              outputDir: %s
            """.formatted(inboundRingSize, dir.resolve("telemetry")), "test.yaml", name -> null).config(),
            new SystemEpochNanoClock(), extension, mode);
        engines.add(engine);
        engine.start();
        return engine;
    }

    private EngineJmx register(final Engine engine) {
        final EngineJmx jmx = EngineJmx.register(engine);
        registrations.add(jmx);
        return jmx;
    }

    private static PreTradeRiskHandler risk(final Engine engine) {
        return engine.businessStages().risk();
    }

    private static void publish(final Engine engine, final InboundEvent event) {
        assertEquals(PublishResult.PUBLISHED, engine.pipeline().inboundPublisher().publish(COPY, event));
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNs) {
                throw new AssertionError("timed out waiting: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    private static InboundEvent snapshot() {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = 0;
        event.receiveTimeNs = 1_000_000_000L;
        event.addBid(6_180_000, 5_000);
        event.addAsk(6_180_010, 5_000);
        return event;
    }

    private static InboundEvent gatewayStatus(final int instrumentId, final GatewayStatus status, final int detail) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.GATEWAY_STATUS;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.receiveTimeNs = 1_500_000_000L;
        event.gatewayStatus = status;
        event.statusDetail = detail;
        return event;
    }

    /** The venue's reject of the echo strategy's n-th order. */
    private static InboundEvent venueReject(final int n, final int code) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = 0;
        event.venueId = Venue.BINANCE_USDM.id();
        event.receiveTimeNs = 1_500_000_000L;
        event.execType = ExecType.REJECT;
        event.clientOrderId = (1L << 40) | n;
        event.rejectCode = code;
        return event;
    }

    /** The n-th trade, n seconds after the snapshot. */
    private static InboundEvent trade(final int n) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.receiveTimeNs = 1_000_000_000L * (n + 1);
        event.tradePrice = 6_180_010;
        event.tradeQty = 1;
        event.tradeAggressor = OrderSide.BUY;
        return event;
    }
}
