package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreTradeRiskHandlerTest {
    /** BTCUSDT: tick 0.10 at scale 2 (10), lot 0.001 at scale 3 (1). */
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments);

    @Test
    void shouldAcceptAWellFormedOrderOnAValidBook() {
        assertEquals(RiskDecision.ACCEPTED, decide(BookState.VALID, OrderType.LIMIT, 6_180_020, 5));
    }

    @Test
    void shouldRejectWhileTheBookAwaitsItsSnapshot() {
        assertEquals(RiskDecision.BOOK_NOT_VALID, decide(null, OrderType.LIMIT, 6_180_020, 5));
    }

    @Test
    void shouldRejectOnAnInvalidBook() {
        assertEquals(RiskDecision.BOOK_NOT_VALID, decide(BookState.INVALID, OrderType.LIMIT, 6_180_020, 5));
    }

    @Test
    void shouldRejectAPriceOffTheTickGrid() {
        assertEquals(RiskDecision.INVALID_ORDER, decide(BookState.VALID, OrderType.LIMIT, 6_180_025, 5));
    }

    @Test
    void shouldRejectANonPositiveQuantity() {
        assertEquals(RiskDecision.INVALID_ORDER, decide(BookState.VALID, OrderType.MARKET, 0, 0));
    }

    @Test
    void shouldAcceptAMarketOrderWithoutPrice() {
        assertEquals(RiskDecision.ACCEPTED, decide(BookState.VALID, OrderType.MARKET, 0, 1));
    }

    @Test
    void shouldRejectAnUnknownInstrument() {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TIMER;
        event.addIntent().newOrder(5, 1, 1, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1, false);
        risk.onEvent(event, 0, true);
        assertEquals(RiskDecision.INVALID_ORDER, event.intents[0].decision);
    }

    @Test
    void shouldAlwaysAcceptACancelForAKnownInstrument() {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TIMER;
        event.addIntent().cancel(0, 1, 42);
        risk.onEvent(event, 0, true);
        assertEquals(RiskDecision.ACCEPTED, event.intents[0].decision);
    }

    @Test
    void shouldRememberTheBookStateFromEarlierEventsAndCountDecisions() {
        final InboundEvent book = new InboundEvent(1);
        book.kind = EventKind.BOOK_SNAPSHOT;
        book.instrumentId = 0;
        book.bookState = BookState.VALID;
        risk.onEvent(book, 0, true);

        final InboundEvent tick = new InboundEvent(1);
        tick.kind = EventKind.TIMER;
        tick.addIntent().newOrder(0, 1, 1, OrderSide.SELL, OrderType.LIMIT, TimeInForce.GTX, 6_180_020, 1, true);
        risk.onEvent(tick, 1, true);
        assertEquals(RiskDecision.ACCEPTED, tick.intents[0].decision);
        assertEquals(1, risk.count(RiskDecision.ACCEPTED));
    }

    private RiskDecision decide(final BookState state, final OrderType type, final long price, final long qty) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.bookState = state;
        final OrderIntent intent = event.addIntent();
        intent.newOrder(0, 1, 1, OrderSide.BUY, type, TimeInForce.GTC, price, qty, false);
        risk.onEvent(event, 0, true);
        return intent.decision;
    }
}
