package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A session recorded with {@code run} is replayed with {@code replay}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayCommandTest {
    private static final Pattern DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

    @TempDir
    static Path dir;
    static Path config;
    static Path session;
    static long events;

    @BeforeAll
    static void runASession() throws Exception {
        config = dir.resolve("session.yaml");
        Files.writeString(config, Files.readString(Path.of("..", "config", "demo.yaml"))
            .replace("timerInterval: 100ms", "timerInterval: 5ms")
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry"))
            .replace("dir: run/journal", "dir: " + dir.resolve("journal")));
        final String[] result = cli("run", "--config", config.toString(), "--duration", "1s");
        assertEquals("0", result[0], result[2]);
        final Matcher journal = Pattern.compile("journal: (\\S+)").matcher(result[1]);
        assertTrue(journal.find(), result[1]);
        session = Path.of(journal.group(1));
        final Matcher count = Pattern.compile("events: (\\d+),").matcher(result[1]);
        assertTrue(count.find(), result[1]);
        events = Long.parseLong(count.group(1));
    }

    @Test
    void shouldReplayTheSessionVerifyItAndPrintADigest() {
        final String[] result = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--verify");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("events: " + events + " read, " + events + " replayed"), result[1]);
        assertTrue(result[1].contains("verify: OK"), result[1]);
        assertTrue(DIGEST.matcher(result[1]).find(), result[1]);
    }

    @Test
    void shouldPrintTheSameDigestAtAnySpeed() {
        final String max = digest(cli("replay", "--journal", session.toString(), "--config", config.toString()));
        final String paced = digest(cli("replay", "--journal", session.toString(), "--config", config.toString(), "--speed", "50x"));
        assertEquals(max, paced);
    }

    @Test
    void shouldWriteAReportWhenAsked() {
        final Path reports = dir.resolve("reports");
        final String[] result = cli("replay", "--journal", session.toString(), "--config", config.toString(), "--report", reports.toString());
        assertEquals("0", result[0], result[2]);
        assertTrue(Files.exists(reports.resolve("replay-report.html")));
    }

    @Test
    void shouldExitWithUsageCodeForAMissingJournal() {
        final String[] result = cli("replay", "--journal", dir.resolve("nothing").toString(), "--config", config.toString());
        assertEquals("2", result[0]);
        assertTrue(result[2].contains("nothing"), result[2]);
    }

    @Test
    void shouldExitWithUsageCodeForABadSpeedOrTime() {
        assertEquals("2", cli("replay", "--journal", session.toString(), "--config", config.toString(), "--speed", "fast")[0]);
        assertEquals("2", cli("replay", "--journal", session.toString(), "--config", config.toString(), "--from", "yesterday")[0]);
    }

    private static String digest(final String[] result) {
        final Matcher matcher = DIGEST.matcher(result[1]);
        assertTrue(matcher.find(), result[1] + result[2]);
        return matcher.group(1);
    }

    private static String[] cli(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = RingTraderCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(exitCode), out.toString(), err.toString()};
    }
}
