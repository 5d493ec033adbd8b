package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.Venue;
import org.junit.jupiter.api.Test;

/**
 * Positions against hand-computed values. ETHUSDT here: price scale 2 (3000.00 is 300_000), qty scale 3
 * (1.000 is 1_000), contract size 1, so PnL = qty mantissa * price mantissa difference / 10^5 USDT.
 */
class PositionKeeperTest {
    private static final double EPS = 1e-9;
    private final PositionKeeper keeper = new PositionKeeper(new Instrument(0, Venue.BINANCE_USDM, "ETHUSDT", 2, 1, 3, 1, 1, 0));

    @Test
    void shouldAverageEntriesOfALongAndRealiseAPartialClose() {
        keeper.onFill(OrderSide.BUY, 300_000, 1_000, 0);   // 1.000 @ 3000.00
        keeper.onFill(OrderSide.BUY, 301_000, 1_000, 0);   // 1.000 @ 3010.00 -> 2.000 @ 3005.00
        assertEquals(2_000, keeper.qty());
        assertEquals(300_500, keeper.averagePrice(), EPS);
        keeper.onFill(OrderSide.SELL, 302_000, 500, 0);    // 0.500 @ 3020.00: +0.5 * 15 = +7.50
        assertEquals(1_500, keeper.qty());
        assertEquals(7.5, keeper.netRealisedPnl(), EPS);
        assertEquals(300_500, keeper.averagePrice(), EPS, "a reduction keeps the entry");
        keeper.onMark(299_500);                            // 1.5 * (2995 - 3005) = -15.00
        assertEquals(-15.0, keeper.unrealisedPnl(), EPS);
    }

    @Test
    void shouldRealiseAShortClosedAtALowerPrice() {
        keeper.onFill(OrderSide.SELL, 300_000, 2_000, 0);  // short 2.000 @ 3000.00
        keeper.onMark(299_000);
        assertEquals(20.0, keeper.unrealisedPnl(), EPS);   // 2 * 10
        keeper.onFill(OrderSide.BUY, 298_000, 2_000, 0);   // cover @ 2980.00: +40.00
        assertEquals(0, keeper.qty());
        assertEquals(40.0, keeper.netRealisedPnl(), EPS);
        assertEquals(0.0, keeper.unrealisedPnl(), EPS);
        assertEquals(0.0, keeper.averagePrice(), EPS);
    }

    @Test
    void shouldCloseAndReopenAtTheFillPriceWhenAFillFlipsThePosition() {
        keeper.onFill(OrderSide.BUY, 300_000, 1_000, 0);   // long 1 @ 3000
        keeper.onFill(OrderSide.SELL, 290_000, 3_000, 0);  // close 1 @ 2900 (-100), short 2 @ 2900
        assertEquals(-2_000, keeper.qty());
        assertEquals(-100.0, keeper.netRealisedPnl(), EPS);
        assertEquals(290_000, keeper.averagePrice(), EPS);
        keeper.onMark(291_000);
        assertEquals(-20.0, keeper.unrealisedPnl(), EPS);  // -2 * 10
    }

    @Test
    void shouldDeductFeesFromTheRealisedPnl() {
        keeper.onFill(OrderSide.BUY, 300_000, 1_000, 120_000_000L);  // fee 1.20 USDT
        keeper.onFill(OrderSide.SELL, 300_100, 1_000, 120_040_000L); // +1.00, fee 1.2004
        assertEquals(1.0 - 1.2 - 1.2004, keeper.netRealisedPnl(), EPS);
        final PositionKeeper.Snapshot snapshot = keeper.snapshot();
        assertEquals(2.4004, snapshot.fees(), EPS);
        assertEquals(keeper.netRealisedPnl(), snapshot.netRealisedPnl(), EPS);
        assertEquals(0, snapshot.qty());
    }

    @Test
    void shouldPublishASnapshotOfTheLatestState() {
        keeper.onFill(OrderSide.BUY, 300_000, 1_000, 0);
        keeper.onMark(300_200);
        final PositionKeeper.Snapshot snapshot = keeper.snapshot();
        assertEquals("ETHUSDT", snapshot.symbol());
        assertEquals(1_000, snapshot.qty());
        assertEquals(300_000, snapshot.averagePrice(), EPS);
        assertEquals(2.0, snapshot.unrealisedPnl(), EPS);
        assertEquals(2.0, snapshot.totalPnl(), EPS);
        assertEquals(300_200, snapshot.mark(), EPS);
    }
}
