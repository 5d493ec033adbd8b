package io.ringtrader.replay;

import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.recorder.InstrumentMismatch;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalSession;
import java.util.List;

/**
 * How a replay's config declares the instruments against the instrument table of the journal's session header
 * (schema 6 and later): the same, differently ({@link #mismatches()}, each naming the instrument and the difference),
 * or unchecked because the journal has no table (schema 5 and earlier). Immutable; safe from any thread.
 *
 * @param header     the journal's first session header; null when it has none.
 * @param mismatches how the config's instruments differ from the journal's; empty when they are the same or the
 *                   journal has no table.
 */
public record InstrumentCheck(JournalSession header, List<InstrumentMismatch> mismatches) {
    public InstrumentCheck {
        mismatches = List.copyOf(mismatches);
    }

    /** Compares {@code config} with the table in the first session header of the queue {@code reader} reads. */
    public static InstrumentCheck of(final JournalReader reader, final InstrumentRegistry config) {
        final JournalSession header = reader.firstSession();
        if (header == null || !header.hasManifest()) {
            return new InstrumentCheck(header, List.of());
        }
        return new InstrumentCheck(header, InstrumentMismatch.between(header.manifest().instruments(), config));
    }

    /** Whether the journal has an instrument table to check against. */
    public boolean hasTable() {
        return header != null && header.hasManifest();
    }

    /** Whether the config declares the instruments as the journal does (or there is no table to tell). */
    public boolean matches() {
        return mismatches.isEmpty();
    }

    /** The differences, one per line, indented by two spaces. */
    public String describeMismatches() {
        final StringBuilder text = new StringBuilder();
        for (final InstrumentMismatch mismatch : mismatches) {
            text.append("  ").append(mismatch.describe()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** One line for the replay's report: where the instruments came from and whether they were checked. */
    public String describe(final int configured) {
        if (header == null) {
            return "the journal has no session header: the config's " + configured + " instruments are used unchecked";
        }
        if (!header.hasManifest()) {
            return "the journal (schema " + header.schemaVersion() + ") has no instrument table: the config's " + configured
                + " instruments are used unchecked";
        }
        if (mismatches.isEmpty()) {
            return header.manifest().instruments().size() + " as in the journal's instrument table ("
                + header.manifest().describeInstruments() + ")";
        }
        return "--config-mismatch=allow: the config's " + configured + " instruments override the journal's table in "
            + mismatches.size() + (mismatches.size() == 1 ? " way" : " ways") + ": "
            + String.join("; ", mismatches.stream().map(InstrumentMismatch::describe).toList());
    }
}
