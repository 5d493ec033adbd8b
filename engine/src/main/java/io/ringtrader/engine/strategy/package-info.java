/**
 * The strategy API: {@link io.ringtrader.engine.strategy.Strategy} instances bound to instruments, their
 * {@link io.ringtrader.engine.strategy.StrategyContext}, the strategy stage that dispatches events to them,
 * and the {@link io.ringtrader.engine.strategy.StrategyFactory} service through which configuration types
 * find implementations outside the engine.
 */
package io.ringtrader.engine.strategy;
