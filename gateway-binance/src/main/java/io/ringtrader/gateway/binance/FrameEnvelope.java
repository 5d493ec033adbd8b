package io.ringtrader.gateway.binance;

import io.ringtrader.gateway.binance.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * Finds the payload of a Binance WebSocket text frame: the {@code data} object of a combined-stream envelope
 * {@code {"stream":"btcusdt@depth@100ms","data":{...}}}, or the whole frame for a raw-stream payload (one with an
 * {@code e} member); recognises subscription replies ({@code result}, {@code id}). The envelope's stream name is
 * exposed as a span of the frame ({@link #streamOffset()}, {@link #streamLength()}), never copied.
 *
 * <p>Binance writes {@code data} last, so a {@linkplain #locate quick} look takes the payload's end from the frame's
 * end (the {@code '}'} before the envelope's closing one) instead of walking the whole payload. That span is
 * {@link #tentative()}: it is the payload exactly when a decoder that validates the whole object, up to its last
 * byte, accepts it. When a decoder does not, locate again without the quick look, which walks the envelope
 * strictly and decides.
 *
 * <p>Not thread-safe: one instance per frame decoder, reused for every frame.
 */
public final class FrameEnvelope {
    /** The frame is not a JSON object, or is truncated. */
    public static final int MALFORMED = 0;
    /** A payload was found: {@link #payloadOffset()}, {@link #payloadLength()}. */
    public static final int PAYLOAD = 1;
    /** A subscription reply: nothing to decode. */
    public static final int REPLY = 2;
    /** Neither a payload nor a reply. */
    public static final int MISSING = 3;

    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] RESULT = {'r', 'e', 's', 'u', 'l', 't'};
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};

    private final JsonScanner scanner = new JsonScanner();
    private int payloadOffset;
    private int payloadLength;
    private int streamOffset;
    private int streamLength;
    private boolean tentative;

    /**
     * @param quick take the payload's end from the frame's end when {@code data} is an object that follows the
     *              {@code stream} member (see above; Binance writes {@code stream} first).
     * @return {@link #PAYLOAD}, {@link #REPLY}, {@link #MISSING} or {@link #MALFORMED}.
     */
    public int locate(final DirectBuffer buffer, final int offset, final int length, final boolean quick) {
        tentative = false;
        payloadOffset = -1;
        payloadLength = 0;
        streamOffset = -1;
        streamLength = 0;
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return MALFORMED;
        }
        final int limit = offset + length;
        boolean raw = false;
        boolean reply = false;
        while (scanner.nextKey()) {
            if (scanner.keyIs(DATA)) {
                final int start = scanner.position();
                if (quick && payloadOffset < 0 && streamOffset >= 0 && start < limit && buffer.getByte(start) == '{') {
                    final int end = endOfLastMember(buffer, start, limit);
                    if (end > start) {
                        payloadOffset = start;
                        payloadLength = end - start;
                        tentative = true;
                        return PAYLOAD;
                    }
                }
                if (!scanner.readValue()) {
                    break;
                }
                if (scanner.valueType() == JsonScanner.OBJECT) {
                    payloadOffset = scanner.valueOffset();
                    payloadLength = scanner.valueLength();
                }
            } else {
                if (!scanner.readValue()) {
                    break;
                }
                if (scanner.keyIs('e')) {
                    raw = true;
                } else if (scanner.keyIs(STREAM) && scanner.valueType() == JsonScanner.STRING) {
                    streamOffset = scanner.valueOffset();
                    streamLength = scanner.valueLength();
                } else if (scanner.keyIs(RESULT) || scanner.keyIs(ID)) {
                    reply = true;
                }
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            return MALFORMED;
        }
        if (payloadOffset < 0) {
            if (!raw) {
                return reply ? REPLY : MISSING;
            }
            payloadOffset = offset;
            payloadLength = length;
        }
        return PAYLOAD;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** First byte of the envelope's {@code stream} name (without quotes), or -1 when the frame names none. */
    public int streamOffset() {
        return streamOffset;
    }

    /** Length of the envelope's {@code stream} name; 0 when the frame names none. */
    public int streamLength() {
        return streamLength;
    }

    /** True if the payload's end was taken from the frame's end: right only if the payload decodes. */
    public boolean tentative() {
        return tentative;
    }

    /** The index just past the {@code '}'} that precedes the frame's closing {@code '}'}, or -1. */
    private static int endOfLastMember(final DirectBuffer buffer, final int start, final int limit) {
        int p = skipWhitespaceBack(buffer, start, limit - 1);
        if (p <= start || buffer.getByte(p) != '}') {
            return -1;
        }
        p = skipWhitespaceBack(buffer, start, p - 1);
        if (p <= start || buffer.getByte(p) != '}') {
            return -1;
        }
        return p + 1;
    }

    private static int skipWhitespaceBack(final DirectBuffer buffer, final int start, final int from) {
        int p = from;
        while (p > start) {
            final byte b = buffer.getByte(p);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            p--;
        }
        return p;
    }
}
