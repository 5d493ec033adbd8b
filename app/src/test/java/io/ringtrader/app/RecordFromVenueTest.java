package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.BinanceMarket;
import io.ringtrader.sim.binance.BinanceSim;
import io.ringtrader.sim.binance.BinanceSimConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringtrader record} connected to exchange-sim over loopback: the session journal holds the synced book (or the
 * partial book), tickers and trades, its {@code raw/} queue the frames as received, and both replay. The sim
 * aggregates diffs per period as the venue does (its default).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RecordFromVenueTest {
    @TempDir
    Path dir;

    private BinanceSim sim;
    private Thread market;
    private final AtomicBoolean running = new AtomicBoolean(true);

    @BeforeEach
    void startVenue() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt()).build()).start();
        sim.market().depthDiff("BTCUSDT",
            new String[][] {BinanceMarket.level("100.00", "1.000"), BinanceMarket.level("99.90", "2.000")},
            new String[][] {BinanceMarket.level("100.10", "1.500"), BinanceMarket.level("100.20", "3.000")});
        market = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                i++;
                sim.market().depthDiff("BTCUSDT", new String[][] {BinanceMarket.level(i % 2 == 0 ? "100.00" : "99.90",
                    new BigDecimal(1_000 + i % 7).movePointLeft(3).toPlainString())}, new String[0][]);
                if (i % 5 == 0) {
                    sim.market().trade("BTCUSDT", "100.10", "0.010", false);
                }
                try {
                    Thread.sleep(20);
                } catch (final InterruptedException e) {
                    return;
                }
            }
        }, "test-market");
        market.start();
    }

    @AfterEach
    void stopVenue() throws InterruptedException {
        running.set(false);
        market.join(5_000);
        sim.close();
    }

    @Test
    void shouldRecordTheVenuesMarketDataWithRawFramesAndReplayBoth() throws Exception {
        final Path config = writeConfig("{klines: [], openInterestInterval: 0s}");

        final String[] recorded = cli("record", "--config", config.toString(), "--duration", "4s");

        assertEquals("0", recorded[0], recorded[2]);
        final Path session = session();
        assertTrue(Files.isDirectory(session.resolve("raw")), "raw/ written");
        final String[] stats = cli("journal", "stats", "--journal", session.toString(), "--config", config.toString());
        assertEquals("0", stats[0], stats[2]);
        for (final String kind : List.of("BOOK_SNAPSHOT", "BOOK_DELTA", "BBO", "TRADE", "GATEWAY_STATUS")) {
            assertTrue(stats[1].contains(kind), kind + " journaled:\n" + stats[1] + stats[2]);
        }
        final String[] dump = cli("journal", "dump", "--journal", session.toString(), "--config", config.toString(),
            "--kinds", "bbo,book_delta", "--with-book");
        assertEquals("0", dump[0], dump[2]);
        assertFalse(dump[1].contains("bbo=MISMATCH"), head(dump[1]));
        assertTrue(tickersMatchingTheirDiff(dump[1]) >= 3, "the synced book agrees with the venue's tickers:\n"
            + head(dump[1]));

        final String[] fromRaw = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--from-raw");
        assertEquals("0", fromRaw[0], fromRaw[2]);
        assertTrue(fromRaw[1].contains("raw frames decoded again:"), fromRaw[1]);
        assertTrue(fromRaw[1].contains(" 0 decode errors"), fromRaw[1]);
    }

    /**
     * {@code venues.binance.streams: {depth: 100ms, depthLevels: 20}}: the gateway keeps the partial book, journaled as
     * one snapshot per frame (no diffs, no REST snapshots), and the raw frames decode to the same again.
     */
    @Test
    void shouldRecordPartialBooksAndReplayTheirRawFrames() throws Exception {
        final Path config = writeConfig("{depth: 100ms, depthLevels: 20, klines: [], openInterestInterval: 0s}");

        final String[] recorded = cli("record", "--config", config.toString(), "--duration", "3s");

        assertEquals("0", recorded[0], recorded[2]);
        final Path session = session();
        final String[] stats = cli("journal", "stats", "--journal", session.toString(), "--config", config.toString());
        assertEquals("0", stats[0], stats[2]);
        assertTrue(stats[1].contains("BOOK_SNAPSHOT"), "partial books journaled as snapshots:\n" + stats[1]);
        assertFalse(stats[1].contains("BOOK_DELTA"), "no diffs with a partial book:\n" + stats[1]);
        final String[] dump = cli("journal", "dump", "--journal", session.toString(), "--config", config.toString(),
            "--kinds", "book_snapshot", "--with-book");
        assertEquals("0", dump[0], dump[2]);
        assertTrue(dump[1].contains("book=VALID"), "the partial book is valid:\n" + head(dump[1]));

        final String[] fromRaw = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--from-raw");
        assertEquals("0", fromRaw[0], fromRaw[2]);
        assertTrue(fromRaw[1].contains(" 0 snapshots,"), "no REST snapshot was requested: " + fromRaw[1]);
        assertTrue(fromRaw[1].contains(" 0 decode errors"), fromRaw[1]);
    }

    /**
     * The venue aggregates diffs per 100 ms and sends a bookTicker at each change of the top: a ticker comes before the
     * diff that holds its update, so the dump's own check ({@code bbo=match}: the ticker's {@code u} is the last diff
     * applied) never applies. A ticker whose {@code u} is the {@code u} of a later diff describes the book after that
     * diff: counts those whose bid and ask equal the book's best then, and fails on one that does not.
     */
    private static int tickersMatchingTheirDiff(final String dump) {
        final Map<String, String> topAfterDiff = new HashMap<>();
        for (final String line : dump.split("\n")) {
            if (line.contains(" BOOK_DELTA ") && line.contains(" book=VALID ")) {
                topAfterDiff.put(field(line, "u"), field(line, "bestBid") + " " + field(line, "bestAsk"));
            }
        }
        int matched = 0;
        for (final String line : dump.split("\n")) {
            if (line.contains(" BBO ")) {
                final String top = topAfterDiff.get(field(line, "u"));
                if (top != null) {
                    assertEquals(top, field(line, "bid") + " " + field(line, "ask"), line);
                    matched++;
                }
            }
        }
        return matched;
    }

    private static String field(final String line, final String name) {
        final Matcher m = Pattern.compile("(?:^| )" + name + "=(\\S+)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The one session the record wrote. */
    private Path session() throws Exception {
        try (Stream<Path> sessions = Files.list(dir.resolve("journal"))) {
            return sessions.findFirst().orElseThrow();
        }
    }

    private Path writeConfig(final String streams) throws Exception {
        final Path config = dir.resolve("record.yaml");
        Files.writeString(config, String.join("\n",
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "venues:",
            "  binance:",
            "    enabled: true",
            "    restUrl: " + sim.restBaseUrl(),
            "    wsUrl: " + sim.wsBaseUrl(),
            "    streams: " + streams,
            "pipeline:",
            "  threads:",
            "    - {name: rt-journal, stages: [journal], waitStrategy: blocking}",
            "    - {name: rt-logic, stages: [book, features, model, strategy, risk, router], waitStrategy: blocking}",
            "    - {name: rt-venue, stages: [venue], waitStrategy: blocking}",
            "    - {name: rt-out-journal, stages: [outbound-journal], waitStrategy: blocking}",
            "journal:",
            "  dir: " + dir.resolve("journal"),
            "  recordRaw: true",
            "telemetry:",
            "  outputDir: " + dir.resolve("telemetry"),
            ""));
        return config;
    }

    private static String head(final String text) {
        return text.length() > 3_000 ? text.substring(0, 3_000) : text;
    }
}
