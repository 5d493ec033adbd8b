package io.ringtrader.engine.strategy;

import io.ringtrader.engine.config.ConfigNode;
import io.ringtrader.engine.config.InstrumentConfig;
import java.util.List;

/**
 * Builds the strategies of one {@code type}. Implementations live outside the engine and register
 * themselves for {@link java.util.ServiceLoader} in {@code META-INF/services/io.ringtrader.engine.strategy.StrategyFactory};
 * they need a public no-argument constructor.
 *
 * <p>Called at start-up only: {@link #readParams} while the configuration loads, {@link #create} while the
 * engine (or a replay) assembles its stages. Live runs and replays call both the same way.
 */
public interface StrategyFactory {
    /** The name written as {@code type:} in configuration, e.g. {@code obi-scalper}. */
    String type();

    /**
     * Reads and validates the strategy's parameters. Problems are recorded on {@code params} (with
     * {@link ConfigNode#error(String, String)} for cross-field rules) rather than thrown; the loader reports
     * unknown keys afterwards, so this must not call {@link ConfigNode#requireNoUnknownKeys()}.
     *
     * @param params      the {@code params:} mapping (empty if absent).
     * @param instruments the instruments the strategy is bound to, e.g. to check quantities against lot sizes.
     * @return the parameters; any value when a problem was recorded (the load fails anyway).
     */
    StrategyParams readParams(ConfigNode params, List<InstrumentConfig> instruments);

    /**
     * Creates the strategy instance for one of its instruments.
     *
     * @param params  what {@link #readParams} returned for this strategy.
     * @param context the instrument, ids and event time; owned by the strategy stage.
     */
    Strategy create(StrategyParams params, StrategyContext context);
}
