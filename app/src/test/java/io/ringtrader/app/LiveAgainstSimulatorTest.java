package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in {@code execution.mode: live} against the in-process simulated Binance: orders leave as signed REST
 * requests, the simulator matches them, acks come back from REST and fills and positions from the user data
 * stream; the journal replays with {@code --verify} (a live session's reports are fed back as journaled).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveAgainstSimulatorTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");

    @TempDir
    Path dir;

    @Test
    void shouldSendOrdersToTheVenueAndTakeFillsAndPositionsFromTheUserStream() throws Exception {
        final Path config = dir.resolve("live.yaml");
        Files.writeString(config, Files.readString(DEMO)
            .replace("mode: paper ", "mode: live  ")
            .replace("    enabled: true               # its restUrl/wsUrl",
                "    apiKey: sim-key\n    apiSecret: sim-secret\n    enabled: true               # its restUrl/wsUrl")
            .replace("dir: run/journal", "dir: " + dir.resolve("journal"))
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry")));
        assertTrue(Files.readString(config).contains("mode: live"), "the config switched to live");

        final String[] run = cli("run", "--config", config.toString(), "--duration", "20s");

        assertEquals("0", run[0], run[2]);
        final Matcher venueIds = Pattern.compile("binance client order ids on the venue: rt-([0-9a-z]{11,12})-<n>").matcher(run[1]);
        assertTrue(venueIds.find(), "the stop summary names this session's venue ids:\n" + run[1]);
        assertTrue(run[1].contains(" (session tag " + venueIds.group(1) + ")"),
            "the gateway names the orders with the session's tag, the one its journal records:\n" + run[1]);
        assertTrue(run[1].contains("binance at stop (execution.onStop: cancel-orders): cancelled every open order of "
            + "BTCUSDT; cancelled every open order of ETHUSDT\n"), "the live default at stop:\n" + run[1]);
        assertTrue(Pattern.compile("binance still open: (no|\\d+) open orders?, (no|\\d+) positions?\n").matcher(run[1]).find(),
            "the stop summary says what is still open on the venue:\n" + run[1]);
        final Path session;
        try (Stream<Path> sessions = Files.list(dir.resolve("journal"))) {
            session = sessions.findFirst().orElseThrow();
        }
        final String[] stats = cli("journal", "stats", "--journal", session.toString(), "--config", config.toString());
        assertTrue(stats[1].contains("POSITION"), "positions from the user stream are journaled:\n" + stats[1]);
        assertTrue(stats[1].contains("session          tag " + venueIds.group(1) + ", engine ringtrader "), stats[1]);
        final String[] replay = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--verify");
        assertEquals("0", replay[0], replay[1] + replay[2]);
        final Matcher fills = Pattern.compile("fills: (\\d+)").matcher(replay[1]);
        assertTrue(fills.find(), replay[1]);
        assertTrue(Long.parseLong(fills.group(1)) > 0, "the venue filled orders: " + replay[1]);
    }
}
