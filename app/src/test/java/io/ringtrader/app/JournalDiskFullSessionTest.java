package io.ringtrader.app;

import static io.ringtrader.app.CliRun.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo session when the journal's disk fills: it must stop sending orders, end with exit code 1, say so in one
 * line instead of a stack trace per event, and leave a journal that replays with {@code --verify} (everything sent is
 * in it). And when free space is below {@code journal.diskSpace} thresholds, trading halts (or only reduces) before
 * any write can fail, deterministically in replay.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class JournalDiskFullSessionTest {
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");

    @TempDir
    Path dir;

    /** A real full file system: a 2 MiB tmpfs as the journal's directory (needs the right to mount; skipped without). */
    @Test
    void shouldHaltExitNonZeroAndLeaveAReplayableJournalWhenTheJournalFileSystemFills() throws Exception {
        final Path mount = Files.createDirectories(dir.resolve("tmpfs"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0,
            "cannot mount a tmpfs here (needs root); the injected-failure tests in engine's JournalGateTest still run");
        try {
            final Path config = demoConfig(mount.resolve("journal"), "diskSpace: {reduceBelow: 0B, haltBelow: 0B}");

            final String[] run = cli("run", "--config", config.toString(), "--duration", "20s");

            assertEquals("1", run[0], run[1] + run[2]);
            assertTrue(Pattern.compile("ringtrader: the journal failed: journal: cannot write the (inbound|outbound) queue \\S+"
                + " \\(ring sequence \\d+\\): InternalError: a fault occurred in a recent unsafe memory access").matcher(run[2]).find(), run[2]);
            assertTrue(run[2].contains("Trading is HALTED for the rest of the session"), run[2]);
            final Matcher errors = Pattern.compile("errors: (\\d+)").matcher(run[1]);
            assertTrue(errors.find(), run[1]);
            assertTrue(Long.parseLong(errors.group(1)) < 100, "one failure, not an error per event: " + run[1]);

            // A full tmpfs may not even provide a page to read back: in place, a reader fails with a clear error (it must
            // never crash the JVM); a copy on another file system reads as written.
            final String[] inPlace = cli("journal", "verify", "--journal", session(mount.resolve("journal")).toString());
            assertTrue(inPlace[0].equals("0") || inPlace[0].equals("1"), inPlace[2]);
            assertTrue(inPlace[0].equals("0") || inPlace[2].contains("copy it elsewhere"), inPlace[2]);
            assertFalse(inPlace[2].contains("\tat "), "no stack trace: " + inPlace[2]);
            final Path copy = copy(session(mount.resolve("journal")), dir.resolve("copy"));
            final String[] replay = cli("replay", "--journal", copy.toString(), "--config", config.toString(), "--verify");
            assertEquals("0", replay[0], replay[1] + replay[2]);
            assertTrue(replay[1].contains("verify: OK"), replay[1]);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void shouldHaltBeforeAnyWriteCanFailWhenFreeSpaceIsBelowHaltBelow() throws Exception {
        final Path config = demoConfig(dir.resolve("journal"), "diskSpace: {reduceBelow: 1000TB, haltBelow: 1000TB}");

        final String[] run = cli("run", "--config", config.toString(), "--duration", "8s");

        assertEquals("0", run[0], run[1] + run[2]);
        assertTrue(run[1].contains("trading state at stop: HALTED (journal disk space critical ("), run[1]);
        final String[] stats = cli("journal", "stats", "--journal", session(dir.resolve("journal")).toString(),
            "--config", config.toString(), "--stream", "outbound");
        assertFalse(stats[1].contains("ACCEPTED"), "no order passed risk: " + stats[1]);
        final String[] replay = cli("replay", "--journal", session(dir.resolve("journal")).toString(), "--config",
            config.toString(), "--verify");
        assertEquals("0", replay[0], replay[1] + replay[2]);
        assertTrue(replay[1].contains("trading state at the end: HALTED: journal disk space critical"), replay[1]);
    }

    @Test
    void shouldOnlyReduceWhenFreeSpaceIsBelowReduceBelow() throws Exception {
        final Path config = demoConfig(dir.resolve("journal"), "diskSpace: {reduceBelow: 1000TB, haltBelow: 0B}");

        final String[] run = cli("run", "--config", config.toString(), "--duration", "8s");

        assertEquals("0", run[0], run[1] + run[2]);
        assertTrue(run[1].contains("trading state at stop: REDUCING (journal disk space low ("), run[1]);
        final String[] stats = cli("journal", "stats", "--journal", session(dir.resolve("journal")).toString(),
            "--config", config.toString(), "--stream", "outbound");
        assertFalse(stats[1].contains("ACCEPTED"), "flat, so nothing reduces and nothing passes: " + stats[1]);
    }

    /** config/demo.yaml with the journal in {@code journalDir} and {@code diskSpace} set; telemetry in the test's directory. */
    private Path demoConfig(final Path journalDir, final String diskSpace) throws IOException {
        final String demo = Files.readString(DEMO);
        final String edited = demo
            .replace("dir: run/journal", "dir: " + journalDir)
            .replace("outputDir: run/telemetry", "outputDir: " + dir.resolve("telemetry"))
            .replaceFirst("(?m)^  diskSpace: .*$", "  " + diskSpace);
        assertTrue(edited.contains("  " + diskSpace), "the demo config has a journal.diskSpace line to replace");
        final Path config = dir.resolve("demo.yaml");
        Files.writeString(config, edited);
        return config;
    }

    private static Path session(final Path journalDir) throws IOException {
        try (Stream<Path> sessions = Files.list(journalDir)) {
            return sessions.findFirst().orElseThrow();
        }
    }

    private static Path copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (final Path source : (Iterable<Path>)files::iterator) {
                final Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static int run(final String... command) throws InterruptedException {
        try {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (final IOException e) {
            return -1;
        }
    }
}
