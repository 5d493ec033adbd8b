package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * One forward pass over a {@code depthUpdate} payload in exactly the shape Binance USDⓈ-M sends it:
 * <pre>
 * {"e":"depthUpdate","E":ms,"T":ms,"s":"SYMBOL","U":first,"u":last,"pu":prevLast,
 *  "b":[["price","qty"],...],"a":[["price","qty"],...]}
 * </pre>
 * with no whitespace, keys in this order, integers without sign or leading zeros, levels as quoted decimals.
 * Levels are parsed while they are scanned and written straight into the staging.
 *
 * <p><b>Why it is correct.</b> {@link #decode} answers {@code true} only for a payload that the general path of
 * {@link DepthUpdateDecoder} also accepts, with the same result: the accepted text is a strict subset of what the
 * general path accepts (a JSON object of known members, canonical integers, decimals {@code digits[.digits]}), and
 * every check of the general path is made again here (event type, timestamp range, id ordering, known symbol,
 * positive price, level count, decimals not beyond the instrument's scale, no overflow). On anything else, a
 * different shape as much as a bad value, it answers {@code false} without deciding anything: the caller clears
 * the staging and runs the general path, which gives the status. Decimals with more fractional digits than the
 * scale (which the general path accepts when the extra digits are zeros) and decimals whose integer digits plus
 * the scale exceed 18 (where overflow becomes possible) are left to the general path as well, so the arithmetic
 * here never overflows: every mantissa is below 10^18.
 *
 * <p><b>Why it is fast.</b> One bounds check of the payload up front, then reads through {@link UnsafeApi} on the
 * buffer's array or address (Agrona's per-byte checks are avoided without turning them off globally); digit runs
 * are found and converted eight bytes at a time (SWAR: the first non-digit byte of a word from one add and two
 * masks, eight digits combined in three multiplications). Reads never go past the payload: a word that would is
 * assembled byte by byte and padded with non-digits. Structural bytes between tokens are compared two at a time.
 * Needs a little-endian platform (elsewhere it always answers {@code false}) that reads unaligned words, as
 * Agrona's {@code UnsafeBuffer} itself assumes (x86-64, AArch64).
 *
 * <p>Not thread-safe: owned by one {@link DepthUpdateDecoder}.
 */
final class DepthFastPath {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final byte[] HEAD = bytes("{\"e\":\"depthUpdate\",\"E\":");
    private static final byte[] T_KEY = bytes(",\"T\":");
    private static final byte[] S_KEY = bytes(",\"s\":\"");
    private static final byte[] FIRST_KEY = bytes(",\"U\":");
    private static final byte[] LAST_KEY = bytes(",\"u\":");
    private static final byte[] PREV_KEY = bytes(",\"pu\":");
    private static final byte[] BIDS_KEY = bytes(",\"b\":");
    private static final byte[] ASKS_KEY = bytes(",\"a\":");
    /** Most digits in a run: below 10^18 nothing overflows. */
    private static final int MAX_RUN = 18;
    private static final long ZEROS = 0x3030303030303030L;
    /** {@code ["} read as a little-endian pair. */
    private static final int OPEN_LEVEL = '[' | '"' << 8;
    /** {@code ","}, {@code "],}, {@code "]]}: a closing quote and what follows it, read as little-endian triples. */
    private static final int BETWEEN = '"' | ',' << 8 | '"' << 16;
    private static final int NEXT_LEVEL = '"' | ']' << 8 | ',' << 16;
    private static final int LAST_LEVEL = '"' | ']' << 8 | ']' << 16;
    private static final long[] POW10 = new long[MAX_RUN + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final InstrumentRegistry instruments;
    private byte[] array;
    private long address;
    private int position;
    private int limit;
    /** Digits in the last {@link #digitRun()}; -1 if the run was too long. */
    private int runLength;
    private long decimalValue;
    private int decimalDigits;

    DepthFastPath(final InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * Decodes a payload in the usual shape into {@code staging} (cleared by the caller).
     *
     * @return true if the payload was decoded, the staging complete; false if the general path must decide (the
     * staging is then partly filled and must be cleared).
     */
    boolean decode(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs,
        final DepthStaging staging) {
        if (!LITTLE_ENDIAN || offset < 0 || length < 0 || offset > buffer.capacity() - length) {
            return false;
        }
        array = buffer.byteArray();
        address = buffer.addressOffset();
        position = offset;
        limit = offset + length;
        if (!literal(HEAD)) {
            return false;
        }
        final long eventTimeMs = integer();
        if (eventTimeMs < 0 || !BinanceTime.valid(eventTimeMs) || !literal(T_KEY) || integer() < 0
            || !literal(S_KEY)) {
            return false;
        }
        final int symbolOffset = position;
        if (!skipSymbol()) {
            return false;
        }
        final int id = instruments.idOf(Venue.BINANCE_USDM, buffer, symbolOffset, position - 1 - symbolOffset);
        if (id == InstrumentRegistry.NOT_FOUND || !literal(FIRST_KEY)) {
            return false;
        }
        final long first = integer();
        if (first < 0 || !literal(LAST_KEY)) {
            return false;
        }
        final long last = integer();
        if (last < first || !literal(PREV_KEY)) {
            return false;
        }
        final long prev = integer();
        if (prev < 0 || !literal(BIDS_KEY)) {
            return false;
        }
        final Instrument instrument = instruments.byId(id);
        final int priceScale = instrument.priceScale();
        final int qtyScale = instrument.qtyScale();
        if (!levels(staging, true, priceScale, qtyScale) || !literal(ASKS_KEY)
            || !levels(staging, false, priceScale, qtyScale) || byteAt(position) != '}' || position + 1 != limit) {
            return false;
        }
        DepthUpdateDecoder.setHeader(staging, id, eventTimeMs, receiveTimeNs, first, last, prev);
        return true;
    }

    /** {@code [["price","qty"],...]} into one side; false on anything else. */
    private boolean levels(final DepthStaging staging, final boolean bids, final int priceScale, final int qtyScale) {
        if (byteAt(position) != '[') {
            return false;
        }
        position++;
        if (byteAt(position) == ']') {
            position++;
            return true;
        }
        // The loop keeps the position in a local and reads the structural bytes after each decimal (its closing
        // quote included) as one triple; decimals of up to eight bytes take the one-word path, longer ones the
        // digit-run path through the position field.
        int p = position;
        while (true) {
            if (pair(p) != OPEN_LEVEL) {
                return false;
            }
            p = decimalAt(p + 2, priceScale);
            if (p < 0 || decimalValue == 0) {
                return false;
            }
            final long price = decimalValue;
            final int priceDecimals = decimalDigits;
            if (triple(p) != BETWEEN) {
                return false;
            }
            p = decimalAt(p + 3, qtyScale);
            if (p < 0) {
                return false;
            }
            final boolean added = bids
                ? staging.addBid(price, decimalValue, priceDecimals, decimalDigits)
                : staging.addAsk(price, decimalValue, priceDecimals, decimalDigits);
            final int close = triple(p);
            p += 3;
            if (!added) {
                return false;
            }
            if (close == LAST_LEVEL) {
                position = p;
                return true;
            }
            if (close != NEXT_LEVEL) {
                return false;
            }
        }
    }

    /**
     * Three bytes from {@code index}, the first in the low byte; -1 unless a fourth byte follows in the payload
     * (after the last level's {@code "]]} there is always at least a {@code ,} or {@code }}).
     */
    private int triple(final int index) {
        return index <= limit - 4 ? UnsafeApi.getInt(array, address + index) & 0xFF_FFFF : -1;
    }

    /** Two bytes from {@code index}, the first in the low byte; -1 past the payload. */
    private int pair(final int index) {
        return index <= limit - 2 ? UnsafeApi.getShort(array, address + index) & 0xFFFF : -1;
    }

    /**
     * {@code digits[.digits]} from {@code start} into {@link #decimalValue} at {@code scale} and
     * {@link #decimalDigits}; the byte after the digits is left for the caller to check as the closing quote.
     *
     * @return the position of the byte after the digits; -1 for any other text, more decimals than the scale, or
     * a value that could reach 10^18.
     */
    private int decimalAt(final int start, final int scale) {
        final int end = shortDecimal(start, scale);
        if (end >= 0) {
            return end;
        }
        position = start;
        // longDecimal has checked and consumed the closing quote; the caller checks it once more.
        return longDecimal(scale) ? position - 1 : -1;
    }

    /**
     * The usual case of {@link #decimalAt}: a token of at most eight bytes ({@code "61800.10"}, {@code "0.003"}),
     * read as one word. The digits on both sides of the point are moved together (the bytes after the point one
     * byte down) and converted at once. The byte after the digits (the closing quote, which the caller checks) is
     * in the word or right after it.
     *
     * @param start the token's first byte.
     * @return the position of the byte after the digits; -1 for anything else, which {@link #longDecimal} then
     * reads digit run by digit run and decides.
     */
    private int shortDecimal(final int start, final int scale) {
        final long word = word(start);
        final long digits = word ^ ZEROS;
        final long nonDigits = ((digits + 0x7676767676767676L) | digits) & 0x8080808080808080L;
        final int point = Long.numberOfTrailingZeros(nonDigits) >>> 3;
        if (point == 0 || point == 8 || point + scale > MAX_RUN) {
            return -1;
        }
        final long pointBit = 0x80L << (point << 3);
        final int end;
        final int fractionDigits;
        final long merged;
        final long below = digits & (pointBit - 1 >>> 7);
        if (((word >>> (point << 3)) & 0xFF) == '.') {
            end = Long.numberOfTrailingZeros(nonDigits & ~pointBit) >>> 3;
            fractionDigits = end - point - 1;
            // A fraction that fills the word may go on past it: then the long path reads the whole token.
            if (fractionDigits <= 0 || fractionDigits > scale || end == 8 && byteAt(start + 8) != '"') {
                return -1;
            }
            // Bytes point+1 .. end-1 move down by one byte, next to the integer digits: to bytes point .. end-2.
            // end - 1 is at most 7, so the shift stays below 64 and no case is special.
            final long fractionMask = ((1L << ((end - 1) << 3)) - 1) & -(pointBit >>> 7);
            merged = below | ((digits >>> 8) & fractionMask);
        } else {
            end = point;
            fractionDigits = 0;
            merged = below;
        }
        final int count = point + fractionDigits;
        decimalValue = eightDigits(merged << ((8 - count) << 3)) * POW10[scale - fractionDigits];
        decimalDigits = fractionDigits;
        return start + end;
    }

    /** {@link #decimalAt} for any length, from the position, one digit run at a time. */
    private boolean longDecimal(final int scale) {
        final long integerPart = digitRun();
        final int integerDigits = runLength;
        if (integerDigits <= 0 || integerDigits + scale > MAX_RUN) {
            return false;
        }
        long fraction = 0;
        int fractionDigits = 0;
        byte next = byteAt(position);
        if (next == '.') {
            position++;
            fraction = digitRun();
            fractionDigits = runLength;
            if (fractionDigits <= 0 || fractionDigits > scale) {
                return false;
            }
            next = byteAt(position);
        }
        if (next != '"') {
            return false;
        }
        position++;
        decimalValue = integerPart * POW10[scale] + fraction * POW10[scale - fractionDigits];
        decimalDigits = fractionDigits;
        return true;
    }

    /** A JSON integer without sign or leading zero, of at most 18 digits; -1 for anything else. */
    private long integer() {
        final int start = position;
        final long value = digitRun();
        if (runLength <= 0 || (runLength > 1 && byteAt(start) == '0')) {
            return -1;
        }
        return value;
    }

    /**
     * The run of ASCII digits at the position, read eight bytes at a time; leaves the position on the first
     * non-digit and the digit count in {@link #runLength} (-1 when over {@value #MAX_RUN} digits).
     */
    private long digitRun() {
        long value = 0;
        int count = 0;
        while (true) {
            // Each byte XOR '0' is its digit value when it is a digit (0..9). A byte v is not a digit when v > 9,
            // that is when v + 0x76 or v itself has its top bit set; a carry out of a byte only disturbs the
            // bytes above it, so the lowest flagged byte is exactly the first non-digit.
            final long digits = word(position) ^ ZEROS;
            final long nonDigits = ((digits + 0x7676767676767676L) | digits) & 0x8080808080808080L;
            final int n = Long.numberOfTrailingZeros(nonDigits) >>> 3;
            if (n == 0) {
                break;
            }
            if (count + n > MAX_RUN) {
                runLength = -1;
                return 0;
            }
            value = value * POW10[n] + eightDigits(digits << ((8 - n) << 3));
            count += n;
            position += n;
            if (n < 8) {
                break;
            }
        }
        runLength = count;
        return value;
    }

    /**
     * Eight digit values, the first (most significant) in the lowest byte, to their number: adjacent digits,
     * then pairs, then quads are combined, each step one multiplication by (10, 100, 10,000) shifted up by the
     * lane width, plus one.
     */
    private static long eightDigits(final long digits) {
        long v = (digits * ((10L << 8) + 1)) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * ((100L << 16) + 1)) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * ((10_000L << 32) + 1)) >>> 32;
    }

    /** Closing quote of a plain symbol, consumed; false for an escape, a control byte or the payload's end. */
    private boolean skipSymbol() {
        while (position < limit) {
            final byte b = UnsafeApi.getByte(array, address + position++);
            if (b == '"') {
                return true;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return false;
            }
        }
        return false;
    }

    private boolean literal(final byte[] text) {
        if (position > limit - text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (UnsafeApi.getByte(array, address + position + i) != text[i]) {
                return false;
            }
        }
        position += text.length;
        return true;
    }

    /** The byte at {@code index}, or 0 (matching nothing this parser looks for) past the payload. */
    private byte byteAt(final int index) {
        return index < limit ? UnsafeApi.getByte(array, address + index) : 0;
    }

    /** Eight bytes from {@code index}, the first in the lowest byte; bytes past the payload read as 0. */
    private long word(final int index) {
        if (index <= limit - 8) {
            return UnsafeApi.getLong(array, address + index);
        }
        long word = 0;
        for (int i = limit - 1; i >= index; i--) {
            word = (word << 8) | (UnsafeApi.getByte(array, address + i) & 0xFF);
        }
        return word;
    }

    private static byte[] bytes(final String ascii) {
        final byte[] bytes = new byte[ascii.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte)ascii.charAt(i);
        }
        return bytes;
    }
}
