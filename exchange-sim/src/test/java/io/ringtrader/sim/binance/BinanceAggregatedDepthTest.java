package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.SimSymbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
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
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).aggregateDepth(true)
            .firstUpdateId(500).build()).start();
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
