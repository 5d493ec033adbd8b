package io.ringtrader.app;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names and scales of the instrument ids found in a journal: from the instrument table of its session header
 * (schema 6), from a config's {@code instruments:} (ids in file order, as the engine assigns them), or none at all,
 * in which case ids and mantissas are shown raw. Immutable; used on the command's thread.
 */
final class JournalInstruments {
    /** Scale returned where none is known: print the raw mantissa. */
    static final int RAW = -1;

    private final InstrumentRegistry registry;
    private final String source;

    private JournalInstruments(final InstrumentRegistry registry, final String source) {
        this.registry = registry;
        this.source = source;
    }

    /** No instruments known: raw ids and mantissas. */
    static JournalInstruments raw() {
        return new JournalInstruments(null, null);
    }

    /** The instruments of a config. */
    static JournalInstruments of(final InstrumentRegistry registry) {
        return new JournalInstruments(registry, "the config");
    }

    /** The instruments of a journal's instrument table. */
    static JournalInstruments ofJournal(final InstrumentRegistry registry) {
        return new JournalInstruments(registry, "the journal's instrument table");
    }

    /** Whether instruments are known (from the journal or a config); without them ids and mantissas are raw. */
    boolean hasConfig() {
        return registry != null;
    }

    /** Where the instruments came from: {@code the journal's instrument table}, {@code the config}; null for none. */
    String source() {
        return source;
    }

    /** The registry, or null without a config. */
    InstrumentRegistry registry() {
        return registry;
    }

    /** Whether the config names this id. */
    boolean isKnown(final int instrumentId) {
        return registry != null && instrumentId >= 0 && instrumentId < registry.count();
    }

    /** The symbol, or null for an id the config does not name. */
    String symbol(final int instrumentId) {
        return isKnown(instrumentId) ? registry.byId(instrumentId).symbol() : null;
    }

    /** The symbol, {@code #id} for an id without one, {@code -} for an event without instrument. */
    String label(final int instrumentId) {
        if (instrumentId < 0) {
            return "-";
        }
        final String symbol = symbol(instrumentId);
        return symbol != null ? symbol : "#" + instrumentId;
    }

    int priceScale(final int instrumentId) {
        return isKnown(instrumentId) ? registry.byId(instrumentId).priceScale() : RAW;
    }

    int qtyScale(final int instrumentId) {
        return isKnown(instrumentId) ? registry.byId(instrumentId).qtyScale() : RAW;
    }

    /**
     * The ids of the instruments {@code spec} names: a symbol ({@code BTCUSDT}, every venue) or
     * {@code venue:SYMBOL} ({@code binance:BTCUSDT}), case-insensitive.
     *
     * @throws IllegalArgumentException naming the configured instruments when none matches, or without a config.
     */
    int[] idsMatching(final String spec) {
        if (registry == null) {
            throw new IllegalArgumentException("--instrument needs --config to map symbols to instrument ids (this journal"
                + " has no instrument table: schema 5 or earlier, or written without one)");
        }
        final int colon = spec.indexOf(':');
        final String venue = colon < 0 ? null : spec.substring(0, colon).toLowerCase(Locale.ROOT);
        final String symbol = (colon < 0 ? spec : spec.substring(colon + 1)).trim();
        final List<Integer> ids = new ArrayList<>();
        final StringBuilder configured = new StringBuilder();
        for (final Instrument instrument : registry.instruments()) {
            if (instrument.symbol().equalsIgnoreCase(symbol)
                && (venue == null || instrument.venue().configName().equals(venue))) {
                ids.add(instrument.id());
            }
            configured.append(configured.length() == 0 ? "" : ", ")
                .append(instrument.venue().configName()).append(':').append(instrument.symbol());
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no instrument '" + spec + "' in " + source + "; "
                + ("the config".equals(source) ? "configured" : "it has") + ": "
                + (configured.length() == 0 ? "none" : configured));
        }
        final int[] result = new int[ids.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ids.get(i);
        }
        return result;
    }
}
