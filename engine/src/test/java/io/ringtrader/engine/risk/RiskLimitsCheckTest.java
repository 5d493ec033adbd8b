package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each limit of {@link PreTradeRiskHandler} rejects with its own reason, and the kill switch. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RiskLimitsCheckTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;
    /** BTCUSDT: tick 0.10 at scale 2 (10), lot 0.001 at scale 3 (1); 1 lot at 61800.00 is 61.80 USDT. */
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final KillSwitch killSwitch = new KillSwitch();
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments,
        new RiskLimits(new long[] {10}, new long[] {5}, 3, 2 * SECOND, 1.0), killSwitch);

    @Test
    void shouldAcceptWithinEveryLimit() {
        book(T0, 6_180_000, 6_180_010);
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.BUY, 5));
    }

    @Test
    void shouldRejectAnOrderAboveTheMaxOrderQty() {
        book(T0, 6_180_000, 6_180_010);
        assertEquals(RiskDecision.MAX_ORDER_QTY, order(T0, OrderSide.BUY, 6));
        assertEquals(1, risk.count(RiskDecision.MAX_ORDER_QTY));
    }

    @Test
    void shouldRejectAnOrderThatTakesThePositionBeyondItsLimitButAllowOneThatReducesIt() {
        book(T0, 6_180_000, 6_180_010);
        fill(T0, OrderSide.BUY, 6_180_010, 4, 0);
        fill(T0, OrderSide.BUY, 6_180_010, 4, 0);
        assertEquals(8, risk.position(0).qty());
        assertEquals(RiskDecision.MAX_POSITION, order(T0, OrderSide.BUY, 3));
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.BUY, 2));
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.SELL, 5));
    }

    @Test
    void shouldRejectTheOrderBeyondTheRateInAnySecondOfEventTime() {
        book(T0, 6_180_000, 6_180_010);
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.BUY, 1));
        assertEquals(RiskDecision.ACCEPTED, order(T0 + 100_000_000L, OrderSide.SELL, 1));
        assertEquals(RiskDecision.ACCEPTED, order(T0 + 200_000_000L, OrderSide.BUY, 1));
        assertEquals(RiskDecision.MAX_ORDER_RATE, order(T0 + 999_999_999L, OrderSide.SELL, 1));
        assertEquals(RiskDecision.ACCEPTED, order(T0 + SECOND, OrderSide.SELL, 1), "the first left the window");
        assertEquals(RiskDecision.MAX_ORDER_RATE, order(T0 + SECOND + 50_000_000L, OrderSide.SELL, 1));
        assertEquals(2, risk.count(RiskDecision.MAX_ORDER_RATE));
    }

    @Test
    void shouldRejectOnAStaleBook() {
        book(T0, 6_180_000, 6_180_010);
        assertEquals(RiskDecision.ACCEPTED, order(T0 + 2 * SECOND, OrderSide.BUY, 1));
        assertEquals(RiskDecision.BOOK_STALE, order(T0 + 2 * SECOND + 1, OrderSide.BUY, 1));
        book(T0 + 3 * SECOND, 6_180_000, 6_180_010);
        assertEquals(RiskDecision.ACCEPTED, order(T0 + 3 * SECOND, OrderSide.BUY, 1));
    }

    @Test
    void shouldRejectWhileTheBookIsNotValidBeforeCheckingStaleness() {
        assertEquals(RiskDecision.BOOK_NOT_VALID, order(T0, OrderSide.BUY, 1));
    }

    @Test
    void shouldRejectNewOrdersButAcceptCancelsWhileTheKillSwitchIsTrippedByHand() {
        book(T0, 6_180_000, 6_180_010);
        assertTrue(killSwitch.trip("operator"));
        assertFalse(killSwitch.trip("again"), "the first reason stays");
        assertEquals("operator", killSwitch.reason());
        assertEquals(RiskDecision.KILL_SWITCH, order(T0, OrderSide.SELL, 1));
        final InboundEvent cancel = event(EventKind.TIMER, T0);
        cancel.addIntent().cancel(0, 1, 42);
        risk.onEvent(cancel, 0, true);
        assertEquals(RiskDecision.ACCEPTED, cancel.intents[0].decision);
        killSwitch.reset();
        assertNull(killSwitch.reason());
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.SELL, 1));
        assertEquals(1, killSwitch.trips());
    }

    @Test
    void shouldRejectNewOrdersAfterAnOperatorTripEventAndAcceptThemAfterTheResetEvent() {
        book(T0, 6_180_000, 6_180_010);
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.BUY, 1));

        operator(T0 + 1, OperatorCommand.KILL_SWITCH_TRIP, OperatorCommand.SOURCE_JMX);
        assertTrue(killSwitch.isTripped());
        assertEquals(PreTradeRiskHandler.JMX_TRIP_REASON, killSwitch.reason());
        assertEquals("operator: kill switch tripped (JMX)", killSwitch.reason());
        assertEquals(RiskDecision.KILL_SWITCH, order(T0 + 2, OrderSide.BUY, 1));
        final InboundEvent cancel = event(EventKind.TIMER, T0 + 2);
        cancel.addIntent().cancel(0, 1, 42);
        risk.onEvent(cancel, 0, true);
        assertEquals(RiskDecision.ACCEPTED, cancel.intents[0].decision, "cancels still pass");

        operator(T0 + 3, OperatorCommand.KILL_SWITCH_RESET, OperatorCommand.SOURCE_JMX);
        assertFalse(killSwitch.isTripped());
        assertEquals(RiskDecision.ACCEPTED, order(T0 + 4, OrderSide.BUY, 1));
        assertEquals(1, risk.count(RiskDecision.KILL_SWITCH));
        assertEquals(3, risk.count(RiskDecision.ACCEPTED), "two new orders and the cancel");
        assertEquals(1, killSwitch.trips());
    }

    @Test
    void shouldKeepTheFirstReasonWhenTheOperatorTripsAnAlreadyTrippedSwitch() {
        book(T0, 6_180_000, 6_180_010);
        fill(T0, OrderSide.BUY, 6_180_010, 1, 100_000_000L);
        operator(T0 + 1, OperatorCommand.KILL_SWITCH_TRIP, OperatorCommand.SOURCE_JMX);
        assertTrue(killSwitch.reason().startsWith("session loss limit"), killSwitch.reason());
        assertEquals(1, killSwitch.trips());
    }

    @Test
    void shouldNameAnUnknownOperatorSourceInTheReason() {
        operator(T0, OperatorCommand.KILL_SWITCH_TRIP, 7);
        assertEquals("operator: kill switch tripped (source 7)", killSwitch.reason());
    }

    @Test
    void shouldIgnoreAnOperatorResetWhileNotTripped() {
        book(T0, 6_180_000, 6_180_010);
        operator(T0, OperatorCommand.KILL_SWITCH_RESET, OperatorCommand.SOURCE_JMX);
        assertFalse(killSwitch.isTripped());
        assertEquals(RiskDecision.ACCEPTED, order(T0, OrderSide.BUY, 1));
        assertEquals(0, killSwitch.trips());
    }

    @Test
    void shouldTripTheKillSwitchWhenTheSessionLossReachesTheLimit() {
        book(T0, 6_180_000, 6_180_010);
        fill(T0, OrderSide.BUY, 6_180_010, 10, 0);
        assertFalse(killSwitch.isTripped());
        // long 0.010 from 61800.10; mid 61700.05 values it at 0.010 * -100.05 = -1.0005 <= -1.0
        book(T0 + 1, 6_170_000, 6_170_010);
        assertTrue(killSwitch.isTripped(), "loss " + risk.sessionPnl());
        assertEquals(-1.0005, risk.sessionPnl(), 1e-9);
        assertTrue(killSwitch.reason().startsWith("session loss limit"), killSwitch.reason());
        assertEquals(RiskDecision.KILL_SWITCH, order(T0 + 1, OrderSide.SELL, 10));
    }

    @Test
    void shouldCountFeesIntoTheSessionLoss() {
        book(T0, 6_180_000, 6_180_010);
        // 1.00 USDT of fees (FEE_SCALE 8) alone reaches the limit
        fill(T0, OrderSide.BUY, 6_180_010, 1, 100_000_000L);
        assertTrue(killSwitch.isTripped());
    }

    private void book(final long timeNs, final long bid, final long ask) {
        final InboundEvent event = event(EventKind.BOOK_DELTA, timeNs);
        event.bookState = BookState.VALID;
        event.bookBidLevels = 1;
        event.bookAskLevels = 1;
        event.bookBidPrices[0] = bid;
        event.bookAskPrices[0] = ask;
        event.bookBidQtys[0] = 100;
        event.bookAskQtys[0] = 100;
        risk.onEvent(event, 0, true);
    }

    private void fill(final long timeNs, final OrderSide side, final long price, final long qty, final long fee) {
        final InboundEvent event = event(EventKind.EXECUTION_REPORT, timeNs);
        event.execType = ExecType.FILL;
        event.execSide = side;
        event.lastFillPrice = price;
        event.lastFillQty = qty;
        event.execFee = fee;
        risk.onEvent(event, 0, true);
    }

    private void operator(final long timeNs, final OperatorCommand command, final int source) {
        final InboundEvent event = event(EventKind.OPERATOR, timeNs);
        event.operatorCommand = command;
        event.operatorSource = source;
        risk.onEvent(event, 0, true);
    }

    private RiskDecision order(final long timeNs, final OrderSide side, final long qty) {
        final InboundEvent event = event(EventKind.TIMER, timeNs);
        final OrderIntent intent = event.addIntent();
        intent.newOrder(0, 1, 1, side, OrderType.MARKET, TimeInForce.IOC, 0, qty, false);
        risk.onEvent(event, 0, true);
        return intent.decision;
    }

    private static InboundEvent event(final EventKind kind, final long timeNs) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = kind;
        event.instrumentId = kind == EventKind.TIMER || kind == EventKind.OPERATOR ? -1 : 0;
        event.receiveTimeNs = timeNs;
        return event;
    }
}
