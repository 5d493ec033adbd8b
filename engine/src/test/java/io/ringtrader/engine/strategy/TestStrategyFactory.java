package io.ringtrader.engine.strategy;

import io.ringtrader.engine.config.ConfigNode;
import io.ringtrader.engine.config.InstrumentConfig;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import java.util.List;

/**
 * {@code type: test-echo}, registered for the engine's tests only: on every trade it buys {@code qty} lots
 * at market. Parameter: {@code qty} (lots, default 1).
 */
public final class TestStrategyFactory implements StrategyFactory {
    @Override
    public String type() {
        return "test-echo";
    }

    @Override
    public StrategyParams readParams(final ConfigNode params, final List<InstrumentConfig> instruments) {
        return new Params(params.optionalInt("qty", 1, 1, 1_000));
    }

    @Override
    public Strategy create(final StrategyParams params, final StrategyContext context) {
        final int lots = ((Params)params).qty();
        return new Strategy() {
            @Override
            public void onMarketEvent(final InboundEvent event) {
                if (event.kind == io.ringtrader.engine.event.EventKind.TRADE) {
                    context.newOrder(event, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, lots * context.lotSize(), false);
                }
            }

            @Override
            public void onExecutionReport(final InboundEvent event) {
            }
        };
    }

    /** @param qty lots per order. */
    record Params(int qty) implements StrategyParams {
    }
}
