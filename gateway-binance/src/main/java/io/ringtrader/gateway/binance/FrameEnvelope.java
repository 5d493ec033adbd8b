package io.ringtrader.gateway.binance;

import io.ringtrader.gateway.common.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Finds the payload of a Binance WebSocket text frame: the {@code data} object of a combined-stream envelope
 * {@code {"stream":"btcusdt@depth@100ms","data":{...}}}, or the whole frame for a raw-stream payload (one with an
 * {@code e} member); recognises subscription replies ({@code result}, {@code id}). The envelope's stream name is
 * exposed as a span of the frame ({@link #streamOffset()}, {@link #streamLength()}), never copied.
 *
 * <p>A {@linkplain #locate quick} look first tries the exact text Binance writes,
 * {@code {"stream":"NAME","data":{...}}} with no whitespace and a plain name, comparing the fixed parts as words and
 * reading the name eight bytes at a time (about a third of the scanner's time); any other frame goes to the scanner.
 * Binance writes {@code data} last, so a quick look takes the payload's end from the frame's
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

    /** {@code {"stream":"} as a little-endian word and the three bytes after it. */
    private static final long STREAM_HEAD_0 = littleEndian("{\"stream");
    private static final long STREAM_HEAD_1 = littleEndian("\":\"");
    private static final int STREAM_HEAD_LENGTH = 11;
    /** {@code ,"data":} as a little-endian word; a {@code {} follows it. */
    private static final long DATA_HEAD = littleEndian(",\"data\":");
    private static final int DATA_HEAD_LENGTH = 9;
    /** Longest stream name the quick look reads. */
    private static final int MAX_QUICK_NAME = 64;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

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
        if (quick && exactEnvelope(buffer, offset, length)) {
            return PAYLOAD;
        }
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

    /**
     * The quick look at a frame in exactly the shape Binance writes, {@code {"stream":"NAME","data":{...}}} without
     * whitespace and with a plain name (printable ASCII, no quote or backslash): the name is read a word at a time,
     * the rest compared as literals, and the payload taken from after {@code "data":} to the frame's last byte but
     * one, tentatively. False, with nothing set, for any other frame: the scanner then decides.
     */
    private boolean exactEnvelope(final DirectBuffer buffer, final int offset, final int length) {
        final int limit = offset + length;
        if (length < STREAM_HEAD_LENGTH + DATA_HEAD_LENGTH + 3 || buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN) != STREAM_HEAD_0
            || (buffer.getInt(offset + 8, ByteOrder.LITTLE_ENDIAN) & 0xFF_FFFF) != STREAM_HEAD_1 || buffer.getByte(limit - 1) != '}'
            || buffer.getByte(limit - 2) != '}') {
            return false;
        }
        final int name = offset + STREAM_HEAD_LENGTH;
        int at = name;
        while (true) {
            if (at > limit - 8 || at - name > MAX_QUICK_NAME) {
                return false;
            }
            final long word = buffer.getLong(at, ByteOrder.LITTLE_ENDIAN);
            final long quotes = word ^ QUOTES;
            final int quote = Long.numberOfTrailingZeros((quotes - ONES) & ~quotes & HIGH_BITS) >>> 3;
            final long backslashes = word ^ BACKSLASHES;
            final long unusual = ((word - SPACES) & ~word & HIGH_BITS) | ((backslashes - ONES) & ~backslashes & HIGH_BITS)
                | (word & HIGH_BITS);
            if ((Long.numberOfTrailingZeros(unusual) >>> 3) < quote) {
                return false;
            }
            if (quote < 8) {
                at += quote;
                break;
            }
            at += 8;
        }
        final int data = at + 1;
        if (data > limit - DATA_HEAD_LENGTH - 2 || buffer.getLong(data, ByteOrder.LITTLE_ENDIAN) != DATA_HEAD || buffer.getByte(data + 8) != '{') {
            return false;
        }
        streamOffset = name;
        streamLength = at - name;
        payloadOffset = data + 8;
        payloadLength = limit - 1 - payloadOffset;
        tentative = true;
        return true;
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

    /**
     * Up to eight ASCII characters as the little-endian word they are in a buffer.
     *
     * @throws IllegalArgumentException for more than eight characters (they would not fit the word).
     */
    static long littleEndian(final String ascii) {
        if (ascii.length() > Long.BYTES) {
            throw new IllegalArgumentException("more than 8 characters for one word: " + ascii);
        }
        long word = 0;
        for (int i = ascii.length() - 1; i >= 0; i--) {
            word = (word << 8) | ascii.charAt(i);
        }
        return word;
    }
}
