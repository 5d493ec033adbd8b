package io.ringtrader.engine.fixedpoint;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Objects;

/**
 * Parses plain ASCII decimals ({@code "61800.20"}, {@code "0.003"}, {@code "-0.00012500"}) into a
 * {@code long} mantissa at a requested scale, exactly, without allocating and without throwing for
 * bad input: {@link #parse} returns a {@link ParseStatus} and, on {@link ParseStatus#OK}, the result
 * is read from {@link #value()} and {@link #decimals()}.
 * <pre>{@code
 * if (parser.parse(buffer, offset, length, instrument.priceScale(), false) != ParseStatus.OK) { ...count and drop... }
 * final long priceMantissa = parser.value();
 * }</pre>
 * Accepted: {@code [-]digits[.digits]}, that is an optional {@code '-'} (only if the caller allows
 * negatives; {@code "-0"} is zero), at least one digit before the point and, if there is a point, at
 * least one after it. Leading zeros are accepted and never count towards overflow. Fractional digits
 * beyond the scale are accepted only if they are zeros ({@code "61800.2000"} at scale 2 is
 * {@code 6180020}); otherwise the text is {@link ParseStatus#TOO_MANY_DECIMALS}, never rounded.
 * Rejected as {@link ParseStatus#MALFORMED}: {@code ".5"}, {@code "5."}, {@code "+5"}, {@code "1e-5"},
 * {@code "1.2.3"}, a lone {@code "-"}, spaces and any other byte. Every {@code long} is reachable,
 * {@link Long#MIN_VALUE} included.
 * <p>
 * <b>Threading:</b> an instance holds the last result and is not thread-safe; each decoder thread
 * owns its own parser and reuses it for every message. Instances are small and cheap to create.
 */
public final class DecimalParser {
    private static final int MAX_DIGITS = 19;

    private final UnsafeBuffer view = new UnsafeBuffer();
    private byte[] charScratch = new byte[64];
    private long value;
    private int decimals;

    /**
     * Parses {@code length} ASCII bytes of {@code buffer} from {@code offset}.
     *
     * @param buffer        holding the text.
     * @param offset        of the first byte of the text.
     * @param length        of the text in bytes; 0 is {@link ParseStatus#EMPTY}.
     * @param scale         of the resulting mantissa, 0..{@value FixedPoint#MAX_SCALE}.
     * @param allowNegative whether a leading {@code '-'} is accepted.
     * @return {@link ParseStatus#OK}, after which {@link #value()} and {@link #decimals()} hold the result,
     * or the reason the text was rejected, after which both are 0.
     */
    public ParseStatus parse(
        final DirectBuffer buffer, final int offset, final int length, final int scale, final boolean allowNegative) {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            return fail(ParseStatus.SCALE_OUT_OF_RANGE);
        }
        if (length <= 0) {
            return fail(ParseStatus.EMPTY);
        }

        final int end = offset + length;
        int i = offset;
        final boolean negative = buffer.getByte(i) == '-';
        if (negative) {
            i++;
        }

        final int integerStart = i;
        while (i < end && buffer.getByte(i) == '0') {
            i++;
        }
        final int significantStart = i;
        long magnitude = 0;
        while (i < end) {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            magnitude = magnitude * 10 + digit;
            i++;
        }
        final int integerDigits = i - integerStart;
        final int significantIntegerDigits = i - significantStart;
        if (integerDigits == 0) {
            return fail(ParseStatus.MALFORMED);
        }

        int fractionDigits = 0;
        int scaleUp = scale;
        boolean tooManyDecimals = false;
        if (i < end) {
            if (buffer.getByte(i) != '.') {
                return fail(ParseStatus.MALFORMED);
            }
            i++;
            final int fractionStart = i;
            final int accumulateEnd = fractionStart + Math.min(scale, end - fractionStart);
            while (i < accumulateEnd) {
                final int digit = buffer.getByte(i) - '0';
                if (digit < 0 || digit > 9) {
                    return fail(ParseStatus.MALFORMED);
                }
                magnitude = magnitude * 10 + digit;
                i++;
            }
            scaleUp = scale - (i - fractionStart);
            while (i < end) {
                final int digit = buffer.getByte(i) - '0';
                if (digit != 0) {
                    if (digit < 0 || digit > 9) {
                        return fail(ParseStatus.MALFORMED);
                    }
                    tooManyDecimals = true;
                }
                i++;
            }
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) {
                return fail(ParseStatus.MALFORMED);
            }
        }

        if (negative && !allowNegative) {
            return fail(ParseStatus.NEGATIVE_NOT_ALLOWED);
        }
        if (tooManyDecimals) {
            return fail(ParseStatus.TOO_MANY_DECIMALS);
        }
        // Leading zeros excluded, the mantissa has at most (significant integer digits + scale) digits. Up to 19
        // digits the unsigned accumulation cannot have wrapped (10^19 - 1 < 2^64), so the sign checks are exact.
        if (significantIntegerDigits > MAX_DIGITS - scale) {
            return fail(ParseStatus.OVERFLOW);
        }
        final long unsignedMagnitude = magnitude * FixedPoint.POW10[scaleUp];
        final long result;
        if (negative) {
            if (Long.compareUnsigned(unsignedMagnitude, Long.MIN_VALUE) > 0) {
                return fail(ParseStatus.OVERFLOW);
            }
            result = -unsignedMagnitude;
        } else {
            if (unsignedMagnitude < 0) {
                return fail(ParseStatus.OVERFLOW);
            }
            result = unsignedMagnitude;
        }

        value = result;
        decimals = fractionDigits;
        return ParseStatus.OK;
    }

    /**
     * Parses {@code length} ASCII bytes of {@code bytes} from {@code offset}; same rules and results as
     * {@link #parse(DirectBuffer, int, int, int, boolean)}.
     *
     * @param bytes         holding the text.
     * @param offset        of the first byte of the text.
     * @param length        of the text in bytes.
     * @param scale         of the resulting mantissa, 0..{@value FixedPoint#MAX_SCALE}.
     * @param allowNegative whether a leading {@code '-'} is accepted.
     * @return {@link ParseStatus#OK} or the reason the text was rejected.
     * @throws IndexOutOfBoundsException if the region is not inside {@code bytes}.
     */
    public ParseStatus parse(
        final byte[] bytes, final int offset, final int length, final int scale, final boolean allowNegative) {
        if (length > 0) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            view.wrap(bytes, offset, length);
        }
        return parse(view, 0, length, scale, allowNegative);
    }

    /**
     * Parses {@code text}; same rules and results as {@link #parse(DirectBuffer, int, int, int, boolean)}, a
     * non-ASCII character being {@link ParseStatus#MALFORMED}. For configuration and tests: it copies the text
     * and may allocate a larger scratch array for long text.
     *
     * @param text          to parse.
     * @param scale         of the resulting mantissa, 0..{@value FixedPoint#MAX_SCALE}.
     * @param allowNegative whether a leading {@code '-'} is accepted.
     * @return {@link ParseStatus#OK} or the reason the text was rejected.
     */
    public ParseStatus parse(final CharSequence text, final int scale, final boolean allowNegative) {
        final int length = text.length();
        if (length > charScratch.length) {
            charScratch = new byte[Math.max(length, charScratch.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            final char c = text.charAt(i);
            charScratch[i] = c < 0x80 ? (byte)c : 0;
        }
        return parse(charScratch, 0, length, scale, allowNegative);
    }

    /**
     * @return the mantissa of the last successful parse, 0 after a rejected one.
     */
    public long value() {
        return value;
    }

    /**
     * Number of fractional digits in the text of the last successful parse, trailing zeros included
     * ({@code "61800.2000"}: 4, {@code "61800"}: 0), so the value can be rendered again exactly as received
     * with {@link FixedPoint#formatWithDecimals}. 0 after a rejected parse.
     *
     * @return fractional digits received; may exceed the scale when the extra digits were zeros.
     */
    public int decimals() {
        return decimals;
    }

    private ParseStatus fail(final ParseStatus status) {
        value = 0;
        decimals = 0;
        return status;
    }
}
