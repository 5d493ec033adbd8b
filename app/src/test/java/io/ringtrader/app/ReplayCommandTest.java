package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigLoader;
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
    static String sessionTag;

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
        final Matcher tag = Pattern.compile("journal: \\S+ \\(session tag ([0-9a-z]+)\\)").matcher(result[1]);
        assertTrue(tag.find(), result[1]);
        sessionTag = tag.group(1);
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

    @Test
    void shouldSayWhichSessionItReplaysAndThatTheConfigIsTheSessions() throws Exception {
        final String[] result = cli("replay", "--journal", session.toString(), "--config", config.toString());
        assertEquals("0", result[0], result[2]);
        final Matcher header = Pattern.compile("session: tag ([0-9a-z]{9,12}), engine ringtrader \\S+, schema 6, writer"
            + " ringtrader trade").matcher(result[1]);
        assertTrue(header.find(), result[1]);
        assertEquals(sessionTag, header.group(1), "the tag the session printed at its stop");
        assertTrue(result[1].contains("config: " + ConfigLoader.load(config).canonicalHash() + " (the session's)"), result[1]);
        assertTrue(result[1].contains("instruments: 2 as in the journal's instrument table (binance:BTCUSDT, binance:ETHUSDT)"),
            result[1]);
    }

    @Test
    void shouldRefuseAConfigThatDeclaresAnInstrumentDifferentlyNamingIt() throws Exception {
        final Path other = otherTickSize();

        final String[] result = cli("replay", "--journal", session.toString(), "--config", other.toString(), "--verify");

        assertEquals("2", result[0], result[1]);
        assertTrue(result[2].contains("ringtrader replay: refused: " + other + ": the config declares the instruments"
            + " differently from the journal's instrument table"), result[2]);
        assertTrue(result[2].contains("  binance:BTCUSDT: tickSize 0.10 in the journal, 0.01 in the config"), result[2]);
        assertTrue(result[2].contains("--config-mismatch=allow"), result[2]);
        assertTrue(!DIGEST.matcher(result[1]).find(), result[1]);
    }

    @Test
    void shouldReplayWithTheConfigsInstrumentsWhenAMismatchIsAllowedAndSayWhatTheyOverride() throws Exception {
        final String[] result = cli("replay", "--journal", session.toString(), "--config", otherTickSize().toString(),
            "--config-mismatch=allow");

        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("instruments: --config-mismatch=allow: the config's 2 instruments override the"
            + " journal's table in 1 way: binance:BTCUSDT: tickSize 0.10 in the journal, 0.01 in the config"), result[1]);
        assertTrue(result[1].contains("(the session ran with sha256:"), result[1]);
        assertTrue(DIGEST.matcher(result[1]).find(), result[1]);
    }

    @Test
    void shouldRefuseAnUnknownMismatchPolicy() {
        final String[] result = cli("replay", "--journal", session.toString(), "--config", config.toString(),
            "--config-mismatch=ignore");

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("--config-mismatch: 'ignore', expected refuse or allow"), result[2]);
    }

    /** The session's config with BTCUSDT's tick size 0.01 instead of 0.10. */
    private static Path otherTickSize() throws Exception {
        final Path other = dir.resolve("other-tick.yaml");
        final String text = Files.readString(config);
        Files.writeString(other, text.replaceFirst("tickSize: \"0\\.10\"", "tickSize: \"0.01\""));
        return other;
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
