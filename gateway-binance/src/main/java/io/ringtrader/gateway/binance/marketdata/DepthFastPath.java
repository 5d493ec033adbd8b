package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;
import java.util.Arrays;
import io.ringtrader.gateway.common.marketdata.Decimals;
import io.ringtrader.gateway.common.marketdata.DepthStaging;

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
 * <p><b>Why it is fast.</b> The payload is first copied into an array of its own followed by zero bytes (a
 * memory copy, a few nanoseconds a kilobyte), so every read afterwards is a plain unchecked load through
 * {@link UnsafeApi} from a byte array the JIT knows is not null: no per-byte bounds checks, no memory fences
 * around reads whose base might be heap or off-heap. Digit runs are found and converted eight bytes at a time
 * (SWAR: the first non-digit byte of a word from one add and two masks, eight digits combined in three
 * multiplications); a short decimal, both sides of its point, is one word, and one laid out like the previous
 * price (or quantity) is recognised by comparing its non-digit bytes with that one's ({@link Shape}), which spares
 * working out where its point and end are. Literal keys and the structural bytes
 * between tokens ({@code ","}, {@code "],["}, {@code "]]}) are compared as masked words. The symbol is read as two
 * words and found in a small cache of symbols seen before, the registry asked only on a miss.
 * Needs a little-endian platform (elsewhere it always answers {@code false}) that reads unaligned words, as
 * Agrona's {@code UnsafeBuffer} itself assumes (x86-64, AArch64).
 *
 * <p>Not thread-safe: owned by one {@link DepthUpdateDecoder}.
 */
final class DepthFastPath {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final Literal HEAD = new Literal("{\"e\":\"depthUpdate\",\"E\":");
    private static final Literal T_KEY = new Literal(",\"T\":");
    private static final Literal S_KEY = new Literal(",\"s\":\"");
    private static final Literal FIRST_KEY = new Literal(",\"U\":");
    private static final Literal LAST_KEY = new Literal(",\"u\":");
    private static final Literal PREV_KEY = new Literal(",\"pu\":");
    private static final Literal BIDS_KEY = new Literal(",\"b\":");
    private static final Literal ASKS_KEY = new Literal(",\"a\":");
    /** Most digits in a run: below 10^18 nothing overflows. */
    private static final int MAX_RUN = 18;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long QUOTES = 0x2222222222222222L;
    /** Slots of the symbol cache: 2^this. */
    private static final int SYMBOL_CACHE_BITS = 4;
    /** {@code ["} read as a little-endian pair. */
    private static final int OPEN_LEVEL = '[' | '"' << 8;
    /**
     * What follows a decimal's digits, read as little-endian words: {@code ","} after a price, {@code "],["} after a
     * quantity and before the next level's price, {@code "]]} after the side's last quantity.
     */
    private static final long BETWEEN = '"' | ',' << 8 | '"' << 16;
    private static final long NEXT_LEVEL = '"' | ']' << 8 | ',' << 16 | (long)'[' << 24 | (long)'"' << 32;
    private static final long LAST_LEVEL = '"' | ']' << 8 | ']' << 16;
    private static final long THREE_BYTES = 0xFF_FFFFL;
    private static final long FIVE_BYTES = 0xFF_FFFF_FFFFL;
    private static final long[] POW10 = new long[MAX_RUN + 1];
    private static final long ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);
    /** Zero bytes after the copied payload: more than any read reaches past the last byte matched in it. */
    private static final int PADDING = 64;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final InstrumentRegistry instruments;
    /** The payload being decoded, copied (see {@link #copy}); grows to the largest payload seen. */
    private byte[] scratch = new byte[4096];
    /** Added to a payload index, the offset of that byte in the array being read. */
    private long address;
    private int position;
    private int limit;
    /** Digits in the last {@link #digitRun}; -1 if the run was too long. */
    private int runLength;
    private long decimalValue;
    private int decimalDigits;
    /** The layouts of the last price and the last quantity read; see {@link Shape}. */
    private final Shape priceShape = new Shape();
    private final Shape qtyShape = new Shape();
    /** The symbol cache of {@link #symbolId}: symbol bytes as two masked words and length, and the instrument id. */
    private final long[] symbolWords0 = new long[1 << SYMBOL_CACHE_BITS];
    private final long[] symbolWords1 = new long[1 << SYMBOL_CACHE_BITS];
    private final int[] symbolLengths = new int[1 << SYMBOL_CACHE_BITS];
    private final int[] symbolIds = new int[1 << SYMBOL_CACHE_BITS];

    DepthFastPath(final InstrumentRegistry instruments) {
        this.instruments = instruments;
        Arrays.fill(symbolLengths, -1);
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
        final byte[] a = copy(buffer, offset, length);
        if (!literal(a, HEAD)) {
            return false;
        }
        final long eventTimeMs = integer(a);
        if (eventTimeMs < 0 || !BinanceTime.valid(eventTimeMs) || !literal(a, T_KEY) || integer(a) < 0
            || !literal(a, S_KEY)) {
            return false;
        }
        final int id = symbolId(a, buffer);
        if (id == InstrumentRegistry.NOT_FOUND || !literal(a, FIRST_KEY)) {
            return false;
        }
        final long first = integer(a);
        if (first < 0 || !literal(a, LAST_KEY)) {
            return false;
        }
        final long last = integer(a);
        if (last < first || !literal(a, PREV_KEY)) {
            return false;
        }
        final long prev = integer(a);
        if (prev < 0 || !literal(a, BIDS_KEY)) {
            return false;
        }
        final Instrument instrument = instruments.byId(id);
        final int priceScale = instrument.priceScale();
        final int qtyScale = instrument.qtyScale();
        if (!levels(a, staging, true, priceScale, qtyScale) || !literal(a, ASKS_KEY)
            || !levels(a, staging, false, priceScale, qtyScale) || byteAt(a, position) != '}' || position + 1 != limit) {
            return false;
        }
        DepthUpdateDecoder.setHeader(staging, id, eventTimeMs, receiveTimeNs, first, last, prev);
        return true;
    }

    /** {@code [["price","qty"],...]} into one side; false on anything else. */
    private boolean levels(final byte[] a, final DepthStaging staging, final boolean bids, final int priceScale,
        final int qtyScale) {
        // Never null; the check tells the JIT so, which lets it read without fencing (see copy).
        if (a == null || byteAt(a, position) != '[') {
            return false;
        }
        position++;
        if (byteAt(a, position) == ']') {
            position++;
            return true;
        }
        if (pair(a, position) != OPEN_LEVEL) {
            return false;
        }
        // The loop keeps the position in a local and reads the structural bytes after each decimal, its closing
        // quote included, as one masked word: "," between price and quantity, "],[" to the next level's price or
        // "]] at the end of the side. Decimals of up to eight bytes take the one-word path, longer ones the
        // digit-run path through the position field.
        int p = position + 2;
        final Shape priceShape = this.priceShape.at(priceScale);
        final Shape qtyShape = this.qtyShape.at(qtyScale);
        while (true) {
            final int priceEnd = decimalAt(a, p, priceShape, priceScale);
            if (priceEnd < 0 || decimalValue == 0) {
                return false;
            }
            final long price = decimalValue;
            final int priceDecimals = decimalDigits;
            if ((word(a, priceEnd) & THREE_BYTES) != BETWEEN) {
                return false;
            }
            final int qtyEnd = decimalAt(a, priceEnd + 3, qtyShape, qtyScale);
            if (qtyEnd < 0) {
                return false;
            }
            final boolean added = bids
                ? staging.addBid(price, decimalValue, priceDecimals, decimalDigits)
                : staging.addAsk(price, decimalValue, priceDecimals, decimalDigits);
            final long after = word(a, qtyEnd) & FIVE_BYTES;
            if (!added) {
                return false;
            }
            if (after == NEXT_LEVEL) {
                p = qtyEnd + 5;
            } else if ((after & THREE_BYTES) == LAST_LEVEL) {
                position = qtyEnd + 3;
                return true;
            } else {
                return false;
            }
        }
    }

    /**
     * Copies the payload to {@link #scratch}, followed by {@value #PADDING} zero bytes, and sets {@link #address},
     * {@link #position} and {@link #limit} for it. Reads then need no bounds checks: a parse advances at most a
     * level's width past the last structural byte it matched inside the payload, and zero bytes past the payload
     * match nothing the parser looks for (no digit, no quote, no bracket), so it stops there. Reading from an array
     * known not to be null also lets the JIT compile every read to a plain load; a base that may be null (heap or
     * off-heap decided at run time) makes it fence every read.
     */
    private byte[] copy(final DirectBuffer buffer, final int offset, final int length) {
        if (scratch.length < length + PADDING) {
            scratch = new byte[Math.max(length + PADDING, scratch.length * 2)];
        }
        final byte[] a = scratch;
        buffer.getBytes(offset, a, 0, length);
        Arrays.fill(a, length, length + PADDING, (byte)0);
        position = offset;
        limit = offset + length;
        address = ARRAY_BASE - offset;
        return a;
    }

    /** Two bytes from {@code index}, the first in the low byte. */
    private int pair(final byte[] a, final int index) {
        return UnsafeApi.getShort(a, address + index) & 0xFFFF;
    }

    /**
     * {@code digits[.digits]} from {@code start} into {@link #decimalValue} at {@code scale} and
     * {@link #decimalDigits}; the byte after the digits is left for the caller to check as the closing quote.
     * A decimal laid out like the last one of its kind (the shape's) is read without working the layout out again;
     * any other goes through {@link #shortDecimal}, whose layout the shape then learns, or {@link #longDecimal}.
     *
     * @param shape of the last decimal of this kind (prices or quantities), learnt at {@code scale}.
     * @return the position of the byte after the digits; -1 for any other text, more decimals than the scale, or
     * a value that could reach 10^18.
     */
    private int decimalAt(final byte[] a, final int start, final Shape shape, final int scale) {
        final long word = word(a, start);
        final long digits = word ^ ZEROS;
        final long nonDigits = nonDigits(digits);
        if ((nonDigits & shape.mask) == shape.flags && (word & shape.pointMask) == shape.point
            && (shape.width != 8 || byteAt(a, start + 8) == '"')) {
            final long merged = (digits & shape.integerBytes) | ((digits >>> 8) & ~shape.integerBytes);
            decimalValue = eightDigits(merged << shape.shift) * shape.factor;
            decimalDigits = shape.fractionDigits;
            return start + shape.width;
        }
        final int end = shortDecimal(a, start, word, digits, nonDigits, scale);
        if (end >= 0) {
            if (decimalDigits > 0) {
                shape.learn(end - start, decimalDigits, scale);
            }
            return end;
        }
        position = start;
        // longDecimal has checked and consumed the closing quote; the caller checks it once more.
        return longDecimal(a, scale) ? position - 1 : -1;
    }

    /**
     * The usual case of {@link #decimalAt}: a token of at most eight bytes ({@code "61800.10"}, {@code "0.003"}),
     * read as one word. The digits on both sides of the point are moved together (the bytes after the point one
     * byte down) and converted at once. The byte after the digits (the closing quote, which the caller checks) is
     * in the word or right after it.
     *
     * @param start     the token's first byte.
     * @param word      the eight bytes from {@code start}.
     * @param digits    {@code word} XOR {@code '0'} in every byte.
     * @param nonDigits {@link #nonDigits} of {@code digits}.
     * @return the position of the byte after the digits; -1 for anything else, which {@link #longDecimal} then
     * reads digit run by digit run and decides.
     */
    private int shortDecimal(final byte[] a, final int start, final long word, final long digits, final long nonDigits,
        final int scale) {
        final int point = Long.numberOfTrailingZeros(nonDigits) >>> 3;
        // 1 <= point <= 7 and point + scale <= MAX_RUN, as one unsigned comparison (the bound is loop-invariant).
        if (Integer.compareUnsigned(point - 1, Math.min(7, MAX_RUN - scale)) >= 0) {
            return -1;
        }
        // The lowest flagged byte's bit, and the mask of the integer digits' bytes below it.
        final long pointBit = nonDigits & -nonDigits;
        final long integerBytes = (pointBit >>> 7) - 1;
        final int end;
        final int fractionDigits;
        final long merged;
        if (((word >>> (point << 3)) & 0xFF) == '.') {
            end = Long.numberOfTrailingZeros(nonDigits ^ pointBit) >>> 3;
            fractionDigits = end - point - 1;
            // A fraction that fills the word may go on past it: then the long path reads the whole token.
            if (Integer.compareUnsigned(fractionDigits - 1, scale) >= 0 || end == 8 && byteAt(a, start + 8) != '"') {
                return -1;
            }
            // The bytes after the point move down by one, next to the integer digits; whatever lies above the
            // point + fractionDigits digits is shifted out below.
            merged = (digits & integerBytes) | ((digits >>> 8) & ~integerBytes);
        } else {
            end = point;
            fractionDigits = 0;
            merged = digits;
        }
        final long value = eightDigits(merged << ((8 - point - fractionDigits) << 3));
        // Binance writes every decimal of the instrument's precision: usually no scaling is left to do.
        decimalValue = fractionDigits == scale ? value : value * POW10[scale - fractionDigits];
        decimalDigits = fractionDigits;
        return start + end;
    }

    /** {@link #decimalAt} for any length, from the position, one digit run at a time. */
    private boolean longDecimal(final byte[] a, final int scale) {
        final long integerPart = digitRun(a);
        final int integerDigits = runLength;
        if (integerDigits <= 0 || integerDigits + scale > MAX_RUN) {
            return false;
        }
        long fraction = 0;
        int fractionDigits = 0;
        byte next = byteAt(a, position);
        if (next == '.') {
            position++;
            fraction = digitRun(a);
            fractionDigits = runLength;
            if (fractionDigits <= 0 || fractionDigits > scale) {
                return false;
            }
            next = byteAt(a, position);
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
    private long integer(final byte[] a) {
        final int start = position;
        final long value = digitRun(a);
        if (runLength <= 0 || (runLength > 1 && byteAt(a, start) == '0')) {
            return -1;
        }
        return value;
    }

    /**
     * The run of ASCII digits at the position, read eight bytes at a time; leaves the position on the first
     * non-digit and the digit count in {@link #runLength} (-1 when over {@value #MAX_RUN} digits).
     */
    private long digitRun(final byte[] a) {
        long value = 0;
        int count = 0;
        while (true) {
            final long digits = word(a, position) ^ ZEROS;
            final long nonDigits = nonDigits(digits);
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
     * The top bit of every byte of {@code digits} (a word XOR {@code '0'} in every byte) that is not a digit value
     * 0..9. A byte v is not one when v > 9, that is when v + 0x76 or v itself has its top bit set; a carry out of a
     * byte only disturbs the bytes above it, so the lowest flagged byte is exactly the first non-digit.
     */
    private static long nonDigits(final long digits) {
        return ((digits + 0x7676767676767676L) | digits) & 0x8080808080808080L;
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

    /**
     * The instrument of the symbol at the position, its closing quote consumed; {@link InstrumentRegistry#NOT_FOUND}
     * for an unknown symbol or one that is not plain text. A symbol of up to 16 bytes is read as two words and looked
     * up in a small cache of symbols seen before; a miss asks the registry and remembers what it found.
     */
    private int symbolId(final byte[] a, final DirectBuffer buffer) {
        final int start = position;
        final long word0 = word(a, start);
        final long word1 = word(a, start + 8);
        int length = firstQuote(word0);
        if (length == 8) {
            length += firstQuote(word1);
        }
        if (length < 16) {
            final long masked0 = length >= 8 ? word0 : word0 & ((1L << (length << 3)) - 1);
            final long masked1 = length <= 8 ? 0 : word1 & ((1L << ((length - 8) << 3)) - 1);
            final int slot = (int)(((masked0 ^ masked1) * 0x9E37_79B9_7F4A_7C15L) >>> (64 - SYMBOL_CACHE_BITS));
            if (symbolLengths[slot] == length && symbolWords0[slot] == masked0 && symbolWords1[slot] == masked1) {
                position = start + length + 1;
                return symbolIds[slot];
            }
            final int id = lookUpSymbol(a, buffer);
            if (id != InstrumentRegistry.NOT_FOUND) {
                symbolLengths[slot] = length;
                symbolWords0[slot] = masked0;
                symbolWords1[slot] = masked1;
                symbolIds[slot] = id;
            }
            return id;
        }
        return lookUpSymbol(a, buffer);
    }

    /** The index of the first {@code "} in a word (the lowest byte first); 8 if there is none. */
    private static int firstQuote(final long word) {
        final long x = word ^ QUOTES;
        return Long.numberOfTrailingZeros((x - 0x0101_0101_0101_0101L) & ~x & 0x8080_8080_8080_8080L) >>> 3;
    }

    /** {@link #symbolId} through the registry. */
    private int lookUpSymbol(final byte[] a, final DirectBuffer buffer) {
        final int symbolOffset = position;
        if (!skipSymbol(a)) {
            return InstrumentRegistry.NOT_FOUND;
        }
        return instruments.idOf(Venue.BINANCE_USDM, buffer, symbolOffset, position - 1 - symbolOffset);
    }

    /** Closing quote of a plain symbol, consumed; false for an escape, a control byte or the payload's end. */
    private boolean skipSymbol(final byte[] a) {
        while (position < limit) {
            final byte b = UnsafeApi.getByte(a, address + position++);
            if (b == '"') {
                return true;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return false;
            }
        }
        return false;
    }

    private boolean literal(final byte[] a, final Literal text) {
        final long at = address + position;
        final long[] words = text.words;
        final int last = words.length - 1;
        for (int i = 0; i < last; i++) {
            if (UnsafeApi.getLong(a, at + ((long)i << 3)) != words[i]) {
                return false;
            }
        }
        if ((UnsafeApi.getLong(a, at + ((long)last << 3)) & text.lastMask) != words[last]) {
            return false;
        }
        position += text.length;
        return true;
    }

    /** The byte at {@code index}; 0 past the payload. */
    private byte byteAt(final byte[] a, final int index) {
        return UnsafeApi.getByte(a, address + index);
    }

    /** Eight bytes from {@code index}, the first in the lowest byte; bytes past the payload read as 0. */
    private long word(final byte[] a, final int index) {
        return UnsafeApi.getLong(a, address + index);
    }

    /**
     * The layout of a decimal {@code digits.digits} of at most eight bytes that {@link #shortDecimal} read at a scale:
     * where its point and its end lie, and how its digits are merged and scaled. Levels of a side mostly repeat the
     * layout of the level before, so checking a word against the last one is cheaper than working it out.
     *
     * <p>A word matches when its non-digit bytes, among the decimal's bytes and the one after them (the closing
     * quote, when inside the word), are exactly the point and that byte, the point byte is {@code .}, and for a
     * decimal that fills the word the byte after it is the closing quote. {@link #shortDecimal} finds in such a word
     * the same point, end and fraction digits, so it would pass the same range checks (they depend only on those
     * and the scale, which the shape was learnt at) and compute the value with the same operations. Decimals
     * without a point are not learnt: for them, {@code shortDecimal} also requires the end byte not to be a point,
     * which the mask cannot tell.
     */
    private static final class Shape {
        /** The top bits of the bytes the layout covers: the decimal's and the one after it, within the word. */
        long mask;
        /** Of those, the non-digits: the point and the byte after the decimal. */
        long flags;
        long pointMask;
        /** {@code .} at the point's byte. */
        long point;
        /** The bytes below the point: the integer digits. */
        long integerBytes;
        /** The merged digits' shift up to the word's top. */
        int shift;
        /** 10^(scale - fractionDigits). */
        long factor;
        int width;
        int fractionDigits;
        int scale = -1;

        /** This shape, forgotten (it then matches no word) unless it was learnt at this scale. */
        Shape at(final int scale) {
            if (scale != this.scale) {
                mask = 0;
                flags = 1;
                this.scale = scale;
            }
            return this;
        }

        /** Learns the layout of a decimal that {@link #shortDecimal} read: width bytes, fraction digits after a point. */
        void learn(final int width, final int fractionDigits, final int scale) {
            final int pointShift = (width - fractionDigits - 1) << 3;
            this.width = width;
            this.fractionDigits = fractionDigits;
            this.scale = scale;
            mask = width >= 8 ? 0x8080808080808080L : 0x8080808080808080L >>> ((7 - width) << 3);
            flags = (0x80L << pointShift) | (width < 8 ? 0x80L << (width << 3) : 0);
            pointMask = 0xFFL << pointShift;
            point = (long)'.' << pointShift;
            integerBytes = (1L << pointShift) - 1;
            shift = 64 - pointShift - (fractionDigits << 3);
            factor = POW10[scale - fractionDigits];
        }
    }

    /**
     * ASCII text compared a word at a time: its bytes as little-endian words, the last one masked to the text's end.
     * None of its bytes is zero, so it never matches the padding past a payload.
     */
    private static final class Literal {
        final long[] words;
        final long lastMask;
        final int length;

        Literal(final String ascii) {
            length = ascii.length();
            words = new long[(length + 7) >>> 3];
            for (int i = 0; i < length; i++) {
                words[i >>> 3] |= (long)(ascii.charAt(i) & 0xFF) << ((i & 7) << 3);
            }
            final int tail = length & 7;
            lastMask = tail == 0 ? -1L : (1L << (tail << 3)) - 1;
        }
    }
}
