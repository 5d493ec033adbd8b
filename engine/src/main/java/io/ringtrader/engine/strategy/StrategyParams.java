package io.ringtrader.engine.strategy;

/**
 * The parameters of one configured strategy, as its {@link StrategyFactory} read them from the strategy's
 * {@code params:} mapping. Implementations are immutable values with {@code equals} (records), so that
 * a configuration reloaded from its effective YAML compares equal.
 */
public interface StrategyParams {
}
