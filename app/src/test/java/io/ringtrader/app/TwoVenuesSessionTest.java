package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * BTCUSDT on Binance and BTCUSDT on Bitget in one live session, side by side: Binance is exchange-sim on loopback
 * through the real gateway, Bitget the {@link StubBitgetGateway} registered through the gateway SPI. Both books, both
 * venues' orders dispatched to their own venue stage behind the journal gate, a risk limit per qualified instrument,
 * the status line naming both; with Bitget not enabled its strategy's order is rejected back to it at once. Each
 * session's journal replays with {@code --verify}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoVenuesSessionTest {
    private static final int BINANCE_BTC = 0;
    private static final int BITGET_BTC = 1;

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        StubBitgetGateway.COMMANDS.clear();
        ProbeStrategyFactory.REPORTS.clear();
    }

    @Test
    void shouldTradeTheSameSymbolOnTwoVenuesWithALimitPerQualifiedInstrument() throws Exception {
        final Path config = writeConfig(true);

        final Session session = run(config, (engine, risk) -> {
            awaitTrue(() -> risk.bookState(BINANCE_BTC) == BookState.VALID && risk.bookState(BITGET_BTC) == BookState.VALID,
                "both books valid");
            awaitTrue(() -> reports("probe-binance").equals(List.of("ACK 0", "ACK 0")), "binance acknowledged both orders");
            awaitTrue(() -> reports("probe-bitget").equals(List.of("ACK 0")), "the bitget stub acknowledged its order");
            assertEquals(List.of("ACCEPTED NEW " + BITGET_BTC + " 1", "MAX_ORDER_QTY NEW " + BITGET_BTC + " 2"),
                StubBitgetGateway.COMMANDS, "bitget's commands reach bitget's venue stage only; 0.002 is above its limit");
            assertEquals(1, risk.count(RiskDecision.MAX_ORDER_QTY), "binance's limit is 0.002: its 0.002 order passed");
            final String status = engine.status();
            assertTrue(status.contains(" | binance connected ") && status.contains(" | bitget connected 1/1"), status);
            assertTrue(status.contains(" | binance:BTCUSDT ") && status.contains(" | bitget:BTCUSDT 89990.0/90010.0"), status);
        });

        assertTrue(session.stopLines().contains("bitget (stub) at stop: 2 order commands received"), session.stopLines()::toString);
        assertTrue(session.stopLines().stream().anyMatch(line -> line.startsWith("binance at stop (execution.onStop: "
            + "cancel-orders): cancelled every open order of BTCUSDT")), session.stopLines()::toString);
        assertReplays(session, config);
    }

    @Test
    void shouldRejectACommandForAVenueThatIsNotEnabledBackToItsStrategyAtOnce() throws Exception {
        final Path config = writeConfig(false);

        final Session session = run(config, (engine, risk) -> {
            awaitTrue(() -> reports("probe-bitget").equals(List.of("REJECT " + RejectCodes.VENUE_NOT_ENABLED)),
                "the bitget order is rejected back to its strategy");
            assertEquals(1, risk.count(RiskDecision.VENUE_NOT_ENABLED));
            assertTrue(StubBitgetGateway.COMMANDS.isEmpty(), "no bitget gateway was opened");
            awaitTrue(() -> reports("probe-binance").equals(List.of("ACK 0", "ACK 0")), "binance trades on");
        });

        assertEquals(0, session.stopLines().stream().filter(line -> line.startsWith("bitget")).count());
        assertReplays(session, config);
    }

    /** Runs a live session of {@code config} against the simulator, {@code checks} while it runs, then stops it. */
    private Session run(final Path config, final Checks checks) throws Exception {
        final RingTraderConfig loaded = ConfigLoader.load(config).config();
        try (SimulatedVenue venue = SimulatedVenue.start(loaded)) {
            final RingTraderConfig sessionConfig = venue.config();
            final io.ringtrader.engine.runtime.SessionTag tag = io.ringtrader.engine.runtime.SessionTag.of(1_765_000_000_000L, 7);
            final SessionJournal journal = SessionJournal.create(sessionConfig.journal(), Instant.now(), "two-venues test",
                VersionProvider.engineVersion(), tag, ConfigLoader.load(config).canonicalHash());
            final SystemEpochNanoClock clock = new SystemEpochNanoClock();
            final Gateways gateways = new Gateways(sessionConfig, clock, EngineMode.TRADE, () -> null, tag);
            final Engine engine = Engine.create(sessionConfig, clock, journal.extension().andThen(gateways), EngineMode.TRADE);
            assertTrue(engine.pipeline().ordersGated(), "the venue side runs behind the outbound journal");
            engine.start();
            try {
                checks.run(engine, engine.businessStages().risk());
            } finally {
                assertTrue(engine.stop().clean());
            }
            return new Session(journal.directory(), gateways.atStop());
        }
    }

    private static void assertReplays(final Session session, final Path config) {
        final String[] replay = cli("replay", "--journal", session.journal().toString(), "--config", config.toString(),
            "--verify");
        assertEquals("0", replay[0], replay[1] + replay[2]);
    }

    private Path writeConfig(final boolean bitgetEnabled) throws Exception {
        final Path config = dir.resolve("two-venues.yaml");
        Files.writeString(config, String.join("\n",
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "  - {symbol: BTCUSDT, venue: bitget, tickSize: \"0.1\", lotSize: \"0.001\"}",
            "venues:",
            "  binance: {enabled: true, apiKey: sim-key, apiSecret: sim-secret,",
            "            streams: {klines: [], markPrice: false, openInterestInterval: 0s}}",
            "  bitget: {enabled: " + bitgetEnabled + ", apiKey: k, apiSecret: s, passphrase: p}",
            "simulator:",
            "  enabled: true",
            "  seed: 11",
            "  eventsPerSecond: 500",
            "  instruments: [{symbol: binance:BTCUSDT, startPrice: \"90000\"}]",
            "execution: {mode: live}",
            "pipeline:",
            "  timerInterval: 100ms",
            "  threads:",
            "    - {name: t-journal, stages: [journal], waitStrategy: blocking}",
            "    - {name: t-logic, stages: [book, features, model, strategy, risk, router], waitStrategy: blocking}",
            "    - {name: t-venue, stages: [venue], waitStrategy: blocking}",
            "    - {name: t-out-journal, stages: [outbound-journal], waitStrategy: blocking}",
            "journal: {dir: " + dir.resolve("journal") + "}",
            "strategies:",
            "  - name: probe-binance",
            "    type: test-probe",
            "    instruments: [binance:BTCUSDT]",
            "    params: {price: \"80000\", quantities: [\"0.001\", \"0.002\"]}",
            "  - name: probe-bitget",
            "    type: test-probe",
            "    instruments: [bitget:BTCUSDT]",
            "    params: {price: \"80000\", quantities: " + (bitgetEnabled ? "[\"0.001\", \"0.002\"]" : "[\"0.001\"], onTimer: true")
                + "}",
            "risk:",
            "  maxOrderQty: {binance:BTCUSDT: \"0.002\", bitget:BTCUSDT: \"0.001\"}",
            ""));
        return config;
    }

    private static List<String> reports(final String strategy) {
        return ProbeStrategyFactory.REPORTS.getOrDefault(strategy, List.of());
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting: " + what);
            }
            Thread.sleep(5);
        }
    }

    /** What a test checks while its session runs. */
    @FunctionalInterface
    private interface Checks {
        void run(Engine engine, PreTradeRiskHandler risk) throws Exception;
    }

    /** A finished session: its journal and its stop summary. */
    private record Session(Path journal, List<String> stopLines) {
    }
}
