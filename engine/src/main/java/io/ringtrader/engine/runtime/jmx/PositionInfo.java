package io.ringtrader.engine.runtime.jmx;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.risk.PositionKeeper;
import java.beans.ConstructorProperties;

/**
 * One instrument's position in decimal units, an MXBean composite type. Immutable.
 */
public final class PositionInfo {
    private final String instrument;
    private final String venue;
    private final String symbol;
    private final double qty;
    private final double averagePrice;
    private final double netRealisedPnl;
    private final double unrealisedPnl;
    private final double fees;
    private final double mark;

    /** For the MXBean mapping (a proxy rebuilds it from its {@code CompositeData}). */
    @ConstructorProperties({"instrument", "venue", "symbol", "qty", "averagePrice", "netRealisedPnl", "unrealisedPnl", "fees",
        "mark"})
    public PositionInfo(final String instrument, final String venue, final String symbol, final double qty,
        final double averagePrice, final double netRealisedPnl, final double unrealisedPnl, final double fees, final double mark) {
        this.instrument = instrument;
        this.venue = venue;
        this.symbol = symbol;
        this.qty = qty;
        this.averagePrice = averagePrice;
        this.netRealisedPnl = netRealisedPnl;
        this.unrealisedPnl = unrealisedPnl;
        this.fees = fees;
        this.mark = mark;
    }

    /**
     * Converts a position snapshot's mantissas with the instrument's scales.
     *
     * @param name the instrument's name as the session shows it.
     */
    static PositionInfo of(final PositionKeeper.Snapshot snapshot, final Instrument instrument, final String name) {
        final double priceUnit = Math.pow(10, instrument.priceScale());
        return new PositionInfo(name, instrument.venue().configName(), instrument.symbol(),
            snapshot.qty() / Math.pow(10, instrument.qtyScale()),
            snapshot.averagePrice() / priceUnit, snapshot.netRealisedPnl(), snapshot.unrealisedPnl(), snapshot.fees(),
            snapshot.mark() / priceUnit);
    }

    /**
     * The instrument as the session names it: its symbol while no other venue of the session has that symbol, else
     * {@code venue:SYMBOL}.
     */
    public String getInstrument() {
        return instrument;
    }

    /** The venue's config name. */
    public String getVenue() {
        return venue;
    }

    /** The venue's symbol. */
    public String getSymbol() {
        return symbol;
    }

    /** Signed quantity (contracts/lots in the instrument's quantity unit); 0 when flat. */
    public double getQty() {
        return qty;
    }

    /** Average entry price; 0 when flat. */
    public double getAveragePrice() {
        return averagePrice;
    }

    /** Realised PnL, quote currency, fees deducted. */
    public double getNetRealisedPnl() {
        return netRealisedPnl;
    }

    /** Unrealised PnL at {@link #getMark()}, quote currency. */
    public double getUnrealisedPnl() {
        return unrealisedPnl;
    }

    /** Fees paid, quote currency. */
    public double getFees() {
        return fees;
    }

    /** The valuation price; NaN before the first. */
    public double getMark() {
        return mark;
    }
}
