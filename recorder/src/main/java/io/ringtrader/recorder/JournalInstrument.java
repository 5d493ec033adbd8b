package io.ringtrader.recorder;

import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.Venue;

/**
 * One row of a journal's instrument table ({@link JournalManifest}): what an instrument id in the journal's
 * events meant to the engine that wrote them. Prices and quantities in the events are mantissas at these
 * scales. Immutable; safe from any thread.
 *
 * @param id                   the engine's instrument id, as carried by every event and order command.
 * @param venue                the venue's config name, e.g. {@code binance}.
 * @param venueId              the venue's stable id ({@link Venue#id()}).
 * @param symbol               the venue's symbol, e.g. {@code BTCUSDT}.
 * @param priceScale           decimals of price mantissas.
 * @param tickSizeMantissa     the price increment at {@code priceScale}.
 * @param qtyScale             decimals of quantity mantissas.
 * @param lotSizeMantissa      the quantity increment at {@code qtyScale}.
 * @param contractSizeMantissa base units per contract at {@code contractSizeScale}.
 * @param contractSizeScale    decimals of the contract size.
 */
public record JournalInstrument(
    int id,
    String venue,
    int venueId,
    String symbol,
    int priceScale,
    long tickSizeMantissa,
    int qtyScale,
    long lotSizeMantissa,
    long contractSizeMantissa,
    int contractSizeScale) {

    public JournalInstrument {
        if (venue == null || symbol == null) {
            throw new IllegalArgumentException("an instrument table row needs a venue and a symbol");
        }
    }

    /** The row of an engine instrument. */
    public static JournalInstrument of(final Instrument instrument) {
        return new JournalInstrument(instrument.id(), instrument.venue().configName(), instrument.venue().id(),
            instrument.symbol(), instrument.priceScale(), instrument.tickSizeMantissa(), instrument.qtyScale(),
            instrument.lotSizeMantissa(), instrument.contractSizeMantissa(), instrument.contractSizeScale());
    }

    /** {@code venue:SYMBOL}, e.g. {@code binance:BTCUSDT}. */
    public String name() {
        return venue + ':' + symbol;
    }

    /** The tick size as a decimal, e.g. {@code 0.10}. */
    public String tickSize() {
        return FixedPoint.toString(tickSizeMantissa, priceScale);
    }

    /** The lot size as a decimal, e.g. {@code 0.001}. */
    public String lotSize() {
        return FixedPoint.toString(lotSizeMantissa, qtyScale);
    }

    /** The contract size as a decimal, e.g. {@code 1}. */
    public String contractSize() {
        return FixedPoint.toString(contractSizeMantissa, contractSizeScale);
    }

    /**
     * The engine instrument this row describes (without the venue's order filters, which the table does not hold).
     *
     * @throws IllegalArgumentException for a venue this build does not know, or values no instrument can have.
     */
    public Instrument toInstrument() {
        return new Instrument(id, Venue.fromConfigName(venue), symbol, priceScale, tickSizeMantissa, qtyScale,
            lotSizeMantissa, contractSizeMantissa, contractSizeScale);
    }

    /** For people: {@code #0 binance:BTCUSDT tick 0.10 (scale 2), lot 0.001 (scale 3), contract 1}. */
    public String describe() {
        return "#" + id + ' ' + name() + " tick " + tickSize() + " (scale " + priceScale + "), lot " + lotSize()
            + " (scale " + qtyScale + "), contract " + contractSize();
    }
}
