package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * System test: a forked JVM appending to a journal is killed with SIGKILL ({@link Process#destroyForcibly()}
 * on Linux); every message it completed must still be readable, in order, and the reader must say how the
 * journal ends.
 */
@Tag("system")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JournalCrashTest {
    private static final int KILL_AFTER = 20_000;

    @TempDir
    Path journal;

    @Test
    void shouldKeepEveryCompleteMessageReadableAfterTheWriterIsKilledMidStream() throws Exception {
        final Process child = startChild("stream");
        final long lastReported;
        try {
            lastReported = awaitProgress(child, KILL_AFTER);
            // Let the child run on for a random moment, so the kill lands at an arbitrary point of an append.
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(3_000));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        } finally {
            child.destroyForcibly();
        }

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(8);
            long count = 0;
            while (reader.next(event)) {
                assertEquals(count, reader.sequence(), "sequences are contiguous from 0");
                assertEquals(EventKind.TRADE, event.kind);
                assertEquals(count, event.tradeId);
                count++;
            }
            assertTrue(count >= lastReported, count + " messages, but the child had reported " + lastReported);
            final JournalSummary summary = reader.summarize();
            assertEquals(count, summary.messages());
            assertEquals(count - 1, summary.lastSequence());
            System.out.println("after SIGKILL: " + summary.describe());
        }
    }

    @Test
    void shouldReportTheMessageAKilledWriterLeftUnfinished() throws Exception {
        killWhileUnfinished();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalSummary summary = reader.summarize();
            assertEquals(JournalCrashChild.BEFORE_UNFINISHED, summary.messages());
            assertEquals(JournalCrashChild.BEFORE_UNFINISHED - 1, summary.lastSequence());
            assertEquals(JournalTail.INCOMPLETE_MESSAGE, summary.tail(), summary.describe());
        }
    }

    @Test
    void shouldAppendAfterTheUnfinishedMessageOfAKilledWriter() throws Exception {
        killWhileUnfinished();

        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(8);
        for (long sequence = JournalCrashChild.BEFORE_UNFINISHED; sequence < JournalCrashChild.BEFORE_UNFINISHED + 10; sequence++) {
            JournalCrashChild.trade(event, sequence);
            writer.onEvent(event, sequence, true);
        }
        writer.onShutdown();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            long count = 0;
            while (reader.next(event)) {
                assertEquals(count, reader.sequence());
                assertEquals(count, event.tradeId);
                count++;
            }
            assertEquals(JournalCrashChild.BEFORE_UNFINISHED + 10, count);
            assertEquals(JournalTail.CLEAN, reader.summarize().tail());
        }
    }

    private void killWhileUnfinished() throws Exception {
        final Process child = startChild("unfinished");
        try {
            final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(JournalCrashChild.UNFINISHED)) {
                continue;
            }
            assertEquals(JournalCrashChild.UNFINISHED, line, () -> "child ended early: " + stderr());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        } finally {
            child.destroyForcibly();
        }
        assertFalse(child.isAlive());
    }

    private long awaitProgress(final Process child, final long atLeast) throws IOException {
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long reported = 0;
        String line;
        while (reported < atLeast && (line = out.readLine()) != null) {
            if (line.startsWith(JournalCrashChild.PROGRESS)) {
                reported = Long.parseLong(line.substring(JournalCrashChild.PROGRESS.length()));
            }
        }
        if (reported < atLeast) {
            fail("child ended after reporting " + reported + " messages: " + stderr());
        }
        return reported;
    }

    private Process startChild(final String mode) throws IOException {
        final String java = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx256m");
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-exports") || argument.startsWith("--add-opens") || argument.startsWith("-D")
                || argument.startsWith("--enable-native-access") || argument.startsWith("--sun-misc-unsafe-memory-access")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JournalCrashChild.class.getName());
        command.add(journal.toString());
        command.add(mode);
        return new ProcessBuilder(command)
            .redirectError(journal.resolve("child-stderr.txt").toFile())
            .start();
    }

    private String stderr() {
        try {
            return Files.readString(journal.resolve("child-stderr.txt"));
        } catch (final IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
