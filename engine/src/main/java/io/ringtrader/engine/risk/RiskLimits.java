package io.ringtrader.engine.risk;

import io.ringtrader.engine.config.RiskConfig;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The risk limits resolved to mantissas per instrument id; {@link #NO_LIMIT} (or infinity for the loss)
 * where a limit does not apply. Immutable.
 */
public final class RiskLimits {
    /** A quantity or time limit that does not apply. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private final long[] maxPosition;
    private final long[] maxOrderQty;
    private final int maxOrdersPerSecond;
    private final long maxBookAgeNs;
    private final double maxSessionLoss;

    /**
     * @param maxPosition        absolute position limit per instrument id (quantity mantissa) or {@link #NO_LIMIT}.
     * @param maxOrderQty        order quantity limit per instrument id or {@link #NO_LIMIT}.
     * @param maxOrdersPerSecond new orders per second of event time; 0 for no limit.
     * @param maxBookAgeNs       the longest gap between market events of an instrument, or {@link #NO_LIMIT}.
     * @param maxSessionLoss     quote currency, > 0; {@link Double#POSITIVE_INFINITY} for none.
     */
    public RiskLimits(final long[] maxPosition, final long[] maxOrderQty, final int maxOrdersPerSecond,
        final long maxBookAgeNs, final double maxSessionLoss) {
        if (maxPosition.length != maxOrderQty.length) {
            throw new IllegalArgumentException("one limit per instrument: " + maxPosition.length + " vs " + maxOrderQty.length);
        }
        if (maxOrdersPerSecond < 0 || maxBookAgeNs <= 0 || !(maxSessionLoss > 0)) {
            throw new IllegalArgumentException("limits must be positive (rate 0 = none)");
        }
        this.maxPosition = maxPosition.clone();
        this.maxOrderQty = maxOrderQty.clone();
        this.maxOrdersPerSecond = maxOrdersPerSecond;
        this.maxBookAgeNs = maxBookAgeNs;
        this.maxSessionLoss = maxSessionLoss;
    }

    /** No limits for {@code instrumentCount} instruments. */
    public static RiskLimits none(final int instrumentCount) {
        final long[] unlimited = new long[instrumentCount];
        Arrays.fill(unlimited, NO_LIMIT);
        return new RiskLimits(unlimited, unlimited, 0, NO_LIMIT, Double.POSITIVE_INFINITY);
    }

    /** The limits of {@code config} for the instruments of {@code instruments} (matched by qualified name). */
    public static RiskLimits from(final RiskConfig config, final InstrumentRegistry instruments) {
        final int count = instruments.count();
        final long[] maxPosition = new long[count];
        final long[] maxOrderQty = new long[count];
        for (int id = 0; id < count; id++) {
            final Instrument instrument = instruments.byId(id);
            maxPosition[id] = mantissa(config.maxPosition().get(instrument.qualifiedName()), instrument.qtyScale());
            maxOrderQty[id] = mantissa(config.maxOrderQty().get(instrument.qualifiedName()), instrument.qtyScale());
        }
        return new RiskLimits(maxPosition, maxOrderQty, config.maxOrdersPerSecond().orElse(0),
            config.maxBookAge().map(d -> d.toNanos()).orElse(NO_LIMIT),
            config.maxSessionLoss().map(BigDecimal::doubleValue).orElse(Double.POSITIVE_INFINITY));
    }

    public long maxPosition(final int instrumentId) {
        return maxPosition[instrumentId];
    }

    public long maxOrderQty(final int instrumentId) {
        return maxOrderQty[instrumentId];
    }

    /** 0 when there is no rate limit. */
    public int maxOrdersPerSecond() {
        return maxOrdersPerSecond;
    }

    public long maxBookAgeNs() {
        return maxBookAgeNs;
    }

    /** Infinity when there is no loss limit. */
    public double maxSessionLoss() {
        return maxSessionLoss;
    }

    public int instrumentCount() {
        return maxPosition.length;
    }

    private static long mantissa(final BigDecimal value, final int scale) {
        return value == null ? NO_LIMIT : value.movePointRight(scale).longValueExact();
    }
}
