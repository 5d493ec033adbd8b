package io.ringtrader.engine.config;

import io.ringtrader.engine.instrument.VenueFilters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The venue's order filters of one instrument ({@code instruments[i].filters}), as its exchange information publishes
 * them (Binance USDⓈ-M {@code exchangeInfo}: {@code PRICE_FILTER}, {@code LOT_SIZE}, {@code MARKET_LOT_SIZE},
 * {@code MIN_NOTIONAL}, {@code PERCENT_PRICE}); the risk stage refuses an order that would fail one before it is sent.
 * An absent filter is not checked. Immutable; read once, at start-up.
 *
 * @param minPrice       lowest limit price (PRICE_FILTER minPrice), on the tick grid.
 * @param maxPrice       highest limit price (PRICE_FILTER maxPrice), on the tick grid, above {@code minPrice}.
 * @param maxQty         largest LIMIT order quantity (LOT_SIZE maxQty), on the lot grid.
 * @param marketMaxQty   largest MARKET order quantity (MARKET_LOT_SIZE maxQty), on the lot grid; defaults to
 *                       {@code maxQty}.
 * @param minNotional    smallest price × quantity × contract size, quote currency (MIN_NOTIONAL notional); reduce-only
 *                       orders are exempt.
 * @param priceBandUp    a BUY limit price may be at most the reference price × this (PERCENT_PRICE multiplierUp), > 1.
 * @param priceBandDown  a SELL limit price must be at least the reference price × this (multiplierDown), in (0, 1).
 */
public record VenueFiltersConfig(
    Optional<BigDecimal> minPrice,
    Optional<BigDecimal> maxPrice,
    Optional<BigDecimal> maxQty,
    Optional<BigDecimal> marketMaxQty,
    Optional<BigDecimal> minNotional,
    Optional<BigDecimal> priceBandUp,
    Optional<BigDecimal> priceBandDown) {
    /** No filter. */
    public static final VenueFiltersConfig NONE = new VenueFiltersConfig(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Most decimals a band multiplier may have (the venue publishes 4). */
    static final int MAX_MULTIPLIER_DECIMALS = 8;

    public VenueFiltersConfig {
        Objects.requireNonNull(minPrice, "minPrice");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(maxQty, "maxQty");
        Objects.requireNonNull(marketMaxQty, "marketMaxQty");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(priceBandUp, "priceBandUp");
        Objects.requireNonNull(priceBandDown, "priceBandDown");
    }

    /**
     * Reads {@code filters} of an instrument: {@code minPrice}, {@code maxPrice}, {@code maxQty}, {@code marketMaxQty},
     * {@code minNotional} and {@code priceBand: {up, down}}, all optional, checked against the instrument's grid.
     */
    static VenueFiltersConfig read(final ConfigNode node, final BigDecimal tickSize, final BigDecimal lotSize) {
        final Optional<BigDecimal> minPrice = decimal(node, "minPrice", "tickSize", tickSize);
        final Optional<BigDecimal> maxPrice = decimal(node, "maxPrice", "tickSize", tickSize);
        if (minPrice.isPresent() && maxPrice.isPresent() && minPrice.get().compareTo(maxPrice.get()) >= 0) {
            node.error("maxPrice", "must be > minPrice " + minPrice.get().toPlainString() + " (got "
                + maxPrice.get().toPlainString() + ")");
        }
        final Optional<BigDecimal> maxQty = decimal(node, "maxQty", "lotSize", lotSize);
        final Optional<BigDecimal> marketMaxQty = decimal(node, "marketMaxQty", "lotSize", lotSize);
        final Optional<BigDecimal> minNotional = decimal(node, "minNotional", null, null);
        Optional<BigDecimal> up = Optional.empty();
        Optional<BigDecimal> down = Optional.empty();
        if (node.has("priceBand")) {
            final ConfigNode band = node.section("priceBand");
            up = Optional.of(band.requiredDecimal("up", VenueFiltersConfig::checkUp));
            down = Optional.of(band.requiredDecimal("down", VenueFiltersConfig::checkDown));
            band.requireNoUnknownKeys();
        }
        node.requireNoUnknownKeys();
        return new VenueFiltersConfig(minPrice, maxPrice, maxQty, marketMaxQty.or(() -> maxQty), minNotional, up, down);
    }

    /**
     * The filters as mantissas of an instrument with these scales: prices at {@code priceScale}, quantities at
     * {@code qtyScale}, the minimum notional at {@code priceScale + qtyScale + contractSizeScale} (rounded up), the band
     * at {@link VenueFilters#MULTIPLIER_SCALE}.
     *
     * @throws ArithmeticException if a value does not fit a mantissa at its scale (checked when the config is read).
     */
    public VenueFilters toMantissas(final int priceScale, final int qtyScale, final int contractSizeScale) {
        return new VenueFilters(mantissa(minPrice, priceScale), mantissa(maxPrice, priceScale),
            mantissa(maxQty, qtyScale), mantissa(marketMaxQty, qtyScale),
            mantissa(minNotional, priceScale + qtyScale + contractSizeScale),
            mantissa(priceBandUp, VenueFilters.MULTIPLIER_SCALE), mantissa(priceBandDown, VenueFilters.MULTIPLIER_SCALE));
    }

    private static long mantissa(final Optional<BigDecimal> value, final int scale) {
        return value.map(v -> v.setScale(scale, RoundingMode.CEILING).unscaledValue().longValueExact())
            .orElse(VenueFilters.NOT_SET);
    }

    /**
     * Records a problem for each value that does not fit a mantissa at the instrument's scales (18 digits at most).
     */
    void checkMantissas(final ConfigNode node, final int priceScale, final int qtyScale, final int contractSizeScale) {
        fits(node, "minPrice", minPrice, priceScale);
        fits(node, "maxPrice", maxPrice, priceScale);
        fits(node, "maxQty", maxQty, qtyScale);
        fits(node, "marketMaxQty", marketMaxQty, qtyScale);
        fits(node, "minNotional", minNotional, priceScale + qtyScale + contractSizeScale);
    }

    private static void fits(final ConfigNode node, final String key, final Optional<BigDecimal> value, final int scale) {
        if (value.isPresent() && value.get().setScale(scale, RoundingMode.CEILING).unscaledValue().bitLength() > 62) {
            node.error(key, "too large for a mantissa at scale " + scale + " (got " + value.get().toPlainString() + ")");
        }
    }

    /** True when no filter is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** An optional positive decimal, a whole multiple of {@code grid} when one is given. */
    private static Optional<BigDecimal> decimal(final ConfigNode node, final String key, final String gridKey,
        final BigDecimal grid) {
        if (!node.has(key)) {
            return Optional.empty();
        }
        return Optional.of(node.optionalDecimal(key, BigDecimal.ONE, value -> {
            if (value.signum() <= 0) {
                return "must be > 0 (got " + value.toPlainString() + ")";
            }
            if (value.scale() > InstrumentConfig.MAX_SCALE) {
                return "has " + value.scale() + " decimals (at most " + InstrumentConfig.MAX_SCALE + ")";
            }
            if (grid != null && value.remainder(grid).signum() != 0) {
                return "must be a whole multiple of " + gridKey + " " + grid.toPlainString() + " (got "
                    + value.toPlainString() + ")";
            }
            return null;
        }));
    }

    private static String checkUp(final BigDecimal value) {
        if (value.compareTo(BigDecimal.ONE) <= 0) {
            return "must be > 1, a multiplier of the reference price (got " + value.toPlainString() + ")";
        }
        return checkDecimals(value);
    }

    private static String checkDown(final BigDecimal value) {
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            return "must be > 0 and < 1, a multiplier of the reference price (got " + value.toPlainString() + ")";
        }
        return checkDecimals(value);
    }

    private static String checkDecimals(final BigDecimal value) {
        return value.scale() > MAX_MULTIPLIER_DECIMALS
            ? "has " + value.scale() + " decimals (at most " + MAX_MULTIPLIER_DECIMALS + ")" : null;
    }
}
