package io.ringtrader.engine.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed paper fills on BTCUSDT (price scale 2, qty scale 3): book bids 100.00x2.000, 99.90x1.000;
 * asks 100.10x1.000, 100.20x3.000. Fees: maker 0.0002, taker 0.0004.
 */
class PaperExchangeTest {
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final PaperExchange exchange = new PaperExchange(instruments, 0.0002, 0.0004);
    private final List<String> reports = new ArrayList<>();
    private final PaperExchange.Reports sink = (type, instrumentId, clientOrderId, venueOrderId, side, orderPrice, orderQty,
        fillPrice, fillQty, cumQty, leavesQty, fee, maker, rejectCode, timeNs) -> reports.add(type + " " + clientOrderId
            + (type == ExecType.FILL ? " " + fillQty + "@" + fillPrice + " cum=" + cumQty + " leaves=" + leavesQty
            + " fee=" + fee + (maker ? " maker" : " taker") : "")
            + (type == ExecType.REJECT ? " code=" + rejectCode : ""));

    @Test
    void shouldWalkTheBookForAMarketOrder() {
        exchange.onOrder(order(1, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 2_500), book(), sink);
        // 1.000 @ 100.10: notional 100.10, taker fee 0.04004 = 4_004_000 at 1e-8; 1.500 @ 100.20: 150.30 -> 0.06012
        assertEquals(List.of("ACK 1", "FILL 1 1000@10010 cum=1000 leaves=1500 fee=4004000 taker",
            "FILL 1 1500@10020 cum=2500 leaves=0 fee=6012000 taker"), reports);
        assertEquals(2_500, exchange.position(0));
    }

    @Test
    void shouldCancelWhatTheBookViewCannotFill() {
        exchange.onOrder(order(2, OrderSide.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 4_000), book(), sink);
        assertEquals(List.of("ACK 2", "FILL 2 2000@10000 cum=2000 leaves=2000 fee=8000000 taker",
            "FILL 2 1000@9990 cum=3000 leaves=1000 fee=3996000 taker", "CANCELED 2"), reports);
    }

    @Test
    void shouldRestALimitOrderAndFillItAsMakerWhenATradeGoesThrough() {
        exchange.onOrder(order(3, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 100_05, 1_000), book(), sink);
        exchange.onMarketEvent(trade(100_05, 5_000), sink);
        exchange.onMarketEvent(trade(100_04, 400), sink);
        exchange.onMarketEvent(trade(100_00, 5_000), sink);
        // 0.400 @ 100.05 = 40.02 notional -> maker fee 0.008004; then 0.600 @ 100.05 = 60.03 -> 0.012006
        assertEquals(List.of("ACK 3", "FILL 3 400@10005 cum=400 leaves=600 fee=800400 maker",
            "FILL 3 600@10005 cum=1000 leaves=0 fee=1200600 maker"), reports);
        assertEquals(0, exchange.restingOrders());
    }

    @Test
    void shouldTakeTheMarketablePartOfALimitOrderAndRestTheRest() {
        exchange.onOrder(order(4, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 100_10, 1_500), book(), sink);
        assertEquals(List.of("ACK 4", "FILL 4 1000@10010 cum=1000 leaves=500 fee=4004000 taker"), reports);
        assertEquals(1, exchange.restingOrders());
    }

    @Test
    void shouldCancelAnIocRemainder() {
        exchange.onOrder(order(5, OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, 100_10, 1_500), book(), sink);
        assertEquals(List.of("ACK 5", "FILL 5 1000@10010 cum=1000 leaves=500 fee=4004000 taker", "CANCELED 5"), reports);
        assertEquals(0, exchange.restingOrders());
    }

    @Test
    void shouldCancelAFillOrKillThatCannotFillInFull() {
        exchange.onOrder(order(6, OrderSide.BUY, OrderType.LIMIT, TimeInForce.FOK, 100_10, 1_500), book(), sink);
        assertEquals(List.of("ACK 6", "CANCELED 6"), reports);
        assertEquals(0, exchange.position(0));
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldTake() {
        exchange.onOrder(order(7, OrderSide.SELL, OrderType.LIMIT, TimeInForce.GTX, 100_00, 1_000), book(), sink);
        assertEquals(List.of("REJECT 7 code=" + PaperExchange.REJECT_POST_ONLY_WOULD_TAKE), reports);
    }

    @Test
    void shouldCancelARestingOrderAndRejectACancelOfAnUnknownOne() {
        exchange.onOrder(order(8, OrderSide.SELL, OrderType.LIMIT, TimeInForce.GTX, 100_30, 1_000), book(), sink);
        final OrderIntent cancel = new OrderIntent();
        cancel.cancel(0, 1, 8);
        exchange.onOrder(cancel, book(), sink);
        exchange.onOrder(cancel, book(), sink);
        assertEquals(List.of("ACK 8", "CANCELED 8", "REJECT 8 code=" + PaperExchange.REJECT_UNKNOWN_ORDER), reports);
    }

    @Test
    void shouldRejectAnOrderOnABookThatIsNotValid() {
        final InboundEvent stale = book();
        stale.bookState = BookState.INVALID;
        exchange.onOrder(order(9, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1_000), stale, sink);
        assertEquals(List.of("REJECT 9 code=" + PaperExchange.REJECT_BOOK_NOT_VALID), reports);
    }

    @Test
    void shouldFillAnOrderDecidedOnATimerTickFromTheLastBookViewOfItsInstrument() {
        final InboundEvent tick = new InboundEvent(4);
        tick.kind = EventKind.TIMER;
        tick.receiveTimeNs = 3_000;
        exchange.onOrder(order(12, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 500), tick, sink);
        exchange.onMarketEvent(book(), sink);
        exchange.onOrder(order(13, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 500), tick, sink);
        final InboundEvent invalid = book();
        invalid.bookState = BookState.INVALID;
        exchange.onMarketEvent(invalid, sink);
        exchange.onOrder(order(14, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 500), tick, sink);
        assertEquals(List.of("REJECT 12 code=" + PaperExchange.REJECT_BOOK_NOT_VALID, "ACK 13",
            "FILL 13 500@10010 cum=500 leaves=0 fee=2002000 taker", "REJECT 14 code=" + PaperExchange.REJECT_BOOK_NOT_VALID),
            reports);
    }

    /** A tick has no venue time, and the simulated venue puts no engine clock reading in its reports' venue time. */
    @Test
    void shouldGiveNoVenueTimeToTheReportsOfAnOrderDecidedOnATimerTick() {
        final List<Long> times = new ArrayList<>();
        final PaperExchange.Reports timed = (type, instrumentId, clientOrderId, venueOrderId, side, orderPrice, orderQty,
            fillPrice, fillQty, cumQty, leavesQty, fee, maker, rejectCode, timeNs) -> times.add(timeNs);
        exchange.onMarketEvent(book(), timed);
        final InboundEvent tick = new InboundEvent(4);
        tick.kind = EventKind.TIMER;
        tick.receiveTimeNs = 3_000;

        exchange.onOrder(order(15, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 500), tick, timed);
        exchange.onOrder(order(16, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 500), book(), timed);

        assertEquals(List.of(InboundEvent.NONE, InboundEvent.NONE, 1_000L, 1_000L), times, "ACK and FILL of each");
    }

    @Test
    void shouldKeepRealisedAndUnrealisedPnl() {
        exchange.onOrder(order(10, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 2_000), book(), sink);
        // bought 1.000 @ 100.10 and 1.000 @ 100.20: average 100.15
        assertEquals(0.10, exchange.unrealisedPnl(0, 100_20), 1e-9);
        exchange.onOrder(order(11, OrderSide.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 1_000), book(), sink);
        // sold 1.000 @ 100.00: realised (100.00 - 100.15) * 1 = -0.15
        assertEquals(-0.15, exchange.grossRealisedPnl(0), 1e-9);
        assertEquals(1_000, exchange.position(0));
    }

    private static OrderIntent order(final long id, final OrderSide side, final OrderType type, final TimeInForce tif,
        final long price, final long qty) {
        final OrderIntent intent = new OrderIntent();
        intent.newOrder(0, 1, id, side, type, tif, price, qty, false);
        return intent;
    }

    private static InboundEvent book() {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = 0;
        event.exchangeTimeNs = 1_000;
        event.bookState = BookState.VALID;
        event.bookBidLevels = 2;
        event.bookBidPrices[0] = 100_00;
        event.bookBidQtys[0] = 2_000;
        event.bookBidPrices[1] = 99_90;
        event.bookBidQtys[1] = 1_000;
        event.bookAskLevels = 2;
        event.bookAskPrices[0] = 100_10;
        event.bookAskQtys[0] = 1_000;
        event.bookAskPrices[1] = 100_20;
        event.bookAskQtys[1] = 3_000;
        return event;
    }

    private static InboundEvent trade(final long price, final long qty) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.exchangeTimeNs = 2_000;
        event.tradePrice = price;
        event.tradeQty = qty;
        event.tradeAggressor = OrderSide.SELL;
        return event;
    }
}
