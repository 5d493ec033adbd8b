package io.ringtrader.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * One simulated instrument: its venue name, the price and quantity grids orders and book levels live on, and the
 * order filters exchangeInfo publishes and the sim enforces ({@link SimFilters}). Immutable; safe to share between
 * threads.
 */
public final class SimSymbol {
    private final String name;
    private final BigDecimal tickSize;
    private final BigDecimal stepSize;
    private final int priceDecimals;
    private final int qtyDecimals;
    private final SimFilters filters;

    /**
     * @param name          venue symbol, upper case (e.g. {@code BTCUSDT})
     * @param tickSize      price increment (PRICE_FILTER tickSize)
     * @param stepSize      quantity increment (LOT_SIZE stepSize)
     * @param priceDecimals decimals prices are written with (pricePrecision)
     * @param qtyDecimals   decimals quantities are written with (quantityPrecision)
     *                      <p>The filters are {@link SimFilters#gridOnly}; see {@link #withFilters}.
     */
    public SimSymbol(final String name, final String tickSize, final String stepSize, final int priceDecimals,
                     final int qtyDecimals) {
        this(name, new BigDecimal(tickSize), new BigDecimal(stepSize), priceDecimals, qtyDecimals, null);
    }

    private SimSymbol(final String name, final BigDecimal tickSize, final BigDecimal stepSize, final int priceDecimals,
                      final int qtyDecimals, final SimFilters filters) {
        this.name = Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
        this.tickSize = tickSize;
        this.stepSize = stepSize;
        if (this.tickSize.signum() <= 0 || this.stepSize.signum() <= 0) {
            throw new IllegalArgumentException("tickSize and stepSize must be positive for " + name
                + ": tickSize=" + tickSize + " stepSize=" + stepSize);
        }
        if (priceDecimals < this.tickSize.stripTrailingZeros().scale()
            || qtyDecimals < this.stepSize.stripTrailingZeros().scale()) {
            throw new IllegalArgumentException("decimals too few for the grid of " + name + ": priceDecimals="
                + priceDecimals + " tickSize=" + tickSize + " qtyDecimals=" + qtyDecimals + " stepSize=" + stepSize);
        }
        this.priceDecimals = priceDecimals;
        this.qtyDecimals = qtyDecimals;
        this.filters = filters == null ? SimFilters.gridOnly(this.tickSize, this.stepSize) : filters;
        if (!onTick(this.filters.minPrice()) || !onStep(this.filters.minQty())) {
            throw new IllegalArgumentException("filters of " + name + " off its grid: minPrice "
                + this.filters.minPrice().toPlainString() + " (tick " + this.tickSize.toPlainString() + "), minQty "
                + this.filters.minQty().toPlainString() + " (step " + this.stepSize.toPlainString() + ")");
        }
    }

    /**
     * BTCUSDT as listed on Binance USDⓈ-M: tick 0.10, step 0.001, 2 price and 3 quantity decimals; PRICE_FILTER
     * 556.80..4529764, LOT_SIZE 0.001..1000, MARKET_LOT_SIZE 0.001..120, MIN_NOTIONAL 100, PERCENT_PRICE
     * 1.0500 / 0.9500 (the venue's {@code GET /fapi/v1/exchangeInfo} of 2024-05-07, serverTime 1715054406944, as
     * quoted in public client tests; the minimum notional of 100 USDT dates from 2023).
     */
    public static SimSymbol btcusdt() {
        return new SimSymbol("BTCUSDT", "0.10", "0.001", 2, 3).withFilters(SimFilters.of("556.80", "4529764",
            "0.001", "1000", "120", "100", "1.0500", "0.9500"));
    }

    /**
     * ETHUSDT as listed on Binance USDⓈ-M: tick 0.01, step 0.001, 2 price and 3 quantity decimals; PRICE_FILTER
     * 39.86..306177, LOT_SIZE 0.001..10000, MARKET_LOT_SIZE 0.001..2000, MIN_NOTIONAL 20, PERCENT_PRICE
     * 1.0500 / 0.9500 (the venue's exchangeInfo as quoted in public client tests).
     */
    public static SimSymbol ethusdt() {
        return new SimSymbol("ETHUSDT", "0.01", "0.001", 2, 3).withFilters(SimFilters.of("39.86", "306177",
            "0.001", "10000", "2000", "20", "1.0500", "0.9500"));
    }

    /** This symbol with other filters (the grid and decimals unchanged). */
    public SimSymbol withFilters(final SimFilters newFilters) {
        return new SimSymbol(name, tickSize, stepSize, priceDecimals, qtyDecimals,
            Objects.requireNonNull(newFilters, "filters"));
    }

    /** The order filters exchangeInfo publishes and orders must pass. */
    public SimFilters filters() {
        return filters;
    }

    /** Venue symbol, upper case. */
    public String name() {
        return name;
    }

    /** Lower-case name as used in stream names. */
    public String streamName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Price increment. */
    public BigDecimal tickSize() {
        return tickSize;
    }

    /** Quantity increment. */
    public BigDecimal stepSize() {
        return stepSize;
    }

    /** Decimals prices are written with. */
    public int priceDecimals() {
        return priceDecimals;
    }

    /** Decimals quantities are written with. */
    public int qtyDecimals() {
        return qtyDecimals;
    }

    /** The price written at this symbol's price decimals, as the venue quotes it. */
    public String formatPrice(final BigDecimal price) {
        return price.setScale(priceDecimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The quantity written at this symbol's quantity decimals. */
    public String formatQty(final BigDecimal qty) {
        return qty.setScale(qtyDecimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * A quantity of an order answer or order event as the venue writes it: {@code "0"} when nothing (no fill yet),
     * otherwise at this symbol's quantity decimals (the documented answers show {@code "executedQty":"0"},
     * {@code "z":"0"}).
     */
    public String formatOrderQty(final BigDecimal qty) {
        return qty.signum() == 0 ? "0" : formatQty(qty);
    }

    /** A price of an order answer or order event: {@code "0"} when none (a MARKET order, no fill yet). */
    public String formatOrderPrice(final BigDecimal price) {
        return price == null || price.signum() == 0 ? "0" : formatPrice(price);
    }

    /** True when {@code price} is a whole multiple of the tick size. */
    public boolean onTick(final BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    /** True when {@code qty} is a whole multiple of the step size. */
    public boolean onStep(final BigDecimal qty) {
        return qty.remainder(stepSize).signum() == 0;
    }

    @Override
    public String toString() {
        return name + "{tick=" + tickSize.toPlainString() + ", step=" + stepSize.toPlainString() + '}';
    }
}
