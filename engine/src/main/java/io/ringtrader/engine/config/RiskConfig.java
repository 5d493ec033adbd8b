package io.ringtrader.engine.config;

import java.math.BigDecimal;
import java.time.Duration;
import io.ringtrader.engine.instrument.InstrumentNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pre-trade risk limits ({@code risk:}). Every limit is optional; an absent one does not apply. The
 * kill switch (tripped by the session loss limit, or by hand) is always there.
 *
 * @param maxPosition        absolute position limit by instrument's qualified name ({@code binance:BTCUSDT}; a decimal
 *                           quantity); an instrument absent has none.
 * @param maxOrderQty        order quantity limit by instrument's qualified name; an instrument absent has none.
 * @param maxOrdersPerSecond new orders accepted within any second of event time, over all instruments.
 * @param maxBookAge         the longest event-time span without a market event for an instrument before its
 *                           book counts as stale.
 * @param maxSessionLoss     in the quote currency: the kill switch trips when realised plus unrealised PnL
 *                           of the session is at or below minus this.
 * @param maxConsecutiveVenueRejects this many venue rejects in a row of one strategy's orders pause the strategy
 *                           until an operator resumes it; 0: never. Applies without a {@code risk:} section too.
 */
public record RiskConfig(
    Map<String, BigDecimal> maxPosition,
    Map<String, BigDecimal> maxOrderQty,
    OptionalInt maxOrdersPerSecond,
    Optional<Duration> maxBookAge,
    Optional<BigDecimal> maxSessionLoss,
    int maxConsecutiveVenueRejects) {
    /** The key of a per-instrument limit map that applies to every instrument not named. */
    static final String DEFAULT_KEY = "default";
    static final Duration MIN_BOOK_AGE = Duration.ofMillis(1);
    /** {@code maxConsecutiveVenueRejects} unless configured. */
    public static final int DEFAULT_MAX_CONSECUTIVE_VENUE_REJECTS = 10;

    /** No limits, and the default strategy pause: what an absent {@code risk:} section means. */
    public static final RiskConfig NONE = new RiskConfig(Map.of(), Map.of(), OptionalInt.empty(), Optional.empty(),
        Optional.empty(), DEFAULT_MAX_CONSECUTIVE_VENUE_REJECTS);

    public RiskConfig {
        maxPosition = Map.copyOf(maxPosition);
        maxOrderQty = Map.copyOf(maxOrderQty);
        Objects.requireNonNull(maxOrdersPerSecond, "maxOrdersPerSecond");
        Objects.requireNonNull(maxBookAge, "maxBookAge");
        Objects.requireNonNull(maxSessionLoss, "maxSessionLoss");
        if (maxConsecutiveVenueRejects < 0) {
            throw new IllegalArgumentException("maxConsecutiveVenueRejects must be >= 0: " + maxConsecutiveVenueRejects);
        }
    }

    static RiskConfig read(final ConfigNode node, final ConfiguredInstruments instruments) {
        final Map<String, BigDecimal> maxPosition = perInstrument(node, "maxPosition", instruments);
        final Map<String, BigDecimal> maxOrderQty = perInstrument(node, "maxOrderQty", instruments);
        final OptionalInt maxOrdersPerSecond = node.optionalInt("maxOrdersPerSecond", 1, 1_000_000);
        final Optional<Duration> maxBookAge = node.has("maxBookAge")
            ? Optional.of(node.optionalDuration("maxBookAge", MIN_BOOK_AGE, MIN_BOOK_AGE)) : Optional.empty();
        final Optional<BigDecimal> maxSessionLoss = node.has("maxSessionLoss")
            ? Optional.of(node.optionalDecimal("maxSessionLoss", BigDecimal.ONE, RiskConfig::checkPositive))
            : Optional.empty();
        final int maxConsecutiveVenueRejects = node.optionalInt("maxConsecutiveVenueRejects",
            DEFAULT_MAX_CONSECUTIVE_VENUE_REJECTS, 0, 1_000_000);
        node.requireNoUnknownKeys();
        return new RiskConfig(maxPosition, maxOrderQty, maxOrdersPerSecond, maxBookAge, maxSessionLoss,
            maxConsecutiveVenueRejects);
    }

    /**
     * A quantity limit written either as one decimal for every instrument or as a mapping of instrument names (and
     * {@code default}) to decimals; resolved to a limit per configured instrument, keyed by its qualified name. A key
     * is a qualified name or a bare symbol only one venue has; two keys naming one instrument are refused.
     */
    private static Map<String, BigDecimal> perInstrument(
        final ConfigNode node, final String key, final ConfiguredInstruments instruments) {
        final Map<String, BigDecimal> limits = new LinkedHashMap<>();
        if (!node.has(key)) {
            return limits;
        }
        if (!node.isMapping(key)) {
            final BigDecimal all = node.optionalDecimal(key, BigDecimal.ONE, RiskConfig::checkPositive);
            for (final InstrumentConfig instrument : instruments.all()) {
                if (checkScale(node, key, instruments, instrument, all)) {
                    limits.put(instrument.qualifiedName(), all);
                }
            }
            return limits;
        }
        final ConfigNode map = node.section(key);
        // the keys an unknown one is compared with, in this order: default, then each instrument as the session names it
        map.has(DEFAULT_KEY);
        instruments.displayNames().forEach(map::has);
        BigDecimal fallback = null;
        final Map<InstrumentConfig, String> keyOf = new LinkedHashMap<>();
        for (final String name : map.keys()) {
            if (DEFAULT_KEY.equals(name)) {
                fallback = map.optionalDecimal(DEFAULT_KEY, BigDecimal.ONE, RiskConfig::checkPositive);
                continue;
            }
            final InstrumentNames.Match<InstrumentConfig> match = instruments.resolve(name);
            if (match.found()) {
                final String first = keyOf.putIfAbsent(match.instrument(), name);
                if (first != null) {
                    map.reject(name, "names " + match.instrument().qualifiedName() + " again (first as " + first + ")");
                }
            } else if (map.isFlawedInstrument(name)) {
                map.has(name);
            } else if (match.ambiguous()) {
                map.reject(name, match.problem());
            }
        }
        for (final InstrumentConfig instrument : instruments.all()) {
            final String named = keyOf.get(instrument);
            final BigDecimal limit = named != null ? map.optionalDecimal(named, BigDecimal.ONE, RiskConfig::checkPositive)
                : fallback;
            if (limit != null && checkScale(map, named != null ? named : DEFAULT_KEY, instruments, instrument, limit)) {
                limits.put(instrument.qualifiedName(), limit);
            }
        }
        map.requireNoUnknownKeys();
        return limits;
    }

    private static boolean checkScale(final ConfigNode node, final String key, final ConfiguredInstruments instruments,
        final InstrumentConfig instrument, final BigDecimal limit) {
        if (limit.stripTrailingZeros().scale() > instrument.qtyScale()) {
            node.error(key, "has more decimals than " + instruments.displayName(instrument) + "'s qtyScale "
                + instrument.qtyScale() + " (got " + limit.toPlainString() + ")");
            return false;
        }
        return true;
    }

    private static String checkPositive(final BigDecimal value) {
        return value.signum() > 0 ? null : "must be > 0 (got " + value.toPlainString() + ")";
    }
}
