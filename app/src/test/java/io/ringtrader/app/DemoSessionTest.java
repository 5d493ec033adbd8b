package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
        final Path config = demoConfig("demo.yaml", UnaryOperator.identity());

        final String[] run = cli("run", "--config", config.toString(), "--duration", "20s");

        assertEquals("0", run[0], run[2]);
        final Path telemetry = dir.resolve("telemetry").resolve(session().getFileName().toString());
        assertTrue(Files.exists(telemetry.resolve("router.hgrm")), "telemetry in the session's own folder, named as its journal");
        assertTrue(Files.exists(telemetry.resolve("router.hlog")));
        assertFalse(Files.exists(dir.resolve("telemetry").resolve("router.hgrm")), "nothing shared between sessions");
        final String[] replay = replayWithVerify(config);
        final Matcher fills = Pattern.compile("fills: (\\d+)").matcher(replay[1]);
        assertTrue(fills.find(), replay[1]);
        assertTrue(Long.parseLong(fills.group(1)) > 0, "the demo traded: " + replay[1]);
    }

    /** The demo on partial books ({@code depthLevels: 20}): a frame is a journaled snapshot, so replay agrees. */
    @Test
    void shouldTradeOnPartialBooksAndReplayTheSessionWithVerify() throws Exception {
        final Path config = demoConfig("demo-partial.yaml",
            demo -> demo.replace("depthLevels: full ", "depthLevels: 20   "));
        assertTrue(Files.readString(config).contains("depthLevels: 20"), "the config switched to partial books");

        final String[] run = cli("run", "--config", config.toString(), "--duration", "8s");

        assertEquals("0", run[0], run[2]);
        final String[] stats = cli("journal", "stats", "--journal", session().toString(), "--config", config.toString());
        assertTrue(stats[1].contains("BOOK_SNAPSHOT") && !stats[1].contains("BOOK_DELTA"), stats[1]);
        replayWithVerify(config);
    }

    /** config/demo.yaml edited by {@code edit}, journal and telemetry in the test's directory. */
    private Path demoConfig(final String name, final UnaryOperator<String> edit) throws Exception {
        final Path config = dir.resolve(name);
        Files.writeString(config, edit.apply(Files.readString(DEMO))
            .replace("dir: run/journal", "dir: " + dir.resolve("journal"))
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry")));
        return config;
    }

    /** Replays the session with {@code --verify}, asserting it verified; returns exit code, output, errors. */
    private String[] replayWithVerify(final Path config) throws Exception {
        final String[] replay = cli("replay", "--journal", session().toString(), "--config", config.toString(), "--verify");
        assertEquals("0", replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("verify: OK"), replay[1]);
        return replay;
    }

    /** The one session the run wrote. */
    private Path session() throws Exception {
        try (Stream<Path> sessions = Files.list(dir.resolve("journal"))) {
            return sessions.findFirst().orElseThrow();
        }
    }
}
