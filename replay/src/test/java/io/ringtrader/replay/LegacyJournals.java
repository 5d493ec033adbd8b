package io.ringtrader.replay;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.recorder.InboundEventCodec;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalRollCycle;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.OrderCommandCodec;
import io.ringtrader.recorder.WireCodes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Rewrites a freshly recorded journal as a build of schema 4 or 5 wrote it, so that tests can prove old journals
 * still replay: no binary journal is kept in the repository. What differs from schema 6, and is rewritten here:
 * <ul>
 *   <li>the session header ends after the writer's name (no kind, no manifest); schema 4 has no checksum trailer;</li>
 *   <li>every message carries its schema version; schema 4 messages have no CRC32C trailer, and a schema 4 OPERATOR
 *       event ends after its source (no target);</li>
 *   <li>the timer of those builds wrote a tick's scheduled time as its exchange time, and a command caused by a tick
 *       carries it as {@code causeExchangeTimeNs}.</li>
 * </ul>
 * The layouts of the messages are the same in schemas 4 to 6 otherwise (each schema only added kinds and codes), so
 * the rest of each message is this build's encoding. A message that cannot be in an older journal (a kind or code
 * newer than the target schema) fails the rewrite.
 */
final class LegacyJournals {
    private static final int MAGIC = 0x4A525452;
    private static final int OPERATOR_TARGET_BYTES = 4;
    /** An inbound message's common header, before its kind's payload, and the offset of its kind code in it. */
    private static final int COMMON_HEADER_BYTES = 69;
    private static final int KIND_OFFSET = 11;
    /** Risk decision codes from this one on came with schema 5. */
    private static final int FIRST_SCHEMA_5_DECISION = 10;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private LegacyJournals() {
    }

    /**
     * A market state as schemas 1-5 wrote what it replaced: MARK_PRICE (kind code 6: mark, index, funding rate, next
     * funding time) or OPEN_INTEREST (code 7: open interest), after the same common header.
     */
    private static byte[] legacyMarketState(final byte[] message, final InboundEvent event, final int version) {
        final int fields = event.marketStateFields;
        final byte[] legacy;
        if (fields == MarketState.OPEN_INTEREST) {
            legacy = Arrays.copyOf(message, COMMON_HEADER_BYTES + 8);
            legacy[KIND_OFFSET] = 7;
            ByteBuffer.wrap(legacy).order(ByteOrder.LITTLE_ENDIAN).putLong(COMMON_HEADER_BYTES, event.openInterest);
        } else if ((fields & (MarketState.OPEN_INTEREST | MarketState.FUNDING_INTERVAL)) == 0) {
            legacy = Arrays.copyOf(message, COMMON_HEADER_BYTES + 32);
            legacy[KIND_OFFSET] = 6;
            final ByteBuffer buffer = ByteBuffer.wrap(legacy).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(COMMON_HEADER_BYTES, event.markPrice);
            buffer.putLong(COMMON_HEADER_BYTES + 8, event.indexPrice);
            buffer.putLong(COMMON_HEADER_BYTES + 16, event.fundingRate);
            buffer.putLong(COMMON_HEADER_BYTES + 24, event.nextFundingTimeNs);
        } else {
            throw new IllegalStateException("a schema " + version + " journal cannot hold a market state with fields "
                + Integer.toBinaryString(fields));
        }
        return legacy;
    }

    /** Writes {@code source}'s inbound and outbound queues into {@code target} as a schema {@code version} build did. */
    static void rewrite(final Path source, final Path target, final int version) {
        if (version != 4 && version != 5) {
            throw new IllegalArgumentException("rewrites to schema 4 or 5, not " + version);
        }
        final Map<Long, Long> tickScheduledBySequence = new HashMap<>();
        try (JournalReader reader = JournalReader.open(source, JournalStream.INBOUND);
             Writer writer = new Writer(target.resolve("inbound"), version, 1)) {
            final InboundEvent event = new InboundEvent(InboundEventCodec.MAX_LEVELS);
            while (reader.next(event)) {
                if (event.kind == EventKind.ENGINE_STATUS && version < 5) {
                    throw new IllegalStateException("a schema 4 journal cannot hold an ENGINE_STATUS event");
                }
                if (event.kind == EventKind.TIMER) {
                    event.exchangeTimeNs = event.timerScheduledNs;
                    tickScheduledBySequence.put(reader.sequence(), event.timerScheduledNs);
                }
                final Bytes<?> bytes = writer.staging();
                InboundEventCodec.encode(event, reader.sequence(), bytes);
                byte[] message = bytes.toByteArray();
                if (event.kind == EventKind.OPERATOR && version < 5) {
                    message = Arrays.copyOf(message, message.length - OPERATOR_TARGET_BYTES);
                }
                if (event.kind == EventKind.MARKET_STATE) {
                    message = legacyMarketState(message, event, version);
                }
                writer.append(message, false);
            }
        }
        try (JournalReader reader = JournalReader.open(source, JournalStream.OUTBOUND);
             Writer writer = new Writer(target.resolve("outbound"), version, 2)) {
            final OrderCommand command = new OrderCommand();
            while (reader.next(command)) {
                final Long scheduled = tickScheduledBySequence.get(command.causeSequence);
                if (scheduled != null) {
                    command.causeExchangeTimeNs = scheduled;
                }
                if (version < 5 && WireCodes.code(command.decision) >= FIRST_SCHEMA_5_DECISION) {
                    throw new IllegalStateException("a schema 4 journal cannot hold the risk decision " + command.decision);
                }
                final Bytes<?> bytes = writer.staging();
                OrderCommandCodec.encode(command, reader.sequence(), bytes);
                writer.append(bytes.toByteArray(), false);
            }
        }
    }

    /** One queue of the old journal: its session header first, then each message with the old version and trailer. */
    private static final class Writer implements AutoCloseable {
        private final ChronicleQueue queue;
        private final ExcerptAppender appender;
        private final Bytes<?> staging = Bytes.allocateElasticOnHeap(4096);
        private final int version;

        Writer(final Path directory, final int version, final int streamCode) {
            this.version = version;
            this.queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(JournalRollCycle.DAILY.chronicleCycle()).build();
            this.appender = queue.createAppender();
            final byte[] writer = ("ringtrader trade (schema " + version + ")").getBytes(StandardCharsets.UTF_8);
            final ByteBuffer header = ByteBuffer.allocate(17 + writer.length).order(ORDER)
                .put((byte)'S').putShort((short)version).putInt(MAGIC).put((byte)streamCode).putLong(System.currentTimeMillis())
                .put((byte)writer.length).put(writer);
            append(header.array(), true);
        }

        Bytes<?> staging() {
            staging.clear();
            return staging;
        }

        /** Appends {@code message} (this build's encoding) with {@link #version} in its header and that version's trailer. */
        void append(final byte[] message, final boolean metaData) {
            ByteBuffer.wrap(message).order(ORDER).putShort(1, (short)version);
            final byte[] out;
            if (version >= 5) {
                final CRC32C crc = new CRC32C();
                crc.update(message);
                out = ByteBuffer.allocate(message.length + 4).order(ORDER).put(message).putInt((int)crc.getValue()).array();
            } else {
                out = message;
            }
            try (DocumentContext dc = appender.writingDocument(metaData)) {
                dc.wire().bytes().write(out);
            }
        }

        @Override
        public void close() {
            staging.releaseLast();
            appender.close();
            queue.close();
        }
    }
}
