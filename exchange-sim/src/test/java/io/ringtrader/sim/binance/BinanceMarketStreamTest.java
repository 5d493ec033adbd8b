package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.SimSymbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static io.ringtrader.sim.binance.BinanceMarket.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BinanceMarketStreamTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    private BinanceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        // one event per diff: these tests read each diff's ids (aggregation: BinanceAggregatedDepthTest)
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimClient.BTC_AT_100).idStep(3, 50).seed(11)
            .aggregateDepth(false).apiKey(SimClient.KEY, SimClient.SECRET).build()).start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void seedBook() {
        sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "1"), level("99.9", "2")},
            new String[][] {level("100.1", "1.5"), level("100.2", "3")});
    }

    @Test
    void shouldChainDiffIdsWithNonContiguousGaps() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            long prevU = -1;
            for (int i = 0; i < 20; i++) {
                sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", Integer.toString(i + 1))},
                    new String[][] {level("100.5", "1"), level("100.6", "2")});
                final JsonNode env = ws.nextJson();
                assertEquals("btcusdt@depth@100ms", env.get("stream").asText());
                final JsonNode d = env.get("data");
                assertEquals("depthUpdate", d.get("e").asText());
                assertEquals("BTCUSDT", d.get("s").asText());
                assertTrue(d.get("u").asLong() >= d.get("U").asLong());
                if (prevU >= 0) {
                    assertEquals(prevU, d.get("pu").asLong());
                    assertNotEquals(prevU + 1, d.get("U").asLong());
                }
                assertEquals("100.00", d.get("b").get(0).get(0).asText());
                assertEquals(Integer.toString(i + 1) + ".000", d.get("b").get(0).get(1).asText());
                prevU = d.get("u").asLong();
            }
        }
    }

    @Test
    void shouldServeSnapshotThatDiffsReplayOntoTheSimBook() throws Exception {
        seedBook();
        try (SimClient.Ws ws = client.ws("/public/ws/btcusdt@depth")) {
            final JsonNode snap = SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000"));
            assertEquals(sim.market().lastUpdateId("BTCUSDT"), snap.get("lastUpdateId").asLong());
            final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
            final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
            load(bids, snap.get("bids"));
            load(asks, snap.get("asks"));
            final SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < 50; i++) {
                final String bid = new BigDecimal("99.0").add(BigDecimal.valueOf(r.nextInt(10), 1)).toPlainString();
                final String ask = new BigDecimal("100.1").add(BigDecimal.valueOf(r.nextInt(10), 1)).toPlainString();
                sim.market().depthDiff("BTCUSDT", new String[][] {level(bid, r.nextInt(3) + ".5")},
                    new String[][] {level(ask, Integer.toString(r.nextInt(3)))});
            }
            long last = snap.get("lastUpdateId").asLong();
            for (int i = 0; i < 50; i++) {
                final JsonNode d = ws.nextJson(); // raw: no envelope
                assertEquals(last, d.get("pu").asLong());
                last = d.get("u").asLong();
                load(bids, d.get("b"));
                load(asks, d.get("a"));
            }
            assertEquals(toMap(sim.market().bookSide("BTCUSDT", L2Book.Side.BID)), bids);
            assertEquals(toMap(sim.market().bookSide("BTCUSDT", L2Book.Side.ASK)), asks);
            final JsonNode again = SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5"));
            assertEquals(last, again.get("lastUpdateId").asLong());
            assertTrue(again.get("bids").size() <= 5);
        }
    }

    private static void load(final Map<BigDecimal, BigDecimal> side, final JsonNode levels) {
        for (final JsonNode l : levels) {
            final BigDecimal q = new BigDecimal(l.get(1).asText());
            if (q.signum() == 0) {
                side.remove(new BigDecimal(l.get(0).asText()).stripTrailingZeros());
            } else {
                side.put(new BigDecimal(l.get(0).asText()).stripTrailingZeros(), q.stripTrailingZeros());
            }
        }
    }

    private static Map<BigDecimal, BigDecimal> toMap(final List<BigDecimal[]> levels) {
        final Map<BigDecimal, BigDecimal> m = new TreeMap<>();
        for (final BigDecimal[] l : levels) {
            m.put(l[0].stripTrailingZeros(), l[1].stripTrailingZeros());
        }
        return m;
    }

    @Test
    void shouldKeepTheChainWhenDiffsComeFromMarketCallsAndOrdersAtOnce() throws Exception {
        final String[][] asks = new String[40][];
        for (int i = 0; i < asks.length; i++) {
            asks[i] = level(new BigDecimal("100.1").add(BigDecimal.valueOf(i, 1)).toPlainString(), "1");
        }
        sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "1")}, asks);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            final Thread feeder = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    sim.market().depthDiff("BTCUSDT", new String[][] {level("99.0", (i + 1) + ".0")}, new String[0][]);
                }
            }, "feeder");
            feeder.start();
            for (int i = 0; i < 20; i++) { // each taker order changes the book on an IO thread
                assertEquals(200, client.signed("POST", "/fapi/v1/order",
                    "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.500").statusCode());
            }
            feeder.join(10_000);
            long prevU = -1;
            for (int i = 0; i < 120; i++) {
                final JsonNode d = ws.nextJson().get("data");
                if (prevU >= 0) {
                    assertEquals(prevU, d.get("pu").asLong(), "event " + i);
                }
                prevU = d.get("u").asLong();
            }
            assertEquals(sim.market().lastUpdateId("BTCUSDT"), prevU);
        }
    }

    @Test
    void shouldBreakTheChainWhenADiffIsDropped() throws Exception {
        seedBook();
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "2")}, new String[0][]);
            final long u1 = ws.nextJson().get("data").get("u").asLong();
            sim.faults().dropNextDepthDiff("BTCUSDT");
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "3")}, new String[0][]);
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "4")}, new String[0][]);
            final JsonNode d3 = ws.nextJson().get("data");
            assertNotEquals(u1, d3.get("pu").asLong());
            assertEquals(1, sim.market().droppedDiffs("BTCUSDT"));
            assertEquals(d3.get("u").asLong(), SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5"))
                .get("lastUpdateId").asLong());
        }
    }

    @Test
    void shouldDeriveBookTickerWithTheDepthUpdateId() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@bookTicker/btcusdt@depth@500ms")) {
            seedBook();
            final JsonNode depth = ws.nextWhere("stream", "btcusdt@depth@500ms").get("data");
            final JsonNode ticker = ws.nextWhere("stream", "btcusdt@bookTicker").get("data");
            assertEquals(depth.get("u").asLong(), ticker.get("u").asLong());
            assertEquals("100.00", ticker.get("b").asText());
            assertEquals("1.000", ticker.get("B").asText());
            assertEquals("100.10", ticker.get("a").asText());
            assertEquals("1.500", ticker.get("A").asText());
        }
    }

    @Test
    void shouldServePartialDepth() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth5@100ms")) {
            seedBook();
            final JsonNode d = ws.nextJson().get("data");
            assertEquals(2, d.get("b").size());
            assertEquals("99.90", d.get("b").get(1).get(0).asText());
            assertEquals(sim.market().lastUpdateId("BTCUSDT"), d.get("u").asLong());
        }
    }

    @Test
    void shouldNotDeliverAStreamSubscribedOnTheWrongRoute() throws Exception {
        try (SimClient.Ws wrong = client.ws("/public/stream?streams=btcusdt@aggTrade");
             SimClient.Ws right = client.ws("/market/stream?streams=btcusdt@aggTrade")) {
            sim.market().trade("BTCUSDT", "100.1", "0.5", false);
            final JsonNode t = right.nextJson().get("data");
            assertEquals("aggTrade", t.get("e").asText());
            assertEquals("100.10", t.get("p").asText());
            assertEquals("0.500", t.get("q").asText());
            assertFalse(t.get("m").asBoolean());
            assertEquals(t.get("f").asLong(), t.get("l").asLong());
            assertTrue(wrong.drain(QUIET).isEmpty());
            assertEquals(1, sim.hub().misroutedSubscriptions().size());
        }
    }

    @Test
    void shouldRefuseMisroutedStreamsWhenStrict() throws Exception {
        try (BinanceSim strict = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt())
            .refuseMisroutedStreams(true).build()).start()) {
            final SimClient c = new SimClient(strict);
            try (SimClient.Ws ws = c.ws("/public/ws")) {
                ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@markPrice@1s\"],\"id\":3}");
                final JsonNode reply = ws.nextJson();
                assertEquals(2, reply.get("code").asInt());
                assertEquals(3, reply.get("id").asInt());
            }
            assertTrue(assertThrows(RuntimeException.class,
                () -> c.ws("/market/stream?streams=btcusdt@depth@100ms")).getMessage() != null);
        }
    }

    @Test
    void shouldHandleLiveSubscribeUnsubscribeAndList() throws Exception {
        try (SimClient.Ws ws = client.ws("/market/ws")) {
            ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@markPrice@1s\",\"btcusdt@kline_1m\"],\"id\":7}");
            final JsonNode ack = ws.nextJson();
            assertTrue(ack.get("result").isNull());
            assertEquals(7, ack.get("id").asInt());
            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
            assertEquals(2, ws.nextJson().get("result").size());
            sim.market().markPrice("BTCUSDT", "100.05", "100.04", "0.0001", 1_700_000_000_000L);
            final JsonNode mark = ws.nextJson();
            assertEquals("markPriceUpdate", mark.get("e").asText());
            assertEquals("100.05", mark.get("p").asText());
            assertEquals("100.04", mark.get("i").asText());
            assertEquals("0.0001", mark.get("r").asText());
            ws.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@markPrice@1s\"],\"id\":9}");
            ws.nextWhere("id", "9"); // the 1 s repeat of 100.05 may come first
            sim.market().markPrice("BTCUSDT", "100.06", "100.04", "0.0001", 1_700_000_000_000L);
            for (final String m : ws.drain(QUIET)) {
                assertFalse(m.contains("100.06"), m);
            }
        }
    }

    @Test
    void shouldBuildOneMinuteKlinesFromTradesAndCloseThem() throws Exception {
        sim.clock().fixAt(1_700_000_080_000L); // 40 s into a minute
        try (SimClient.Ws ws = client.ws("/market/stream?streams=btcusdt@kline_1m")) {
            sim.market().trade("BTCUSDT", "100.0", "1", false);
            sim.market().trade("BTCUSDT", "101.0", "2", true);
            sim.clock().advanceMs(250); // the 250 ms period ends: one update with both trades
            final JsonNode k = ws.nextJson().get("data").get("k");
            assertEquals("100.00", k.get("o").asText());
            assertEquals("101.00", k.get("h").asText());
            assertEquals("3.000", k.get("v").asText());
            assertEquals("1.000", k.get("V").asText());
            assertEquals(2, k.get("n").asInt());
            assertFalse(k.get("x").asBoolean());
            sim.clock().advanceMs(30_000);
            sim.market().trade("BTCUSDT", "99.0", "1", false);
            final JsonNode closed = ws.nextJson().get("data").get("k");
            assertTrue(closed.get("x").asBoolean());
            assertEquals("101.00", closed.get("c").asText());
            sim.clock().advanceMs(250);
            final JsonNode next = ws.nextJson().get("data").get("k");
            assertFalse(next.get("x").asBoolean());
            assertEquals(closed.get("T").asLong() + 1, next.get("t").asLong());
        }
    }

    @Test
    void shouldSendOneKlineUpdatePer250MillisecondsHoweverManyTrades() throws Exception {
        sim.clock().fixAt(1_700_000_080_000L);
        try (SimClient.Ws ws = client.ws("/market/stream?streams=btcusdt@kline_1m")) {
            for (int i = 0; i < 20; i++) {
                sim.market().trade("BTCUSDT", "100.0", "0.010", i % 2 == 0);
                sim.clock().advanceMs(10);
            }
            sim.clock().advanceMs(60); // 260 ms after the first trade: the period has ended
            final JsonNode d = ws.nextJson().get("data");
            assertEquals(20, d.get("k").get("n").asInt());
            assertEquals(1_700_000_080_250L, d.get("E").asLong(), "stamped with the end of its period");
            assertTrue(ws.drain(QUIET).isEmpty(), "one frame for the period");
        }
    }

    @Test
    void shouldCloseAKlineWhenItsIntervalEndsWithoutATrade() throws Exception {
        sim.clock().fixAt(1_700_000_080_000L);
        try (SimClient.Ws ws = client.ws("/market/stream?streams=btcusdt@kline_1m")) {
            sim.market().trade("BTCUSDT", "100.0", "1", false);
            sim.clock().advanceMs(250);
            assertFalse(ws.nextJson().get("data").get("k").get("x").asBoolean());
            sim.clock().advanceMs(20_000); // the server's timer closes it
            final JsonNode closed = ws.nextJson().get("data").get("k");
            assertTrue(closed.get("x").asBoolean());
            assertEquals(1_700_000_099_999L, closed.get("T").asLong());
        }
    }

    @Test
    void shouldSendTheMarkPriceEverySecondAndEveryThirdSecondOnTheSlowStream() throws Exception {
        sim.clock().fixAt(1_700_000_001_100L); // 3 s boundaries at ..001_000, ..004_000, ..007_000
        try (SimClient.Ws ws = client.ws("/market/stream?streams=btcusdt@markPrice@1s/btcusdt@markPrice")) {
            sim.market().markPrice("BTCUSDT", "100.05", "100.04", "0.0001", 1_700_000_000_000L);
            int slow = 0;
            for (int second = 2; second <= 7; second++) {
                sim.clock().advanceMs(1_000);
                JsonNode env = ws.nextJson();
                while (!"btcusdt@markPrice@1s".equals(env.get("stream").asText())) {
                    slow++;
                    env = ws.nextJson();
                }
                assertEquals(1_700_000_000_000L + second * 1_000L, env.get("data").get("E").asLong());
            }
            for (final String frame : ws.drain(QUIET)) {
                assertEquals("btcusdt@markPrice", SimClient.json(frame).get("stream").asText(), frame);
                slow++;
            }
            assertEquals(2, slow, "seconds 2..7 cross the 3 s boundaries at 4 and 7");
        }
    }

    @Test
    void shouldAnswerOpenInterest() {
        sim.market().openInterest("BTCUSDT", "10659.509");
        final JsonNode oi = SimClient.json(client.get("/fapi/v1/openInterest?symbol=BTCUSDT"));
        assertEquals("10659.509", oi.get("openInterest").asText());
        assertEquals("BTCUSDT", oi.get("symbol").asText());
    }
}
