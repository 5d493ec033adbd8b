package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session header of schema 6: the journal's manifest, its instrument table, and the header repeated at each roll. */
class JournalManifestTest {
    static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0),
        new Instrument(1, Venue.BINANCE_USDM, "ETHUSDT", 2, 1, 3, 1, 1, 0),
        new Instrument(2, Venue.BITGET_USDT_FUTURES, "XRPUSDT", 4, 1, 1, 1, 10, 1)));
    private static final JournalManifest MANIFEST =
        JournalManifest.of("ringtrader 0.1.0-TEST", "lq2x3k9a0b7", "sha256:" + "ab".repeat(32), INSTRUMENTS);

    @TempDir
    Path journal;

    @Test
    void shouldRecordTheManifestInTheSessionHeaderOfEveryQueue() {
        final JournalConfig config = JournalConfig.defaults(journal).withManifest(MANIFEST);
        writeTimers(new InboundJournalWriter(config), 2);
        final OutboundJournalWriter outbound = new OutboundJournalWriter(config);
        outbound.onStart();
        outbound.onShutdown();
        try (RawFrameWriter raw = new RawFrameWriter(config)) {
            raw.open();
        }

        for (final JournalStream stream : JournalStream.values()) {
            try (JournalReader reader = JournalReader.open(journal, stream)) {
                final JournalSession header = reader.firstSession();
                assertNotNull(header, stream.name());
                assertEquals(JournalFormat.SCHEMA_VERSION, header.schemaVersion());
                assertEquals(stream, header.stream());
                assertFalse(header.rolled());
                assertEquals(MANIFEST, header.manifest(), stream.name());
            }
        }
    }

    @Test
    void shouldGiveBackTheInstrumentsAsTheEngineDeclaredThem() {
        writeTimers(new InboundJournalWriter(JournalConfig.defaults(journal).withManifest(MANIFEST)), 1);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InstrumentRegistry read = reader.firstSession().manifest().registry();
            assertEquals(INSTRUMENTS.instruments(), read.instruments());
            assertEquals("#2 bitget:XRPUSDT tick 0.0001 (scale 4), lot 0.1 (scale 1), contract 1.0",
                reader.firstSession().manifest().instruments().get(2).describe());
        }
    }

    @Test
    void shouldSayWhenAWriterRecordedNoManifest() {
        writeTimers(new InboundJournalWriter(JournalConfig.defaults(journal)), 1);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalSession header = reader.firstSession();
            assertEquals(JournalFormat.SCHEMA_VERSION, header.schemaVersion());
            assertFalse(header.hasManifest());
            assertEquals(JournalConfig.DEFAULT_WRITER, header.writer());
        }
    }

    /** Retention deletes a long session's first files; each later file repeats the header, so the journal still says what it holds. */
    @Test
    void shouldRepeatTheHeaderInEveryCycleFileTheWriterRollsInto() {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));
        final JournalConfig config = JournalConfig.defaults(journal).withManifest(MANIFEST)
            .withRollCycle(JournalRollCycle.MINUTELY).withRetentionCycles(1);
        final InboundJournalWriter writer = new InboundJournalWriter(config, clock);
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        long indexBeforeHeader = 0;
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 2; i++) {
                TestEvents.fill(event, EventKind.TRADE, minute * 2 + i);
                writer.onEvent(event, minute * 2 + i, true);
                if (minute == 2 && i == 0) {
                    indexBeforeHeader = writer.lastIndexAppended();
                }
            }
            clock.advanceMillis(60_000);
        }
        writer.onShutdown();

        assertEquals(1, JournalFiles.cycleFiles(journal.resolve("inbound")).size(), "retention kept the last file");
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalSession header = reader.firstSession();
            assertTrue(header.rolled());
            assertEquals(MANIFEST, header.manifest());
            assertEquals(List.of(), reader.sessions(), "a rolled header starts no session");
            assertEquals(2, reader.summarize().messages());
            final InboundEvent read = new InboundEvent(4);
            assertTrue(reader.next(read));
            assertEquals(4, reader.sequence(), "the messages around the header read as before");
            assertEquals(indexBeforeHeader, reader.index(), "the header takes no index");
            assertTrue(reader.next(read));
            assertEquals(5, reader.sequence());
        }
    }

    @Test
    void shouldReadASessionHeaderOfSchema5AsOneWithoutAManifest() {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[16 + 1 + 4]);
        message.putByte(0, JournalFormat.TYPE_SESSION);
        message.putShort(1, (short)5, JournalFormat.BYTE_ORDER);
        message.putInt(3, JournalSession.MAGIC, JournalFormat.BYTE_ORDER);
        message.putByte(7, (byte)2);
        message.putLong(8, 1_765_000_000_000L, JournalFormat.BYTE_ORDER);
        message.putByte(16, (byte)4);
        message.putBytes(17, "rt 5".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        final JournalSession header = JournalSession.readIfSession(message, message.capacity());

        assertEquals(new JournalSession(5, JournalStream.OUTBOUND, "rt 5", 1_765_000_000_000L, false, null), header);
    }

    @Test
    void shouldReadTheFieldsItKnowsOfANewerSessionHeader() {
        final byte[] current = encode(MANIFEST);
        final byte[] newer = java.util.Arrays.copyOf(current, current.length + 7);
        new UnsafeBuffer(newer).putShort(1, (short)(JournalFormat.SCHEMA_VERSION + 1), JournalFormat.BYTE_ORDER);

        final JournalSession header = JournalSession.readIfSession(new UnsafeBuffer(newer), newer.length);

        assertEquals(JournalFormat.SCHEMA_VERSION + 1, header.schemaVersion());
        assertEquals(MANIFEST, header.manifest());
    }

    @Test
    void shouldRefuseASessionHeaderWhoseInstrumentTableRunsPastItsEnd() {
        final byte[] message = encode(MANIFEST);

        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> JournalSession.readIfSession(new UnsafeBuffer(message), message.length - 9));

        assertTrue(e.getMessage().startsWith("has a session header whose "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" runs past its end"), e.getMessage());
    }

    @Test
    void shouldRefuseASchema6SessionHeaderWithBytesLeftAfterIt() {
        final byte[] message = java.util.Arrays.copyOf(encode(MANIFEST), encode(MANIFEST).length + 2);

        final JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> JournalSession.readIfSession(new UnsafeBuffer(message), message.length));

        assertEquals("has 2 bytes left after its session header", e.getMessage());
    }

    @Test
    void shouldRefuseAtStartUpAnInstrumentTableTooLargeForASessionHeader() {
        final List<Instrument> many = new ArrayList<>();
        for (int id = 0; id < 40_000; id++) {
            many.add(new Instrument(id, Venue.BINANCE_USDM, "S" + id + "USDT", 2, 1, 3, 1, 1, 0));
        }
        final JournalConfig config = JournalConfig.defaults(journal)
            .withManifest(JournalManifest.ofInstruments(new InstrumentRegistry(many)));

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InboundJournalWriter(config));

        assertTrue(e.getMessage().contains("(an instrument table of 40000 instruments), more than the 1048576 a reader accepts"),
            e.getMessage());
    }

    @Test
    void shouldFindNoSessionHeaderInAQueueWithoutOne() {
        writeTimers(new InboundJournalWriter(JournalConfig.defaults(journal)), 1);
        final Path other = journal.resolve("other");
        JournalFiles.appendRaw(other.resolve("inbound"), TestEvents.encodedTrade(1));

        try (JournalReader reader = JournalReader.open(other, JournalStream.INBOUND)) {
            assertNull(reader.firstSession());
        }
    }

    private static byte[] encode(final JournalManifest manifest) {
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        try {
            JournalSession.write(bytes, JournalStream.INBOUND, "ringtrader test", 1L, false, manifest);
            return bytes.toByteArray();
        } finally {
            bytes.releaseLast();
        }
    }

    private static void writeTimers(final InboundJournalWriter writer, final int count) {
        writer.onStart();
        final InboundEvent event = new InboundEvent(4);
        for (int i = 0; i < count; i++) {
            TestEvents.fill(event, EventKind.TIMER, i);
            writer.onEvent(event, i, true);
        }
        writer.onShutdown();
    }
}
