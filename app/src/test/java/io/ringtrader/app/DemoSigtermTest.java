package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in its own JVM, stopped with SIGTERM once its status line shows fills: it must drain, leave its journal
 * and {@code .hgrm} files, and exit 0.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DemoSigtermTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");
    private static final Pattern FILLS = Pattern.compile("fills [1-9]");

    @TempDir
    Path dir;

    @Test
    void shouldExitZeroOnSigtermAfterTradingLeavingAJournalAndHistograms() throws Exception {
        final Path config = dir.resolve("demo.yaml");
        Files.writeString(config, Files.readString(DEMO)
            .replace("reportInterval: 5s", "reportInterval: 1s")
            .replace("dir: run/journal", "dir: " + dir.resolve("journal"))
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry")));
        final Path log = dir.resolve("demo.log");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle") || argument.startsWith("--enable")
                || argument.startsWith("--sun-misc")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), RingTraderCli.class.getName(),
            "run", "--config", config.toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!FILLS.matcher(Files.readString(log, StandardCharsets.UTF_8)).find()) {
                assertTrue(process.isAlive(), "the demo ended early:\n" + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "no fills in the status line within 90 s:\n" + Files.readString(log));
                TimeUnit.MILLISECONDS.sleep(200);
            }
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop within 30 s of SIGTERM");
        } finally {
            process.destroyForcibly();
        }
        final String output = Files.readString(log);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("per-stage latency"), output);
        try (Stream<Path> sessions = Files.list(dir.resolve("journal"))) {
            final Path session = sessions.findFirst().orElseThrow();
            assertTrue(Files.isDirectory(session.resolve("inbound")) && Files.isDirectory(session.resolve("outbound")));
            final Path telemetry = dir.resolve("telemetry").resolve(session.getFileName().toString());
            assertTrue(Files.exists(telemetry.resolve("router.hgrm")), "the session's own telemetry folder: " + output);
            assertTrue(Files.exists(telemetry.resolve("router.hlog")), output);
        }
    }
}
