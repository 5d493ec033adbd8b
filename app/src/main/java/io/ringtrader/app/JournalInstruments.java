package io.ringtrader.app;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.InstrumentNames;
import java.util.List;

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

    /** The venue's symbol, or null for an id the config does not name. */
    String symbol(final int instrumentId) {
        return isKnown(instrumentId) ? registry.byId(instrumentId).symbol() : null;
    }

    /**
     * The instrument's name as the session shows it (its symbol while no other venue of the config has it, else
     * {@code venue:SYMBOL}), or null for an id the config does not name.
     */
    String name(final int instrumentId) {
        return isKnown(instrumentId) ? registry.displayName(instrumentId) : null;
    }

    /** The name, {@code #id} for an id without one, {@code -} for an event without instrument. */
    String label(final int instrumentId) {
        if (instrumentId < 0) {
            return "-";
        }
        final String name = name(instrumentId);
        return name != null ? name : "#" + instrumentId;
    }

    int priceScale(final int instrumentId) {
        return isKnown(instrumentId) ? registry.byId(instrumentId).priceScale() : RAW;
    }

    int qtyScale(final int instrumentId) {
        return isKnown(instrumentId) ? registry.byId(instrumentId).qtyScale() : RAW;
    }

    /**
     * The id of the instrument {@code spec} names: {@code venue:SYMBOL} ({@code binance:BTCUSDT}), or a bare symbol
     * only one venue of the config has ({@code BTCUSDT}); case-insensitive.
     *
     * @throws IllegalArgumentException naming the configured instruments when none matches, naming the qualified names
     *                                  to write when the bare symbol is on several venues, or without a config.
     */
    int[] idsMatching(final String spec) {
        if (registry == null) {
            throw new IllegalArgumentException("--instrument needs --config to map symbols to instrument ids (this journal"
                + " has no instrument table: schema 5 or earlier, or written without one)");
        }
        final InstrumentNames.Match<Instrument> match = registry.resolve(spec.trim(), true);
        if (match.ambiguous()) {
            throw new IllegalArgumentException(match.problem());
        }
        if (!match.found()) {
            final List<String> configured = registry.instruments().stream().map(Instrument::qualifiedName).toList();
            throw new IllegalArgumentException("no instrument '" + spec + "' in " + source + "; "
                + ("the config".equals(source) ? "configured" : "it has") + ": "
                + (configured.isEmpty() ? "none" : String.join(", ", configured)));
        }
        return new int[] {match.instrument().id()};
    }
}
