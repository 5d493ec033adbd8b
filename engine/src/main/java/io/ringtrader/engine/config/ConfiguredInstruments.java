package io.ringtrader.engine.config;

import io.ringtrader.engine.instrument.InstrumentNames;
import java.util.List;

/**
 * The instruments the rest of a configuration refers to (those defined without problems), named by the rule of
 * {@link InstrumentNames}: a qualified {@code venue:SYMBOL}, or a bare symbol only one venue has. Used while loading.
 */
final class ConfiguredInstruments {
    private final List<InstrumentConfig> instruments;
    private final List<String> displayNames;

    ConfiguredInstruments(final List<InstrumentConfig> instruments) {
        this.instruments = List.copyOf(instruments);
        this.displayNames = InstrumentNames.displayNames(this.instruments, InstrumentConfig::venue, InstrumentConfig::symbol);
    }

    List<InstrumentConfig> all() {
        return instruments;
    }

    /** What {@code name} names; see {@link InstrumentNames#resolve}. */
    InstrumentNames.Match<InstrumentConfig> resolve(final String name) {
        return InstrumentNames.resolve(name, instruments, InstrumentConfig::venue, InstrumentConfig::symbol, false);
    }

    /** The name the session shows for a configured instrument: its symbol while unambiguous, else qualified. */
    String displayName(final InstrumentConfig instrument) {
        return displayNames.get(instruments.indexOf(instrument));
    }

    /** Every instrument's display name, in file order. */
    List<String> displayNames() {
        return displayNames;
    }
}
