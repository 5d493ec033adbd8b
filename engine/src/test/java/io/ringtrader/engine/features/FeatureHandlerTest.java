package io.ringtrader.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed values on a two-level book: bids 100.00x3, 99.90x1; asks 100.10x1, 100.20x2; tick 0.10. */
class FeatureHandlerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final double EPS = 1e-12;

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final FeatureHandler features = new FeatureHandler(instruments, 2, SECOND);

    @Test
    void shouldComputeOrderBookImbalanceOverTheTopLevels() {
        final InboundEvent event = book(0);
        features.onEvent(event, 0, true);
        assertEquals(Features.COUNT, event.featureCount);
        assertEquals((4.0 - 3.0) / 7.0, event.features[Features.OBI], EPS);
    }

    @Test
    void shouldWeightLevelsByTheirDistanceFromTheMidInTicks() {
        final InboundEvent event = book(0);
        features.onEvent(event, 0, true);
        // mid 100.05: bids at 0.5 and 1.5 ticks -> 3/1.5 + 1/2.5 = 2.4; asks at 0.5 and 1.5 -> 1/1.5 + 2/2.5
        final double bid = 2.4;
        final double ask = 1.0 / 1.5 + 0.8;
        assertEquals((bid - ask) / (bid + ask), event.features[Features.OBI_WEIGHTED], EPS);
    }

    @Test
    void shouldWeightLevelsOnTheFarSideOfTheMidOfACrossedBookByTheSameFormula() {
        // Crossed by three ticks (deltas do not uncross a book): bids 100.30x3, 100.20x1; asks 100.00x1, 100.10x5.
        final InboundEvent event = book(0);
        event.bookBidPrices[0] = 100_30;
        event.bookBidPrices[1] = 100_20;
        event.bookAskPrices[0] = 100_00;
        event.bookAskPrices[1] = 100_10;
        event.bookAskQtys[1] = 5;
        features.onEvent(event, 0, true);
        // mid 100.15: every level is on the far side, at -1.5 and -0.5 ticks: weights 1/(1 - 1.5), 1/(1 - 0.5)
        final double bid = 3 * (1.0 / (1.0 + -3 * 0.5)) + 1 * (1.0 / (1.0 + -1 * 0.5));
        final double ask = 1 * (1.0 / (1.0 + -3 * 0.5)) + 5 * (1.0 / (1.0 + -1 * 0.5));
        assertEquals((bid - ask) / (bid + ask), event.features[Features.OBI_WEIGHTED], 0.0, "bit for bit");
    }

    @Test
    void shouldCarryTheLastMarketStatesFundingOpenInterestAndMarkPremiumAndNaNBeforeOne() {
        final InboundEvent before = book(0);
        features.onEvent(before, 0, true);
        assertTrue(Double.isNaN(before.features[Features.FUNDING_RATE]));
        assertTrue(Double.isNaN(before.features[Features.OPEN_INTEREST]));
        assertTrue(Double.isNaN(before.features[Features.MARK_PREMIUM]));

        final InboundEvent mark = new InboundEvent(1);
        mark.kind = EventKind.MARKET_STATE;
        mark.instrumentId = 0;
        mark.markPrice = 100_10;
        mark.indexPrice = 100_00;
        mark.fundingRate = -38_167;
        MarketState.flagPresent(mark);
        features.onEvent(mark, 1, true);
        final InboundEvent interest = new InboundEvent(1);
        interest.kind = EventKind.MARKET_STATE;
        interest.instrumentId = 0;
        interest.openInterest = 10_659_509;
        MarketState.flagPresent(interest);
        features.onEvent(interest, 2, true);

        final InboundEvent after = book(SECOND);
        features.onEvent(after, 3, true);
        assertEquals(-0.00038167, after.features[Features.FUNDING_RATE], EPS);
        assertEquals(10_659.509, after.features[Features.OPEN_INTEREST], 1e-9);
        assertEquals(0.001, after.features[Features.MARK_PREMIUM], EPS, "an open-interest-only state keeps the mark's");
    }

    @Test
    void shouldComputeMicropriceSpreadAndMid() {
        final InboundEvent event = book(0);
        features.onEvent(event, 0, true);
        assertEquals((100.00 * 1 + 100.10 * 3) / 4, event.features[Features.MICROPRICE], 1e-9);
        assertEquals(1.0, event.features[Features.SPREAD_TICKS], EPS);
        assertEquals(100.05, event.features[Features.MID], 1e-9);
    }

    @Test
    void shouldUseOnlyTheConfiguredNumberOfLevels() {
        final FeatureHandler top = new FeatureHandler(instruments, 1, SECOND);
        final InboundEvent event = book(0);
        top.onEvent(event, 0, true);
        assertEquals((3.0 - 1.0) / 4.0, event.features[Features.OBI], EPS);
    }

    @Test
    void shouldMeasureTradeFlowOverTheWindowUsingEventTime() {
        features.onEvent(trade(0, OrderSide.BUY, 5), 0, true);
        features.onEvent(trade(SECOND / 2, OrderSide.SELL, 2), 1, true);
        final InboundEvent within = book(SECOND / 2);
        features.onEvent(within, 2, true);
        assertEquals((5.0 - 2.0) / 7.0, within.features[Features.TRADE_FLOW_IMBALANCE], EPS);

        final InboundEvent later = book(SECOND + SECOND / 5);
        features.onEvent(later, 3, true);
        assertEquals(-1.0, later.features[Features.TRADE_FLOW_IMBALANCE], EPS, "the buy left the window");

        final InboundEvent quiet = book(3 * SECOND);
        features.onEvent(quiet, 4, true);
        assertEquals(0.0, quiet.features[Features.TRADE_FLOW_IMBALANCE], EPS);
    }

    @Test
    void shouldWriteNothingOnABookThatIsNotValid() {
        final InboundEvent event = book(0);
        event.bookState = BookState.INVALID;
        features.onEvent(event, 0, true);
        assertEquals(0, event.featureCount);
    }

    @Test
    void shouldWriteNothingOnAOneSidedBook() {
        final InboundEvent event = book(0);
        event.bookAskLevels = 0;
        features.onEvent(event, 0, true);
        assertEquals(0, event.featureCount);
    }

    @Test
    void shouldRejectALevelCountBeyondTheBookView() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureHandler(instruments, InboundEvent.BOOK_VIEW_DEPTH + 1, SECOND));
    }

    private static InboundEvent book(final long timeNs) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = 0;
        event.exchangeTimeNs = timeNs;
        event.bookState = BookState.VALID;
        event.bookBidLevels = 2;
        event.bookBidPrices[0] = 100_00;
        event.bookBidQtys[0] = 3;
        event.bookBidPrices[1] = 99_90;
        event.bookBidQtys[1] = 1;
        event.bookAskLevels = 2;
        event.bookAskPrices[0] = 100_10;
        event.bookAskQtys[0] = 1;
        event.bookAskPrices[1] = 100_20;
        event.bookAskQtys[1] = 2;
        return event;
    }

    private static InboundEvent trade(final long timeNs, final OrderSide aggressor, final long qty) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.exchangeTimeNs = timeNs;
        event.tradeAggressor = aggressor;
        event.tradeQty = qty;
        event.tradePrice = 100_00;
        return event;
    }
}
