package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.L2Book.Side;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.gen.FrameListener;
import io.ringtrader.sim.binance.gen.InstrumentStats;
import io.ringtrader.sim.binance.gen.MarketSink;
import io.ringtrader.sim.binance.gen.SyntheticMarket;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig.TimeMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(60)
class SyntheticMarketTest {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticMarketTest.class);
    /** 2026-01-01T00:00:00Z minus 1.5 s: the first 1m kline closes early in a run. */
    private static final long START_MS = 1_767_225_600_000L - 1_500;
    private static final Duration QUIET = Duration.ofMillis(400);
    private static final String DEPTH_AND_TICKER = "/public/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker";

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(closeables);
        for (final AutoCloseable c : closeables) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closing(final T c) {
        closeables.add(c);
        return c;
    }

    /** A sim with the venue's aggregated diff depth (the default). */
    private BinanceSim sim() {
        return closing(new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt())
            .symbol(SimSymbol.ethusdt()).seed(5).build()).start());
    }

    /** A sim sending every diff as its own event: for counting the frames each generated event causes. */
    private BinanceSim perDiffSim() {
        return closing(perDiffSimUnmanaged());
    }

    private static BinanceSim perDiffSimUnmanaged() {
        return new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).symbol(SimSymbol.ethusdt())
            .seed(5).aggregateDepth(false).build()).start();
    }

    private static SyntheticMarketConfig.Builder simulated(final long seed) {
        return SyntheticMarketConfig.builder().seed(seed).eventRate(1_000).timeMode(TimeMode.SIMULATED)
            .startEpochMs(START_MS);
    }

    /** The operations and the frames two connections received in one run. */
    private record Run(List<String> operations, List<String> publicFrames, List<String> marketFrames) {
    }

    private Run run(final long seed, final int events) throws Exception {
        final BinanceSim sim = sim();
        final SimClient client = new SimClient(sim);
        final List<String> ops = new ArrayList<>();
        final SyntheticMarket gen = new SyntheticMarket(simulated(seed).build(),
            recording(MarketSink.of(sim.market()), ops), sim.clock());
        try (SimClient.Ws pub = client.ws("/public/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker/"
            + "ethusdt@depth/ethusdt@bookTicker");
             SimClient.Ws mkt = client.ws("/market/stream?streams=btcusdt@aggTrade/btcusdt@kline_1m/"
                 + "ethusdt@aggTrade/ethusdt@kline_1m")) {
            gen.runFor(events);
            gen.pause(Duration.ofSeconds(1)); // the last periods' aggregated diffs and klines go out
            return new Run(ops, pub.drain(QUIET), mkt.drain(QUIET));
        }
    }

    private static MarketSink recording(final MarketSink target, final List<String> ops) {
        return new MarketSink() {
            @Override
            public long depthDiff(final String symbol, final String[][] bids, final String[][] asks) {
                ops.add("depth " + symbol + " " + Arrays.deepToString(bids) + " " + Arrays.deepToString(asks));
                return target.depthDiff(symbol, bids, asks);
            }

            @Override
            public long trade(final String symbol, final String price, final String qty, final boolean buyerIsMaker) {
                ops.add("trade " + symbol + " " + price + " " + qty + " " + buyerIsMaker);
                return target.trade(symbol, price, qty, buyerIsMaker);
            }

            @Override
            public void markPrice(final String symbol, final String mark, final String index, final String fundingRate,
                                  final long nextFundingTimeMs) {
                ops.add("mark " + symbol + " " + mark + " " + index + " " + fundingRate + " " + nextFundingTimeMs);
                target.markPrice(symbol, mark, index, fundingRate, nextFundingTimeMs);
            }

            @Override
            public void closeDueKlines(final long nowMs) {
                ops.add("klines " + nowMs);
                target.closeDueKlines(nowMs);
            }
        };
    }

    @Test
    void shouldProduceIdenticalOperationsAndFramesForTheSameSeed() throws Exception {
        final Run a = run(17, 4_000);
        final Run b = run(17, 4_000);
        assertTrue(a.operations().size() > 4_000, "operations: " + a.operations().size());
        assertEquals(a.operations(), b.operations());
        assertTrue(a.publicFrames().size() > 1_000, "public frames: " + a.publicFrames().size());
        assertTrue(a.publicFrames().stream().filter(f -> f.contains("depthUpdate")).count() >= 40,
            "aggregated diffs of 4 s of model time on a 100 ms and a 250 ms stream");
        assertEquals(a.publicFrames(), b.publicFrames());
        assertTrue(a.marketFrames().stream().anyMatch(f -> f.contains("\"x\":true")), "a 1m kline closed");
        assertEquals(a.marketFrames(), b.marketFrames());
        final Run c = run(18, 4_000);
        assertNotEquals(a.operations(), c.operations());
        assertNotEquals(a.publicFrames(), c.publicFrames());
    }

    @Test
    void shouldKeepAClientSyncedBookEqualToTheGeneratorsAndNeverCrossed() throws Exception {
        final BinanceSim sim = sim();
        final SimClient client = new SimClient(sim);
        final SyntheticMarket gen = new SyntheticMarket(sim, simulated(3).build());
        gen.buildInitialBook();
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker")) {
            gen.runFor(1_500);
            final JsonNode snapshot = SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000"));
            final SyncedBook book = new SyncedBook(snapshot);
            for (int checkpoint = 0; checkpoint < 3; checkpoint++) {
                gen.runFor(2_000);
                gen.pause(Duration.ofSeconds(1)); // the period of the last diff ends: its aggregated diff goes out
                final long target = sim.market().lastUpdateId("BTCUSDT");
                while (book.lastU < target) {
                    book.accept(ws.nextJson());
                }
                assertEquals(target, book.lastU);
                assertBookEquals(gen.book("BTCUSDT", Side.BID), book.bids);
                assertBookEquals(gen.book("BTCUSDT", Side.ASK), book.asks);
                assertBookEquals(sim.market().bookSide("BTCUSDT", Side.BID), book.bids);
                assertBookEquals(sim.market().bookSide("BTCUSDT", Side.ASK), book.asks);
            }
            // 6 s of model time with changes: about 60 aggregated 100 ms diffs
            assertTrue(book.applied > 40, "diffs applied: " + book.applied);
            assertTrue(book.tickersChecked > 10, "bookTickers checked: " + book.tickersChecked);
        }
    }

    @Test
    void shouldSyncAClientFromASnapshotTakenWhileThePacedDriverRuns() throws Exception {
        final BinanceSim sim = sim();
        final SimClient client = new SimClient(sim);
        final SyntheticMarket gen = closing(new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(6)
            .eventRate(5_000).timeMode(TimeMode.WALL).build()));
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker")) {
            gen.start();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gen.eventsGenerated() < 1_000 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            final SyncedBook book = new SyncedBook(SimClient.json(
                client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000")));
            while (gen.eventsGenerated() < 6_000 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            gen.close();
            assertTrue(gen.failure() == null, "driver failed: " + gen.failure());
            final long target = sim.market().lastUpdateId("BTCUSDT");
            while (book.lastU < target) {
                book.accept(ws.nextJson());
            }
            assertTrue(book.applied >= 5, "aggregated diffs applied over ~1 s: " + book.applied);
            assertBookEquals(gen.book("BTCUSDT", Side.BID), book.bids);
            assertBookEquals(gen.book("BTCUSDT", Side.ASK), book.asks);
        }
    }

    private static void assertBookEquals(final List<BigDecimal[]> expected,
                                         final NavigableMap<BigDecimal, BigDecimal> actual) {
        assertEquals(expected.size(), actual.size(), "levels");
        int i = 0;
        for (final Map.Entry<BigDecimal, BigDecimal> e : actual.entrySet()) {
            assertEquals(0, expected.get(i)[0].compareTo(e.getKey()), "price of level " + i);
            assertEquals(0, expected.get(i)[1].compareTo(e.getValue()), "qty at " + e.getKey());
            i++;
        }
    }

    /**
     * A client book kept with the venue's documented procedure: REST snapshot, then diffs chained by pu. A bookTicker
     * is sent at its change, before the aggregated diff holding it: it is checked against the book after the diff
     * whose {@code u} it names (one naming an id inside a diff describes a state the client never holds).
     */
    private static final class SyncedBook {
        final List<JsonNode> tickers = new ArrayList<>();
        final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        final long snapshotId;
        long lastU;
        boolean synced;
        int applied;
        int tickersChecked;

        SyncedBook(final JsonNode snapshot) {
            snapshotId = snapshot.get("lastUpdateId").asLong();
            lastU = snapshotId;
            SimClient.applyLevels(bids, snapshot.get("bids"));
            SimClient.applyLevels(asks, snapshot.get("asks"));
        }

        void accept(final JsonNode envelope) {
            final JsonNode d = envelope.get("data");
            if ("depthUpdate".equals(d.path("e").asText())) {
                final long first = d.get("U").asLong();
                final long last = d.get("u").asLong();
                if (last < snapshotId) {
                    return;
                }
                if (!synced) {
                    assertTrue(first <= snapshotId && snapshotId <= last, "first event must straddle the snapshot");
                    synced = true;
                } else {
                    assertEquals(lastU, d.get("pu").asLong(), "pu chain");
                }
                SimClient.applyLevels(bids, d.get("b"));
                SimClient.applyLevels(asks, d.get("a"));
                lastU = last;
                applied++;
                assertTrue(bids.firstKey().compareTo(asks.firstKey()) < 0, "crossed at u=" + last);
                for (final JsonNode t : tickers) {
                    if (t.get("u").asLong() == last) {
                        checkTicker(t);
                    }
                }
                tickers.removeIf(t -> t.get("u").asLong() <= last);
            } else if ("bookTicker".equals(d.path("e").asText())) {
                final long u = d.get("u").asLong();
                if (u < snapshotId) {
                    return;
                }
                assertTrue(u > lastU || !synced, "bookTicker " + u + " before its diff, after " + lastU);
                tickers.add(d);
            } else {
                fail("unexpected frame " + envelope);
            }
        }

        private void checkTicker(final JsonNode d) {
            final long u = d.get("u").asLong();
            assertEquals(0, bids.firstKey().compareTo(new BigDecimal(d.get("b").asText())), "best bid at " + u);
            assertEquals(0, bids.firstEntry().getValue().compareTo(new BigDecimal(d.get("B").asText())));
            assertEquals(0, asks.firstKey().compareTo(new BigDecimal(d.get("a").asText())), "best ask at " + u);
            assertEquals(0, asks.firstEntry().getValue().compareTo(new BigDecimal(d.get("A").asText())));
            tickersChecked++;
        }
    }

    @Test
    void shouldTradeBothSidesCloseKlinesSwitchRegimesAndKeepTheGrid() throws Exception {
        final BinanceSim sim = sim();
        final SimClient client = new SimClient(sim);
        final SyntheticMarket gen = new SyntheticMarket(sim, simulated(11).eventRate(2_000)
            .regimeSwitching(0.3, 0.3).build());
        final SimSymbol btc = SimSymbol.btcusdt();
        try (SimClient.Ws pub = client.ws("/public/stream?streams=btcusdt@depth");
             SimClient.Ws mkt = client.ws("/market/stream?streams=btcusdt@aggTrade/btcusdt@kline_1m/"
                 + "btcusdt@markPrice@1s")) {
            gen.runFor(10_000);
            final List<String> depth = pub.drain(QUIET);
            final List<String> market = mkt.drain(QUIET);
            final InstrumentStats stats = gen.stats("BTCUSDT");
            assertTrue(stats.trades() > 50, "trades: " + stats);
            assertTrue(stats.takerBuyTrades() > 0 && stats.takerBuyTrades() < stats.trades(), "both sides: " + stats);
            assertTrue(stats.cancels() > 500 && stats.limitOrders() > 500 && stats.marketOrders() > 20,
                stats.toString());
            assertTrue(stats.regimeSwitches() > 0, "regimes switch: " + stats);
            assertTrue(stats.crossingLimits() > 0, "crossing limit orders traded: " + stats);
            int buyerMaker = 0;
            int closedKlines = 0;
            int marks = 0;
            for (final String frame : market) {
                final JsonNode d = SimClient.json(frame).get("data");
                switch (d.get("e").asText()) {
                    case "aggTrade":
                        assertTrue(btc.onStep(new BigDecimal(d.get("q").asText())), frame);
                        assertTrue(btc.onTick(new BigDecimal(d.get("p").asText())), frame);
                        buyerMaker += d.get("m").asBoolean() ? 1 : 0;
                        break;
                    case "kline":
                        closedKlines += d.get("k").get("x").asBoolean() ? 1 : 0;
                        break;
                    case "markPriceUpdate":
                        marks++;
                        final double mark = Double.parseDouble(d.get("p").asText());
                        final double index = Double.parseDouble(d.get("i").asText());
                        assertTrue(Math.abs(mark / index - 1) < 0.001, frame);
                        assertTrue(Math.abs(Double.parseDouble(d.get("r").asText())) <= 0.003, frame);
                        break;
                    default:
                        fail("unexpected " + frame);
                }
            }
            assertEquals(stats.trades() - stats.takerBuyTrades(), buyerMaker);
            assertTrue(closedKlines >= 1, "closed 1m klines: " + closedKlines);
            assertTrue(marks >= 4, "mark prices: " + marks);
            for (final String frame : depth) {
                final JsonNode d = SimClient.json(frame).get("data");
                for (final String side : new String[] {"b", "a"}) {
                    for (final JsonNode l : d.get(side)) {
                        assertTrue(btc.onTick(new BigDecimal(l.get(0).asText())), frame);
                        assertTrue(btc.onStep(new BigDecimal(l.get(1).asText())), frame);
                    }
                }
            }
            assertFalse(depth.isEmpty());
        }
    }

    @Test
    void shouldReportEveryFrameItCausesWithTheIdsTheClientSees() throws Exception {
        final BinanceSim sim = perDiffSim();
        final SimClient client = new SimClient(sim);
        final List<String> reported = new ArrayList<>();
        final SyntheticMarket gen = new SyntheticMarket(sim, simulated(8).build()).frameListener((s, kind, id, at) -> {
            if ("BTCUSDT".equals(s) && kind != FrameListener.FrameKind.MARK_PRICE) {
                reported.add(kind + " " + id);
            }
        });
        try (SimClient.Ws pub = client.ws("/public/stream?streams=btcusdt@depth/btcusdt@bookTicker");
             SimClient.Ws mkt = client.ws("/market/stream?streams=btcusdt@aggTrade")) {
            gen.runFor(3_000);
            final List<String> received = new ArrayList<>();
            for (final String frame : pub.drain(QUIET)) {
                final JsonNode d = SimClient.json(frame).get("data");
                received.add(("depthUpdate".equals(d.get("e").asText()) ? "DEPTH_UPDATE " : "BOOK_TICKER ")
                    + d.get("u").asLong());
            }
            for (final String frame : mkt.drain(QUIET)) {
                received.add("AGG_TRADE " + SimClient.json(frame).get("data").get("a").asLong());
            }
            Collections.sort(received);
            Collections.sort(reported);
            assertTrue(received.size() > 1_000, "frames " + received.size());
            assertEquals(reported, received);
        }
    }

    @Test
    void shouldRejectInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarketConfig.builder().eventRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarketConfig.builder().levels(50, 20).build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarketConfig.builder().hawkes(0.2, 10).build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarketConfig.builder().placementP(0).build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarketConfig.builder().regimeSwitching(1.5, 0)
            .build());
        final BinanceSim sim = sim();
        final SyntheticMarketConfig solUsdt = SyntheticMarketConfig.builder().instrument(
            new SyntheticMarketConfig.Instrument(new SimSymbol("SOLUSDT", "0.01", "0.01", 2, 2), 150, 1, 100, 1))
            .build();
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(sim, solUsdt));
    }

    /** Runs a throw-away generator flat out into its own sim and client, so the JIT has compiled the paths. */
    private static void warmUp(final int events) throws InterruptedException {
        try (BinanceSim sim = perDiffSimUnmanaged();
             RateProbe probe = RateProbe.connect(sim, DEPTH_AND_TICKER)) {
            final SyntheticMarket gen = new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(99)
                .timeMode(TimeMode.WALL).build());
            gen.runFor(events);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long seen = -1;
            while (probe.frames() != seen && System.nanoTime() < deadline) { // until the client has caught up
                seen = probe.frames();
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    @Test
    void shouldHoldThePacedRateWithinTenPercent() throws Exception {
        warmUp(50_000);
        final BinanceSim sim = perDiffSim();
        final SyntheticMarket gen = closing(new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(2)
            .eventRate(20_000).timeMode(TimeMode.WALL).build()));
        try (RateProbe probe = RateProbe.connect(sim, DEPTH_AND_TICKER)) {
            gen.start();
            final RateProbe.Result r = probe.measure(gen, Duration.ofMillis(300), Duration.ofSeconds(2));
            assertTrue(gen.failure() == null, "driver failed: " + gen.failure());
            assertTrue(Math.abs(r.eventsPerSecond() / 20_000 - 1) < 0.10, "events/s " + r);
            assertTrue(r.framesPerSecond() > 5_000, "frames/s to one client " + r);
        }
    }

    @Test
    void shouldNotDriftBehindTheSchedule() throws Exception {
        final BinanceSim sim = sim();
        final List<Long> intended = Collections.synchronizedList(new ArrayList<>());
        final SyntheticMarket gen = closing(new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(4)
            .eventRate(2_000).timeMode(TimeMode.WALL).build()).frameListener((s, k, id, at) -> intended.add(at)));
        final long start = System.nanoTime();
        gen.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gen.eventsGenerated() < 1_000 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        gen.close();
        assertTrue(gen.eventsGenerated() >= 1_000, "events " + gen.eventsGenerated());
        final long last;
        synchronized (intended) {
            last = intended.get(intended.size() - 1);
            for (int i = 1; i < intended.size(); i++) {
                assertTrue(intended.get(i) >= intended.get(i - 1), "intended times are monotonic");
            }
        }
        // the schedule is the model time: about 1 000 events at 2 000/s take ~0.5 s from the start, not more
        final double scheduledSeconds = (last - start) / 1e9;
        final double expected = gen.eventsGenerated() / 2_000.0;
        assertTrue(Math.abs(scheduledSeconds - expected) < 0.25, "scheduled " + scheduledSeconds + " s for "
            + gen.eventsGenerated() + " events");
    }

    /**
     * Manual measurement: {@code -Dringtrader.sim.maxRate=250000} paces at that rate for 3 s with one client on
     * {@code -Dringtrader.sim.maxRate.streams} (default BTC and ETH diff depth; {@code none}: no client) and logs
     * the events generated and frames received per second.
     */
    @Test
    @EnabledIfSystemProperty(named = "ringtrader.sim.maxRate", matches = "\\d+")
    void shouldReportTheRateItReaches() throws Exception {
        final double rate = Double.parseDouble(System.getProperty("ringtrader.sim.maxRate"));
        final String streams = System.getProperty("ringtrader.sim.maxRate.streams",
            "btcusdt@depth@100ms/ethusdt@depth@100ms");
        final BinanceSim sim = perDiffSim();
        final SyntheticMarket gen = closing(new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(2)
            .eventRate(rate).timeMode(TimeMode.WALL).build()));
        warmUp(Integer.getInteger("ringtrader.sim.maxRate.warmUp", 400_000));
        final RateProbe probe = "none".equals(streams) ? null
            : closing(RateProbe.connect(sim, "/public/stream?streams=" + streams));
        gen.start();
        final long t0 = System.nanoTime();
        final long e0 = gen.eventsGenerated();
        final long f0 = probe == null ? 0 : probe.frames();
        TimeUnit.SECONDS.sleep(3);
        final double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.warn("paced at {} events/s, client on {}: {} events/s generated, {} frames/s received, max lag {} ms",
            rate, streams, Math.round((gen.eventsGenerated() - e0) / seconds),
            probe == null ? 0 : Math.round((probe.frames() - f0) / seconds), gen.maxLagNanos() / 1_000_000);
        assertTrue(gen.failure() == null, "driver failed: " + gen.failure());
    }
}
