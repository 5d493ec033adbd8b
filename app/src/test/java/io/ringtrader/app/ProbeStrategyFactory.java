package io.ringtrader.app;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.config.ConfigNode;
import io.ringtrader.engine.config.InstrumentConfig;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.strategy.Strategy;
import io.ringtrader.engine.strategy.StrategyContext;
import io.ringtrader.engine.strategy.StrategyFactory;
import io.ringtrader.engine.strategy.StrategyParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code type: test-probe}, registered for the app's tests: once, it buys each of {@code quantities} with a LIMIT GTC
 * order at {@code price}: on the first event of its instrument whose book is valid, or with {@code onTimer: true} on
 * the first timer tick, book or not. Every execution report it gets is recorded in {@link #REPORTS} by strategy name as
 * {@code "EXECTYPE rejectCode"}; tests clear it.
 */
public final class ProbeStrategyFactory implements StrategyFactory {
    static final Map<String, List<String>> REPORTS = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "test-probe";
    }

    @Override
    public StrategyParams readParams(final ConfigNode params, final List<InstrumentConfig> instruments) {
        final BigDecimal price = params.requiredDecimal("price", null);
        final List<BigDecimal> quantities = params.requiredStringList("quantities").stream().map(BigDecimal::new).toList();
        final boolean onTimer = params.optionalBoolean("onTimer", false);
        return new Params(price, quantities, onTimer);
    }

    @Override
    public Strategy create(final StrategyParams strategyParams, final StrategyContext context) {
        final Params params = (Params)strategyParams;
        final long price = params.price().movePointRight(context.instrument().priceScale()).longValueExact();
        final List<Long> quantities = new ArrayList<>();
        params.quantities().forEach(q -> quantities.add(q.movePointRight(context.instrument().qtyScale()).longValueExact()));
        final List<String> reports = REPORTS.computeIfAbsent(context.strategyName(), name -> new CopyOnWriteArrayList<>());
        return new Strategy() {
            private boolean sent;

            @Override
            public void onMarketEvent(final InboundEvent event) {
                if (!params.onTimer() && event.bookState == BookState.VALID) {
                    send(event);
                }
            }

            @Override
            public void onTimer(final InboundEvent event) {
                if (params.onTimer()) {
                    send(event);
                }
            }

            @Override
            public void onExecutionReport(final InboundEvent event) {
                reports.add(event.execType + " " + event.rejectCode);
            }

            private void send(final InboundEvent event) {
                if (sent || event.kind == null) {
                    return;
                }
                sent = true;
                for (final long qty : quantities) {
                    context.newOrder(event, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty, false);
                }
            }
        };
    }

    /** @param quantities one order each. */
    record Params(BigDecimal price, List<BigDecimal> quantities, boolean onTimer) implements StrategyParams {
    }
}
