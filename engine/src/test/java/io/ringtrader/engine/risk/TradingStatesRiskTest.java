package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
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

/** The risk stage's trading states: engine status events and venue order-entry halts, applied in ring order. */
class TradingStatesRiskTest {
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments);
    private long sequence;

    @Test
    void shouldHaltEverythingIncludingCancelsOnceTheJournalFailed() {
        validBook();
        engineStatus(EngineStatus.JOURNAL_FAILED, EngineStatus.STREAM_INBOUND);
        assertEquals(TradingState.HALTED, risk.tradingStates().state());
        assertEquals("journal failed (inbound)", risk.tradingStates().reason());
        assertEquals(RiskDecision.TRADING_HALTED, order(OrderSide.BUY, 5));
        assertEquals(RiskDecision.TRADING_HALTED, cancel());
        engineStatus(EngineStatus.DISK_OK, 9_000);
        assertEquals(TradingState.HALTED, risk.tradingStates().state(), "a journal failure is for the rest of the session");
    }

    @Test
    void shouldOnlyLetReducingOrdersAndCancelsPassWhileTheDiskIsLow() {
        validBook();
        fill(OrderSide.BUY, 5);
        engineStatus(EngineStatus.DISK_LOW, 700);
        assertEquals(TradingState.REDUCING, risk.tradingStates().state());
        assertEquals("journal disk space low (700 MiB free)", risk.tradingStates().reason());
        assertEquals(RiskDecision.REDUCE_ONLY, order(OrderSide.BUY, 1), "adds to the long");
        assertEquals(RiskDecision.REDUCE_ONLY, order(OrderSide.SELL, 6), "would flip to short");
        assertEquals(RiskDecision.ACCEPTED, order(OrderSide.SELL, 5));
        assertEquals(RiskDecision.ACCEPTED, cancel());
    }

    @Test
    void shouldReturnToActiveWhenTheDiskRecoversAndHaltWhenCritical() {
        validBook();
        engineStatus(EngineStatus.DISK_CRITICAL, 100);
        assertEquals(TradingState.HALTED, risk.tradingStates().state());
        assertEquals(RiskDecision.TRADING_HALTED, order(OrderSide.BUY, 1));
        engineStatus(EngineStatus.DISK_LOW, 600);
        assertEquals(TradingState.REDUCING, risk.tradingStates().state());
        engineStatus(EngineStatus.DISK_OK, 5_000);
        assertEquals(TradingState.ACTIVE, risk.tradingStates().state());
        assertNull(risk.tradingStates().reason());
        assertEquals(RiskDecision.ACCEPTED, order(OrderSide.BUY, 1));
        assertEquals(3, risk.tradingStates().transitions());
        assertEquals(1, risk.count(RiskDecision.TRADING_HALTED));
    }

    @Test
    void shouldNameBothCausesWhenTheyAgree() {
        engineStatus(EngineStatus.DISK_CRITICAL, 10);
        engineStatus(EngineStatus.JOURNAL_FAILED, EngineStatus.STREAM_OUTBOUND);
        assertEquals("journal failed (outbound); journal disk space critical (10 MiB free)", risk.tradingStates().reason());
    }

    @Test
    void shouldRefuseEveryCommandForAVenueWhoseOrderEntryHalted() {
        validBook();
        final InboundEvent halted = new InboundEvent(1);
        halted.kind = EventKind.GATEWAY_STATUS;
        halted.venueId = Venue.BINANCE_USDM.id();
        halted.gatewayStatus = GatewayStatus.ORDER_ENTRY_HALTED;
        halted.statusDetail = -2015;
        risk.onEvent(halted, sequence++, true);
        assertTrue(risk.isVenueHalted(Venue.BINANCE_USDM.id()));
        assertEquals(RiskDecision.VENUE_HALTED, order(OrderSide.BUY, 1));
        assertEquals(RiskDecision.VENUE_HALTED, cancel());
        assertEquals(TradingState.ACTIVE, risk.tradingStates().state(), "one venue, not the engine");
    }

    private void validBook() {
        final InboundEvent book = new InboundEvent(1);
        book.kind = EventKind.BOOK_SNAPSHOT;
        book.instrumentId = 0;
        book.bookState = BookState.VALID;
        risk.onEvent(book, sequence++, true);
    }

    private void fill(final OrderSide side, final long qty) {
        final InboundEvent fill = new InboundEvent(1);
        fill.kind = EventKind.EXECUTION_REPORT;
        fill.instrumentId = 0;
        fill.execType = ExecType.FILL;
        fill.execSide = side;
        fill.lastFillPrice = 6_180_020;
        fill.lastFillQty = qty;
        risk.onEvent(fill, sequence++, true);
    }

    private void engineStatus(final EngineStatus status, final int detail) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.ENGINE_STATUS;
        event.engineStatus = status;
        event.statusDetail = detail;
        risk.onEvent(event, sequence++, true);
    }

    private RiskDecision order(final OrderSide side, final long qty) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.bookState = BookState.VALID;
        final OrderIntent intent = event.addIntent();
        intent.newOrder(0, 1, 1, side, OrderType.LIMIT, TimeInForce.GTC, 6_180_020, qty, false);
        risk.onEvent(event, sequence++, true);
        return intent.decision;
    }

    private RiskDecision cancel() {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TIMER;
        event.addIntent().cancel(0, 1, 42);
        risk.onEvent(event, sequence++, true);
        return event.intents[0].decision;
    }
}
