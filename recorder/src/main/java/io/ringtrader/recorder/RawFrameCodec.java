package io.ringtrader.recorder;

import net.openhft.chronicle.bytes.BytesOut;
import org.agrona.DirectBuffer;

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
    /** Offset of the frame's bytes. */
    private static final int FRAME_OFFSET = 19;

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
     * Reads the message of {@code length} bytes at the start of {@code message} into {@code into}.
     *
     * @throws JournalFormatException if the message is not a readable raw frame of this schema version.
     */
    public static void decode(final DirectBuffer message, final int length, final RawFrame into) {
        JournalFormat.readHeader(message, length, JournalFormat.TYPE_RAW_FRAME);
        if (length < FRAME_OFFSET) {
            throw new JournalFormatException("is " + length + " bytes long: a raw frame header needs " + FRAME_OFFSET);
        }
        final int frameLength = message.getInt(15, JournalFormat.BYTE_ORDER);
        if (frameLength < 0 || frameLength != length - FRAME_OFFSET) {
            throw new JournalFormatException("declares a frame of " + frameLength + " bytes but carries " + (length - FRAME_OFFSET));
        }
        into.set(message.getLong(3, JournalFormat.BYTE_ORDER), message.getInt(11, JournalFormat.BYTE_ORDER), frameLength);
        message.getBytes(FRAME_OFFSET, into.bytes(), 0, frameLength);
    }
}
