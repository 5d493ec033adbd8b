package io.ringtrader.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.features.Features;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.strategy.StrategyContext;
import io.ringtrader.engine.strategy.StrategyHandler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scalper driven by hand-built events through the strategy stage; the event receive times are the
 * test clock. BTCUSDT: tick 0.10 (10 at price scale 2), lot 0.001 (1 at qty scale 3); orderQty 0.002.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ObiScalperTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L * MS;
    private static final long BID = 6_180_000;
    private static final long ASK = 6_180_010;

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private StrategyHandler handler;
    private ObiScalper scalper;
    private long now = T0;

    private void start(final ObiScalperParams.EntryOrderType type, final Duration cooldown) {
        handler = new StrategyHandler(instruments);
        final StrategyContext context = handler.context(0, "obi", instruments.byId(0));
        scalper = new ObiScalper(new ObiScalperParams(new BigDecimal("0.6"), false, 2, new BigDecimal("0.002"), 3, 2,
            Duration.ofSeconds(10), cooldown, type, Duration.ofSeconds(5)), context);
        handler.bind(context, scalper);
    }

    private void start() {
        start(ObiScalperParams.EntryOrderType.MARKET, Duration.ZERO);
    }

    @Test
    void shouldBuyAtMarketWhenTheObiCrossesTheThreshold() {
        start();
        assertEquals(0, book(0.5, BID, ASK).intentCount);
        final InboundEvent crossing = book(0.65, BID, ASK);
        assertEquals(1, crossing.intentCount);
        final OrderIntent intent = crossing.intents[0];
        assertEquals(OrderSide.BUY, intent.side);
        assertEquals(OrderType.MARKET, intent.type);
        assertEquals(TimeInForce.IOC, intent.timeInForce);
        assertEquals(2, intent.qtyMantissa);
        assertEquals(0, intent.strategyId);
        assertEquals(intent.clientOrderId, scalper.workingOrderId());
    }

    @Test
    void shouldSellWhenTheObiCrossesMinusTheThreshold() {
        start();
        book(-0.1, BID, ASK);
        final InboundEvent crossing = book(-0.7, BID, ASK);
        assertEquals(1, crossing.intentCount);
        assertEquals(OrderSide.SELL, crossing.intents[0].side);
    }

    @Test
    void shouldNotEnterAgainWhileTheObiStaysAboveTheThreshold() {
        start();
        book(0.7, BID, ASK);
        fill(scalper.workingOrderId(), OrderSide.BUY, ASK, 2, 0);
        fill(exitOf(book(0.7, BID - 30, ASK - 30)), OrderSide.SELL, BID - 30, 2, 0);
        assertEquals(0, scalper.position());
        assertEquals(0, book(0.8, BID, ASK).intentCount, "no new crossing");
        book(0.1, BID, ASK);
        assertEquals(1, book(0.8, BID, ASK).intentCount);
    }

    @Test
    void shouldNotEnterWhenTheSpreadIsWiderThanTheLimit() {
        start();
        book(0.0, BID, ASK);
        assertEquals(0, book(0.9, BID, BID + 30).intentCount, "3 ticks > maxSpreadTicks 2");
    }

    @Test
    void shouldNotEnterOnAnInvalidBook() {
        start();
        book(0.0, BID, ASK);
        final InboundEvent invalid = event(EventKind.BOOK_DELTA);
        invalid.bookState = BookState.INVALID;
        handler.onEvent(invalid, 0, true);
        assertEquals(0, invalid.intentCount);
        assertEquals(0, scalper.entries());
    }

    @Test
    void shouldSendAnAggressiveIocLimitAtTheOppositeBestPrice() {
        start(ObiScalperParams.EntryOrderType.IOC_LIMIT, Duration.ZERO);
        book(0.0, BID, ASK);
        final OrderIntent buy = book(0.9, BID, ASK).intents[0];
        assertEquals(OrderType.LIMIT, buy.type);
        assertEquals(TimeInForce.IOC, buy.timeInForce);
        assertEquals(ASK, buy.priceMantissa);
    }

    @Test
    void shouldTakeProfitWhenTheBidIsTheConfiguredTicksAboveTheEntryFill() {
        start();
        book(0.0, BID, ASK);
        fill(book(0.9, BID, ASK).intents[0].clientOrderId, OrderSide.BUY, ASK, 2, 0);
        assertEquals(2, scalper.position());
        assertEquals(ASK, scalper.entryPrice(), 0.0);
        assertEquals(0, book(0.0, ASK + 10, ASK + 20).intentCount, "bid 2 ticks above the entry: not yet");
        final InboundEvent profit = book(0.0, ASK + 30, ASK + 40);
        assertEquals(1, profit.intentCount);
        assertEquals(OrderSide.SELL, profit.intents[0].side);
        assertEquals(2, profit.intents[0].qtyMantissa);
        assertTrue(profit.intents[0].reduceOnly);
        fill(profit.intents[0].clientOrderId, OrderSide.SELL, ASK + 30, 2, 0);
        assertEquals(0, scalper.position());
        assertEquals(1, scalper.exits());
    }

    @Test
    void shouldStopTheLossOfAShortWhenTheAskRisesTheConfiguredTicks() {
        start();
        book(0.0, BID, ASK);
        fill(book(-0.9, BID, ASK).intents[0].clientOrderId, OrderSide.SELL, BID, 2, 0);
        assertEquals(-2, scalper.position());
        assertEquals(0, book(0.0, BID, BID + 10).intentCount, "ask 1 tick above the entry");
        final InboundEvent loss = book(0.0, BID + 10, BID + 20);
        assertEquals(1, loss.intentCount);
        assertEquals(OrderSide.BUY, loss.intents[0].side);
        assertEquals(2, loss.intents[0].qtyMantissa);
    }

    @Test
    void shouldExitOnATimerTickOnceTheMaximumHoldingTimeHasPassed() {
        start();
        book(0.0, BID, ASK);
        fill(book(0.9, BID, ASK).intents[0].clientOrderId, OrderSide.BUY, ASK, 2, 0);
        now += 9_999 * MS;
        assertEquals(0, timer().intentCount);
        now += MS;
        final InboundEvent tick = timer();
        assertEquals(1, tick.intentCount);
        assertEquals(OrderSide.SELL, tick.intents[0].side);
        assertTrue(tick.intents[0].reduceOnly);
    }

    @Test
    void shouldSendNothingWhileAnOrderIsInFlightAndResumeAfterItsReject() {
        start();
        book(0.0, BID, ASK);
        final long entry = book(0.9, BID, ASK).intents[0].clientOrderId;
        book(0.0, BID, ASK);
        assertEquals(0, book(0.9, BID, ASK).intentCount, "a crossing while the entry is working");
        report(entry, ExecType.ACK);
        assertEquals(0, book(-0.9, BID, ASK).intentCount);
        report(entry, ExecType.REJECT);
        assertEquals(0, scalper.workingOrderId());
        book(0.0, BID, ASK);
        assertEquals(1, book(0.9, BID, ASK).intentCount);
    }

    @Test
    void shouldGiveUpAnOrderWithoutReportAfterTheOrderTimeout() {
        start();
        book(0.0, BID, ASK);
        book(0.9, BID, ASK);
        now += 5_000 * MS;
        timer();
        assertEquals(0, scalper.workingOrderId());
        assertEquals(1, scalper.timeouts());
    }

    @Test
    void shouldWaitForTheCooldownAfterAnExit() {
        start(ObiScalperParams.EntryOrderType.MARKET, Duration.ofSeconds(1));
        book(0.0, BID, ASK);
        fill(book(0.9, BID, ASK).intents[0].clientOrderId, OrderSide.BUY, ASK, 2, 0);
        fill(exitOf(book(0.0, BID - 20, ASK - 20)), OrderSide.SELL, BID - 20, 2, 0);
        book(0.0, BID, ASK);
        now += 999 * MS;
        assertEquals(0, book(0.9, BID, ASK).intentCount, "cooling down");
        book(0.0, BID, ASK);
        now += MS;
        assertEquals(1, book(0.9, BID, ASK).intentCount);
    }

    @Test
    void shouldKeepTheOrderWorkingOnAPartialFillAndCountTheFilledPart() {
        start();
        book(0.0, BID, ASK);
        final long entry = book(0.9, BID, ASK).intents[0].clientOrderId;
        final InboundEvent partial = fill(entry, OrderSide.BUY, ASK, 1, 1);
        assertEquals(1, partial.leavesQty);
        assertEquals(entry, scalper.workingOrderId());
        assertEquals(1, scalper.position());
        report(entry, ExecType.CANCELED);
        assertEquals(0, scalper.workingOrderId());
    }

    private long exitOf(final InboundEvent event) {
        assertEquals(1, event.intentCount, "an exit");
        return event.intents[0].clientOrderId;
    }

    private InboundEvent book(final double obi, final long bid, final long ask) {
        final InboundEvent event = event(EventKind.BOOK_DELTA);
        event.bookState = BookState.VALID;
        event.bookBidLevels = 1;
        event.bookAskLevels = 1;
        event.bookBidPrices[0] = bid;
        event.bookAskPrices[0] = ask;
        event.features[Features.OBI] = obi;
        event.features[Features.OBI_WEIGHTED] = obi;
        event.features[Features.SPREAD_TICKS] = (ask - bid) / 10.0;
        event.featureCount = Features.COUNT;
        handler.onEvent(event, 0, true);
        return event;
    }

    private InboundEvent timer() {
        final InboundEvent event = event(EventKind.TIMER);
        event.instrumentId = -1;
        handler.onEvent(event, 0, true);
        return event;
    }

    private InboundEvent fill(final long clientOrderId, final OrderSide side, final long price, final long qty, final long leaves) {
        final InboundEvent event = event(EventKind.EXECUTION_REPORT);
        event.execType = ExecType.FILL;
        event.clientOrderId = clientOrderId;
        event.execSide = side;
        event.lastFillPrice = price;
        event.lastFillQty = qty;
        event.leavesQty = leaves;
        handler.onEvent(event, 0, true);
        return event;
    }

    private void report(final long clientOrderId, final ExecType type) {
        final InboundEvent event = event(EventKind.EXECUTION_REPORT);
        event.execType = type;
        event.clientOrderId = clientOrderId;
        handler.onEvent(event, 0, true);
    }

    private InboundEvent event(final EventKind kind) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = kind;
        event.instrumentId = 0;
        event.receiveTimeNs = now;
        return event;
    }
}
