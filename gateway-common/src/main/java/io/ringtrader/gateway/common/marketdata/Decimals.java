package io.ringtrader.gateway.common.marketdata;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.fixedpoint.ParseStatus;
import org.agrona.DirectBuffer;

/** Decimal text to mantissas with the gateway's validation rules, mapped to {@link DecodeStatus}es. */
public final class Decimals {
    private static final long[] POW10 = new long[FixedPoint.MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /**
     * Parses a non-negative decimal; with {@code positive} zero is rejected too (prices). On OK the value is
     * in {@code parser}.
     */
    public static DecodeStatus parse(final DecimalParser parser, final DirectBuffer buffer, final int offset, final int length,
        final int scale, final boolean positive) {
        final ParseStatus status = parser.parse(buffer, offset, length, scale, false);
        if (status == ParseStatus.NEGATIVE_NOT_ALLOWED) {
            return DecodeStatus.NEGATIVE_VALUE;
        }
        if (status != ParseStatus.OK) {
            return DecodeStatus.BAD_NUMBER;
        }
        if (positive && parser.value() == 0) {
            return DecodeStatus.NEGATIVE_VALUE;
        }
        return DecodeStatus.OK;
    }

    /**
     * Parses a decimal that may carry more digits than {@code scale} (Binance quotes mark and index prices
     * with 8 decimals whatever the tick size) and rounds it half-up to {@code scale}. On OK the value is in
     * {@code parser}'s result, read with {@link #rounded}.
     *
     * @param extraDigits how many digits beyond {@code scale} are read before rounding.
     */
    public static DecodeStatus parseRounded(final DecimalParser parser, final DirectBuffer buffer, final int offset,
        final int length, final int scale, final int extraDigits, final boolean allowNegative) {
        final int wideScale = Math.min(FixedPoint.MAX_SCALE, scale + extraDigits);
        final ParseStatus status = parser.parse(buffer, offset, length, wideScale, allowNegative);
        if (status == ParseStatus.NEGATIVE_NOT_ALLOWED) {
            return DecodeStatus.NEGATIVE_VALUE;
        }
        return status == ParseStatus.OK ? DecodeStatus.OK : DecodeStatus.BAD_NUMBER;
    }

    /** The last {@link #parseRounded} value, rounded half away from zero from its wide scale down to {@code scale}. */
    public static long rounded(final DecimalParser parser, final int scale, final int extraDigits) {
        final int wideScale = Math.min(FixedPoint.MAX_SCALE, scale + extraDigits);
        final long divisor = POW10[wideScale - scale];
        final long value = parser.value();
        final long quotient = value / divisor;
        final long remainder = value % divisor;
        if (Math.abs(remainder) * 2 >= divisor) {
            return value < 0 ? quotient - 1 : quotient + 1;
        }
        return quotient;
    }
}
