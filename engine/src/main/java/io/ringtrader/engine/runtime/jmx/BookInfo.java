package io.ringtrader.engine.runtime.jmx;

import java.beans.ConstructorProperties;

/**
 * One instrument's book as the risk stage last saw it, an MXBean composite type. Immutable.
 */
public final class BookInfo {
    private final String instrument;
    private final String symbol;
    private final String venue;
    private final String state;
    private final double bestBid;
    private final double bestAsk;
    private final boolean stale;

    /** For the MXBean mapping (a proxy rebuilds it from its {@code CompositeData}). */
    @ConstructorProperties({"instrument", "symbol", "venue", "state", "bestBid", "bestAsk", "stale"})
    public BookInfo(final String instrument, final String symbol, final String venue, final String state,
        final double bestBid, final double bestAsk, final boolean stale) {
        this.instrument = instrument;
        this.symbol = symbol;
        this.venue = venue;
        this.state = state;
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
        this.stale = stale;
    }

    /**
     * The instrument as the session names it: its symbol while no other venue of the session has that symbol, else
     * {@code venue:SYMBOL}.
     */
    public String getInstrument() {
        return instrument;
    }

    /** The venue's symbol. */
    public String getSymbol() {
        return symbol;
    }

    /** The venue's config name. */
    public String getVenue() {
        return venue;
    }

    /** {@code VALID}, {@code INVALID}, {@code AWAITING_SNAPSHOT}, or empty before the first event of the instrument. */
    public String getState() {
        return state;
    }

    /** Best bid of the last valid book view; 0 before one. */
    public double getBestBid() {
        return bestBid;
    }

    /** Best ask of the last valid book view; 0 before one. */
    public double getBestAsk() {
        return bestAsk;
    }

    /** True when the best prices shown are from an earlier valid view and the book is not valid now. */
    public boolean isStale() {
        return stale;
    }
}
