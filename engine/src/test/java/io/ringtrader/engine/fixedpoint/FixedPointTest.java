package io.ringtrader.engine.fixedpoint;

import io.ringtrader.engine.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedPointTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    @Test
    void shouldFormatWithExactlyScaleDecimals() {
        assertEquals("61800.20", format(6180020L, 2));
    }

    @Test
    void shouldFormatValueBelowOneWithZeroIntegerPart() {
        assertEquals("0.005", format(5L, 3));
    }

    @Test
    void shouldFormatNegativeValue() {
        assertEquals("-61800.20", format(-6180020L, 2));
        assertEquals("-0.005", format(-5L, 3));
    }

    @Test
    void shouldFormatZero() {
        assertEquals("0", format(0L, 0));
        assertEquals("0.000", format(0L, 3));
    }

    @Test
    void shouldFormatScaleZeroWithoutPoint() {
        assertEquals("118234", format(118234L, 0));
    }

    @Test
    void shouldFormatLongMinValue() {
        assertEquals("-9223372036854775808", format(Long.MIN_VALUE, 0));
        assertEquals("-9.223372036854775808", format(Long.MIN_VALUE, 18));
        assertEquals("-92233720368.54775808", format(Long.MIN_VALUE, 8));
    }

    @Test
    void shouldFormatLongMaxValue() {
        assertEquals("9223372036854775807", format(Long.MAX_VALUE, 0));
        assertEquals("9.223372036854775807", format(Long.MAX_VALUE, 18));
    }

    @Test
    void shouldFormatSmallestUnitAtMaxScale() {
        assertEquals("0.000000000000000001", format(1L, 18));
    }

    @Test
    void shouldWriteAtIndexAndReturnBytesWritten() {
        buffer.setMemory(0, buffer.capacity(), (byte)'#');

        final int written = FixedPoint.format(-125L, 4, buffer, 3);

        assertEquals(7, written);
        assertEquals("###-0.0125###", buffer.getStringWithoutLengthAscii(0, 13));
    }

    @Test
    void shouldWriteNothingWhenBufferTooSmall() {
        final byte[] bytes = new byte[7];
        final UnsafeBuffer small = new UnsafeBuffer(bytes);

        assertThrows(IndexOutOfBoundsException.class, () -> FixedPoint.format(6180020L, 2, small, 0));
        assertArrayEquals(new byte[7], bytes);
    }

    @Test
    void shouldAppendAfterExistingContent() {
        final StringBuilder builder = new StringBuilder("px=");

        final StringBuilder returned = FixedPoint.appendTo(builder, 6180020L, 2);

        assertSame(builder, returned);
        assertEquals("px=61800.20", builder.toString());
    }

    @Test
    void shouldRejectScaleOutOfRangeWhenFormatting() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.format(1L, 19, buffer, 0));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.format(1L, -1, buffer, 0));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.toString(1L, 19));
    }

    @Test
    void shouldFormatWithFewerDecimalsWhenExact() {
        assertEquals("61800.2", formatWithDecimals(6180020L, 2, 1));
        assertEquals("61800", formatWithDecimals(6180000L, 2, 0));
        assertEquals("-3", formatWithDecimals(-3_000_000_000L, 9, 0));
    }

    @Test
    void shouldFormatWithMoreDecimalsThanScale() {
        assertEquals("61800.2000", formatWithDecimals(6180020L, 2, 4));
        assertEquals("5.0", formatWithDecimals(5L, 0, 1));
    }

    @Test
    void shouldRejectFewerDecimalsThatWouldRound() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatWithDecimals(6180025L, 2, 1, buffer, 0));
    }

    @Test
    void shouldFormatLongMinValueWithMoreDecimalsThanScale() {
        assertEquals("-92233720368547758.08000", formatWithDecimals(Long.MIN_VALUE, 2, 5));
    }

    @Test
    void shouldWriteAtMostMaxFormattedLength() {
        final int written = FixedPoint.formatWithDecimals(Long.MIN_VALUE, 0, FixedPoint.MAX_SCALE, buffer, 0);

        assertEquals(FixedPoint.MAX_FORMATTED_LENGTH, written);
        assertEquals("-9223372036854775808.000000000000000000", buffer.getStringWithoutLengthAscii(0, written));
    }

    @Test
    void shouldRenderParsedTextExactlyAsReceived() {
        final DecimalParser parser = new DecimalParser();
        final String[] received = { "61800.2000", "61800.2", "61800", "0.10", "-0.500", "0.00000000" };
        for (final String text : received) {
            assertEquals(ParseStatus.OK, parser.parse(text, 2, true), text);

            assertEquals(text, formatWithDecimals(parser.value(), 2, parser.decimals()));
        }
    }

    @Test
    void shouldMatchBigDecimalPlainStringOnSeededRandomValues() {
        final Random random = new Random(0xF0_4D_A7);
        for (int n = 0; n < 100_000; n++) {
            final long mantissa = randomMantissa(random);
            final int scale = random.nextInt(FixedPoint.MAX_SCALE + 1);
            final String expected = BigDecimal.valueOf(mantissa, scale).toPlainString();

            assertEquals(expected, format(mantissa, scale), expected);
            assertEquals(expected, FixedPoint.toString(mantissa, scale), expected);
            assertEquals(expected, FixedPoint.appendTo(new StringBuilder(), mantissa, scale).toString(), expected);
        }
    }

    @Test
    void shouldParseFormattedValueBackOnSeededRandomValues() {
        final DecimalParser parser = new DecimalParser();
        final Random random = new Random(0x0DD_BA11);
        for (int n = 0; n < 100_000; n++) {
            final long mantissa = randomMantissa(random);
            final int scale = random.nextInt(FixedPoint.MAX_SCALE + 1);
            final int length = FixedPoint.format(mantissa, scale, buffer, 5);

            final ParseStatus status = parser.parse(buffer, 5, length, scale, true);

            assertEquals(ParseStatus.OK, status, () -> mantissa + " at scale " + scale);
            assertEquals(mantissa, parser.value(), () -> mantissa + " at scale " + scale);
        }
    }

    @Test
    void shouldFormatToBufferWithoutAllocating() {
        final Runnable formatAll = () -> {
            FixedPoint.format(6180020L, 2, buffer, 0);
            FixedPoint.format(Long.MIN_VALUE, 8, buffer, 0);
            FixedPoint.formatWithDecimals(6180020L, 2, 4, buffer, 0);
        };

        assertEquals(0L, AllocationMeter.steadyStateBytesAllocatedBy(formatAll));
    }

    @Test
    void shouldAppendWithoutAllocatingWithinCapacity() {
        final StringBuilder builder = new StringBuilder(64);
        final Runnable appendAll = () -> {
            builder.setLength(0);
            FixedPoint.appendTo(builder, 6180020L, 2);
            FixedPoint.appendTo(builder, Long.MIN_VALUE, 8);
        };

        assertEquals(0L, AllocationMeter.steadyStateBytesAllocatedBy(appendAll));
    }

    @Test
    void shouldRescaleUp() {
        assertEquals(618002000L, FixedPoint.rescale(6180020L, 2, 4));
        assertEquals(-5000L, FixedPoint.rescale(-5L, 0, 3));
    }

    @Test
    void shouldRescaleDownWhenExact() {
        assertEquals(61800L, FixedPoint.rescale(6180000L, 2, 0));
        assertEquals(-12L, FixedPoint.rescale(-1200L, 4, 2));
    }

    @Test
    void shouldRejectRescaleThatWouldRound() {
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(6180025L, 2, 1));
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(-1L, 8, 0));
    }

    @Test
    void shouldRescaleUpToTheLongBounds() {
        assertEquals(9223372036854775800L, FixedPoint.rescale(Long.MAX_VALUE / 10, 0, 1));
        assertEquals(-9223372036854775800L, FixedPoint.rescale(Long.MIN_VALUE / 10, 0, 1));
    }

    @Test
    void shouldRejectRescaleThatOverflows() {
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(Long.MAX_VALUE / 10 + 1, 0, 1));
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(Long.MIN_VALUE / 10 - 1, 0, 1));
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(10L, 0, 18));
    }

    @Test
    void shouldRejectRescaleWithScaleOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.rescale(1L, 0, 19));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.rescale(1L, -1, 0));
    }

    @Test
    void shouldReturnPowersOfTen() {
        long expected = 1L;
        for (int exponent = 0; exponent <= FixedPoint.MAX_SCALE; exponent++) {
            assertEquals(expected, FixedPoint.pow10(exponent));
            expected *= 10;
        }
    }

    @Test
    void shouldRejectPowerOfTenOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.pow10(19));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.pow10(-1));
    }

    @Test
    void shouldParseConfigurationText() {
        assertEquals(10L, FixedPoint.parseOrThrow("0.10", 2, false));
    }

    @Test
    void shouldThrowWithTextScaleAndReasonForInvalidConfigurationText() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> FixedPoint.parseOrThrow("0.105", 2, false));

        assertTrue(e.getMessage().contains("'0.105'"), e.getMessage());
        assertTrue(e.getMessage().contains("scale 2"), e.getMessage());
        assertTrue(e.getMessage().contains(ParseStatus.TOO_MANY_DECIMALS.description()), e.getMessage());
    }

    @Test
    void shouldDescribeEveryParseStatusDistinctly() {
        final long distinct = Arrays.stream(ParseStatus.values()).map(ParseStatus::description).distinct().count();

        assertEquals(ParseStatus.values().length, distinct);
    }

    /**
     * Mantissas of every magnitude, from a few digits to the full long range, both signs.
     */
    private static long randomMantissa(final Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return random.nextLong();
            case 1:
                return Long.MIN_VALUE + random.nextInt(1000);
            case 2:
                return Long.MAX_VALUE - random.nextInt(1000);
            case 3:
                return random.nextInt(2001) - 1000;
            default:
                return random.nextLong() >> random.nextInt(64);
        }
    }

    private String format(final long mantissa, final int scale) {
        final int length = FixedPoint.format(mantissa, scale, buffer, 0);
        return new String(bufferBytes(length), StandardCharsets.US_ASCII);
    }

    private String formatWithDecimals(final long mantissa, final int scale, final int decimals) {
        final int length = FixedPoint.formatWithDecimals(mantissa, scale, decimals, buffer, 0);
        return new String(bufferBytes(length), StandardCharsets.US_ASCII);
    }

    private byte[] bufferBytes(final int length) {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
