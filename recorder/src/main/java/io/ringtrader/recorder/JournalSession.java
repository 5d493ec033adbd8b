package io.ringtrader.recorder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.BytesOut;
import org.agrona.DirectBuffer;

/**
 * The header a writer records in its queue: the schema version it writes, who it is and, from schema 6, what the
 * session's journal holds ({@link JournalManifest}: engine version, session tag, config hash and the instrument
 * table). Written as a Chronicle metadata document, so it takes no index and readers of events never see it: once
 * when the writer opens the queue, before its first message, and again in every later cycle file the writer rolls
 * into (after that file's first message), so a journal whose first files retention deleted still says what it holds.
 *
 * <pre>
 *  offset  size  field
 *  0       1     type 'S'
 *  1       2     schema version
 *  3       4     magic 0x4A525452 ("RTRJ" read as little-endian bytes), tells it from Chronicle's own metadata
 *  7       1     stream code (WireCodes): 1 inbound, 2 outbound, 3 raw
 *  8       8     startedEpochMs: wall-clock time the writer started (provenance only; replay ignores it)
 *  16      ...   writer: stop-bit length + UTF-8, e.g. "ringtrader trade"
 *                schema 6 and later:
 *  ...     1     header kind: 1 the writer opened the queue here (a session starts), 2 the same writer rolled into a
 *                new cycle file
 *  ...     ...   engineVersion, sessionTag, configHash: stop-bit length + UTF-8 each; empty when not recorded
 *  ...     4     instrument count i32, then that many rows in id order; -1: the writer recorded no instrument table
 *                row: id i32, venueId i32, venue (stop-bit length + UTF-8), symbol (likewise), priceScale u8,
 *                     tickSize i64, qtyScale u8, lotSize i64, contractSize i64, contractSizeScale u8
 *  n - 4   4     CRC32C of the bytes before it (schema 5 and later, see {@link JournalFormat})
 * </pre>
 * A reader reads the fields it knows of a newer header and ignores what follows them.
 *
 * @param schemaVersion  the schema version the writer wrote.
 * @param stream         the queue it wrote; null for a stream code this build does not know.
 * @param writer         the writer's name, e.g. {@code ringtrader trade}.
 * @param startedEpochMs when it started, milliseconds since the epoch.
 * @param rolled         whether this header repeats a session's at the start of a later cycle file (not a new session).
 * @param manifest       what the journal holds; null for a header of schema 5 or earlier, or a writer that recorded no
 *                       instrument table.
 */
public record JournalSession(int schemaVersion, JournalStream stream, String writer, long startedEpochMs, boolean rolled,
    JournalManifest manifest) {
    static final int MAGIC = 0x4A525452;
    /** The first schema version whose session headers carry the header kind and the manifest. */
    static final int MANIFEST_SINCE = 6;
    /** The longest session header a writer writes or a reader accepts, checksum included. */
    static final int MAX_LENGTH = 1 << 20;
    private static final int WRITER_OFFSET = 16;
    private static final int KIND_OPENED = 1;
    private static final int KIND_ROLLED = 2;
    private static final int NO_TABLE = -1;

    /** Whether the header carries an instrument table. */
    public boolean hasManifest() {
        return manifest != null;
    }

    /**
     * Writes a header of this build's schema version at {@code out}'s write position.
     *
     * @param manifest null for none (no instrument table, no engine version, tag or config hash).
     */
    static void write(final BytesOut<?> out, final JournalStream stream, final String writer, final long startedEpochMs,
        final boolean rolled, final JournalManifest manifest) {
        JournalFormat.writeHeader(out, JournalFormat.TYPE_SESSION);
        out.writeInt(MAGIC);
        out.writeByte(WireCodes.code(stream));
        out.writeLong(startedEpochMs);
        writeText(out, writer);
        out.writeUnsignedByte(rolled ? KIND_ROLLED : KIND_OPENED);
        writeText(out, manifest == null ? "" : manifest.engineVersion());
        writeText(out, manifest == null ? "" : manifest.sessionTag());
        writeText(out, manifest == null ? "" : manifest.configHash());
        if (manifest == null) {
            out.writeInt(NO_TABLE);
            return;
        }
        out.writeInt(manifest.instruments().size());
        for (final JournalInstrument row : manifest.instruments()) {
            out.writeInt(row.id());
            out.writeInt(row.venueId());
            writeText(out, row.venue());
            writeText(out, row.symbol());
            out.writeUnsignedByte(row.priceScale());
            out.writeLong(row.tickSizeMantissa());
            out.writeUnsignedByte(row.qtyScale());
            out.writeLong(row.lotSizeMantissa());
            out.writeLong(row.contractSizeMantissa());
            out.writeUnsignedByte(row.contractSizeScale());
        }
    }

    /**
     * The session in the metadata document of {@code length} bytes (checksum trailer removed) at the start of
     * {@code message}, or null when the document is not one of ours.
     *
     * @throws JournalFormatException if it is ours but a field runs past its end, or its instrument table is impossible.
     */
    static JournalSession readIfSession(final DirectBuffer message, final int length) {
        if (length < WRITER_OFFSET + 1) {
            return null;
        }
        if (message.getByte(0) != JournalFormat.TYPE_SESSION || message.getInt(3, JournalFormat.BYTE_ORDER) != MAGIC) {
            return null;
        }
        final int version = message.getShort(1, JournalFormat.BYTE_ORDER) & 0xFFFF;
        final JournalStream stream = WireCodes.streamOrNull(message.getByte(7));
        final long startedEpochMs = message.getLong(8, JournalFormat.BYTE_ORDER);
        final Fields fields = new Fields(message, WRITER_OFFSET, length);
        final String writer = fields.text("writer name");
        if (version < MANIFEST_SINCE) {
            return new JournalSession(version, stream, writer, startedEpochMs, false, null);
        }
        final int kind = fields.u8("header kind");
        if (kind != KIND_OPENED && kind != KIND_ROLLED) {
            throw new JournalFormatException("has a session header of unknown kind " + kind);
        }
        final String engineVersion = fields.text("engine version");
        final String sessionTag = fields.text("session tag");
        final String configHash = fields.text("config hash");
        final int count = fields.i32("instrument count");
        JournalManifest manifest = null;
        if (count != NO_TABLE) {
            if (count < 0 || count > length) {
                throw new JournalFormatException("has a session header with an instrument count of " + count);
            }
            final List<JournalInstrument> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                final int id = fields.i32("instrument id");
                final int venueId = fields.i32("venue id");
                final String venue = fields.text("venue");
                final String symbol = fields.text("symbol");
                final int priceScale = fields.u8("price scale");
                final long tickSize = fields.i64("tick size");
                final int qtyScale = fields.u8("quantity scale");
                final long lotSize = fields.i64("lot size");
                final long contractSize = fields.i64("contract size");
                final int contractSizeScale = fields.u8("contract size scale");
                rows.add(new JournalInstrument(id, venue, venueId, symbol, priceScale, tickSize, qtyScale, lotSize,
                    contractSize, contractSizeScale));
            }
            try {
                manifest = new JournalManifest(engineVersion, sessionTag, configHash, rows);
            } catch (final IllegalArgumentException e) {
                throw new JournalFormatException("has a session header whose " + e.getMessage());
            }
        }
        if (version == MANIFEST_SINCE && !fields.atEnd()) {
            throw new JournalFormatException("has " + fields.left() + " bytes left after its session header");
        }
        return new JournalSession(version, stream, writer, startedEpochMs, kind == KIND_ROLLED, manifest);
    }

    private static void writeText(final BytesOut<?> out, final String text) {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeStopBit(utf8.length);
        out.write(utf8);
    }

    /** Reads a header's fields in order, each checked against the header's length. */
    private static final class Fields {
        private final DirectBuffer message;
        private final int length;
        private int at;

        Fields(final DirectBuffer message, final int at, final int length) {
            this.message = message;
            this.at = at;
            this.length = length;
        }

        /** Chronicle's stop-bit length (seven bits a byte, low bits first, the top bit set on all but the last), then UTF-8. */
        String text(final String what) {
            int textLength = 0;
            for (int shift = 0; ; shift += 7) {
                if (at >= length || shift > 28) {
                    throw pastTheEnd(what);
                }
                final int b = message.getByte(at++);
                textLength |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (textLength < 0 || textLength > length - at) {
                throw pastTheEnd(what);
            }
            final String text = message.getStringWithoutLengthUtf8(at, textLength);
            at += textLength;
            return text;
        }

        int u8(final String what) {
            need(1, what);
            return message.getByte(at++) & 0xFF;
        }

        int i32(final String what) {
            need(4, what);
            final int value = message.getInt(at, JournalFormat.BYTE_ORDER);
            at += 4;
            return value;
        }

        long i64(final String what) {
            need(8, what);
            final long value = message.getLong(at, JournalFormat.BYTE_ORDER);
            at += 8;
            return value;
        }

        boolean atEnd() {
            return at == length;
        }

        int left() {
            return length - at;
        }

        private void need(final int bytes, final String what) {
            if (length - at < bytes) {
                throw pastTheEnd(what);
            }
        }

        private static JournalFormatException pastTheEnd(final String what) {
            return new JournalFormatException("has a session header whose " + what + " runs past its end");
        }
    }
}
