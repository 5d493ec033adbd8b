package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path journal;

    @Test
    void shouldSayThereIsNoJournalWhenTheDirectoryIsMissing() {
        final JournalNotFoundException e = assertThrows(JournalNotFoundException.class,
            () -> JournalReader.open(journal.resolve("nowhere"), JournalStream.INBOUND));
        assertEquals("no journal at " + journal.resolve("nowhere").resolve("inbound"), e.getMessage());
    }

    @Test
    void shouldSayThereIsNoJournalWhenTheDirectoryHoldsNoQueue() throws Exception {
        Files.createDirectories(journal.resolve("inbound"));
        final JournalNotFoundException e = assertThrows(JournalNotFoundException.class,
            () -> JournalReader.open(journal, JournalStream.INBOUND));
        assertEquals("no journal at " + journal.resolve("inbound"), e.getMessage());
    }

    @Test
    void shouldReadNoMessagesFromAJournalWhoseWriterSawNoEvents() {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        writer.onShutdown();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            assertFalse(reader.next(new InboundEvent(4)));
            final JournalSummary summary = reader.summarize();
            assertEquals(0, summary.messages());
            assertEquals(JournalSummary.NONE, summary.lastIndex());
            assertEquals(JournalTail.CLEAN, summary.tail());
        }
    }

    @Test
    void shouldReadNoMessagesFromAQueueThatWasNeverAppendedTo() {
        SingleChronicleQueueBuilder.binary(journal.resolve("outbound")).build().close();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.OUTBOUND)) {
            assertFalse(reader.next(new OrderCommand()));
            assertEquals(0, reader.summarize().messages());
        }
    }

    @Test
    void shouldRefuseAnIntactMessageOfANewerSchemaVersionNamingTheJournalAndIndex() {
        writeTrades(1);
        final long newerIndex;
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal.resolve("inbound")).build();
             ExcerptAppender appender = queue.createAppender()) {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().write(JournalFiles.withChecksum(JournalFiles.message(JournalFormat.TYPE_INBOUND_EVENT,
                    JournalFormat.SCHEMA_VERSION + 1, 8)));
            }
            newerIndex = appender.lastIndexAppended();
        }

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(4);
            assertTrue(reader.next(event), "the message of this version is still readable");
            final JournalFormatException e = assertThrows(JournalFormatException.class, () -> reader.next(event));
            assertTrue(e.getMessage().startsWith("journal " + journal.resolve("inbound") + ": message at index 0x"
                + Long.toHexString(newerIndex) + " ("), e.getMessage());
            assertTrue(e.getMessage().endsWith(", 19 bytes): newer schema: has schema version " + (JournalFormat.SCHEMA_VERSION + 1)
                + ", this build reads up to " + JournalFormat.SCHEMA_VERSION), e.getMessage());
        }
    }

    @Test
    void shouldRefuseToReadOrderCommandsAsInboundEvents() {
        final OutboundJournalWriter writer = new OutboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        writer.onCommand(new OrderCommand(), 0, true);
        writer.onShutdown();
        try {
            Files.move(journal.resolve("outbound"), journal.resolve("inbound"));
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalFormatException e = assertThrows(JournalFormatException.class, () -> reader.next(new InboundEvent(4)));
            assertTrue(e.getMessage().endsWith("is of message type 'O' (order command), expected 'I' (inbound event)"), e.getMessage());
        }
    }

    @Test
    void shouldSummarizeCountIndexesAndSequencesOfACleanJournal() {
        final long lastIndex = writeTrades(250);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalSummary summary = reader.summarize();
            assertEquals(250, summary.messages());
            assertEquals(lastIndex, summary.lastIndex());
            assertEquals(lastIndex - 249, summary.firstIndex());
            assertEquals(0, summary.firstSequence());
            assertEquals(249, summary.lastSequence());
            assertEquals(JournalTail.CLEAN, summary.tail());
            assertTrue(summary.describe().contains("250 messages"), summary.describe());
        }
    }

    @Test
    void shouldMoveToAnIndexAndReadOnFromThere() {
        final long lastIndex = writeTrades(10);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            assertTrue(reader.moveToIndex(lastIndex - 3));
            final InboundEvent event = new InboundEvent(4);
            assertTrue(reader.next(event));
            assertEquals(lastIndex - 3, reader.index());
            assertEquals(6, reader.sequence());
            assertEquals(6, event.tradeId);
        }
    }

    @Test
    void shouldReportAMessageLeftUnfinishedAndStillReadEverythingBeforeIt() {
        writeTrades(5);
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal.resolve("inbound")).build();
             ExcerptAppender appender = queue.createAppender()) {
            final DocumentContext unfinished = appender.writingDocument();
            final InboundEvent event = new InboundEvent(4);
            TestEvents.fill(event, EventKind.TRADE, 9);
            InboundEventCodec.encode(event, 5, unfinished.wire().bytes());

            try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
                final JournalSummary summary = reader.summarize();
                assertEquals(5, summary.messages());
                assertEquals(4, summary.lastSequence());
                assertEquals(JournalTail.INCOMPLETE_MESSAGE, summary.tail(), summary.describe());
            }
            unfinished.rollbackOnClose();
            unfinished.close();
        }
    }

    @Test
    void shouldRecordTheSchemaVersionAndTheWriterOfEverySession() {
        final JournalConfig config = JournalConfig.defaults(journal).withWriter("ringtrader test");
        for (int run = 0; run < 2; run++) {
            final InboundJournalWriter writer = new InboundJournalWriter(config);
            writer.onStart();
            final InboundEvent event = new InboundEvent(4);
            TestEvents.fill(event, EventKind.TIMER, run);
            writer.onEvent(event, run, true);
            writer.onShutdown();
        }

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final List<JournalSession> sessions = reader.sessions();
            assertEquals(2, sessions.size());
            for (final JournalSession session : sessions) {
                assertEquals(JournalFormat.SCHEMA_VERSION, session.schemaVersion());
                assertEquals(JournalStream.INBOUND, session.stream());
                assertEquals("ringtrader test", session.writer());
                assertTrue(session.startedEpochMs() > 0);
            }
            assertEquals(2, reader.summarize().messages(), "sessions take no index");
        }
    }

    @Test
    void shouldRefuseToAppendBeforeTheWriterIsStarted() {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.onEvent(new InboundEvent(4), 0, true));
        assertEquals("journal " + journal.resolve("inbound") + " is not open", e.getMessage());
    }

    @Test
    void shouldReadBackAnEventWhoseProducerSetNoKind() {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        event.instrumentId = 9;
        writer.onEvent(event, 0, true);
        writer.onShutdown();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent read = new InboundEvent(4);
            read.kind = EventKind.TRADE;
            assertTrue(reader.next(read));
            assertEquals(null, read.kind);
            assertEquals(9, read.instrumentId);
        }
    }

    private long writeTrades(final int count) {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        for (int i = 0; i < count; i++) {
            TestEvents.fill(event, EventKind.TRADE, 0);
            event.tradeId = i;
            writer.onEvent(event, i, i % 16 == 15 || i == count - 1);
        }
        final long last = writer.lastIndexAppended();
        writer.onShutdown();
        return last;
    }
}
