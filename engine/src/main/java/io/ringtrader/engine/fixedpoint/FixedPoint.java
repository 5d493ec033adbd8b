package io.ringtrader.engine.fixedpoint;

import org.agrona.MutableDirectBuffer;

/**
 * Exact operations on fixed-point decimals: a {@code long} mantissa at a scale
 * ({@code value = mantissa / 10^scale}, scale 0..{@value #MAX_SCALE}). Formatting writes ASCII
 * ({@code 6180020} at scale 2 is {@code "61800.20"}) straight into a buffer or {@link StringBuilder};
 * nothing rounds, an inexact request is an error.
 * <p>
 * To parse on a hot path use a {@link DecimalParser}; {@link #parseOrThrow} is for configuration.
 * <p>
 * <b>Threading:</b> stateless; every method is safe from any thread. {@link #format},
 * {@link #formatWithDecimals} and {@link #appendTo} (within the builder's capacity) do not allocate;
 * they throw only on caller bugs (scale out of range, inexact decimals, buffer too small).
 */
public final class FixedPoint {
    /**
     * Largest supported scale: 10^18 is the largest power of ten a {@code long} holds.
     */
    public static final int MAX_SCALE = 18;

    /**
     * Most bytes {@link #formatWithDecimals} writes: sign, 19 integer digits, point and
     * {@value #MAX_SCALE} decimals ({@code "-9223372036854775808.000000000000000000"}).
     */
    public static final int MAX_FORMATTED_LENGTH = 1 + 19 + 1 + MAX_SCALE;

    static final long[] POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L,
    };

    private FixedPoint() {
    }

    /**
     * @param exponent 0..{@value #MAX_SCALE}.
     * @return 10^exponent.
     * @throws IllegalArgumentException if the exponent is out of range.
     */
    public static long pow10(final int exponent) {
        checkScale(exponent, "exponent");
        return POW10[exponent];
    }

    /**
     * Re-expresses a mantissa at another scale, exactly.
     *
     * @param mantissa  at {@code fromScale}.
     * @param fromScale 0..{@value #MAX_SCALE}.
     * @param toScale   0..{@value #MAX_SCALE}.
     * @return the same value as a mantissa at {@code toScale}.
     * @throws ArithmeticException      if the value has significant digits beyond {@code toScale} (it would need
     *                                  rounding) or does not fit in a {@code long} at {@code toScale}.
     * @throws IllegalArgumentException if a scale is out of range.
     */
    public static long rescale(final long mantissa, final int fromScale, final int toScale) {
        checkScale(fromScale, "fromScale");
        checkScale(toScale, "toScale");
        if (toScale >= fromScale) {
            final long factor = POW10[toScale - fromScale];
            if (mantissa > Long.MAX_VALUE / factor || mantissa < Long.MIN_VALUE / factor) {
                throw new ArithmeticException(
                    "rescale overflows a long: " + mantissa + " from scale " + fromScale + " to scale " + toScale);
            }
            return mantissa * factor;
        }

        final long divisor = POW10[fromScale - toScale];
        if (mantissa % divisor != 0) {
            throw new ArithmeticException(
                "rescale would round: " + mantissa + " from scale " + fromScale + " to scale " + toScale);
        }
        return mantissa / divisor;
    }

    /**
     * Parses configuration or test text; on a hot path use a {@link DecimalParser} instead.
     *
     * @param text          such as {@code "0.10"}, with the syntax {@link DecimalParser} accepts.
     * @param scale         of the resulting mantissa, 0..{@value #MAX_SCALE}.
     * @param allowNegative whether a leading {@code '-'} is accepted.
     * @return the mantissa.
     * @throws IllegalArgumentException naming the text, the scale and the {@link ParseStatus#description()}.
     */
    public static long parseOrThrow(final CharSequence text, final int scale, final boolean allowNegative) {
        final DecimalParser parser = new DecimalParser();
        final ParseStatus status = parser.parse(text, scale, allowNegative);
        if (status != ParseStatus.OK) {
            throw new IllegalArgumentException(
                "invalid decimal '" + text + "' at scale " + scale + ": " + status.description());
        }
        return parser.value();
    }

    /**
     * Writes the value with exactly {@code scale} decimals: {@code 6180020} at scale 2 is {@code "61800.20"},
     * {@code -5} at scale 3 is {@code "-0.005"}, any mantissa at scale 0 has no point.
     *
     * @param mantissa at {@code scale}.
     * @param scale    0..{@value #MAX_SCALE}.
     * @param buffer   to write the ASCII into.
     * @param index    of the first byte written.
     * @return bytes written, at most {@link #MAX_FORMATTED_LENGTH}.
     * @throws IllegalArgumentException  if the scale is out of range.
     * @throws IndexOutOfBoundsException if the buffer is too small (then nothing is written).
     */
    public static int format(final long mantissa, final int scale, final MutableDirectBuffer buffer, final int index) {
        return formatWithDecimals(mantissa, scale, scale, buffer, index);
    }

    /**
     * Writes the value with exactly {@code decimals} decimals, fewer or more than the scale, so a value can be
     * rendered as a venue sent it ({@code "61800.2"} or {@code "61800.2000"} for {@code 6180020} at scale 2;
     * see {@link DecimalParser#decimals()}).
     *
     * @param mantissa at {@code scale}.
     * @param scale    0..{@value #MAX_SCALE}.
     * @param decimals 0..{@value #MAX_SCALE}; below the scale only if the digits dropped are zeros.
     * @param buffer   to write the ASCII into.
     * @param index    of the first byte written.
     * @return bytes written, at most {@link #MAX_FORMATTED_LENGTH}.
     * @throws IllegalArgumentException  if a scale is out of range or the value is not exact at {@code decimals}.
     * @throws IndexOutOfBoundsException if the buffer is too small (then nothing is written).
     */
    public static int formatWithDecimals(
        final long mantissa, final int scale, final int decimals, final MutableDirectBuffer buffer, final int index) {
        final long magnitude = negativeMagnitude(mantissa, scale, decimals);
        final int fractionDigits = Math.min(scale, decimals);
        final int length = formattedLength(mantissa < 0, magnitude, fractionDigits, decimals);

        long remaining = magnitude;
        int i = index + length;
        for (int zeros = decimals - fractionDigits; zeros > 0; zeros--) {
            buffer.putByte(--i, (byte)'0');
        }
        for (int k = 0; k < fractionDigits; k++) {
            final long quotient = remaining / 10;
            buffer.putByte(--i, (byte)('0' + (quotient * 10 - remaining)));
            remaining = quotient;
        }
        if (decimals > 0) {
            buffer.putByte(--i, (byte)'.');
        }
        do {
            final long quotient = remaining / 10;
            buffer.putByte(--i, (byte)('0' + (quotient * 10 - remaining)));
            remaining = quotient;
        } while (remaining != 0);
        if (mantissa < 0) {
            buffer.putByte(--i, (byte)'-');
        }

        return length;
    }

    /**
     * Appends the value with exactly {@code scale} decimals, as {@link #format} writes it, without creating
     * intermediate objects.
     *
     * @param builder  to append to.
     * @param mantissa at {@code scale}.
     * @param scale    0..{@value #MAX_SCALE}.
     * @return {@code builder}.
     * @throws IllegalArgumentException if the scale is out of range.
     */
    public static StringBuilder appendTo(final StringBuilder builder, final long mantissa, final int scale) {
        final long magnitude = negativeMagnitude(mantissa, scale, scale);
        final int length = formattedLength(mantissa < 0, magnitude, scale, scale);
        final int start = builder.length();
        builder.setLength(start + length);

        long remaining = magnitude;
        int i = start + length;
        for (int k = 0; k < scale; k++) {
            final long quotient = remaining / 10;
            builder.setCharAt(--i, (char)('0' + (quotient * 10 - remaining)));
            remaining = quotient;
        }
        if (scale > 0) {
            builder.setCharAt(--i, '.');
        }
        do {
            final long quotient = remaining / 10;
            builder.setCharAt(--i, (char)('0' + (quotient * 10 - remaining)));
            remaining = quotient;
        } while (remaining != 0);
        if (mantissa < 0) {
            builder.setCharAt(--i, '-');
        }

        return builder;
    }

    /**
     * Formats for logs, configuration and tests; allocates.
     *
     * @param mantissa at {@code scale}.
     * @param scale    0..{@value #MAX_SCALE}.
     * @return the value with exactly {@code scale} decimals, as {@link #format} writes it.
     * @throws IllegalArgumentException if the scale is out of range.
     */
    public static String toString(final long mantissa, final int scale) {
        return appendTo(new StringBuilder(MAX_FORMATTED_LENGTH), mantissa, scale).toString();
    }

    /**
     * |mantissa| as a non-positive number (so {@link Long#MIN_VALUE} needs no special case), with the digits
     * beyond {@code decimals} removed.
     */
    private static long negativeMagnitude(final long mantissa, final int scale, final int decimals) {
        checkScale(scale, "scale");
        checkScale(decimals, "decimals");
        final long magnitude = mantissa < 0 ? mantissa : -mantissa;
        if (decimals >= scale) {
            return magnitude;
        }

        final long divisor = POW10[scale - decimals];
        if (magnitude % divisor != 0) {
            throw new IllegalArgumentException(
                "not exact with " + decimals + " decimals: " + mantissa + " at scale " + scale);
        }
        return magnitude / divisor;
    }

    private static int formattedLength(
        final boolean negative, final long negativeMagnitude, final int fractionDigits, final int decimals) {
        final int integerDigits = Math.max(1, significantDigits(negativeMagnitude) - fractionDigits);
        return (negative ? 1 : 0) + integerDigits + (decimals > 0 ? 1 + decimals : 0);
    }

    /**
     * Decimal digits of |value| for a non-positive value, 0 for zero.
     */
    private static int significantDigits(final long negativeMagnitude) {
        if (negativeMagnitude == Long.MIN_VALUE) {
            return 19;
        }
        final long magnitude = -negativeMagnitude;
        final int floorLog10OfPowerOfTwo = ((64 - Long.numberOfLeadingZeros(magnitude)) * 1233) >>> 12;
        return floorLog10OfPowerOfTwo + (magnitude < POW10[floorLog10OfPowerOfTwo] ? 0 : 1);
    }

    private static void checkScale(final int scale, final String name) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_SCALE + ": " + scale);
        }
    }
}
