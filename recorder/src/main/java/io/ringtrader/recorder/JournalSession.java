package io.ringtrader.recorder;

import net.openhft.chronicle.bytes.BytesOut;
import org.agrona.DirectBuffer;

/**
 * What a writer records when it opens a queue: the schema version it writes and who it is. Written as a
 * Chronicle metadata document, so it takes no index and readers of events never see it.
 *
 * <pre>
 *  offset  size  field
 *  0       1     type 'S'
 *  1       2     schema version
 *  3       4     magic 0x4A525452 ("RTRJ" read as little-endian bytes), tells it from Chronicle's own metadata
 *  7       1     stream code: 1 inbound, 2 outbound, 3 raw
 *  8       8     startedEpochMs: wall-clock time the writer started (provenance only; replay ignores it)
 *  16      ...   writer: stop-bit length + UTF-8, e.g. "ringtrader-recorder 0.1.0"
 *  n - 4   4     CRC32C of the bytes before it (schema 5 and later, see {@link JournalFormat})
 * </pre>
 *
 * @param schemaVersion  the schema version the writer wrote.
 * @param stream         the queue it wrote.
 * @param writer         the writer's name and version.
 * @param startedEpochMs when it started, milliseconds since the epoch.
 */
public record JournalSession(int schemaVersion, JournalStream stream, String writer, long startedEpochMs) {
    static final int MAGIC = 0x4A525452;
    private static final int WRITER_OFFSET = 16;

    static void write(final BytesOut<?> out, final JournalStream stream, final String writer, final long startedEpochMs) {
        JournalFormat.writeHeader(out, JournalFormat.TYPE_SESSION);
        out.writeInt(MAGIC);
        out.writeByte((byte)(stream.ordinal() + 1));
        out.writeLong(startedEpochMs);
        out.writeUtf8(writer);
    }

    /**
     * The session in the metadata document of {@code length} bytes (checksum trailer removed) at the start of
     * {@code message}, or null when the document is not one of ours.
     *
     * @throws JournalFormatException if it is ours but its writer name runs past its end.
     */
    static JournalSession readIfSession(final DirectBuffer message, final int length) {
        if (length < WRITER_OFFSET + 1) {
            return null;
        }
        if (message.getByte(0) != JournalFormat.TYPE_SESSION || message.getInt(3, JournalFormat.BYTE_ORDER) != MAGIC) {
            return null;
        }
        final int version = message.getShort(1, JournalFormat.BYTE_ORDER) & 0xFFFF;
        final int streamCode = message.getByte(7) & 0xFF;
        final JournalStream[] streams = JournalStream.values();
        final JournalStream stream = streamCode >= 1 && streamCode <= streams.length ? streams[streamCode - 1] : null;
        final long startedEpochMs = message.getLong(8, JournalFormat.BYTE_ORDER);
        // Chronicle's stop-bit length: seven bits a byte, low bits first, the top bit set on every byte but the last.
        int writerLength = 0;
        int at = WRITER_OFFSET;
        for (int shift = 0; ; shift += 7) {
            if (at >= length || shift > 28) {
                throw new JournalFormatException("has a session header whose writer name runs past its end");
            }
            final int b = message.getByte(at++);
            writerLength |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (writerLength > length - at) {
            throw new JournalFormatException("has a session header whose writer name runs past its end");
        }
        final String writer = message.getStringWithoutLengthUtf8(at, writerLength);
        return new JournalSession(version, stream, writer, startedEpochMs);
    }
}
