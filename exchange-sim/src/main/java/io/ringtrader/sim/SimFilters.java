package io.ringtrader.sim;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The order filters of one simulated symbol, as {@code GET /fapi/v1/exchangeInfo} publishes them and
 * {@code POST /fapi/v1/order} enforces them (Binance USDⓈ-M "Filters", common-definition page):
 * <ul>
 *   <li>{@code PRICE_FILTER}: {@code minPrice <= price <= maxPrice} (-4013 / -4002);</li>
 *   <li>{@code LOT_SIZE}: {@code minQty <= quantity <= maxQty} for LIMIT orders (-4004 / -4005);</li>
 *   <li>{@code MARKET_LOT_SIZE}: the same with {@code marketMaxQty} for MARKET orders;</li>
 *   <li>{@code MIN_NOTIONAL}: price × quantity at least {@code minNotional}, the mark price standing in for the
 *       price of a MARKET order; reduce-only orders are exempt (-4164);</li>
 *   <li>{@code PERCENT_PRICE}: a BUY at most mark × {@code multiplierUp}, a SELL at least mark ×
 *       {@code multiplierDown} (-4016 / -4024; a MARKET order whose best opposite price is outside: -4131).</li>
 * </ul>
 * Immutable; safe to share between threads.
 *
 * @param minPrice       PRICE_FILTER minPrice.
 * @param maxPrice       PRICE_FILTER maxPrice.
 * @param minQty         LOT_SIZE / MARKET_LOT_SIZE minQty.
 * @param maxQty         LOT_SIZE maxQty (LIMIT orders).
 * @param marketMaxQty   MARKET_LOT_SIZE maxQty (MARKET orders).
 * @param minNotional    MIN_NOTIONAL notional, quote currency.
 * @param multiplierUp   PERCENT_PRICE multiplierUp (4 decimals on the venue).
 * @param multiplierDown PERCENT_PRICE multiplierDown.
 */
public record SimFilters(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal minQty, BigDecimal maxQty,
                         BigDecimal marketMaxQty, BigDecimal minNotional, BigDecimal multiplierUp,
                         BigDecimal multiplierDown) {
    /** PERCENT_PRICE multiplierDecimal as the venue publishes it. */
    public static final int MULTIPLIER_DECIMALS = 4;

    public SimFilters {
        positive(minPrice, "minPrice");
        positive(maxPrice, "maxPrice");
        positive(minQty, "minQty");
        positive(maxQty, "maxQty");
        positive(marketMaxQty, "marketMaxQty");
        Objects.requireNonNull(minNotional, "minNotional");
        positive(multiplierUp, "multiplierUp");
        positive(multiplierDown, "multiplierDown");
        if (minPrice.compareTo(maxPrice) >= 0 || minQty.compareTo(maxQty) > 0 || minQty.compareTo(marketMaxQty) > 0
            || minNotional.signum() < 0 || multiplierUp.compareTo(BigDecimal.ONE) <= 0
            || multiplierDown.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("inconsistent filters: " + this);
        }
    }

    /** Builds filters from the decimal strings exchangeInfo shows. */
    public static SimFilters of(final String minPrice, final String maxPrice, final String minQty, final String maxQty,
                                final String marketMaxQty, final String minNotional, final String multiplierUp,
                                final String multiplierDown) {
        return new SimFilters(new BigDecimal(minPrice), new BigDecimal(maxPrice), new BigDecimal(minQty),
            new BigDecimal(maxQty), new BigDecimal(marketMaxQty), new BigDecimal(minNotional),
            new BigDecimal(multiplierUp), new BigDecimal(multiplierDown));
    }

    /**
     * The filters of a symbol configured only by its grid: prices from one tick to 1,000,000, quantities from one step
     * to 1,000,000, a notional of at least 5 (the smallest minimum on the venue, error -4164's own example) and the
     * documentation's example PERCENT_PRICE of 1.1500 / 0.8500.
     */
    public static SimFilters gridOnly(final BigDecimal tickSize, final BigDecimal stepSize) {
        final BigDecimal million = new BigDecimal("1000000");
        return new SimFilters(tickSize, million, stepSize, million, million, new BigDecimal("5"),
            new BigDecimal("1.1500"), new BigDecimal("0.8500"));
    }

    private static void positive(final BigDecimal value, final String name) {
        if (Objects.requireNonNull(value, name).signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value.toPlainString());
        }
    }
}
