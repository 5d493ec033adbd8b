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
import java.util.Map;
import java.util.TreeMap;

import static io.ringtrader.sim.binance.BinanceMarket.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BinanceAggregatedDepthTest {
    private BinanceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).firstUpdateId(500).build())
            .start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void shouldMergeDiffsPerPeriodWithAnUnbrokenChain() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@500ms")) {
            long lastU = 0;
            for (int i = 0; i < 10; i++) {
                lastU = sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", (i + 1) + ".0"),
                    level("99." + i, "1")}, new String[][] {level("100.5", "1")});
            }
            final Map<BigDecimal, BigDecimal> bids = new TreeMap<>();
            long prev = 500;
            int events = 0;
            while (prev != lastU) {
                final JsonNode d = ws.nextJson().get("data");
                events++;
                assertEquals(prev, d.get("pu").asLong());
                assertTrue(d.get("U").asLong() > prev + 1);
                for (final JsonNode l : d.get("b")) {
                    bids.put(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText()));
                }
                prev = d.get("u").asLong();
            }
            assertTrue(events < 10, "diffs were not merged: " + events + " events");
            final Map<BigDecimal, BigDecimal> book = new TreeMap<>();
            for (final BigDecimal[] l : sim.market().bookSide("BTCUSDT", L2Book.Side.BID)) {
                book.put(l[0], l[1]);
            }
            assertEquals(book.size(), bids.size());
            for (final Map.Entry<BigDecimal, BigDecimal> e : book.entrySet()) {
                assertEquals(0, e.getValue().compareTo(bids.get(e.getKey())), "level " + e.getKey());
            }
        }
    }

    @Test
    void shouldAggregateByDefault() {
        assertTrue(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).build().aggregateDepth());
    }

    @Test
    void shouldServeASnapshotWhoseIdFallsStrictlyInsideTheNextEvent() throws Exception {
        sim.clock().fixAt(1_700_000_000_000L); // the start of a 100 ms period
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            final long u1 = sim.market().depthDiff("BTCUSDT", new String[][] {level("60000.0", "1")}, new String[0][]);
            sim.market().depthDiff("BTCUSDT", new String[][] {level("59999.9", "2")}, new String[0][]);
            final long snapshotId = SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5"))
                .get("lastUpdateId").asLong();
            sim.market().depthDiff("BTCUSDT", new String[0][], new String[][] {level("60000.1", "1")});
            sim.clock().advanceMs(100);
            final JsonNode d = ws.nextJson().get("data");
            assertTrue(d.get("U").asLong() < snapshotId && snapshotId < d.get("u").asLong(),
                "snapshot " + snapshotId + " inside [" + d.get("U") + ", " + d.get("u") + "]");
            assertNotEquals(snapshotId, d.get("pu").asLong(), "pu names the previous event, not the snapshot");
            assertTrue(d.get("U").asLong() <= u1);
        }
    }

    @Test
    void shouldCarryEveryLevelChangedInThePeriodInOneEvent() throws Exception {
        sim.clock().fixAt(1_700_000_000_000L);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth")) {
            for (int i = 0; i < 30; i++) {
                sim.market().depthDiff("BTCUSDT", new String[][] {level(new BigDecimal("59990.0")
                    .subtract(BigDecimal.valueOf(i, 1)).toPlainString(), "1")}, new String[0][]);
                sim.clock().advanceMs(5);
            }
            sim.clock().advanceMs(250);
            final JsonNode d = ws.nextJson().get("data");
            assertEquals(30, d.get("b").size(), "one 250 ms event with the 30 levels changed in it");
            assertTrue(ws.drain(Duration.ofMillis(300)).isEmpty());
        }
    }

    @Test
    void shouldHoldThePeriodsEventWhileVenueTimeStandsStill() throws Exception {
        sim.clock().fixAt(1_700_000_000_000L);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            sim.market().depthDiff("BTCUSDT", new String[][] {level("60000.0", "1")}, new String[0][]);
            assertTrue(ws.drain(Duration.ofMillis(300)).isEmpty(), "the period has not ended in venue time");
            sim.clock().advanceMs(100);
            assertEquals(1, ws.nextJson().get("data").get("b").size());
        }
    }

    @Test
    void shouldLeaveAGapInEverySpeedWhenADiffIsDropped() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            final long u1 = sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "1")}, new String[0][]);
            JsonNode d = ws.nextJson().get("data");
            assertEquals(u1, d.get("u").asLong());
            sim.faults().dropNextDepthDiff("BTCUSDT");
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "2")}, new String[0][]);
            final long u3 = sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "3")}, new String[0][]);
            d = ws.nextJson().get("data");
            assertEquals(u3, d.get("u").asLong());
            assertNotEquals(u1, d.get("pu").asLong());
        }
    }
}
