package io.ringtrader.gateway.common.marketdata;

import org.agrona.DirectBuffer;

/**
 * A strict, allocation-free scanner over one JSON object in a buffer, for the flat objects venues send.
 * It walks the members of the object it was wrapped on, one at a time, exposing each key and the span of
 * its value; nested objects and arrays are skipped as a whole (their span is exposed so another scanner
 * can walk them), or a caller stops at a value with {@link #nextKey()}, parses it in place and resumes
 * after it (how the depth decoders read level arrays in one pass). Text is never copied and no
 * {@code String} is created.
 * <pre>{@code
 * if (!scanner.wrap(buffer, offset, length).enterObject()) { ...malformed... }
 * while (scanner.nextField()) {
 *     if (scanner.keyIs('u')) { final long u = scanner.valueAsLong(); ... }
 * }
 * if (scanner.failed() || !scanner.finish()) { ...malformed or truncated... }
 * }</pre>
 * Malformed or truncated input makes {@link #nextField()} return false with {@link #failed()} set; the
 * scanner never throws for bad input and never reads outside the wrapped region.
 *
 * <p>Not thread-safe: one instance per decoder, reused for every frame.
 */
public final class JsonScanner {
    public static final int NONE = 0;
    public static final int STRING = 1;
    public static final int NUMBER = 2;
    public static final int TRUE = 3;
    public static final int FALSE = 4;
    public static final int NULL = 5;
    public static final int ARRAY = 6;
    public static final int OBJECT = 7;

    /** Returned by {@link #valueAsLong()} for a value that is not an integer that fits a {@code long}. */
    public static final long INVALID_LONG = Long.MIN_VALUE;

    private static final int MAX_NESTING = 64;
    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};

    private DirectBuffer buffer;
    private int position;
    private int limit;
    private boolean failed;
    private boolean first;
    private int keyOffset;
    private int keyLength;
    private int valueType;
    private int valueOffset;
    private int valueLength;

    /**
     * Wraps a region holding one JSON value (for {@link #enterObject()} or {@link #enterArray()}).
     *
     * @return this scanner.
     */
    public JsonScanner wrap(final DirectBuffer buffer, final int offset, final int length) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        this.failed = false;
        this.first = true;
        this.keyLength = 0;
        this.valueType = NONE;
        return this;
    }

    /** Consumes the opening brace of the wrapped object; false (and failed) if there is none. */
    public boolean enterObject() {
        return enter('{');
    }

    /** Consumes the opening bracket of the wrapped array; false (and failed) if there is none. */
    public boolean enterArray() {
        return enter('[');
    }

    /**
     * Reads the next member of the current object.
     *
     * @return true with the key and value exposed; false at the closing brace, or on bad input with
     * {@link #failed()} set.
     */
    public boolean nextField() {
        return nextKey() && readValue();
    }

    /**
     * Reads the next member's key and stops at the first byte of its value: the caller then either calls
     * {@link #readValue()} or parses the value itself from {@link #position()} and continues with
     * {@link #resumeAt(int)}.
     *
     * @return true with the key exposed; false at the closing brace, or on bad input with {@link #failed()} set.
     */
    public boolean nextKey() {
        if (failed) {
            return false;
        }
        skipWhitespace();
        if (position >= limit) {
            return fail();
        }
        if (buffer.getByte(position) == '}') {
            position++;
            valueType = NONE;
            return false;
        }
        if (!first) {
            if (buffer.getByte(position) != ',') {
                return fail();
            }
            position++;
            skipWhitespace();
        }
        first = false;
        if (position >= limit || buffer.getByte(position) != '"') {
            return fail();
        }
        final int keyStart = position + 1;
        if (!skipString()) {
            return fail();
        }
        keyOffset = keyStart;
        keyLength = position - 1 - keyStart;
        skipWhitespace();
        if (position >= limit || buffer.getByte(position) != ':') {
            return fail();
        }
        position++;
        skipWhitespace();
        return true;
    }

    /**
     * Reads the next element of the current array.
     *
     * @return true with the value exposed; false at the closing bracket, or on bad input with
     * {@link #failed()} set.
     */
    public boolean nextElement() {
        if (failed) {
            return false;
        }
        skipWhitespace();
        if (position >= limit) {
            return fail();
        }
        if (buffer.getByte(position) == ']') {
            position++;
            valueType = NONE;
            return false;
        }
        if (!first) {
            if (buffer.getByte(position) != ',') {
                return fail();
            }
            position++;
        }
        first = false;
        return readValue();
    }

    /**
     * After the closing brace or bracket: checks that only whitespace follows in the wrapped region.
     *
     * @return true if the value was complete and nothing but whitespace follows.
     */
    public boolean finish() {
        if (failed) {
            return false;
        }
        skipWhitespace();
        return position == limit || fail();
    }

    /** The wrapped buffer. */
    public DirectBuffer buffer() {
        return buffer;
    }

    /** True once bad or truncated input was seen. */
    public boolean failed() {
        return failed;
    }

    /** The current key's character when it is a single ASCII character, else -1. */
    public int singleCharKey() {
        if (keyLength != 1) {
            return -1;
        }
        final int c = buffer.getByte(keyOffset);
        return c >= 0 ? c : -1;
    }

    /** True if the current key is the single character {@code c}. */
    public boolean keyIs(final char c) {
        return keyLength == 1 && buffer.getByte(keyOffset) == c;
    }

    /** True if the current key's bytes equal {@code name} (ASCII). */
    public boolean keyIs(final byte[] name) {
        return keyLength == name.length && regionEquals(keyOffset, name);
    }

    /** Type of the current value: {@link #STRING}, {@link #NUMBER}, ... */
    public int valueType() {
        return valueType;
    }

    /** Offset of the current value: a string's first content byte, or the first byte of any other value. */
    public int valueOffset() {
        return valueOffset;
    }

    /** Length of the current value: a string's content without quotes, or the whole span of any other value. */
    public int valueLength() {
        return valueLength;
    }

    /** True if the current value is a string whose raw content equals {@code text} (ASCII). */
    public boolean valueIs(final byte[] text) {
        return valueType == STRING && valueLength == text.length && regionEquals(valueOffset, text);
    }

    /**
     * The current value as a {@code long}: a plain integer number, or a string holding one.
     *
     * @return the value, or {@link #INVALID_LONG} if it is not an integer that fits.
     */
    public long valueAsLong() {
        if (valueType != NUMBER && valueType != STRING) {
            return INVALID_LONG;
        }
        return parseLong(buffer, valueOffset, valueLength);
    }

    /**
     * Parses {@code [-]digits} exactly.
     *
     * @return the value, or {@link #INVALID_LONG} for anything else or an overflow.
     */
    public static long parseLong(final DirectBuffer buffer, final int offset, final int length) {
        if (length <= 0 || length > 20) {
            return INVALID_LONG;
        }
        int i = offset;
        final int end = offset + length;
        final boolean negative = buffer.getByte(i) == '-';
        if (negative) {
            i++;
            if (i == end) {
                return INVALID_LONG;
            }
        }
        long value = 0;
        for (; i < end; i++) {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                return INVALID_LONG;
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return INVALID_LONG;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private boolean enter(final char open) {
        skipWhitespace();
        if (position >= limit || buffer.getByte(position) != open) {
            return fail();
        }
        position++;
        first = true;
        return true;
    }

    /** Where the scanner stands: after {@link #nextKey()}, the first byte of the value. */
    public int position() {
        return position;
    }

    /**
     * Continues after a value the caller parsed itself.
     *
     * @param position just after that value, inside the wrapped region.
     */
    public void resumeAt(final int position) {
        if (position < this.position || position > limit) {
            fail();
            return;
        }
        this.position = position;
    }

    /**
     * Reads the value at the current position (after {@link #nextKey()}), exposing its type and span.
     *
     * @return false, with {@link #failed()} set, on bad or truncated input.
     */
    public boolean readValue() {
        if (failed) {
            return false;
        }
        skipWhitespace();
        if (position >= limit) {
            return fail();
        }
        final byte b = buffer.getByte(position);
        final int start = position;
        switch (b) {
            case '"' -> {
                if (!skipString()) {
                    return fail();
                }
                valueType = STRING;
                valueOffset = start + 1;
                valueLength = position - 1 - valueOffset;
            }
            case '{', '[' -> {
                if (!skipStructure()) {
                    return fail();
                }
                valueType = b == '{' ? OBJECT : ARRAY;
                valueOffset = start;
                valueLength = position - start;
            }
            case 't' -> {
                if (!skipLiteral(TRUE_BYTES)) {
                    return fail();
                }
                literal(TRUE, start);
            }
            case 'f' -> {
                if (!skipLiteral(FALSE_BYTES)) {
                    return fail();
                }
                literal(FALSE, start);
            }
            case 'n' -> {
                if (!skipLiteral(NULL_BYTES)) {
                    return fail();
                }
                literal(NULL, start);
            }
            default -> {
                if (b != '-' && (b < '0' || b > '9')) {
                    return fail();
                }
                while (position < limit && isNumberByte(buffer.getByte(position))) {
                    position++;
                }
                if (position >= limit) {
                    return fail();
                }
                valueType = NUMBER;
                valueOffset = start;
                valueLength = position - start;
            }
        }
        return true;
    }

    private void literal(final int type, final int start) {
        valueType = type;
        valueOffset = start;
        valueLength = position - start;
    }

    /** At an opening quote: moves past the closing quote; false if the string is unterminated or has control bytes. */
    private boolean skipString() {
        final int end = endOfString(buffer, position + 1, limit);
        if (end < 0) {
            return false;
        }
        position = end;
        return true;
    }

    /** At an opening brace or bracket: moves past its matching close; false if unbalanced or truncated. */
    private boolean skipStructure() {
        final DirectBuffer buffer = this.buffer;
        final int limit = this.limit;
        int p = position;
        int depth = 0;
        while (p < limit) {
            final byte b = buffer.getByte(p);
            if (b == '"') {
                p = endOfString(buffer, p + 1, limit);
                if (p < 0) {
                    return false;
                }
                continue;
            }
            p++;
            if (b == '{' || b == '[') {
                if (++depth > MAX_NESTING) {
                    return false;
                }
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    position = p;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * From the first byte inside a string: the position after its closing quote, or -1 if the string is
     * unterminated or holds a raw control byte.
     */
    private static int endOfString(final DirectBuffer buffer, final int from, final int limit) {
        int p = from;
        while (p < limit) {
            final byte b = buffer.getByte(p++);
            if (b == '"') {
                return p;
            }
            if (b == '\\') {
                if (p >= limit) {
                    return -1;
                }
                p++;
            } else if (b >= 0 && b < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private boolean skipLiteral(final byte[] literal) {
        if (limit - position < literal.length || !regionEquals(position, literal)) {
            return false;
        }
        position += literal.length;
        return true;
    }

    private void skipWhitespace() {
        while (position < limit) {
            final byte b = buffer.getByte(position);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }

    private boolean regionEquals(final int offset, final byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (buffer.getByte(offset + i) != text[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberByte(final byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    private boolean fail() {
        failed = true;
        valueType = NONE;
        return false;
    }
}
