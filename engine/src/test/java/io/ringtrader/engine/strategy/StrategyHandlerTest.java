package io.ringtrader.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.runtime.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StrategyHandlerTest {
    private static final RingTraderConfig CONFIG = ConfigLoader.parse("""
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
          - {symbol: ETHUSDT, venue: binance, tickSize: "0.01", lotSize: "0.001"}
        strategies:
          - {name: first, type: test-echo, instruments: [BTCUSDT]}
          - {name: second, type: test-echo, instruments: [ETHUSDT, BTCUSDT], params: {qty: 2}}
        """, "test.yaml", name -> null).config();
    private final InstrumentRegistry instruments = Engine.registry(CONFIG.instruments());

    @Test
    void shouldBuildOneInstancePerStrategyAndInstrumentFromTheConfig() {
        final StrategyHandler handler = StrategyHandler.fromConfig(instruments, CONFIG.strategies(), StrategyFactories.installed());
        assertEquals(3, handler.instanceCount());
        final InboundEvent trade = event(EventKind.TRADE, 0, 1_000);
        handler.onEvent(trade, 0, true);
        assertEquals(2, trade.intentCount, "both strategies on BTCUSDT");
        assertEquals(0, trade.intents[0].strategyId);
        assertEquals(1, trade.intents[0].qtyMantissa);
        assertEquals(1, trade.intents[1].strategyId);
        assertEquals(2, trade.intents[1].qtyMantissa);
        assertEquals((1L << 40) | 1, trade.intents[0].clientOrderId);
        assertEquals((2L << 40) | 1, trade.intents[1].clientOrderId);
        final InboundEvent eth = event(EventKind.TRADE, 1, 2_000);
        handler.onEvent(eth, 1, true);
        assertEquals(1, eth.intentCount);
        assertEquals((2L << 40) | 2, eth.intents[0].clientOrderId, "one id sequence per strategy");
    }

    @Test
    void shouldRefuseAnUnknownTypeNamingTheKnownOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new StrategyFactories(List.of()).require("obi-scalper"));
        assertTrue(e.getMessage().startsWith("unknown strategy type 'obi-scalper' (no strategy types are installed"), e.getMessage());
        assertEquals("unknown strategy type 'x' (expected one of: test-echo)",
            assertThrows(IllegalArgumentException.class, () -> StrategyFactories.installed().require("x")).getMessage());
    }

    @Test
    void shouldDispatchMarketReportsTimersAndStatusToTheConcernedInstances() {
        final StrategyHandler handler = new StrategyHandler(instruments);
        final List<String> calls = new ArrayList<>();
        final StrategyContext btc = handler.context(0, "a", instruments.byId(0));
        final StrategyContext eth = handler.context(0, "a", instruments.byId(1));
        final StrategyContext other = handler.context(1, "b", instruments.byId(0));
        handler.bind(btc, recorder("a/BTC", btc, calls));
        handler.bind(eth, recorder("a/ETH", eth, calls));
        handler.bind(other, recorder("b/BTC", other, calls));

        final InboundEvent partial = event(EventKind.BOOK_DELTA, 0, 10);
        partial.batchLast = false;
        handler.onEvent(partial, 0, true);
        handler.onEvent(event(EventKind.BOOK_DELTA, 1, 20), 1, true);
        final InboundEvent report = event(EventKind.EXECUTION_REPORT, 0, 30);
        report.execType = ExecType.FILL;
        report.clientOrderId = other.nextClientOrderId();
        handler.onEvent(report, 2, true);
        handler.onEvent(event(EventKind.TIMER, -1, 40), 3, true);
        final InboundEvent status = event(EventKind.GATEWAY_STATUS, 1, 50);
        handler.onEvent(status, 4, true);
        final InboundEvent foreign = event(EventKind.EXECUTION_REPORT, 0, 60);
        foreign.clientOrderId = 12345;
        handler.onEvent(foreign, 5, true);

        assertEquals(List.of("a/ETH market@20", "b/BTC report@30", "a/BTC timer@40", "a/ETH timer@40", "b/BTC timer@40",
            "a/ETH status@50"), calls);
    }

    @Test
    void shouldAddNewOrdersAndCancelsUntilTheEventIsFull() {
        final StrategyHandler handler = new StrategyHandler(instruments);
        final StrategyContext context = handler.context(3, "c", instruments.byId(1));
        final InboundEvent event = event(EventKind.TRADE, 1, 1);
        final long id = context.newOrder(event, OrderSide.SELL, OrderType.MARKET, TimeInForce.IOC, 123, 5, true);
        assertEquals(3, StrategyContext.strategyIdOf(id));
        assertEquals(0, event.intents[0].priceMantissa, "no price on a market order");
        assertTrue(event.intents[0].reduceOnly);
        assertTrue(context.cancel(event, id));
        assertEquals(OrderAction.CANCEL, event.intents[1].action);
        context.newOrder(event, OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, 123, 5, false);
        context.newOrder(event, OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, 123, 5, false);
        assertEquals(0, context.newOrder(event, OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, 123, 5, false));
        assertEquals(1, context.droppedIntents());
        assertEquals(-1, StrategyContext.strategyIdOf(0));
        assertEquals(-1, StrategyContext.strategyIdOf(1L << 40));
    }

    private static Strategy recorder(final String name, final StrategyContext context, final List<String> calls) {
        return new Strategy() {
            @Override
            public void onMarketEvent(final InboundEvent event) {
                calls.add(name + " market@" + context.timeNs());
            }

            @Override
            public void onExecutionReport(final InboundEvent event) {
                calls.add(name + " report@" + context.timeNs());
            }

            @Override
            public void onTimer(final InboundEvent event) {
                calls.add(name + " timer@" + context.timeNs());
            }

            @Override
            public void onGatewayStatus(final InboundEvent event) {
                calls.add(name + " status@" + context.timeNs());
            }
        };
    }

    private static InboundEvent event(final EventKind kind, final int instrumentId, final long timeNs) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = kind;
        event.instrumentId = instrumentId;
        event.receiveTimeNs = timeNs;
        return event;
    }
}
