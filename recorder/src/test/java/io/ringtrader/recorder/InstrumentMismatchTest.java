package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a config can declare an instrument differently from a journal's instrument table, named. */
class InstrumentMismatchTest {
    /** The journal: BTCUSDT tick 0.10 (scale 2), lot 0.001 (scale 3); ETHUSDT tick 0.01, lot 0.001; both contract 1. */
    private static final List<JournalInstrument> JOURNAL = List.of(
        JournalInstrument.of(btc(0, 2, 10, 3, 1, 1, 0)),
        JournalInstrument.of(eth(1)));

    @Test
    void shouldFindNothingWhenTheConfigDeclaresTheJournalsInstruments() {
        assertEquals(List.of(), InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 3, 1, 1, 0), eth(1))));
    }

    /** The tick 0.10 at price scale 2 is 0.100 at scale 3: the increments are compared as numbers, only the scale differs. */
    @Test
    void shouldNameAnInstrumentWhosePriceScaleDiffers() {
        final List<InstrumentMismatch> found = InstrumentMismatch.between(JOURNAL, registry(btc(0, 3, 100, 3, 1, 1, 0), eth(1)));
        assertEquals(List.of(new InstrumentMismatch("binance:BTCUSDT", "priceScale 2 in the journal, 3 in the config")), found);
        assertEquals("binance:BTCUSDT: priceScale 2 in the journal, 3 in the config", found.get(0).describe());
    }

    @Test
    void shouldNameAnInstrumentWhoseQuantityScaleDiffers() {
        assertEquals(List.of(new InstrumentMismatch("binance:BTCUSDT", "qtyScale 3 in the journal, 4 in the config")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 4, 10, 1, 0), eth(1))));
    }

    @Test
    void shouldNameAnInstrumentWhoseTickSizeDiffers() {
        assertEquals(List.of(new InstrumentMismatch("binance:BTCUSDT", "tickSize 0.10 in the journal, 0.01 in the config")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 1, 3, 1, 1, 0), eth(1))));
    }

    @Test
    void shouldNameAnInstrumentWhoseLotSizeDiffers() {
        assertEquals(List.of(new InstrumentMismatch("binance:BTCUSDT", "lotSize 0.001 in the journal, 0.002 in the config")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 3, 2, 1, 0), eth(1))));
    }

    @Test
    void shouldNameAnInstrumentWhoseContractSizeDiffers() {
        assertEquals(List.of(new InstrumentMismatch("binance:BTCUSDT", "contractSize 1 in the journal, 0.1 in the config")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 3, 1, 1, 1), eth(1))));
    }

    @Test
    void shouldNameEveryInstrumentWhoseIdDiffers() {
        assertEquals(List.of(
                new InstrumentMismatch("binance:BTCUSDT", "id 0 in the journal, 1 in the config (the ids of the journal's"
                    + " events would name other instruments)"),
                new InstrumentMismatch("binance:ETHUSDT", "id 1 in the journal, 0 in the config (the ids of the journal's"
                    + " events would name other instruments)")),
            InstrumentMismatch.between(JOURNAL, registry(eth(0), btc(1, 2, 10, 3, 1, 1, 0))));
    }

    @Test
    void shouldNameAnInstrumentTheConfigDoesNotDeclare() {
        assertEquals(List.of(new InstrumentMismatch("binance:ETHUSDT", "id 1 in the journal, not in the config")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 3, 1, 1, 0))));
    }

    @Test
    void shouldNameAnInstrumentOnlyTheConfigDeclares() {
        final Instrument sol = new Instrument(2, Venue.BINANCE_USDM, "SOLUSDT", 2, 1, 0, 1, 1, 0);
        assertEquals(List.of(new InstrumentMismatch("binance:SOLUSDT", "id 2 in the config, not in the journal")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 3, 1, 1, 0), eth(1), sol)));
    }

    @Test
    void shouldTellInstrumentsOnAnotherVenueApart() {
        final Instrument bitget = new Instrument(1, Venue.BITGET_USDT_FUTURES, "ETHUSDT", 2, 1, 3, 1, 1, 0);
        assertEquals(List.of(new InstrumentMismatch("binance:ETHUSDT", "id 1 in the journal, not in the config"),
                new InstrumentMismatch("bitget:ETHUSDT", "id 1 in the config, not in the journal")),
            InstrumentMismatch.between(JOURNAL, registry(btc(0, 2, 10, 3, 1, 1, 0), bitget)));
    }

    private static Instrument btc(final int id, final int priceScale, final long tick, final int qtyScale, final long lot,
        final long contractSize, final int contractScale) {
        return new Instrument(id, Venue.BINANCE_USDM, "BTCUSDT", priceScale, tick, qtyScale, lot, contractSize, contractScale);
    }

    private static Instrument eth(final int id) {
        return new Instrument(id, Venue.BINANCE_USDM, "ETHUSDT", 2, 1, 3, 1, 1, 0);
    }

    private static InstrumentRegistry registry(final Instrument... instruments) {
        return new InstrumentRegistry(List.of(instruments));
    }
}
