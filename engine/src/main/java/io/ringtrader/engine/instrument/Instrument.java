package io.ringtrader.engine.instrument;

import io.ringtrader.engine.fixedpoint.FixedPoint;

/**
 * A tradable contract on one venue, with the scales its prices and quantities are expressed at.
 * <p>
 * Prices are {@code long} mantissas at {@link #priceScale()} and quantities at {@link #qtyScale()}
 * (see {@link FixedPoint}). The contract size (base units per contract: 1 on Binance and Bitget linear
 * USDT perpetuals) is also a mantissa at its own scale rather than a {@code double}, so notional and
 * risk arithmetic stays exact: notional mantissa = price × qty × contractSize at scale
 * {@code priceScale + qtyScale + contractSizeScale}.
 * <p>
 * The venue's order filters ({@link VenueFilters}) are checked with {@link #isAboveVenueMaxQty},
 * {@link #isPriceOutOfBand} and {@link #isBelowMinNotional}: exact, allocation-free (128-bit products).
 * <p>
 * <b>Threading:</b> immutable; safe to share between threads.
 */
public final class Instrument {
    private final int id;
    private final Venue venue;
    private final String symbol;
    private final String qualifiedName;
    private final int priceScale;
    private final long tickSizeMantissa;
    private final int qtyScale;
    private final long lotSizeMantissa;
    private final long contractSizeMantissa;
    private final int contractSizeScale;
    private final VenueFilters filters;
    /** ceil(minNotional / contractSize) at scale priceScale + qtyScale: price × qty must reach it. */
    private final long minPriceTimesQty;

    /**
     * @param id                   engine id, dense from 0 within an {@link InstrumentRegistry}.
     * @param venue                where it trades.
     * @param symbol               the venue's symbol, e.g. {@code BTCUSDT}: printable ASCII without spaces.
     * @param priceScale           decimals of price mantissas, 0..{@value FixedPoint#MAX_SCALE}.
     * @param tickSizeMantissa     price increment at {@code priceScale}, &gt; 0.
     * @param qtyScale             decimals of quantity mantissas, 0..{@value FixedPoint#MAX_SCALE}.
     * @param lotSizeMantissa      quantity increment at {@code qtyScale}, &gt; 0.
     * @param contractSizeMantissa base units per contract at {@code contractSizeScale}, &gt; 0.
     * @param contractSizeScale    decimals of the contract size, 0..{@value FixedPoint#MAX_SCALE}.
     * @throws IllegalArgumentException naming the instrument and the offending value.
     */
    public Instrument(
        final int id,
        final Venue venue,
        final String symbol,
        final int priceScale,
        final long tickSizeMantissa,
        final int qtyScale,
        final long lotSizeMantissa,
        final long contractSizeMantissa,
        final int contractSizeScale) {
        this(id, venue, symbol, priceScale, tickSizeMantissa, qtyScale, lotSizeMantissa, contractSizeMantissa,
            contractSizeScale, VenueFilters.NONE);
    }

    /**
     * An instrument with the venue's order filters.
     *
     * @param filters the venue's filters at this instrument's scales (prices and quantities on its grid).
     * @throws IllegalArgumentException naming the instrument and the offending value.
     */
    public Instrument(
        final int id,
        final Venue venue,
        final String symbol,
        final int priceScale,
        final long tickSizeMantissa,
        final int qtyScale,
        final long lotSizeMantissa,
        final long contractSizeMantissa,
        final int contractSizeScale,
        final VenueFilters filters) {
        if (venue == null) {
            throw new IllegalArgumentException("instrument " + symbol + ": venue must not be null");
        }
        validateSymbol(venue, symbol);
        final String name = InstrumentNames.qualified(venue.configName(), symbol);
        if (id < 0) {
            throw new IllegalArgumentException("instrument " + name + ": id must be >= 0: " + id);
        }
        validateScale(name, "priceScale", priceScale);
        validateScale(name, "qtyScale", qtyScale);
        validateScale(name, "contractSizeScale", contractSizeScale);
        validatePositive(name, "tickSize", tickSizeMantissa);
        validatePositive(name, "lotSize", lotSizeMantissa);
        validatePositive(name, "contractSize", contractSizeMantissa);
        if (filters == null) {
            throw new IllegalArgumentException("instrument " + name + ": filters must not be null");
        }
        if (filters.minPriceMantissa() % tickSizeMantissa != 0 || filters.maxPriceMantissa() % tickSizeMantissa != 0
            || filters.maxQtyMantissa() % lotSizeMantissa != 0 || filters.marketMaxQtyMantissa() % lotSizeMantissa != 0) {
            throw new IllegalArgumentException("instrument " + name + ": filter prices must be on the tick grid and "
                + "quantities on the lot grid: " + filters);
        }

        this.id = id;
        this.venue = venue;
        this.symbol = symbol;
        this.qualifiedName = name;
        this.priceScale = priceScale;
        this.tickSizeMantissa = tickSizeMantissa;
        this.qtyScale = qtyScale;
        this.lotSizeMantissa = lotSizeMantissa;
        this.contractSizeMantissa = contractSizeMantissa;
        this.contractSizeScale = contractSizeScale;
        this.filters = filters;
        this.minPriceTimesQty = filters.minNotionalMantissa() == VenueFilters.NOT_SET ? VenueFilters.NOT_SET
            : -Math.floorDiv(-filters.minNotionalMantissa(), contractSizeMantissa);
    }

    /**
     * @return engine id, an index into {@link InstrumentRegistry#byId(int)}.
     */
    public int id() {
        return id;
    }

    /**
     * @return where it trades.
     */
    public Venue venue() {
        return venue;
    }

    /**
     * @return the venue's symbol, e.g. {@code BTCUSDT}.
     */
    public String symbol() {
        return symbol;
    }

    /**
     * @return the venue-qualified name, {@code venue:SYMBOL} (e.g. {@code binance:BTCUSDT}): unique in any registry.
     *         {@link InstrumentRegistry#displayName(int)} is the name a session shows.
     */
    public String qualifiedName() {
        return qualifiedName;
    }

    /**
     * @return decimals of price mantissas.
     */
    public int priceScale() {
        return priceScale;
    }

    /**
     * @return price increment at {@link #priceScale()}.
     */
    public long tickSizeMantissa() {
        return tickSizeMantissa;
    }

    /**
     * @return decimals of quantity mantissas.
     */
    public int qtyScale() {
        return qtyScale;
    }

    /**
     * @return quantity increment at {@link #qtyScale()}.
     */
    public long lotSizeMantissa() {
        return lotSizeMantissa;
    }

    /**
     * @return base units per contract at {@link #contractSizeScale()}.
     */
    public long contractSizeMantissa() {
        return contractSizeMantissa;
    }

    /**
     * @return decimals of {@link #contractSizeMantissa()}.
     */
    public int contractSizeScale() {
        return contractSizeScale;
    }

    /**
     * @return the venue's order filters.
     */
    public VenueFilters filters() {
        return filters;
    }

    /**
     * @param market      a MARKET order (MARKET_LOT_SIZE maxQty applies), else a LIMIT one (LOT_SIZE maxQty).
     * @param qtyMantissa at {@link #qtyScale()}.
     * @return whether the quantity exceeds the venue's maximum for that order type.
     */
    public boolean isAboveVenueMaxQty(final boolean market, final long qtyMantissa) {
        final long max = market ? filters.marketMaxQtyMantissa() : filters.maxQtyMantissa();
        return max != VenueFilters.NOT_SET && qtyMantissa > max;
    }

    /**
     * A limit price outside the venue's band: below minPrice or above maxPrice, or (with a band) a BUY above
     * reference × up or a SELL below reference × down. Without a reference price (0 or less) an order is out of a band
     * that is set: it cannot be checked.
     *
     * @param buy                    the order's side.
     * @param priceMantissa          the limit price at {@link #priceScale()}.
     * @param referencePriceMantissa the mark price (or another reference) at {@link #priceScale()}; 0 when none.
     */
    public boolean isPriceOutOfBand(final boolean buy, final long priceMantissa, final long referencePriceMantissa) {
        if (filters.minPriceMantissa() != VenueFilters.NOT_SET && priceMantissa < filters.minPriceMantissa()) {
            return true;
        }
        if (filters.maxPriceMantissa() != VenueFilters.NOT_SET && priceMantissa > filters.maxPriceMantissa()) {
            return true;
        }
        if (!filters.hasPriceBand()) {
            return false;
        }
        if (referencePriceMantissa <= 0) {
            return true;
        }
        return buy
            ? compareProducts(priceMantissa, VenueFilters.MULTIPLIER_ONE, referencePriceMantissa, filters.bandUpMantissa()) > 0
            : compareProducts(priceMantissa, VenueFilters.MULTIPLIER_ONE, referencePriceMantissa, filters.bandDownMantissa()) < 0;
    }

    /**
     * @param priceMantissa the order's price (a MARKET order: a reference price) at {@link #priceScale()}; a price of 0
     *                      or less cannot reach a minimum that is set.
     * @param qtyMantissa   at {@link #qtyScale()}.
     * @return whether price × quantity × contract size is below the venue's minimum notional.
     */
    public boolean isBelowMinNotional(final long priceMantissa, final long qtyMantissa) {
        if (minPriceTimesQty == VenueFilters.NOT_SET) {
            return false;
        }
        return priceMantissa <= 0 || compareProducts(priceMantissa, qtyMantissa, minPriceTimesQty, 1) < 0;
    }

    /** Compares a × b with c × d exactly (all non-negative), over 128 bits. */
    private static int compareProducts(final long a, final long b, final long c, final long d) {
        final long high = Math.multiplyHigh(a, b);
        final long otherHigh = Math.multiplyHigh(c, d);
        if (high != otherHigh) {
            return Long.compare(high, otherHigh);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /**
     * @param priceMantissa at {@link #priceScale()}.
     * @return whether the price is a whole number of ticks.
     */
    public boolean isOnTick(final long priceMantissa) {
        return priceMantissa % tickSizeMantissa == 0;
    }

    /**
     * @param qtyMantissa at {@link #qtyScale()}.
     * @return whether the quantity is a whole number of lots.
     */
    public boolean isOnLot(final long qtyMantissa) {
        return qtyMantissa % lotSizeMantissa == 0;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Instrument)) {
            return false;
        }
        final Instrument that = (Instrument)o;
        return id == that.id &&
            venue == that.venue &&
            symbol.equals(that.symbol) &&
            priceScale == that.priceScale &&
            tickSizeMantissa == that.tickSizeMantissa &&
            qtyScale == that.qtyScale &&
            lotSizeMantissa == that.lotSizeMantissa &&
            contractSizeMantissa == that.contractSizeMantissa &&
            contractSizeScale == that.contractSizeScale &&
            filters.equals(that.filters);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id + venue.hashCode()) + symbol.hashCode();
    }

    @Override
    public String toString() {
        return "Instrument{" +
            "id=" + id +
            ", venue=" + venue.configName() +
            ", symbol=" + symbol +
            ", tickSize=" + FixedPoint.toString(tickSizeMantissa, priceScale) +
            ", lotSize=" + FixedPoint.toString(lotSizeMantissa, qtyScale) +
            ", contractSize=" + FixedPoint.toString(contractSizeMantissa, contractSizeScale) +
            '}';
    }

    private static void validateSymbol(final Venue venue, final String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("instrument on " + venue.configName() + ": symbol must not be empty");
        }
        for (int i = 0; i < symbol.length(); i++) {
            final char c = symbol.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("instrument on " + venue.configName() +
                    ": symbol must be printable ASCII without spaces: '" + symbol + "' (index " + i + ")");
            }
        }
    }

    private static void validateScale(final String name, final String field, final int scale) {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException(
                "instrument " + name + ": " + field + " must be between 0 and " + FixedPoint.MAX_SCALE + ": " + scale);
        }
    }

    private static void validatePositive(final String name, final String field, final long mantissa) {
        if (mantissa <= 0) {
            throw new IllegalArgumentException(
                "instrument " + name + ": " + field + " must be > 0 at its scale, mantissa: " + mantissa);
        }
    }
}
