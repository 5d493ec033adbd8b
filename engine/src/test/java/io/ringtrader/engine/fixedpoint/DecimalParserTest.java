package io.ringtrader.engine.fixedpoint;

import io.ringtrader.engine.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecimalParserTest {
    private static final boolean NEGATIVE_ALLOWED = true;
    private static final boolean NON_NEGATIVE = false;

    private final DecimalParser parser = new DecimalParser();

    @Test
    void shouldParsePriceAtScaleTwo() {
        assertOk(6180020L, 2, parse("61800.20", 2, NON_NEGATIVE));
    }

    @Test
    void shouldParseQuantityWithFewerDecimalsThanScale() {
        assertOk(300_000L, 3, parse("0.003", 8, NON_NEGATIVE));
    }

    @Test
    void shouldParseIntegerWithoutPoint() {
        assertOk(6_180_000L, 0, parse("61800", 2, NON_NEGATIVE));
    }

    @Test
    void shouldParseZeroWithDecimals() {
        assertOk(0L, 3, parse("0.000", 3, NON_NEGATIVE));
    }

    @Test
    void shouldParseZeroWithMoreDecimalsThanScale() {
        assertOk(0L, 3, parse("0.000", 0, NON_NEGATIVE));
    }

    @Test
    void shouldAcceptTrailingZerosBeyondScale() {
        assertOk(6180020L, 4, parse("61800.2000", 2, NON_NEGATIVE));
    }

    @Test
    void shouldRejectSignificantDecimalBeyondScaleInsteadOfRounding() {
        assertEquals(ParseStatus.TOO_MANY_DECIMALS, parse("61800.205", 2, NON_NEGATIVE));
    }

    @Test
    void shouldRejectSignificantDecimalAfterZerosBeyondScale() {
        assertEquals(ParseStatus.TOO_MANY_DECIMALS, parse("1.2000001", 2, NON_NEGATIVE));
    }

    @Test
    void shouldAcceptLeadingZeros() {
        assertOk(1234L, 1, parse("000123.4", 1, NON_NEGATIVE));
    }

    @Test
    void shouldNotCountLeadingZerosTowardsOverflow() {
        assertOk(Long.MAX_VALUE, 0, parse("000000000000000000000009223372036854775807", 0, NON_NEGATIVE));
    }

    @Test
    void shouldNotCountLeadingFractionZerosTowardsOverflow() {
        assertOk(1L, 18, parse("0000.000000000000000001", 18, NON_NEGATIVE));
    }

    @Test
    void shouldParseEighteenDigitValue() {
        assertOk(999_999_999_999_999_999L, 0, parse("999999999999999999", 0, NON_NEGATIVE));
    }

    @Test
    void shouldParseNineteenDigitValueThatFits() {
        assertOk(1_234_567_890_123_456_789L, 0, parse("1234567890123456789", 0, NON_NEGATIVE));
    }

    @Test
    void shouldParseLongMaxValueAtScaleZero() {
        assertOk(Long.MAX_VALUE, 0, parse("9223372036854775807", 0, NON_NEGATIVE));
    }

    @Test
    void shouldRejectLongMaxValuePlusOneAtScaleZero() {
        assertEquals(ParseStatus.OVERFLOW, parse("9223372036854775808", 0, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectNineteenNinesAsOverflow() {
        assertEquals(ParseStatus.OVERFLOW, parse("9999999999999999999", 0, NON_NEGATIVE));
    }

    @Test
    void shouldRejectTwentyDigitValueAsOverflow() {
        assertEquals(ParseStatus.OVERFLOW, parse("10000000000000000000", 0, NON_NEGATIVE));
    }

    @Test
    void shouldParseLongMinValueWhenNegativesAllowed() {
        assertOk(Long.MIN_VALUE, 0, parse("-9223372036854775808", 0, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectLongMinValueMinusOne() {
        assertEquals(ParseStatus.OVERFLOW, parse("-9223372036854775809", 0, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldParseLargestValueAtScaleEight() {
        assertOk(Long.MAX_VALUE, 8, parse("92233720368.54775807", 8, NON_NEGATIVE));
    }

    @Test
    void shouldRejectValueJustAboveLargestAtScaleEight() {
        assertEquals(ParseStatus.OVERFLOW, parse("92233720368.54775808", 8, NON_NEGATIVE));
    }

    @Test
    void shouldRejectTwelveIntegerDigitsAtScaleEight() {
        assertEquals(ParseStatus.OVERFLOW, parse("100000000000", 8, NON_NEGATIVE));
    }

    @Test
    void shouldParseSmallestValueAtScaleEight() {
        assertOk(Long.MIN_VALUE, 8, parse("-92233720368.54775808", 8, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectOverflowCausedOnlyByScaling() {
        assertEquals(ParseStatus.OVERFLOW, parse("922337203685477581", 1, NON_NEGATIVE));
    }

    @Test
    void shouldParseLargestValueAtMaxScale() {
        assertOk(Long.MAX_VALUE, 18, parse("9.223372036854775807", 18, NON_NEGATIVE));
    }

    @Test
    void shouldRejectTenAtMaxScale() {
        assertEquals(ParseStatus.OVERFLOW, parse("10", 18, NON_NEGATIVE));
    }

    @Test
    void shouldParseNegativeWhenAllowed() {
        assertOk(-125L, 4, parse("-0.0125", 4, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectNegativeWhenNotAllowed() {
        assertEquals(ParseStatus.NEGATIVE_NOT_ALLOWED, parse("-1.5", 2, NON_NEGATIVE));
    }

    @Test
    void shouldParseMinusZeroAsZero() {
        assertOk(0L, 2, parse("-0.00", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectMinusZeroWhenNegativesNotAllowed() {
        assertEquals(ParseStatus.NEGATIVE_NOT_ALLOWED, parse("-0", 2, NON_NEGATIVE));
    }

    @Test
    void shouldRejectEmptyText() {
        assertEquals(ParseStatus.EMPTY, parse("", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectLoneMinus() {
        assertEquals(ParseStatus.MALFORMED, parse("-", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("-", 2, NON_NEGATIVE));
    }

    @Test
    void shouldRejectExponent() {
        assertEquals(ParseStatus.MALFORMED, parse("1e-5", 8, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("1E5", 8, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("1.5e3", 8, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectLeadingPlus() {
        assertEquals(ParseStatus.MALFORMED, parse("+1.5", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectMissingIntegerDigits() {
        assertEquals(ParseStatus.MALFORMED, parse(".5", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("-.5", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectMissingFractionDigits() {
        assertEquals(ParseStatus.MALFORMED, parse("5.", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectLonePoint() {
        assertEquals(ParseStatus.MALFORMED, parse(".", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectTwoPoints() {
        assertEquals(ParseStatus.MALFORMED, parse("1.2.3", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("1..2", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectSpaces() {
        assertEquals(ParseStatus.MALFORMED, parse(" 1", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("1 ", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("1 000", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectLettersAndWords() {
        assertEquals(ParseStatus.MALFORMED, parse("abc", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("12a", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("NaN", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("Infinity", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("\"1.5\"", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectDoubleMinus() {
        assertEquals(ParseStatus.MALFORMED, parse("--1", 2, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.MALFORMED, parse("1-", 2, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldRejectScaleOutOfRange() {
        assertEquals(ParseStatus.SCALE_OUT_OF_RANGE, parse("1", -1, NEGATIVE_ALLOWED));
        assertEquals(ParseStatus.SCALE_OUT_OF_RANGE, parse("1", 19, NEGATIVE_ALLOWED));
    }

    @Test
    void shouldReportMalformedBeforeNegativeNotAllowed() {
        assertEquals(ParseStatus.MALFORMED, parse("-1x", 2, NON_NEGATIVE));
    }

    @Test
    void shouldReportNegativeNotAllowedBeforeTooManyDecimals() {
        assertEquals(ParseStatus.NEGATIVE_NOT_ALLOWED, parse("-1.234", 2, NON_NEGATIVE));
    }

    @Test
    void shouldReportTooManyDecimalsBeforeOverflow() {
        assertEquals(ParseStatus.TOO_MANY_DECIMALS, parse("99999999999999999999.123", 2, NON_NEGATIVE));
    }

    @Test
    void shouldReportMalformedAfterOverflowingDigits() {
        assertEquals(ParseStatus.MALFORMED, parse("99999999999999999999x", 0, NON_NEGATIVE));
    }

    @Test
    void shouldResetResultAfterRejectedParse() {
        assertOk(6180020L, 2, parse("61800.20", 2, NON_NEGATIVE));

        assertEquals(ParseStatus.TOO_MANY_DECIMALS, parser.parse("61800.205", 2, NON_NEGATIVE));

        assertEquals(0L, parser.value());
        assertEquals(0, parser.decimals());
    }

    @Test
    void shouldReadOnlyTheGivenBufferRegion() {
        final UnsafeBuffer buffer = new UnsafeBuffer("{\"p\":\"61800.20\",\"q\":\"0.003\"}".getBytes(StandardCharsets.US_ASCII));

        assertEquals(ParseStatus.OK, parser.parse(buffer, 6, 8, 2, NON_NEGATIVE));
        assertEquals(6180020L, parser.value());
        assertEquals(ParseStatus.OK, parser.parse(buffer, 21, 5, 3, NON_NEGATIVE));
        assertEquals(3L, parser.value());
    }

    @Test
    void shouldReadOnlyTheGivenByteArrayRegion() {
        final byte[] bytes = "x12.5y".getBytes(StandardCharsets.US_ASCII);

        assertEquals(ParseStatus.OK, parser.parse(bytes, 1, 4, 1, NON_NEGATIVE));
        assertEquals(125L, parser.value());
    }

    @Test
    void shouldThrowForByteArrayRegionOutsideArray() {
        final byte[] bytes = "12.5".getBytes(StandardCharsets.US_ASCII);

        assertThrows(IndexOutOfBoundsException.class, () -> parser.parse(bytes, 2, 4, 1, NON_NEGATIVE));
    }

    @Test
    void shouldRejectNonAsciiCharacterEvenIfItsLowByteIsADigit() {
        assertEquals(ParseStatus.MALFORMED, parser.parse("1\u0130", 0, NON_NEGATIVE));
        assertEquals(ParseStatus.MALFORMED, parser.parse("\uFF11", 0, NON_NEGATIVE));
    }

    @Test
    void shouldParseCharSequenceLongerThanScratch() {
        final String text = "0".repeat(200) + "1.5" + "0".repeat(200);

        assertOk(15L, 201, parse(text, 1, NON_NEGATIVE));
    }

    @Test
    void shouldAgreeAcrossBufferByteArrayAndCharSequenceOnSampleInputs() {
        final String[] inputs = {
            "61800.20", "0.003", "118234.57", "12.345", "0.00012345", "-0.0001", "-0", "0", "", "-", ".", "1.", ".1",
            "1e5", "+1", "1.2.3", "00012.300", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "92233720368.54775807", "1.123456789012345678", "1.1234567890123456789", "\u00e91", "1,5",
        };
        for (int scale = 0; scale <= FixedPoint.MAX_SCALE; scale++) {
            for (final String input : inputs) {
                parse(input, scale, NEGATIVE_ALLOWED);
                parse(input, scale, NON_NEGATIVE);
            }
        }
    }

    @Test
    void shouldMatchBigDecimalReferenceOnSeededRandomText() {
        final Random random = new Random(0x5EED_F1ED);
        for (int n = 0; n < 100_000; n++) {
            final String text = randomDecimalText(random);
            final int scale = random.nextInt(FixedPoint.MAX_SCALE + 1);
            final boolean allowNegative = random.nextBoolean();

            final ParseStatus status = parse(text, scale, allowNegative);

            final Object expected = referenceParse(text, scale, allowNegative);
            final String context = "'" + text + "' at scale " + scale + ", allowNegative=" + allowNegative;
            if (expected instanceof ParseStatus) {
                assertEquals(expected, status, context);
            } else {
                assertEquals(ParseStatus.OK, status, context);
                assertEquals((long)(Long)expected, parser.value(), context);
            }
        }
    }

    @Test
    void shouldMatchBigDecimalReferenceAroundLongBoundsAtEveryScale() {
        final BigDecimal[] bounds = { BigDecimal.valueOf(Long.MAX_VALUE), BigDecimal.valueOf(Long.MIN_VALUE) };
        for (int scale = 0; scale <= FixedPoint.MAX_SCALE; scale++) {
            for (final BigDecimal bound : bounds) {
                for (int delta = -2; delta <= 2; delta++) {
                    final String text = bound.add(BigDecimal.valueOf(delta)).movePointLeft(scale).toPlainString();

                    final ParseStatus status = parse(text, scale, NEGATIVE_ALLOWED);

                    final Object expected = referenceParse(text, scale, NEGATIVE_ALLOWED);
                    if (expected instanceof ParseStatus) {
                        assertEquals(expected, status, text);
                    } else {
                        assertEquals(ParseStatus.OK, status, text);
                        assertEquals((long)(Long)expected, parser.value(), text);
                    }
                }
            }
        }
    }

    @Test
    void shouldParseWithoutAllocating() {
        final UnsafeBuffer buffer = new UnsafeBuffer("61800.20|0.003|-0.00012345".getBytes(StandardCharsets.US_ASCII));
        final Runnable parseAll = () -> {
            parser.parse(buffer, 0, 8, 2, NON_NEGATIVE);
            parser.parse(buffer, 9, 5, 8, NON_NEGATIVE);
            parser.parse(buffer, 15, 11, 8, NEGATIVE_ALLOWED);
        };

        assertEquals(0L, AllocationMeter.steadyStateBytesAllocatedBy(parseAll));
    }

    private static final Pattern DECIMAL_SYNTAX = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * Simple and slow reference: {@link ParseStatus} for a rejection, the mantissa for a success.
     */
    private static Object referenceParse(final String text, final int scale, final boolean allowNegative) {
        if (text.isEmpty()) {
            return ParseStatus.EMPTY;
        }
        if (!DECIMAL_SYNTAX.matcher(text).matches()) {
            return ParseStatus.MALFORMED;
        }
        if (text.startsWith("-") && !allowNegative) {
            return ParseStatus.NEGATIVE_NOT_ALLOWED;
        }
        final BigDecimal value = new BigDecimal(text);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > scale) {
            return ParseStatus.TOO_MANY_DECIMALS;
        }
        final BigInteger mantissa = value.setScale(scale).unscaledValue();
        if (mantissa.bitLength() > 63) {
            return ParseStatus.OVERFLOW;
        }
        return mantissa.longValueExact();
    }

    private static String randomDecimalText(final Random random) {
        final StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('-');
        }
        appendDigits(random, text, random.nextInt(10) == 0 ? random.nextInt(4) : 0, '0');
        appendDigits(random, text, random.nextInt(22), (char)0);
        if (random.nextInt(3) != 0) {
            text.append('.');
            appendDigits(random, text, random.nextInt(12), (char)0);
            appendDigits(random, text, random.nextInt(4) == 0 ? random.nextInt(6) : 0, '0');
        }
        if (random.nextInt(20) == 0 && text.length() > 0) {
            final String junk = "+-.eE x0";
            text.setCharAt(random.nextInt(text.length()), junk.charAt(random.nextInt(junk.length())));
        }
        return text.toString();
    }

    private static void appendDigits(final Random random, final StringBuilder text, final int count, final char digit) {
        for (int i = 0; i < count; i++) {
            text.append(digit != 0 ? digit : (char)('0' + random.nextInt(10)));
        }
    }

    /**
     * Parses through all three entry points, asserts they agree, and leaves the result in {@link #parser}.
     */
    private ParseStatus parse(final String text, final int scale, final boolean allowNegative) {
        final byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        final byte[] padded = new byte[ascii.length + 7];
        padded[0] = '9';
        padded[1] = '.';
        System.arraycopy(ascii, 0, padded, 3, ascii.length);
        padded[padded.length - 1] = '5';

        final ParseStatus viaByteArray = parser.parse(padded, 3, ascii.length, scale, allowNegative);
        final long byteArrayValue = parser.value();
        final int byteArrayDecimals = parser.decimals();

        final ParseStatus viaBuffer = parser.parse(new UnsafeBuffer(padded), 3, ascii.length, scale, allowNegative);
        final long bufferValue = parser.value();
        final int bufferDecimals = parser.decimals();

        final ParseStatus viaCharSequence = parser.parse(text, scale, allowNegative);

        final String context = "'" + text + "' at scale " + scale + ", allowNegative=" + allowNegative;
        assertEquals(viaBuffer, viaByteArray, context);
        assertEquals(viaBuffer, viaCharSequence, context);
        assertEquals(bufferValue, byteArrayValue, context);
        assertEquals(bufferValue, parser.value(), context);
        assertEquals(bufferDecimals, byteArrayDecimals, context);
        assertEquals(bufferDecimals, parser.decimals(), context);

        return viaCharSequence;
    }

    private void assertOk(final long expectedValue, final int expectedDecimals, final ParseStatus status) {
        assertEquals(ParseStatus.OK, status);
        assertEquals(expectedValue, parser.value());
        assertEquals(expectedDecimals, parser.decimals());
    }
}
