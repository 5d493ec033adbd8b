package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EngineStatus;
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
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A command for an instrument whose venue takes no orders in the session (live: {@code venues.<name>.enabled: false}) is
 * refused by the risk stage, before the outbound ring, with {@link RiskDecision#VENUE_NOT_ENABLED}; the other venue,
 * with the same symbol, trades.
 */
class VenueNotEnabledRiskTest {
    private static final int BINANCE_BTC = 0;
    private static final int BITGET_BTC = 1;

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(BINANCE_BTC, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0),
        new Instrument(BITGET_BTC, Venue.BITGET_USDT_FUTURES, "BTCUSDT", 1, 1, 4, 1, 1, 0)));
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments, RiskLimits.none(instruments.count()),
        new KillSwitch(), StrategyPauses.none(), EnumSet.of(Venue.BINANCE_USDM));
    private long sequence;

    @Test
    void shouldRefuseAnOrderForAVenueThatTakesNoOrdersAndAcceptOneForTheOtherVenue() {
        validBook(BINANCE_BTC);
        validBook(BITGET_BTC);

        assertEquals(RiskDecision.VENUE_NOT_ENABLED, order(BITGET_BTC, 6_180_02));
        assertEquals(RiskDecision.ACCEPTED, order(BINANCE_BTC, 6_180_020));
        assertEquals(1, risk.count(RiskDecision.VENUE_NOT_ENABLED));
        assertTrue(risk.takesOrders(Venue.BINANCE_USDM));
        assertFalse(risk.takesOrders(Venue.BITGET_USDT_FUTURES));
    }

    @Test
    void shouldRefuseACancelForAVenueThatTakesNoOrders() {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TIMER;
        event.addIntent().cancel(BITGET_BTC, 1, 42);

        risk.onEvent(event, sequence++, true);

        assertEquals(RiskDecision.VENUE_NOT_ENABLED, event.intents[0].decision);
    }

    @Test
    void shouldNameTheVenueBeforeAnyStateOfTheSession() {
        final InboundEvent halted = new InboundEvent(1);
        halted.kind = EventKind.ENGINE_STATUS;
        halted.engineStatus = EngineStatus.JOURNAL_FAILED;
        halted.statusDetail = EngineStatus.STREAM_INBOUND;
        risk.onEvent(halted, sequence++, true);

        assertEquals(RiskDecision.VENUE_NOT_ENABLED, order(BITGET_BTC, 6_180_02), "a static fact of the config comes first");
        assertEquals(RiskDecision.TRADING_HALTED, order(BINANCE_BTC, 6_180_020));
    }

    @Test
    void shouldLetEveryVenueTakeOrdersByDefault() {
        final PreTradeRiskHandler paper = new PreTradeRiskHandler(instruments);

        assertTrue(paper.takesOrders(Venue.BITGET_USDT_FUTURES));
    }

    private void validBook(final int instrumentId) {
        final InboundEvent book = new InboundEvent(1);
        book.kind = EventKind.BOOK_SNAPSHOT;
        book.instrumentId = instrumentId;
        book.bookState = BookState.VALID;
        risk.onEvent(book, sequence++, true);
    }

    private RiskDecision order(final int instrumentId, final long price) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TRADE;
        event.instrumentId = instrumentId;
        event.bookState = BookState.VALID;
        final OrderIntent intent = event.addIntent();
        intent.newOrder(instrumentId, 1, 1, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 1, false);
        risk.onEvent(event, sequence++, true);
        return intent.decision;
    }
}
