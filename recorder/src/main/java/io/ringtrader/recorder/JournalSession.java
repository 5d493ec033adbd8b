package io.ringtrader.recorder;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

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
 * </pre>
 *
 * @param schemaVersion  the schema version the writer wrote.
 * @param stream         the queue it wrote.
 * @param writer         the writer's name and version.
 * @param startedEpochMs when it started, milliseconds since the epoch.
 */
public record JournalSession(int schemaVersion, JournalStream stream, String writer, long startedEpochMs) {
    static final int MAGIC = 0x4A525452;

    static void write(final BytesOut<?> out, final JournalStream stream, final String writer, final long startedEpochMs) {
        JournalFormat.writeHeader(out, JournalFormat.TYPE_SESSION);
        out.writeInt(MAGIC);
        out.writeByte((byte)(stream.ordinal() + 1));
        out.writeLong(startedEpochMs);
        out.writeUtf8(writer);
    }

    /** The session in a metadata document, or null when the document is not one of ours. */
    static JournalSession readIfSession(final BytesIn<?> in) {
        if (in.readRemaining() < 16) {
            return null;
        }
        final long start = in.readPosition();
        if (in.readByte(start) != JournalFormat.TYPE_SESSION || in.readInt(start + 3) != MAGIC) {
            return null;
        }
        in.readSkip(1);
        final int version = in.readUnsignedShort();
        in.readSkip(4);
        final int streamCode = in.readUnsignedByte();
        final JournalStream[] streams = JournalStream.values();
        final JournalStream stream = streamCode >= 1 && streamCode <= streams.length ? streams[streamCode - 1] : null;
        final long startedEpochMs = in.readLong();
        final String writer = in.readUtf8();
        return new JournalSession(version, stream, writer, startedEpochMs);
    }
}
