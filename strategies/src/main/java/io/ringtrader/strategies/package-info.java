/**
 * Trading strategies the engine finds by configuration {@code type} through
 * {@link io.ringtrader.engine.strategy.StrategyFactory} (registered in {@code META-INF/services}):
 * {@code obi-scalper}, the order-book-imbalance scalper.
 */
package io.ringtrader.strategies;
