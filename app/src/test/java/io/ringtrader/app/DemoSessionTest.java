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
 * The demo as a newcomer runs it: config/demo.yaml against the in-process simulated Binance (real loopback
 * WebSockets and REST), the OBI scalpers trading with paper fills, then {@code replay --verify} of its journal.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoSessionTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");

    @TempDir
    Path dir;

    @Test
    void shouldTradeAgainstTheSimulatedVenueAndReplayTheSessionWithVerify() throws Exception {
        final Path config = dir.resolve("demo.yaml");
        Files.writeString(config, Files.readString(DEMO)
            .replace("dir: run/journal", "dir: " + dir.resolve("journal"))
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry")));

        final String[] run = cli("run", "--config", config.toString(), "--duration", "20s");

        assertEquals("0", run[0], run[2]);
        assertTrue(Files.exists(dir.resolve("telemetry").resolve("router.hgrm")));
        final Path session;
        try (Stream<Path> sessions = Files.list(dir.resolve("journal"))) {
            session = sessions.findFirst().orElseThrow();
        }
        final String[] replay = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--verify");
        assertEquals("0", replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("verify: OK"), replay[1]);
        final Matcher fills = Pattern.compile("fills: (\\d+)").matcher(replay[1]);
        assertTrue(fills.find(), replay[1]);
        assertTrue(Long.parseLong(fills.group(1)) > 0, "the demo traded: " + replay[1]);
    }
}
