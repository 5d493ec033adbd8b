package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.SimSymbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Plays the real hftbacktest BTCUSDT capture from the shared corpus (skipped when the corpus is absent). */
@Timeout(60)
class CapturePlaybackTest {
    private static final String CAPTURE = "binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt";

    private BinanceSim sim;
    private SimClient client;
    private Path file;

    @BeforeEach
    void start() {
        final String dir = System.getProperty("ringtrader.shared.data");
        file = dir == null ? null : Path.of(dir, CAPTURE);
        assumeTrue(file != null && Files.isReadable(file),
            "shared capture corpus absent (ringtrader.shared.data=" + dir + "): skipping capture playback");
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).build()).start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void shouldStreamTheCaptureAndAnswerDepthConsistentWithIt() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms/btcusdt@bookTicker");
             CapturePlayer player = new CapturePlayer(sim, file, 0).start()) {
            assertTrue(player.await(Duration.ofSeconds(30)), "playback did not finish");
            assertEquals(1, player.snapshotsPlayed());
            int diffs = 0;
            int tickers = 0;
            long prevU = -1;
            int chained = 0;
            for (final String m : ws.drain(Duration.ofMillis(500))) {
                final JsonNode env = SimClient.json(m);
                if ("btcusdt@depth@100ms".equals(env.get("stream").asText())) {
                    diffs++;
                    if (prevU >= 0 && env.get("data").get("pu").asLong() == prevU) {
                        chained++;
                    }
                    prevU = env.get("data").get("u").asLong();
                } else {
                    tickers++;
                }
            }
            assertEquals(169, diffs);
            assertEquals(168, chained);
            assertEquals(1483, tickers);

            final Reference ref = Reference.of(file);
            final JsonNode snap = SimClient.json(client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000"));
            assertEquals(ref.lastUpdateId, snap.get("lastUpdateId").asLong());
            assertEquals(prevU, snap.get("lastUpdateId").asLong());
            assertLevels(ref.bids, snap.get("bids"));
            assertLevels(ref.asks, snap.get("asks"));
        }
    }

    @Test
    void shouldPaceAtTheRequestedSpeed() throws Exception {
        final long t0 = System.nanoTime();
        try (CapturePlayer player = new CapturePlayer(sim, file, 20).start()) {
            assertTrue(player.await(Duration.ofSeconds(30)));
        }
        // the capture spans about 8.8 s: at 20x it takes about 0.44 s
        final long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(elapsedMs >= 400, "played too fast: " + elapsedMs + " ms");
    }

    private static void assertLevels(final NavigableMap<BigDecimal, BigDecimal> expected, final JsonNode actual) {
        final Iterator<Map.Entry<BigDecimal, BigDecimal>> it = expected.entrySet().iterator();
        assertEquals(Math.min(1000, expected.size()), actual.size());
        for (final JsonNode l : actual) {
            final Map.Entry<BigDecimal, BigDecimal> e = it.next();
            assertEquals(0, e.getKey().compareTo(new BigDecimal(l.get(0).asText())), "price " + l);
            assertEquals(0, e.getValue().compareTo(new BigDecimal(l.get(1).asText())), "qty " + l);
        }
    }

    /** The documented client procedure over the raw file: buffer diffs, take the snapshot, apply u > lastUpdateId. */
    private static final class Reference {
        final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long lastUpdateId = -1;

        static Reference of(final Path file) throws IOException {
            final Reference r = new Reference();
            final List<JsonNode> buffered = new ArrayList<>();
            for (final String line : Files.readAllLines(file)) {
                final JsonNode n = SimClient.json(line.substring(line.indexOf(' ') + 1));
                if (n.has("lastUpdateId")) {
                    r.lastUpdateId = n.get("lastUpdateId").asLong();
                    SimClient.applyLevels(r.bids, n.get("bids"));
                    SimClient.applyLevels(r.asks, n.get("asks"));
                    for (final JsonNode d : buffered) {
                        r.diff(d);
                    }
                } else if (n.path("stream").asText().contains("@depth")) {
                    if (r.lastUpdateId < 0) {
                        buffered.add(n.get("data"));
                    } else {
                        r.diff(n.get("data"));
                    }
                }
            }
            return r;
        }

        void diff(final JsonNode d) {
            if (d.get("u").asLong() > lastUpdateId) {
                SimClient.applyLevels(bids, d.get("b"));
                SimClient.applyLevels(asks, d.get("a"));
                lastUpdateId = d.get("u").asLong();
            }
        }
    }
}
