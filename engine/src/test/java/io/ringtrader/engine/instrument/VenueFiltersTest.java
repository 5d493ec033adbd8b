package io.ringtrader.engine.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VenueFiltersTest {
    /** BTCUSDT's: price 556.80..4529764, maxQty 1000 / market 120, min notional 100, band 1.05 / 0.95. */
    private static final VenueFilters BTCUSDT = new VenueFilters(55_680, 452_976_400, 1_000_000, 120_000, 10_000_000,
        105_000_000, 95_000_000);
    private final Instrument btc = new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0, BTCUSDT);

    @Test
    void shouldCompareTheNotionalWithTheMinimumExactly() {
        assertTrue(btc.isBelowMinNotional(5_000_000, 1), "0.001 x 50,000.00 = 50");
        assertFalse(btc.isBelowMinNotional(5_000_000, 2), "0.002 x 50,000.00 = 100");
        assertTrue(btc.isBelowMinNotional(4_999_990, 2), "0.002 x 49,999.90 = 99.9998");
    }

    @Test
    void shouldNotOverflowOnAHugeNotional() {
        assertFalse(btc.isBelowMinNotional(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
    }

    @Test
    void shouldDivideTheMinimumByTheContractSize() {
        final Instrument halfContract = new Instrument(0, Venue.BITGET_USDT_FUTURES, "X", 2, 1, 0, 1, 5, 1,
            new VenueFilters(0, 0, 0, 0, 100_000, 0, 0)); // min notional 100 at scale 2 + 0 + 1
        assertTrue(halfContract.isBelowMinNotional(10_000, 1), "100.00 x 1 x 0.5 = 50");
        assertFalse(halfContract.isBelowMinNotional(10_000, 2), "100.00 x 2 x 0.5 = 100");
    }

    @Test
    void shouldApplyTheMaxQtyOfTheOrderType() {
        assertTrue(btc.isAboveVenueMaxQty(false, 1_000_001));
        assertFalse(btc.isAboveVenueMaxQty(false, 1_000_000));
        assertTrue(btc.isAboveVenueMaxQty(true, 120_001));
        assertFalse(btc.isAboveVenueMaxQty(true, 120_000));
    }

    @Test
    void shouldBoundABuyAboveAndASellBelowTheReference() {
        assertTrue(btc.isPriceOutOfBand(true, 5_250_010, 5_000_000), "52,500.10 > 50,000 x 1.05");
        assertFalse(btc.isPriceOutOfBand(true, 5_250_000, 5_000_000));
        assertFalse(btc.isPriceOutOfBand(true, 100_000, 5_000_000), "a BUY far below passes the band");
        assertTrue(btc.isPriceOutOfBand(false, 4_749_990, 5_000_000), "47,499.90 < 50,000 x 0.95");
        assertFalse(btc.isPriceOutOfBand(false, 4_750_000, 5_000_000));
    }

    @Test
    void shouldApplyTheMinAndMaxPriceWithoutAReference() {
        final Instrument noBand = new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0,
            new VenueFilters(55_680, 452_976_400, 0, 0, 0, 0, 0));
        assertTrue(noBand.isPriceOutOfBand(true, 55_670, 0));
        assertTrue(noBand.isPriceOutOfBand(false, 452_976_410, 0));
        assertFalse(noBand.isPriceOutOfBand(true, 5_000_000, 0));
    }

    @Test
    void shouldRefuseABandedPriceWithoutAReference() {
        assertTrue(btc.isPriceOutOfBand(true, 5_000_000, 0));
    }

    @Test
    void shouldCheckNothingWithoutFilters() {
        final Instrument plain = new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0);
        assertFalse(plain.isBelowMinNotional(1, 1));
        assertFalse(plain.isAboveVenueMaxQty(true, Long.MAX_VALUE));
        assertFalse(plain.isPriceOutOfBand(true, Long.MAX_VALUE, 0));
    }

    @Test
    void shouldRefuseFiltersOffTheInstrumentsGrid() {
        assertThrows(IllegalArgumentException.class, () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1,
            1, 0, new VenueFilters(55_685, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void shouldRefuseAHalfBand() {
        assertThrows(IllegalArgumentException.class, () -> new VenueFilters(0, 0, 0, 0, 0, 105_000_000, 0));
    }
}
