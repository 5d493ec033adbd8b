package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.zip.CRC32C;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged journals are reported where they are damaged, never decoded as data: bytes overwritten, a file cut short,
 * a damaged queue header, a zeroed header word; and a killed writer's unfinished message is still told from damage.
 */
class JournalDamageTest {
    private static final int TRADES = 300;
    /** Offset of the trade price in an inbound trade message (after the 4-byte document header word). */
    private static final int TRADE_PRICE_OFFSET = 4 + 69 + 24;

    @TempDir
    Path journal;

    @Test
    void shouldAppendTheCrc32cOfEveryMessageAsItsLastFourBytes() {
        writeTrades(1);
        final Path file = cycleFile();
        final long at = offsetOf(0);
        final int length = JournalFiles.readInt(file, at);
        final byte[] message = JournalFiles.read(file, at + 4, length - 4);
        final CRC32C crc = new CRC32C();
        crc.update(message);

        assertEquals((int)crc.getValue(), JournalFiles.readInt(file, at + length));
    }

    @Test
    void shouldRefuseAMessageWhoseBytesChangedNamingItsIndexAndByteOffset() {
        final long firstIndex = writeTrades(TRADES);
        final long at = offsetOf(100);
        JournalFiles.overwrite(cycleFile(), at + TRADE_PRICE_OFFSET, new byte[] {0x11, 0x22, 0x33});

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(4);
            for (int i = 0; i < 100; i++) {
                assertTrue(reader.next(event));
            }
            final JournalDamageException e = assertThrows(JournalDamageException.class, () -> reader.next(event));
            assertEquals(JournalDamage.Problem.CHECKSUM_MISMATCH, e.damage().problem());
            assertEquals(firstIndex + 100, e.damage().index());
            assertEquals(at, e.damage().offset());
            assertTrue(e.getMessage().contains("message at index 0x" + Long.toHexString(firstIndex + 100) + " ("
                + cycleFile().getFileName() + " byte offset " + at + ", 118 bytes): checksum mismatch: stored 0x"),
                e.getMessage());
            assertTrue(reader.next(event), "the reader moved past the damaged message");
            assertEquals(101, event.tradeId);
        }
    }

    @Test
    void shouldSkipADamagedMessageAndReadOnWhenAskedTo() {
        writeTrades(TRADES);
        JournalFiles.overwrite(cycleFile(), offsetOf(100) + TRADE_PRICE_OFFSET, new byte[] {0x11});

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND, JournalReader.DamagePolicy.SKIP)) {
            final InboundEvent event = new InboundEvent(4);
            long read = 0;
            while (reader.next(event)) {
                assertTrue(event.tradeId != 100, "the damaged trade is never decoded");
                read++;
            }
            assertEquals(TRADES - 1, read);
            assertEquals(1, reader.skippedCount());
            assertEquals(JournalDamage.Problem.CHECKSUM_MISMATCH, reader.skipped().get(0).problem());
        }
    }

    /** 64 random bytes across message boundaries: every message they touch is reported, the rest is read. */
    @Test
    void shouldReportEveryMessageThatRandomBytesOverwroteAndReadTheRest() {
        writeTrades(TRADES);
        final long[] offsets = offsets();
        final byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        JournalFiles.overwrite(cycleFile(), offsets[150] + 80, noise);

        final JournalSummary summary = summarize();

        assertEquals(offsets[150], summary.damage().get(0).offset(), summary.describe());
        for (final JournalDamage damage : summary.damage()) {
            assertTrue(damage.offset() < offsets[152], damage.describe());
        }
        assertEquals(TRADES - 2, summary.messages(), summary.describe());
        assertEquals(TRADES - 1, summary.lastSequence());
        assertEquals(JournalTail.CLEAN, summary.tail());
    }

    @Test
    void shouldReportAMessageCutShortByATruncatedFileAsDamageNotAsACleanTail() {
        final long firstIndex = writeTrades(TRADES);
        final long at = offsetOf(200);
        JournalFiles.truncate(cycleFile(), at + 50);

        final JournalSummary summary = summarize();

        assertEquals(200, summary.messages());
        assertEquals(199, summary.lastSequence());
        assertEquals(JournalTail.DAMAGED, summary.tail(), summary.describe());
        assertEquals(1, summary.damagedCount());
        final JournalDamage damage = summary.damage().get(0);
        assertEquals(JournalDamage.Problem.TRUNCATED, damage.problem());
        assertEquals(firstIndex + 200, damage.index());
        assertEquals(at, damage.offset());
        assertEquals(offsetOf(199) + 118, summary.endOffset(), "the readable data ends with the message before the cut one");
    }

    @Test
    void shouldRefuseToReadPastATruncationInsideTheData() {
        writeTrades(TRADES);
        JournalFiles.truncate(cycleFile(), offsetOf(200) + 50);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(4);
            for (int i = 0; i < 200; i++) {
                assertTrue(reader.next(event));
            }
            final JournalDamageException e = assertThrows(JournalDamageException.class, () -> reader.next(event));
            assertEquals(JournalDamage.Problem.TRUNCATED, e.damage().problem());
            assertFalse(reader.next(event));
        }
    }

    @Test
    void shouldReportADamagedQueueHeaderAndStillReadTheMessagesAfterIt() {
        final long firstIndex = writeTrades(TRADES);
        final byte[] noise = new byte[64];
        new Random(1).nextBytes(noise);
        JournalFiles.overwrite(cycleFile(), 0, noise);

        final JournalSummary summary = summarize();

        assertEquals(TRADES, summary.messages(), summary.describe());
        assertEquals(1, summary.damagedCount(), summary.describe());
        final JournalDamage damage = summary.damage().get(0);
        assertEquals(JournalDamage.Problem.UNREADABLE_BYTES, damage.problem());
        assertEquals(0, damage.offset());
        assertEquals(firstIndex, summary.firstIndex(), "Chronicle's index, after the damaged header, numbers the messages");
        assertEquals(firstIndex + TRADES - 1, summary.lastIndex());
        assertEquals(0, summary.firstSequence());
        assertEquals(TRADES - 1, summary.lastSequence());
    }

    @Test
    void shouldReportAZeroedHeaderWordWithMessagesAfterItAsDamageNotAsAnUnfinishedMessage() {
        writeTrades(TRADES);
        final long[] offsets = offsets();
        final long at = offsets[100];
        JournalFiles.overwrite(cycleFile(), at, new byte[4]);

        final JournalSummary summary = summarize();

        assertEquals(TRADES - 1, summary.messages(), summary.describe());
        assertEquals(JournalTail.CLEAN, summary.tail());
        assertEquals(JournalDamage.Problem.UNREADABLE_BYTES, summary.damage().get(0).problem());
        assertEquals(at, summary.damage().get(0).offset());
        assertEquals(offsets[101] - at, summary.damage().get(0).length(), "exactly the message whose header was lost");
    }

    @Test
    void shouldReadOnAfterADamagedLengthWordAndTakeTheIndexBackFromChroniclesIndex() {
        final long firstIndex = writeTrades(TRADES);
        JournalFiles.overwrite(cycleFile(), offsetOf(100), new byte[] {0x7f, 0x01, 0x00, 0x00});

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND, JournalReader.DamagePolicy.SKIP)) {
            final InboundEvent event = new InboundEvent(4);
            long read = 0;
            while (reader.next(event)) {
                read++;
                if (event.tradeId == 150) {
                    assertEquals(JournalSummary.NONE, reader.index(), "damage hid how many messages came before");
                    assertEquals(150, reader.sequence());
                }
                if (event.tradeId >= 256) {
                    assertEquals(firstIndex + event.tradeId, reader.index(), "the index lists every 256th message");
                }
            }
            assertEquals(TRADES - 1, read);
            assertEquals(1, reader.skippedCount());
        }
    }

    /** A length word that runs past the end of the file is damage to the word when documents follow, not a cut file. */
    @Test
    void shouldReadOnAfterALengthWordThatRunsPastTheEndOfTheFile() {
        writeTrades(TRADES);
        final long at = offsetOf(100);
        JournalFiles.overwrite(cycleFile(), at, new byte[] {0x00, 0x00, 0x00, 0x3c});

        final JournalSummary summary = summarize();

        assertEquals(TRADES - 1, summary.messages(), summary.describe());
        assertEquals(JournalDamage.Problem.UNREADABLE_BYTES, summary.damage().get(0).problem());
        assertEquals(at, summary.damage().get(0).offset());
        assertEquals(JournalTail.CLEAN, summary.tail());
    }

    @Test
    void shouldNameNoMessageForDamageToChroniclesStoreHeader() {
        writeTrades(TRADES);
        JournalFiles.overwrite(cycleFile(), 0, new byte[] {0x00, 0x00, 0x00, 0x3c});

        final JournalSummary summary = summarize();

        assertEquals(TRADES, summary.messages(), summary.describe());
        assertEquals(JournalSummary.NONE, summary.damage().get(0).index());
        assertEquals(0, summary.damage().get(0).offset());
    }

    @Test
    void shouldListEveryDamagedMessageInFileOrder() {
        final long firstIndex = writeTrades(TRADES);
        final long[] offsets = offsets();
        for (final int damaged : new int[] {10, 20, 290}) {
            JournalFiles.overwrite(cycleFile(), offsets[damaged] + TRADE_PRICE_OFFSET, new byte[] {0x5a});
        }

        final JournalSummary summary = summarize();

        assertEquals(3, summary.damagedCount());
        assertEquals(firstIndex + 10, summary.damage().get(0).index());
        assertEquals(firstIndex + 20, summary.damage().get(1).index());
        assertEquals(firstIndex + 290, summary.damage().get(2).index());
        assertEquals(TRADES - 3, summary.messages());
    }

    @Test
    void shouldRefuseAMessageOfTypeZero() {
        writeTrades(2);
        JournalFiles.appendRaw(journal.resolve("inbound"), JournalFiles.withChecksum(JournalFiles.message((byte)0, 5, 8)));

        final JournalSummary summary = summarize();

        assertEquals(JournalDamage.Problem.IMPOSSIBLE_MESSAGE, summary.damage().get(0).problem());
        assertEquals("has message type 0", summary.damage().get(0).detail());
    }

    @Test
    void shouldRefuseAMessageOfSchemaVersionZero() {
        writeTrades(2);
        JournalFiles.appendRaw(journal.resolve("inbound"), JournalFiles.message(JournalFormat.TYPE_INBOUND_EVENT, 0, 8));

        final JournalSummary summary = summarize();

        assertEquals("has schema version 0", summary.damage().get(0).detail());
    }

    /** A message claiming a newer schema whose checksum fails is damage, not a reason to upgrade. */
    @Test
    void shouldReportANewerSchemaVersionWithAFailingChecksumAsDamage() {
        writeTrades(2);
        JournalFiles.appendRaw(journal.resolve("inbound"), JournalFiles.message(JournalFormat.TYPE_INBOUND_EVENT, 0x3a7f, 20));

        assertEquals(JournalDamage.Problem.CHECKSUM_MISMATCH, summarize().damage().get(0).problem());
    }

    @Test
    void shouldReadMessagesOfSchema4AsUncheckedAndSaySo() {
        writeTrades(3);
        final byte[] schema4 = TestEvents.encodedTrade(99);
        schema4[1] = 4;
        JournalFiles.appendRaw(journal.resolve("inbound"), schema4);

        final JournalSummary summary = summarize();

        assertEquals(4, summary.messages());
        assertEquals(1, summary.uncheckedMessages());
        assertFalse(summary.damaged(), summary.describe());
        assertTrue(summary.describe().contains("1 unchecked (schema 4 or earlier: no checksum)"), summary.describe());
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(4);
            for (int i = 0; i < 4; i++) {
                assertTrue(reader.next(event));
            }
            assertEquals(99, event.tradeId);
        }
    }

    /** One bit flipped in the version (5 to 4): the message still carries its trailer, so it cannot read as schema 4. */
    @Test
    void shouldRefuseACheckedMessageWhoseVersionReadsAsUnchecked() {
        writeTrades(TRADES);
        JournalFiles.overwrite(cycleFile(), offsetOf(50) + 4 + 1, new byte[] {4});

        final JournalSummary summary = summarize();

        assertEquals(1, summary.damagedCount(), summary.describe());
        assertEquals(JournalDamage.Problem.IMPOSSIBLE_MESSAGE, summary.damage().get(0).problem());
        assertEquals(0, summary.uncheckedMessages());
    }

    @Test
    void shouldSayWhereTheReadableDataEndsInACleanJournal() {
        writeTrades(TRADES);
        final long last = offsetOf(TRADES - 1);

        final JournalSummary summary = summarize();

        assertEquals(cycleFile(), summary.endFile());
        assertEquals(last + JournalFiles.readInt(cycleFile(), last) + 4, summary.endOffset());
        assertEquals(JournalTail.CLEAN, summary.tail());
        assertFalse(summary.damaged());
    }

    @Test
    void shouldReportNoDamageAndNoEndForAnEmptyQueue() {
        writeTrades(0);

        final JournalSummary summary = summarize();

        assertEquals(0, summary.messages());
        assertFalse(summary.damaged());
        assertEquals(1, summary.sessions().size(), "the writer's session header");
        assertEquals(JournalTail.CLEAN, summary.tail());
    }

    @Test
    void shouldReportADamagedSessionHeader() {
        writeTrades(2);
        final long session = sessionOffset();
        JournalFiles.overwrite(cycleFile(), session + 4 + 9, new byte[] {0x01});

        final JournalSummary summary = summarize();

        assertEquals(1, summary.damagedCount(), summary.describe());
        assertTrue(summary.damage().get(0).detail().startsWith("session header stored 0x"), summary.damage().get(0).detail());
        assertTrue(summary.sessions().isEmpty());
        assertEquals(2, summary.messages());
    }

    @Test
    void shouldMoveToAnIndexPastDamage() {
        final long firstIndex = writeTrades(TRADES);
        JournalFiles.overwrite(cycleFile(), offsetOf(10) + TRADE_PRICE_OFFSET, new byte[] {0x5a});

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            assertTrue(reader.moveToIndex(firstIndex + 20));
            final InboundEvent event = new InboundEvent(4);
            assertTrue(reader.next(event));
            assertEquals(20, event.tradeId);
            assertEquals(firstIndex + 20, reader.index());
            assertFalse(reader.moveToIndex(firstIndex + TRADES));
        }
    }

    @Test
    void shouldReadTheNextCycleFileWithItsIndexesAfterDamageInTheFirst() {
        final long[] firstIndexes = writeMinutes(3, 5);
        final Path first = JournalFiles.cycleFiles(journal.resolve("inbound")).get(0);
        JournalFiles.overwrite(first, offsetOf(2) + TRADE_PRICE_OFFSET, new byte[] {0x5a});

        final JournalSummary summary = summarize();

        assertEquals(14, summary.messages());
        assertEquals(firstIndexes[0] + 2, summary.damage().get(0).index());
        assertEquals(first, summary.damage().get(0).file());
        assertEquals(firstIndexes[2] + 4, summary.lastIndex());
        assertEquals(JournalTail.CLEAN, summary.tail());
    }

    /** The tail of an earlier cycle file is not the queue's tail: a message left unfinished there is a gap. */
    @Test
    void shouldReportAMessageLeftUnfinishedBeforeLaterCycleFilesAsDamage() {
        writeMinutes(2, 5);
        final Path first = JournalFiles.cycleFiles(journal.resolve("inbound")).get(0);
        final long end = offsetOf(4) + 120;
        JournalFiles.overwrite(first, end, new byte[4]);
        JournalFiles.overwrite(first, end + 4, TestEvents.encodedTrade(5));

        final JournalSummary summary = summarize();

        assertEquals(10, summary.messages(), summary.describe());
        assertEquals(JournalDamage.Problem.UNFINISHED_MESSAGE, summary.damage().get(0).problem());
        assertEquals(end, summary.damage().get(0).offset());
    }

    private JournalSummary summarize() {
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            return reader.summarize();
        }
    }

    private Path cycleFile() {
        return JournalFiles.onlyCycleFile(journal.resolve("inbound"));
    }

    /** Byte offset of the document header of the {@code n}th message (from 0), in the journal as it is now. */
    private long offsetOf(final int n) {
        return offsets()[n];
    }

    /** Byte offsets of the document headers of the readable messages, in order. */
    private long[] offsets() {
        final java.util.List<Long> offsets = new java.util.ArrayList<>();
        try (DocumentCursor cursor = new DocumentCursor(journal.resolve("inbound"), JournalFormat.TYPE_INBOUND_EVENT)) {
            int result;
            while ((result = cursor.advance()) != DocumentCursor.END) {
                if (result == DocumentCursor.DOCUMENT) {
                    offsets.add(cursor.offset());
                }
            }
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    private long sessionOffset() {
        try (DocumentCursor cursor = new DocumentCursor(journal.resolve("inbound"), JournalFormat.TYPE_INBOUND_EVENT)) {
            int result;
            while ((result = cursor.advance()) != DocumentCursor.END) {
                if (result == DocumentCursor.SESSION) {
                    return cursor.offset();
                }
            }
        }
        throw new IllegalStateException("no session header");
    }

    /** Writes {@code perMinute} trades in each of {@code minutes} minutely cycle files; returns each file's first index. */
    private long[] writeMinutes(final int minutes, final int perMinute) {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
        final InboundJournalWriter writer = new InboundJournalWriter(
            JournalConfig.defaults(journal).withRollCycle(JournalRollCycle.MINUTELY), clock);
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        final long[] firstIndexes = new long[minutes];
        long sequence = 0;
        for (int minute = 0; minute < minutes; minute++) {
            for (int i = 0; i < perMinute; i++, sequence++) {
                TestEvents.fill(event, EventKind.TRADE, 0);
                event.tradeId = sequence;
                writer.onEvent(event, sequence, true);
                if (i == 0) {
                    firstIndexes[minute] = writer.lastIndexAppended();
                }
            }
            clock.advanceMillis(60_000);
        }
        writer.onShutdown();
        return firstIndexes;
    }

    /** Writes trades 0 .. count - 1; returns the index of the first (or of where it would be). */
    private long writeTrades(final int count) {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        long first = JournalSummary.NONE;
        for (int i = 0; i < count; i++) {
            TestEvents.fill(event, EventKind.TRADE, 0);
            event.tradeId = i;
            writer.onEvent(event, i, true);
            if (i == 0) {
                first = writer.lastIndexAppended();
            }
        }
        writer.onShutdown();
        return first;
    }
}
