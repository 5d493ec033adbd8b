package io.ringtrader.recorder;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a session journal holds, as its writer recorded it in every session header (schema 6 and later, see
 * {@link JournalSession}): the engine's version, the session's tag, the hash of the config it ran with and the
 * instrument table, which gives every instrument id in the journal its venue, symbol and scales. Readers take the
 * instruments from here, not from a config that may have changed since; {@link InstrumentMismatch#between} tells
 * how a config declares them differently. Immutable; safe from any thread.
 *
 * @param engineVersion the version of the engine that wrote the journal, e.g. {@code ringtrader 0.1.0}; empty when
 *                      the writer did not record one.
 * @param sessionTag    the session's tag (base 36 of its start time and a random salt; the Binance gateway sends it
 *                      in its client order ids, {@code rt-<tag>-<n>}); empty when the writer ran without one.
 * @param configHash    {@code sha256:<hex>} of the session's effective config, secrets masked; empty when not recorded.
 * @param instruments   the instrument table, in id order (the row at index {@code i} has id {@code i}).
 */
public record JournalManifest(String engineVersion, String sessionTag, String configHash, List<JournalInstrument> instruments) {
    public JournalManifest {
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(sessionTag, "sessionTag");
        Objects.requireNonNull(configHash, "configHash");
        instruments = List.copyOf(instruments);
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).id() != i) {
                throw new IllegalArgumentException("instrument table rows must be in id order 0.." + (instruments.size() - 1)
                    + ": row " + i + " has id " + instruments.get(i).id());
            }
        }
    }

    /** The manifest of a session that runs {@code registry}'s instruments. */
    public static JournalManifest of(final String engineVersion, final String sessionTag, final String configHash,
        final InstrumentRegistry registry) {
        final List<JournalInstrument> rows = new ArrayList<>(registry.count());
        for (int id = 0; id < registry.count(); id++) {
            rows.add(JournalInstrument.of(registry.byId(id)));
        }
        return new JournalManifest(engineVersion, sessionTag, configHash, rows);
    }

    /** Only the instrument table: a writer that knows no engine version, session tag or config hash (an import). */
    public static JournalManifest ofInstruments(final InstrumentRegistry registry) {
        return of("", "", "", registry);
    }

    /**
     * The instruments as an engine registry, ids as in the journal (without the venues' order filters).
     *
     * @throws IllegalArgumentException for a venue this build does not know, or a table no registry can hold.
     */
    public InstrumentRegistry registry() {
        final List<Instrument> list = new ArrayList<>(instruments.size());
        for (final JournalInstrument row : instruments) {
            list.add(row.toInstrument());
        }
        return new InstrumentRegistry(list);
    }

    /** The instrument names in id order, for people: {@code binance:BTCUSDT, binance:ETHUSDT}, or {@code none}. */
    public String describeInstruments() {
        if (instruments.isEmpty()) {
            return "none";
        }
        final StringBuilder text = new StringBuilder();
        for (final JournalInstrument row : instruments) {
            text.append(text.length() == 0 ? "" : ", ").append(row.name());
        }
        return text.toString();
    }
}
