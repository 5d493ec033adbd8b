package io.ringtrader.engine.instrument;

/**
 * The venue's order filters of one instrument as mantissas at the instrument's scales; {@link #NOT_SET} (0) where a
 * filter does not apply. Checked through {@link Instrument#isAboveVenueMaxQty}, {@link Instrument#isPriceOutOfBand}
 * and {@link Instrument#isBelowMinNotional}.
 * <p>
 * <b>Threading:</b> immutable; safe to share between threads.
 *
 * @param minPriceMantissa     lowest limit price at the price scale.
 * @param maxPriceMantissa     highest limit price at the price scale.
 * @param maxQtyMantissa       largest LIMIT quantity at the quantity scale.
 * @param marketMaxQtyMantissa largest MARKET quantity at the quantity scale.
 * @param minNotionalMantissa  smallest price × quantity × contract size, at scale
 *                             {@code priceScale + qtyScale + contractSizeScale}.
 * @param bandUpMantissa       PERCENT_PRICE multiplierUp at {@link #MULTIPLIER_SCALE} (1.05 = 105_000_000).
 * @param bandDownMantissa     PERCENT_PRICE multiplierDown at {@link #MULTIPLIER_SCALE}.
 */
public record VenueFilters(
    long minPriceMantissa,
    long maxPriceMantissa,
    long maxQtyMantissa,
    long marketMaxQtyMantissa,
    long minNotionalMantissa,
    long bandUpMantissa,
    long bandDownMantissa) {
    /** A filter that does not apply. */
    public static final long NOT_SET = 0;
    /** Decimals of the band multipliers. */
    public static final int MULTIPLIER_SCALE = 8;
    /** 10^{@link #MULTIPLIER_SCALE}. */
    static final long MULTIPLIER_ONE = 100_000_000L;
    /** No filter at all. */
    public static final VenueFilters NONE = new VenueFilters(NOT_SET, NOT_SET, NOT_SET, NOT_SET, NOT_SET, NOT_SET,
        NOT_SET);

    /**
     * @throws IllegalArgumentException for a negative value, {@code minPrice >= maxPrice}, or a band with one multiplier
     *                                  only, an up multiplier not above 1 or a down one not in (0, 1).
     */
    public VenueFilters {
        if (minPriceMantissa < 0 || maxPriceMantissa < 0 || maxQtyMantissa < 0 || marketMaxQtyMantissa < 0
            || minNotionalMantissa < 0 || bandUpMantissa < 0 || bandDownMantissa < 0) {
            throw new IllegalArgumentException("venue filters must not be negative: " + describe(minPriceMantissa,
                maxPriceMantissa, maxQtyMantissa, marketMaxQtyMantissa, minNotionalMantissa, bandUpMantissa,
                bandDownMantissa));
        }
        if (minPriceMantissa != NOT_SET && maxPriceMantissa != NOT_SET && minPriceMantissa >= maxPriceMantissa) {
            throw new IllegalArgumentException("venue filters: minPrice " + minPriceMantissa + " must be below maxPrice "
                + maxPriceMantissa);
        }
        if ((bandUpMantissa == NOT_SET) != (bandDownMantissa == NOT_SET)
            || (bandUpMantissa != NOT_SET && (bandUpMantissa <= MULTIPLIER_ONE || bandDownMantissa >= MULTIPLIER_ONE))) {
            throw new IllegalArgumentException("venue filters: a price band needs up > 1 and 0 < down < 1 at scale "
                + MULTIPLIER_SCALE + ", got up " + bandUpMantissa + " down " + bandDownMantissa);
        }
    }

    /** True when a price band (PERCENT_PRICE) is set. */
    public boolean hasPriceBand() {
        return bandUpMantissa != NOT_SET;
    }

    private static String describe(final long... values) {
        return java.util.Arrays.toString(values);
    }
}
