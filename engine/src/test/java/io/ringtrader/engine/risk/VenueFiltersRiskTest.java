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
import io.ringtrader.engine.instrument.VenueFilters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The venue's filters checked before an order is sent, on BTCUSDT's (price 556.80..4,529,764, maxQty 1000, market
 * 120, min notional 100, band 1.05 / 0.95), with the book at 50,000.00 / 50,000.20.
 */
class VenueFiltersRiskTest {
    private static final long BID = 5_000_000;
    private static final long ASK = 5_000_020;
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0,
            new VenueFilters(55_680, 452_976_400, 1_000_000, 120_000, 10_000_000, 105_000_000, 95_000_000))));
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments);

    private void book(final long bid, final long ask) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = 0;
        event.bookState = BookState.VALID;
        event.bookBidLevels = bid > 0 ? 1 : 0;
        event.bookBidPrices[0] = bid;
        event.bookAskLevels = ask > 0 ? 1 : 0;
        event.bookAskPrices[0] = ask;
        risk.onEvent(event, 0, true);
    }

    private void mark(final long markPrice) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.MARKET_STATE;
        event.instrumentId = 0;
        event.markPrice = markPrice;
        event.marketStateFields = io.ringtrader.engine.event.MarketState.MARK_PRICE;
        risk.onEvent(event, 0, true);
    }

    private RiskDecision decide(final OrderSide side, final OrderType type, final long price, final long qty,
        final boolean reduceOnly) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TIMER;
        final OrderIntent intent = event.addIntent();
        intent.newOrder(0, 1, 1, side, type, type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC, price, qty,
            reduceOnly);
        risk.onEvent(event, 0, true);
        return intent.decision;
    }

    private RiskDecision limit(final OrderSide side, final long price, final long qty) {
        return decide(side, OrderType.LIMIT, price, qty, false);
    }

    @Test
    void shouldRefuseANotionalBelowTheVenueMinimum() {
        book(BID, ASK);
        assertEquals(RiskDecision.BELOW_MIN_NOTIONAL, limit(OrderSide.BUY, 5_000_000, 1), "0.001 x 50,000 = 50");
        assertEquals(RiskDecision.ACCEPTED, limit(OrderSide.BUY, 5_000_000, 2), "0.002 x 50,000 = 100");
    }

    @Test
    void shouldValueAMarketOrderAtTheMarkPrice() {
        book(BID, ASK);
        mark(4_000_000);
        assertEquals(RiskDecision.BELOW_MIN_NOTIONAL, decide(OrderSide.BUY, OrderType.MARKET, 0, 2, false),
            "0.002 x 40,000 = 80");
        assertEquals(RiskDecision.ACCEPTED, decide(OrderSide.BUY, OrderType.MARKET, 0, 3, false));
    }

    @Test
    void shouldValueAMarketOrderAtTheMidWithoutAMarkPrice() {
        book(BID, ASK);
        assertEquals(RiskDecision.BELOW_MIN_NOTIONAL, decide(OrderSide.SELL, OrderType.MARKET, 0, 1, false));
        assertEquals(RiskDecision.ACCEPTED, decide(OrderSide.SELL, OrderType.MARKET, 0, 2, false));
    }

    @Test
    void shouldExemptAReduceOnlyOrderFromTheMinimumNotional() {
        book(BID, ASK);
        assertEquals(RiskDecision.ACCEPTED, decide(OrderSide.SELL, OrderType.MARKET, 0, 1, true));
    }

    @Test
    void shouldRefuseALimitQuantityAboveTheVenuesMaximum() {
        book(BID, ASK);
        assertEquals(RiskDecision.ABOVE_VENUE_MAX_QTY, limit(OrderSide.BUY, 4_000_000, 1_000_001));
        assertEquals(RiskDecision.ACCEPTED, limit(OrderSide.BUY, 4_000_000, 1_000_000));
    }

    @Test
    void shouldRefuseAMarketQuantityAboveTheVenuesMarketMaximum() {
        book(BID, ASK);
        assertEquals(RiskDecision.ABOVE_VENUE_MAX_QTY, decide(OrderSide.SELL, OrderType.MARKET, 0, 120_001, false));
        assertEquals(RiskDecision.ACCEPTED, decide(OrderSide.SELL, OrderType.MARKET, 0, 120_000, false));
    }

    @Test
    void shouldRefuseAPriceBelowTheMinPriceOrAboveTheMaxPrice() {
        book(BID, ASK);
        assertEquals(RiskDecision.PRICE_OUT_OF_BAND, limit(OrderSide.BUY, 55_670, 1_000));
        assertEquals(RiskDecision.PRICE_OUT_OF_BAND, limit(OrderSide.SELL, 452_976_410, 1));
    }

    @Test
    void shouldRefuseABuyAboveTheBandOfTheMarkPrice() {
        book(BID, ASK);
        mark(5_000_000);
        assertEquals(RiskDecision.PRICE_OUT_OF_BAND, limit(OrderSide.BUY, 5_250_010, 2));
        assertEquals(RiskDecision.ACCEPTED, limit(OrderSide.BUY, 5_250_000, 2));
    }

    @Test
    void shouldRefuseASellBelowTheBandOfTheMarkPrice() {
        book(BID, ASK);
        mark(5_000_000);
        assertEquals(RiskDecision.PRICE_OUT_OF_BAND, limit(OrderSide.SELL, 4_749_990, 3));
        assertEquals(RiskDecision.ACCEPTED, limit(OrderSide.SELL, 4_750_000, 3));
    }

    @Test
    void shouldBandAroundTheMidWithoutAMarkPrice() {
        book(BID, ASK); // mid 50,000.10: cap 52,500.105
        assertEquals(RiskDecision.ACCEPTED, limit(OrderSide.BUY, 5_250_010, 2));
        assertEquals(RiskDecision.PRICE_OUT_OF_BAND, limit(OrderSide.BUY, 5_250_020, 2));
    }

    @Test
    void shouldRefuseABandedOrderWithoutAReferencePrice() {
        book(BID, 0); // valid, but one-sided and no mark price
        assertEquals(RiskDecision.PRICE_OUT_OF_BAND, limit(OrderSide.BUY, 5_000_000, 2));
    }
}
