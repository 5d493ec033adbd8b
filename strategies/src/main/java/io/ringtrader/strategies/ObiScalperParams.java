package io.ringtrader.strategies;

import io.ringtrader.engine.strategy.StrategyParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of an {@link ObiScalper} ({@code type: obi-scalper}); see {@code config/README.md}.
 *
 * @param threshold       OBI level in (0, 1) whose upward crossing enters long, and whose negative's
 *                        downward crossing enters short.
 * @param weighted        use the distance-weighted OBI instead of the plain one.
 * @param maxSpreadTicks  enter only while the spread is at most this many ticks.
 * @param orderQty        quantity of every entry, a decimal on each bound instrument's lot grid.
 * @param takeProfitTicks exit when the price moved this many ticks in favour from the entry fill price.
 * @param stopLossTicks   exit when it moved this many ticks against.
 * @param maxHolding      exit when the position is this old (event time).
 * @param cooldown        no entry for this long after a position is closed.
 * @param orderType       how entries and exits are sent.
 * @param orderTimeout    an order without a final report after this long no longer blocks new ones.
 */
public record ObiScalperParams(
    BigDecimal threshold,
    boolean weighted,
    int maxSpreadTicks,
    BigDecimal orderQty,
    int takeProfitTicks,
    int stopLossTicks,
    Duration maxHolding,
    Duration cooldown,
    EntryOrderType orderType,
    Duration orderTimeout) implements StrategyParams {

    public ObiScalperParams {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(orderQty, "orderQty");
        Objects.requireNonNull(maxHolding, "maxHolding");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(orderTimeout, "orderTimeout");
    }

    /** How the scalper sends its orders. */
    public enum EntryOrderType {
        /** A market order (time in force IOC). */
        MARKET("market"),
        /** A limit order at the opposite best price, IOC: takes the touch and never rests. */
        IOC_LIMIT("ioc-limit");

        private final String configName;

        EntryOrderType(final String configName) {
            this.configName = configName;
        }

        /** The name written in configuration. */
        public String configName() {
            return configName;
        }
    }
}
