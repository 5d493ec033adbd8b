package io.ringtrader.engine.runtime;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.risk.StrategyPauses;
import io.ringtrader.engine.risk.VenueStates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the status line that the risk stage knows, as the ring told it (the same text live and after a
 * replay of the session):
 * <pre>
 *   binance connected 3/3                         every connection the venue reported is up
 *   binance DISCONNECTED 1/3 down                 a connection is lost
 *   binance connecting                            no connection reported yet
 *   binance ... ORDER ENTRY HALTED (code -1022)   the gateway halted its order entry (credentials refused)
 *   BTCUSDT 90005.30/90006.00                     best bid/ask of a valid book, the instrument named as the session
 *                                                 names it: binance:BTCUSDT where another venue has BTCUSDT too
 *   BTCUSDT 90005.30/90006.00 STALE (book INVALID) the last prices of a book that is not valid now
 *   rejects risk 2 venue 42 (-1022 x42)           risk rejects, and venue rejects by venue code
 *   PAUSED obi-btc (10 venue rejects in a row, last -2019)
 * </pre>
 * Any thread: reads the risk stage's any-thread accessors only. Builds strings (the status line is not on a ring
 * thread).
 */
public final class RiskStatusLine {
    private RiskStatusLine() {
    }

    /** The venues of the configured instruments, in the order their first instrument is listed. */
    public static List<Venue> venuesOf(final InstrumentRegistry instruments) {
        final List<Venue> venues = new ArrayList<>();
        for (final Instrument instrument : instruments.instruments()) {
            if (!venues.contains(instrument.venue())) {
                venues.add(instrument.venue());
            }
        }
        return venues;
    }

    /** {@code " | binance connected 3/3"} for each venue (see the class comment). */
    public static void appendVenues(final StringBuilder line, final PreTradeRiskHandler risk, final List<Venue> venues) {
        final VenueStates states = risk.venues();
        for (final Venue venue : venues) {
            line.append(" | ").append(venue.configName()).append(' ').append(connectionText(states, venue.id()));
            if (states.isOrderEntryHalted(venue.id())) {
                line.append(" ORDER ENTRY HALTED (code ").append(states.orderEntryHaltCode(venue.id())).append(')');
            }
        }
    }

    /** How the venue's connections stand: {@code connected 3/3}, {@code DISCONNECTED 1/3 down} or {@code connecting}. */
    public static String connectionText(final VenueStates states, final int venueId) {
        final int known = states.connectionsKnown(venueId);
        final int down = states.connectionsDown(venueId);
        if (known == 0) {
            return "connecting";
        }
        return down == 0 ? "connected " + known + "/" + known : "DISCONNECTED " + down + "/" + known + " down";
    }

    /**
     * {@code " | BTCUSDT 90005.30/90006.00"}, marked stale when the book is not valid now; the instrument named by
     * {@link InstrumentRegistry#displayName(int)}.
     */
    public static void appendQuote(final StringBuilder line, final PreTradeRiskHandler risk,
        final InstrumentRegistry instruments, final int id) {
        appendQuote(line, risk, instruments.byId(id), instruments.displayName(id));
    }

    /** {@code " | BTCUSDT 90005.30/90006.00"} for an instrument of a session where no other venue has its symbol. */
    public static void appendQuote(final StringBuilder line, final PreTradeRiskHandler risk, final Instrument instrument) {
        appendQuote(line, risk, instrument, instrument.symbol());
    }

    private static void appendQuote(final StringBuilder line, final PreTradeRiskHandler risk, final Instrument instrument,
        final String name) {
        final int id = instrument.id();
        line.append(" | ").append(name).append(' ');
        if (risk.bestBid(id) == 0 && risk.bestAsk(id) == 0) {
            line.append("no book");
            return;
        }
        line.append(BigDecimal.valueOf(risk.bestBid(id), instrument.priceScale()).toPlainString()).append('/')
            .append(BigDecimal.valueOf(risk.bestAsk(id), instrument.priceScale()).toPlainString());
        final BookState state = risk.bookState(id);
        if (state != BookState.VALID) {
            line.append(" STALE (book ").append(state).append(')');
        }
    }

    /** True when the instrument's best prices are shown but its book is not valid now. */
    public static boolean isStale(final PreTradeRiskHandler risk, final int instrumentId) {
        return (risk.bestBid(instrumentId) != 0 || risk.bestAsk(instrumentId) != 0)
            && risk.bookState(instrumentId) != BookState.VALID;
    }

    /** {@code "rejects risk 2 venue 42 (-1022 x42)"}; venue codes are prefixed by their venue when several trade. */
    public static void appendRejects(final StringBuilder line, final PreTradeRiskHandler risk, final List<Venue> venues) {
        final VenueStates states = risk.venues();
        line.append("rejects risk ").append(risk.rejected()).append(" venue ").append(states.venueRejects());
        final int codes = states.rejectCodes();
        if (codes == 0 && states.otherRejects() == 0) {
            return;
        }
        line.append(" (");
        for (int i = 0; i < codes; i++) {
            if (i > 0) {
                line.append(", ");
            }
            if (venues.size() > 1) {
                line.append(Venue.fromId(states.rejectVenue(i)).configName()).append(' ');
            }
            line.append(states.rejectCode(i)).append(" x").append(states.rejectCount(i));
        }
        if (states.otherRejects() > 0) {
            line.append(codes > 0 ? ", " : "").append("other codes x").append(states.otherRejects());
        }
        line.append(')');
    }

    /** {@code " | PAUSED obi-btc (10 venue rejects in a row, last -2019)"} for each paused strategy. */
    public static void appendPauses(final StringBuilder line, final PreTradeRiskHandler risk) {
        final StrategyPauses pauses = risk.pauses();
        for (int id = 0; id < pauses.strategyCount(); id++) {
            if (pauses.isPaused(id)) {
                line.append(" | PAUSED ").append(pauses.name(id)).append(" (").append(pauses.consecutiveRejects(id))
                    .append(" venue rejects in a row, last ").append(pauses.lastRejectCode(id)).append(')');
            }
        }
    }
}
