package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RingTraderCliTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheVersion() {
        final Result result = run("--version");
        assertEquals(0, result.exitCode);
        assertTrue(result.out.startsWith("ringtrader 0."), result.out);
    }

    @Test
    void shouldPrintHelpListingTheCommands() {
        final Result result = run("--help");
        assertEquals(0, result.exitCode);
        assertTrue(result.out.contains("run") && result.out.contains("config"), result.out);
    }

    @Test
    void shouldExitWithUsageCodeForAnUnknownCommand() {
        final Result result = run("frobnicate");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("frobnicate"), result.err);
    }

    @Test
    void shouldExitWithUsageCodeForAMissingCommand() {
        assertEquals(2, run().exitCode);
    }

    @Test
    void shouldAcceptTheSampleConfigAndPrintTheEffectiveConfig() {
        final Result result = run("config", "check", DEMO.toString());
        assertEquals(0, result.exitCode, result.err);
        assertTrue(result.out.contains("symbol: BTCUSDT"), result.out);
        assertTrue(result.out.contains("inboundRingSize: 16384"), result.out);
        assertTrue(result.err.contains("config OK"), result.err);
    }

    @Test
    void shouldRejectATypoedKeyNamingFileLineAndKey() throws Exception {
        final Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(DEMO).replace("inboundRingSize:", "inboundRingSzie:"));
        final int line = lineOf(typo, "inboundRingSzie");

        final Result result = run("config", "check", typo.toString());

        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains(typo + ":" + line + ":"), result.err);
        assertTrue(result.err.contains("pipeline.inboundRingSzie: unknown key (did you mean inboundRingSize?)"), result.err);
        assertEquals("", result.out);
    }

    @Test
    void shouldMaskSecretsInTheEffectiveConfig() throws Exception {
        final Path file = dir.resolve("secret.yaml");
        Files.writeString(file, """
            venues:
              binance:
                apiKey: "${RINGTRADER_TEST_UNSET_VAR:-my-very-secret-key}"
            """);
        final Result result = run("config", "check", file.toString());
        assertEquals(0, result.exitCode, result.err);
        assertTrue(result.out.contains("\"****\""), result.out);
        assertFalse(result.out.contains("my-very-secret-key"), result.out);
        assertFalse(result.err.contains("my-very-secret-key"), result.err);
    }

    @Test
    void shouldExitWithUsageCodeForAMissingConfigFile() {
        final Result result = run("run", "--config", dir.resolve("absent.yaml").toString());
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("absent.yaml"), result.err);
    }

    @Test
    void shouldRejectADurationWithoutUnit() {
        final Result result = run("run", "--duration", "5");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("expected a duration with unit"), result.err);
    }

    @Test
    void shouldRunForTheGivenDurationThenStopCleanlyWithALatencySummary() throws Exception {
        final Path telemetry = dir.resolve("telemetry");
        final Path config = dir.resolve("run.yaml");
        Files.writeString(config, sessionConfig(telemetry));

        final Result result = run("run", "--config", config.toString(), "--duration", "1s");

        assertEquals(0, result.exitCode, result.err);
        assertTrue(result.out.contains("per-stage latency"), result.out);
        assertTrue(result.out.contains("router"), result.out);
        assertTrue(result.out.contains("errors: 0"), result.out);
        final Path session;
        try (java.util.stream.Stream<Path> sessions = Files.list(telemetry)) {
            final List<Path> folders = sessions.toList();
            assertEquals(1, folders.size(), "one folder per session: " + folders);
            session = folders.get(0);
        }
        assertTrue(result.out.contains("latency histograms: 9 .hgrm files in " + session), result.out);
        assertTrue(Files.exists(session.resolve("book.hgrm")));
        assertTrue(Files.exists(session.resolve("outbound-journal.hgrm")));
        assertTrue(Files.size(session.resolve("book.hlog")) > 0);
    }

    @Test
    void shouldRegisterTheJmxBeansWhileARunSessionRunsAndUnregisterThemAfterStop() throws Exception {
        final Path config = dir.resolve("jmx.yaml");
        Files.writeString(config, sessionConfig(dir.resolve("telemetry")));
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        final ObjectName engines = new ObjectName("io.ringtrader:type=Engine,*");
        final ObjectName groups = new ObjectName("io.ringtrader:type=StageGroup,*");
        final CompletableFuture<Result> session = CompletableFuture.supplyAsync(
            () -> run("run", "--config", config.toString(), "--duration", "3s"));

        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((server.queryNames(engines, null).isEmpty() || server.queryNames(groups, null).isEmpty())
            && !session.isDone() && System.nanoTime() < deadlineNs) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        final Set<ObjectName> running = server.queryNames(engines, null);
        assertEquals(1, running.size(), "engine bean while the session runs: " + running);
        assertTrue((Long)server.getAttribute(running.iterator().next(), "EventsPublished") >= 0);
        assertFalse(server.queryNames(groups, null).isEmpty(), "stage group beans while the session runs");

        final Result result = session.get(30, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode, result.err);
        assertTrue(server.queryNames(engines, null).isEmpty(), "engine bean unregistered after the session");
        assertTrue(server.queryNames(groups, null).isEmpty(), "stage group beans unregistered after the session");
    }

    @Test
    void shouldJournalEverySessionEventIntoItsOwnSessionDirectory() throws Exception {
        final Path config = dir.resolve("record.yaml");
        Files.writeString(config, sessionConfig(dir.resolve("telemetry")));

        final Result result = run("record", "--config", config.toString(), "--duration", "1s");

        assertEquals(0, result.exitCode, result.err);
        final long events = Long.parseLong(result.out.replaceAll("(?s).*events: (\\d+),.*", "$1"));
        assertTrue(events > 10, result.out);
        final Path session;
        try (var sessions = Files.list(dir.resolve("journal"))) {
            session = sessions.findFirst().orElseThrow();
        }
        assertTrue(session.getFileName().toString().matches("\\d{8}T\\d{6}Z"), session.toString());
        assertTrue(result.out.contains("journal: " + session), result.out);
        try (var reader = io.ringtrader.recorder.JournalReader.open(session, io.ringtrader.recorder.JournalStream.INBOUND)) {
            assertEquals(events, reader.summarize().messages());
        }
    }

    @Test
    void shouldRefuseToRecordWithTheJournalOff() throws Exception {
        final Path config = dir.resolve("nojournal.yaml");
        Files.writeString(config, sessionConfig(dir.resolve("telemetry")).replace("enabled: true", "enabled: false"));
        final Result result = run("record", "--config", config.toString(), "--duration", "1s");
        assertEquals(2, result.exitCode);
        assertTrue(result.err.contains("journal.enabled"), result.err);
    }

    private String sessionConfig(final Path telemetry) throws Exception {
        return Files.readString(DEMO)
            .replace("timerInterval: 100ms", "timerInterval: 10ms")
            .replace("outputDir: run/telemetry", "outputDir: " + telemetry)
            .replace("dir: run/journal", "dir: " + dir.resolve("journal"));
    }

    private static int lineOf(final Path file, final String text) throws Exception {
        int line = 1;
        for (final String l : Files.readAllLines(file)) {
            if (l.contains(text)) {
                return line;
            }
            line++;
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static Result run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = RingTraderCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
