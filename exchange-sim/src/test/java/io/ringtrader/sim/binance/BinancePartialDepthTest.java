package io.ringtrader.sim.binance;

import static io.ringtrader.sim.binance.BinanceMarket.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.L2Book;
import io.ringtrader.sim.SimSymbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Partial book depth ({@code <sym>@depth<N>[@speed]}): the top N levels on the speed's tick, ids chained per speed. */
@Timeout(30)
class BinancePartialDepthTest {
    private static final long FIRST_ID = 500;
    private static final Duration QUIET = Duration.ofMillis(700);

    private BinanceSim sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void shouldSendTheTopLevelsOnTheSpeedTickWithIdsChainedLikeTheDiffs() throws Exception {
        final SimClient client = start(false);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth5@100ms/btcusdt@depth@100ms")) {
            long lastU = 0;
            for (int i = 0; i < 12; i++) {
                lastU = sim.market().depthDiff("BTCUSDT", new String[][] {level("100." + i, "1." + i)},
                    new String[][] {level("101." + i, "2." + i)});
            }
            final Map<Long, JsonNode> diffsByPrev = new HashMap<>();
            final List<JsonNode> partials = new ArrayList<>();
            while (partials.isEmpty() || partials.get(partials.size() - 1).get("u").asLong() != lastU) {
                final JsonNode frame = ws.nextJson();
                final JsonNode data = frame.get("data");
                if (frame.get("stream").asText().equals("btcusdt@depth@100ms")) {
                    diffsByPrev.put(data.get("pu").asLong(), data);
                } else {
                    partials.add(data);
                }
            }

            long prev = FIRST_ID;
            for (final JsonNode partial : partials) {
                assertEquals("depthUpdate", partial.get("e").asText());
                assertEquals(prev, partial.get("pu").asLong(), "pu is the u of the speed's previous partial event");
                final JsonNode firstDiff = diffsByPrev.get(prev);
                assertEquals(firstDiff.get("U").asLong(), partial.get("U").asLong(), "U is the first id since then");
                prev = partial.get("u").asLong();
            }
            final JsonNode last = partials.get(partials.size() - 1);
            assertEquals(top("BTCUSDT", L2Book.Side.BID, 5), levels(last.get("b")));
            assertEquals(top("BTCUSDT", L2Book.Side.ASK, 5), levels(last.get("a")));
            assertEquals(5, last.get("b").size());
        }
    }

    @Test
    void shouldServeEachDepthAtEachSpeed() throws Exception {
        final SimClient client = start(false);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth5/btcusdt@depth10@500ms/btcusdt@depth20@100ms")) {
            final String[][] bids = new String[25][];
            final String[][] asks = new String[25][];
            for (int i = 0; i < 25; i++) {
                bids[i] = level(new BigDecimal("100.0").subtract(new BigDecimal("0.1").multiply(BigDecimal.valueOf(i)))
                    .toPlainString(), Integer.toString(i + 1));
                asks[i] = level(new BigDecimal("100.1").add(new BigDecimal("0.1").multiply(BigDecimal.valueOf(i)))
                    .toPlainString(), Integer.toString(i + 2));
            }
            sim.market().depthDiff("BTCUSDT", bids, asks);

            final Map<String, JsonNode> firstByStream = new HashMap<>();
            while (firstByStream.size() < 3) {
                final JsonNode frame = ws.nextJson();
                firstByStream.putIfAbsent(frame.get("stream").asText(), frame.get("data"));
            }
            for (final int depth : new int[] {5, 10, 20}) {
                final String stream = "btcusdt@depth" + depth + (depth == 5 ? "" : depth == 10 ? "@500ms" : "@100ms");
                final JsonNode data = firstByStream.get(stream);
                assertEquals(top("BTCUSDT", L2Book.Side.BID, depth), levels(data.get("b")), stream);
                assertEquals(top("BTCUSDT", L2Book.Side.ASK, depth), levels(data.get("a")), stream);
                assertEquals(sim.market().lastUpdateId("BTCUSDT"), data.get("u").asLong(), stream);
            }
        }
    }

    @Test
    void shouldSendNothingWhileTheBookIsUnchanged() throws Exception {
        final SimClient client = start(false);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth5@100ms")) {
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "1")}, new String[][] {level("100.1", "1")});
            ws.nextJson();

            assertTrue(ws.drain(QUIET).isEmpty());
        }
    }

    @Test
    void shouldCarryTheIdsOfTheAggregatedDiffOfTheSameSpeed() throws Exception {
        final SimClient client = start(true);
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth10@500ms/btcusdt@depth@500ms")) {
            long lastU = 0;
            for (int i = 0; i < 30; i++) {
                lastU = sim.market().depthDiff("BTCUSDT", new String[][] {level("100." + (i % 10), "1." + i)},
                    new String[][] {level("101." + (i % 10), "2." + i)});
                if (i % 10 == 9) {
                    Thread.sleep(300);
                }
            }
            final List<String> partialIds = new ArrayList<>();
            final List<String> diffIds = new ArrayList<>();
            long partialU = 0;
            long diffU = 0;
            while (partialU != lastU || diffU != lastU) {
                final JsonNode frame = ws.nextJson();
                final JsonNode data = frame.get("data");
                final String ids = data.get("U").asLong() + ".." + data.get("u").asLong() + " pu " + data.get("pu").asLong();
                if (frame.get("stream").asText().equals("btcusdt@depth@500ms")) {
                    diffIds.add(ids);
                    diffU = data.get("u").asLong();
                } else {
                    partialIds.add(ids);
                    partialU = data.get("u").asLong();
                }
            }

            assertEquals(diffIds, partialIds);
            assertTrue(partialIds.size() >= 2, "several ticks: " + partialIds);
        }
    }

    private SimClient start(final boolean aggregate) {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).firstUpdateId(FIRST_ID).seed(5)
            .aggregateDepth(aggregate).build()).start();
        return new SimClient(sim);
    }

    private List<List<BigDecimal>> top(final String symbol, final L2Book.Side side, final int depth) {
        final List<List<BigDecimal>> out = new ArrayList<>();
        for (final BigDecimal[] l : sim.market().bookSide(symbol, side)) {
            if (out.size() == depth) {
                break;
            }
            out.add(List.of(l[0].stripTrailingZeros(), l[1].stripTrailingZeros()));
        }
        return out;
    }

    private static List<List<BigDecimal>> levels(final JsonNode side) {
        final List<List<BigDecimal>> out = new ArrayList<>();
        for (final JsonNode l : side) {
            out.add(List.of(new BigDecimal(l.get(0).asText()).stripTrailingZeros(),
                new BigDecimal(l.get(1).asText()).stripTrailingZeros()));
        }
        return out;
    }
}
