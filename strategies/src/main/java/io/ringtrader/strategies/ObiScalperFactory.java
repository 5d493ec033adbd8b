package io.ringtrader.strategies;

import io.ringtrader.engine.config.ConfigNode;
import io.ringtrader.engine.config.InstrumentConfig;
import io.ringtrader.engine.strategy.Strategy;
import io.ringtrader.engine.strategy.StrategyContext;
import io.ringtrader.engine.strategy.StrategyFactory;
import io.ringtrader.engine.strategy.StrategyParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * {@code type: obi-scalper}: reads {@link ObiScalperParams} strictly and builds an {@link ObiScalper} per
 * instrument. Registered for {@link java.util.ServiceLoader}.
 */
public final class ObiScalperFactory implements StrategyFactory {
    /** The configuration type name. */
    public static final String TYPE = "obi-scalper";

    static final Duration DEFAULT_MAX_HOLDING = Duration.ofSeconds(30);
    static final Duration DEFAULT_ORDER_TIMEOUT = Duration.ofSeconds(5);

    /** For {@link java.util.ServiceLoader}. */
    public ObiScalperFactory() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StrategyParams readParams(final ConfigNode params, final List<InstrumentConfig> instruments) {
        final BigDecimal threshold = params.requiredDecimal("threshold", value ->
            value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0 ? null
                : "must be between 0 and 1, both excluded (got " + value.toPlainString() + ")");
        final boolean weighted = params.optionalBoolean("weighted", false);
        final int maxSpreadTicks = params.optionalInt("maxSpreadTicks", 1, 1, 1_000_000);
        final BigDecimal orderQty = params.requiredDecimal("orderQty", value ->
            value.signum() > 0 ? null : "must be > 0 (got " + value.toPlainString() + ")");
        final int takeProfitTicks = params.requiredInt("takeProfitTicks", 1, 1_000_000);
        final int stopLossTicks = params.requiredInt("stopLossTicks", 1, 1_000_000);
        final Duration maxHolding = params.optionalDuration("maxHolding", DEFAULT_MAX_HOLDING, Duration.ofMillis(1));
        final Duration cooldown = params.optionalDuration("cooldown", Duration.ZERO, Duration.ZERO);
        final ObiScalperParams.EntryOrderType orderType = params.optionalEnum("orderType",
            ObiScalperParams.EntryOrderType.MARKET, ObiScalperParams.EntryOrderType.values(),
            ObiScalperParams.EntryOrderType::configName);
        final Duration orderTimeout = params.optionalDuration("orderTimeout", DEFAULT_ORDER_TIMEOUT, Duration.ofMillis(1));
        for (final InstrumentConfig instrument : instruments) {
            if (orderQty.signum() > 0 && orderQty.remainder(instrument.lotSize()).signum() != 0) {
                params.error("orderQty", "must be a multiple of " + instrument.symbol() + "'s lotSize "
                    + instrument.lotSize().toPlainString() + " (got " + orderQty.toPlainString() + ")");
            }
        }
        return new ObiScalperParams(threshold, weighted, maxSpreadTicks, orderQty, takeProfitTicks, stopLossTicks,
            maxHolding, cooldown, orderType, orderTimeout);
    }

    @Override
    public Strategy create(final StrategyParams params, final StrategyContext context) {
        if (!(params instanceof ObiScalperParams scalper)) {
            throw new IllegalArgumentException("obi-scalper needs ObiScalperParams, got "
                + (params == null ? "null" : params.getClass().getName()));
        }
        return new ObiScalper(scalper, context);
    }
}
