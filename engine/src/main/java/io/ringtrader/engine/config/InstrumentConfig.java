package io.ringtrader.engine.config;

import io.ringtrader.engine.instrument.InstrumentNames;
import io.ringtrader.engine.instrument.Venue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tradable instrument: one perpetual contract on one venue.
 *
 * @param symbol       the venue's symbol, e.g. {@code BTCUSDT}.
 * @param venue        the venue's config name ({@code binance}, {@code bitget}: a {@link Venue}); no gateway is needed
 *                     to name it (a replay or a journal tool connects nothing), only to enable it under {@code venues:}.
 * @param tickSize     the price increment, e.g. {@code 0.10}.
 * @param lotSize      the quantity increment, e.g. {@code 0.001}.
 * @param priceScale   decimals of a price mantissa: price = mantissa / 10^priceScale; at least tickSize's decimals.
 * @param qtyScale     decimals of a quantity mantissa; at least lotSize's decimals.
 * @param contractSize units of the underlying per contract (1 for USDT-margined linear perpetuals).
 * @param filters      the venue's order filters, checked by the risk stage before an order is sent.
 */
public record InstrumentConfig(
    String symbol,
    String venue,
    BigDecimal tickSize,
    BigDecimal lotSize,
    int priceScale,
    int qtyScale,
    BigDecimal contractSize,
    VenueFiltersConfig filters) {
    /** The venues an instrument can name: every venue with a journal id. */
    public static final List<String> VENUES = Arrays.stream(Venue.values()).map(Venue::configName).toList();

    static final int MAX_SCALE = 18;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,31}");

    public InstrumentConfig {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(contractSize, "contractSize");
        Objects.requireNonNull(filters, "filters");
    }

    /** An instrument without venue filters. */
    public InstrumentConfig(final String symbol, final String venue, final BigDecimal tickSize, final BigDecimal lotSize,
        final int priceScale, final int qtyScale, final BigDecimal contractSize) {
        this(symbol, venue, tickSize, lotSize, priceScale, qtyScale, contractSize, VenueFiltersConfig.NONE);
    }

    /** The venue-qualified name, {@code venue:SYMBOL} (see {@link InstrumentNames}). */
    public String qualifiedName() {
        return InstrumentNames.qualified(venue, symbol);
    }

    static InstrumentConfig read(final ConfigNode node) {
        final String symbol = node.requiredString("symbol", InstrumentConfig::checkSymbol);
        final String venue = node.requiredChoice("venue", VENUES);
        final BigDecimal tickSize = node.requiredDecimal("tickSize", InstrumentConfig::checkIncrement);
        final BigDecimal lotSize = node.requiredDecimal("lotSize", InstrumentConfig::checkIncrement);
        final int priceScale = scale(node, "priceScale", "tickSize", tickSize);
        final int qtyScale = scale(node, "qtyScale", "lotSize", lotSize);
        final BigDecimal contractSize = node.optionalDecimal("contractSize", BigDecimal.ONE, InstrumentConfig::checkPositive);
        VenueFiltersConfig filters = VenueFiltersConfig.NONE;
        if (node.has("filters")) {
            final ConfigNode section = node.section("filters");
            filters = VenueFiltersConfig.read(section, tickSize, lotSize);
            filters.checkMantissas(section, priceScale, qtyScale, contractSizeScale(contractSize));
        }
        node.requireNoUnknownKeys();

        return new InstrumentConfig(symbol, venue, tickSize, lotSize, priceScale, qtyScale, contractSize, filters);
    }

    /** Decimals of the contract size mantissa: its decimals without trailing zeros. */
    public static int contractSizeScale(final BigDecimal contractSize) {
        return Math.max(0, contractSize.stripTrailingZeros().scale());
    }

    private static String checkSymbol(final String symbol) {
        return SYMBOL.matcher(symbol).matches() ? null :
            "must be 1 to 32 upper-case letters, digits or _, as the venue writes it (e.g. BTCUSDT)";
    }

    private static String checkPositive(final BigDecimal value) {
        return value.signum() > 0 ? null : "must be > 0 (got " + value.toPlainString() + ")";
    }

    private static String checkIncrement(final BigDecimal value) {
        if (value.scale() > MAX_SCALE) {
            return "has " + value.scale() + " decimals (at most " + MAX_SCALE + ")";
        }
        return checkPositive(value);
    }

    /**
     * Reads a mantissa scale that defaults to, and may not be below, the number of decimals of its increment.
     */
    private static int scale(final ConfigNode node, final String key, final String incrementKey, final BigDecimal increment) {
        final int decimals = Math.min(MAX_SCALE, increment.scale());
        return node.optionalInt(key, decimals, 0, MAX_SCALE, scale -> scale >= decimals ? null :
            "must be >= " + decimals + ", the number of decimals of " + incrementKey + " " + increment.toPlainString() +
            " (got " + scale + ")");
    }
}
