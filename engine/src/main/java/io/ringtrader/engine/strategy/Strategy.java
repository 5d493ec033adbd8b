package io.ringtrader.engine.strategy;

import io.ringtrader.engine.event.InboundEvent;

/**
 * A trading strategy for one instrument: decides from events and adds order intents to the event it is
 * handling, through its {@link StrategyContext}.
 *
 * <p>Called on the strategy stage's thread only, one event at a time, in ring order; live runs and replays
 * call it with the same events, so a strategy that depends only on them (times included: use
 * {@link StrategyContext#timeNs()}, never the wall clock) decides the same way in both. Must not block or
 * allocate per event. The event slot is only valid during the call.
 */
public interface Strategy {
    /**
     * A market event of this strategy's instrument (book update with its batch complete, BBO, trade, kline,
     * mark price, open interest). {@code event.featureCount > 0} when the book is valid and two-sided; the
     * features are laid out as in {@link io.ringtrader.engine.features.Features}.
     */
    void onMarketEvent(InboundEvent event);

    /** An execution report for one of this strategy's orders (its client order id came from the context). */
    void onExecutionReport(InboundEvent event);

    /** A timer tick ({@code pipeline.timerInterval}); every strategy sees every tick. */
    default void onTimer(final InboundEvent event) {
    }

    /** A gateway status change of this strategy's instrument's venue. */
    default void onGatewayStatus(final InboundEvent event) {
    }
}
