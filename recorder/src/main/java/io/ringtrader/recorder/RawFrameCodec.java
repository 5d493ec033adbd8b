package io.ringtrader.recorder;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * Encodes a raw venue frame with its receive time and source, so decoders can be re-run on real traffic.
 *
 * <pre>
 *  offset  size    field
 *  0       1       type 'R'
 *  1       2       schema version
 *  3       8       receiveTimeNs
 *  11      4       sourceId
 *  15      4       length
 *  19      length  the frame's bytes, as received
 * </pre>
 *
 * <p>Stateless: safe from any thread. {@link #encode} does not allocate; {@link #decode} only when the
 * holder must grow.
 */
public final class RawFrameCodec {
    private RawFrameCodec() {
    }

    public static void encode(
        final long receiveTimeNs, final int sourceId, final byte[] frame, final int offset, final int length,
        final BytesOut<?> out) {
        JournalFormat.writeHeader(out, JournalFormat.TYPE_RAW_FRAME);
        out.writeLong(receiveTimeNs);
        out.writeInt(sourceId);
        out.writeInt(length);
        out.write(frame, offset, length);
    }

    /**
     * Reads one message into {@code into}.
     *
     * @throws JournalFormatException if the message is not a readable raw frame of this schema version.
     */
    public static void decode(final BytesIn<?> in, final RawFrame into) {
        JournalFormat.readHeader(in, JournalFormat.TYPE_RAW_FRAME);
        final long receiveTimeNs = in.readLong();
        final int sourceId = in.readInt();
        final int length = in.readInt();
        if (length < 0 || length != in.readRemaining()) {
            throw new JournalFormatException("declares a frame of " + length + " bytes but carries " + in.readRemaining());
        }
        into.set(receiveTimeNs, sourceId, length);
        in.read(into.bytes(), 0, length);
    }
}
