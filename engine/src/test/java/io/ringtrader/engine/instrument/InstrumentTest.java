package io.ringtrader.engine.instrument;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentTest {
    static Instrument btcUsdt(final int id, final Venue venue) {
        return new Instrument(id, venue, "BTCUSDT", 2, 10L, 3, 1L, 1L, 0);
    }

    @Test
    void shouldKeepConstructorValues() {
        final Instrument instrument = new Instrument(3, Venue.BITGET_USDT_FUTURES, "ETHUSDT", 2, 1L, 4, 100L, 1L, 0);

        assertEquals(3, instrument.id());
        assertSame(Venue.BITGET_USDT_FUTURES, instrument.venue());
        assertEquals("ETHUSDT", instrument.symbol());
        assertEquals(2, instrument.priceScale());
        assertEquals(1L, instrument.tickSizeMantissa());
        assertEquals(4, instrument.qtyScale());
        assertEquals(100L, instrument.lotSizeMantissa());
        assertEquals(1L, instrument.contractSizeMantissa());
        assertEquals(0, instrument.contractSizeScale());
    }

    @Test
    void shouldDetectPriceOnTick() {
        final Instrument instrument = btcUsdt(0, Venue.BINANCE_USDM);

        assertTrue(instrument.isOnTick(6180020L));
        assertTrue(instrument.isOnTick(0L));
        assertFalse(instrument.isOnTick(6180025L));
    }

    @Test
    void shouldDetectQtyOnLot() {
        final Instrument instrument = new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 1, 1L, 3, 5L, 1L, 0);

        assertTrue(instrument.isOnLot(15L));
        assertFalse(instrument.isOnLot(12L));
    }

    @Test
    void shouldRejectNonPositiveTickSize() {
        assertRejected("tickSize must be > 0", () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 0L, 3, 1L, 1L, 0));
        assertRejected("tickSize must be > 0", () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, -10L, 3, 1L, 1L, 0));
    }

    @Test
    void shouldRejectNonPositiveLotSize() {
        assertRejected("lotSize must be > 0", () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10L, 3, 0L, 1L, 0));
    }

    @Test
    void shouldRejectNonPositiveContractSize() {
        assertRejected("contractSize must be > 0", () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10L, 3, 1L, 0L, 0));
    }

    @Test
    void shouldRejectScaleOutOfRange() {
        assertRejected("priceScale must be between 0 and 18: 19",
            () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 19, 10L, 3, 1L, 1L, 0));
        assertRejected("qtyScale must be between 0 and 18: -1",
            () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10L, -1, 1L, 1L, 0));
        assertRejected("contractSizeScale must be between 0 and 18: 20",
            () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10L, 3, 1L, 1L, 20));
    }

    @Test
    void shouldRejectEmptySymbol() {
        assertRejected("symbol must not be empty", () -> new Instrument(0, Venue.BINANCE_USDM, "", 2, 10L, 3, 1L, 1L, 0));
        assertRejected("symbol must not be empty", () -> new Instrument(0, Venue.BINANCE_USDM, null, 2, 10L, 3, 1L, 1L, 0));
    }

    @Test
    void shouldRejectSymbolThatIsNotPrintableAscii() {
        assertRejected("printable ASCII", () -> new Instrument(0, Venue.BINANCE_USDM, "BTC USDT", 2, 10L, 3, 1L, 1L, 0));
        assertRejected("printable ASCII", () -> new Instrument(0, Venue.BINANCE_USDM, "BTCUSDÉ", 2, 10L, 3, 1L, 1L, 0));
        assertRejected("printable ASCII", () -> new Instrument(0, Venue.BINANCE_USDM, "BTC\tUSDT", 2, 10L, 3, 1L, 1L, 0));
    }

    @Test
    void shouldRejectNegativeId() {
        assertRejected("binance:BTCUSDT: id must be >= 0: -1", () -> btcUsdt(-1, Venue.BINANCE_USDM));
    }

    @Test
    void shouldRejectNullVenue() {
        assertRejected("venue must not be null", () -> btcUsdt(0, null));
    }

    @Test
    void shouldBeEqualByValue() {
        assertEquals(btcUsdt(0, Venue.BINANCE_USDM), btcUsdt(0, Venue.BINANCE_USDM));
        assertEquals(btcUsdt(0, Venue.BINANCE_USDM).hashCode(), btcUsdt(0, Venue.BINANCE_USDM).hashCode());
        assertNotEquals(btcUsdt(0, Venue.BINANCE_USDM), btcUsdt(0, Venue.BITGET_USDT_FUTURES));
    }

    @Test
    void shouldDescribeSizesAsDecimalsInToString() {
        final String text = btcUsdt(0, Venue.BINANCE_USDM).toString();

        assertTrue(text.contains("venue=binance") && text.contains("symbol=BTCUSDT"), text);
        assertTrue(text.contains("tickSize=0.10") && text.contains("lotSize=0.001"), text);
    }

    private static void assertRejected(final String expectedMessagePart, final Runnable construction) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }
}
