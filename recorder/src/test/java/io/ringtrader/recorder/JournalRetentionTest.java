package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roll cycles and retention, driven by a settable clock instead of waiting for minutes to pass. */
class JournalRetentionTest {
    private static final int MINUTES = 5;
    private static final int EVENTS_PER_MINUTE = 3;

    @TempDir
    Path journal;

    @Test
    void shouldStartAFileEveryCycleAndKeepThemAllByDefault() throws IOException {
        writeMinutes(JournalConfig.defaults(journal).withRollCycle(JournalRollCycle.MINUTELY), 0);

        assertEquals(MINUTES, cycleFiles());
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            assertEquals(MINUTES * EVENTS_PER_MINUTE, reader.summarize().messages());
        }
    }

    @Test
    void shouldDeleteCyclesBeyondTheRetentionWhenTheQueueRolls() throws IOException {
        writeMinutes(JournalConfig.defaults(journal).withRollCycle(JournalRollCycle.MINUTELY).withRetentionCycles(2), 0);

        assertEquals(2, cycleFiles());
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalSummary summary = reader.summarize();
            assertEquals(2 * EVENTS_PER_MINUTE, summary.messages());
            assertEquals((MINUTES - 2) * EVENTS_PER_MINUTE, summary.firstSequence(), "the oldest kept cycle's first event");
            assertEquals(MINUTES * EVENTS_PER_MINUTE - 1, summary.lastSequence());
        }
    }

    @Test
    void shouldApplyRetentionToAnExistingJournalWhenAWriterStarts() throws IOException {
        final JournalConfig keepAll = JournalConfig.defaults(journal).withRollCycle(JournalRollCycle.MINUTELY);
        writeMinutes(keepAll, 0);
        assertEquals(MINUTES, cycleFiles());

        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-01T00:10:00Z"));
        final InboundJournalWriter writer = new InboundJournalWriter(keepAll.withRetentionCycles(1), clock);
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        TestEvents.fill(event, EventKind.TIMER, 0);
        writer.onEvent(event, MINUTES * EVENTS_PER_MINUTE, true);
        writer.onShutdown();

        assertEquals(1, cycleFiles());
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            assertEquals(1, reader.summarize().messages());
        }
    }

    @Test
    void shouldKnowEachRollCycleByItsConfigName() {
        for (final JournalRollCycle cycle : JournalRollCycle.values()) {
            assertEquals(cycle, JournalRollCycle.fromConfigName(cycle.configName()));
        }
        assertEquals(JournalRollCycle.DAILY, JournalRollCycle.fromConfigName("daily"));
        assertEquals(JournalRollCycle.HOURLY, JournalRollCycle.fromConfigName("fast-hourly"));
        assertEquals(JournalRollCycle.MINUTELY, JournalRollCycle.fromConfigName("minutely"));
        assertNull(JournalRollCycle.fromConfigName("fortnightly"));
        assertEquals(JournalRollCycle.DAILY, JournalConfig.defaults(journal).rollCycle());
    }

    private void writeMinutes(final JournalConfig config, final long firstSequence) {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
        final InboundJournalWriter writer = new InboundJournalWriter(config, clock);
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        long sequence = firstSequence;
        for (int minute = 0; minute < MINUTES; minute++) {
            for (int i = 0; i < EVENTS_PER_MINUTE; i++, sequence++) {
                TestEvents.fill(event, EventKind.TRADE, sequence);
                writer.onEvent(event, sequence, i == EVENTS_PER_MINUTE - 1);
            }
            clock.advanceMillis(60_000);
        }
        writer.onShutdown();
    }

    private long cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(journal.resolve("inbound"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).count();
        }
    }

    @Test
    void shouldCreateTheQueueDirectoryWhenTheWriterIsBuilt() {
        new OutboundJournalWriter(JournalConfig.defaults(journal.resolve("fresh")));
        assertTrue(Files.isDirectory(journal.resolve("fresh").resolve("outbound")));
    }
}
