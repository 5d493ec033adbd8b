package io.ringtrader.recorder;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One way a config declares an instrument differently from a journal's instrument table ({@link JournalManifest}):
 * another id, other scales, tick, lot or contract size, or an instrument only one of them has. Instruments are
 * matched by venue and symbol. Immutable; safe from any thread.
 *
 * @param instrument the instrument, {@code venue:SYMBOL}.
 * @param difference what differs, e.g. {@code tickSize 0.10 in the journal, 0.01 in the config}.
 */
public record InstrumentMismatch(String instrument, String difference) {

    /**
     * Every difference between the journal's table and the config's instruments, in the journal's id order, then the
     * config's instruments the journal does not have; empty when the config declares exactly the journal's instruments.
     */
    public static List<InstrumentMismatch> between(final List<JournalInstrument> journal, final InstrumentRegistry config) {
        final List<InstrumentMismatch> found = new ArrayList<>();
        final boolean[] matched = new boolean[config.count()];
        for (final JournalInstrument row : journal) {
            final Instrument configured = find(config, row);
            if (configured == null) {
                found.add(new InstrumentMismatch(row.name(), "id " + row.id() + " in the journal, not in the config"));
                continue;
            }
            matched[configured.id()] = true;
            compare(row, JournalInstrument.of(configured), found);
        }
        for (int id = 0; id < config.count(); id++) {
            if (!matched[id]) {
                final JournalInstrument extra = JournalInstrument.of(config.byId(id));
                found.add(new InstrumentMismatch(extra.name(), "id " + id + " in the config, not in the journal"));
            }
        }
        return List.copyOf(found);
    }

    /** {@code binance:BTCUSDT: tickSize 0.10 in the journal, 0.01 in the config}. */
    public String describe() {
        return instrument + ": " + difference;
    }

    private static Instrument find(final InstrumentRegistry config, final JournalInstrument row) {
        for (final Instrument instrument : config.instruments()) {
            if (instrument.venue().configName().equals(row.venue()) && instrument.symbol().equals(row.symbol())) {
                return instrument;
            }
        }
        return null;
    }

    private static void compare(final JournalInstrument journal, final JournalInstrument config,
        final List<InstrumentMismatch> found) {
        final String name = journal.name();
        if (journal.id() != config.id()) {
            found.add(new InstrumentMismatch(name, "id " + journal.id() + " in the journal, " + config.id() + " in the config"
                + " (the ids of the journal's events would name other instruments)"));
        }
        if (journal.priceScale() != config.priceScale()) {
            found.add(differs(name, "priceScale", Integer.toString(journal.priceScale()), Integer.toString(config.priceScale())));
        }
        if (journal.qtyScale() != config.qtyScale()) {
            found.add(differs(name, "qtyScale", Integer.toString(journal.qtyScale()), Integer.toString(config.qtyScale())));
        }
        if (!sameDecimal(journal.tickSizeMantissa(), journal.priceScale(), config.tickSizeMantissa(), config.priceScale())) {
            found.add(differs(name, "tickSize", journal.tickSize(), config.tickSize()));
        }
        if (!sameDecimal(journal.lotSizeMantissa(), journal.qtyScale(), config.lotSizeMantissa(), config.qtyScale())) {
            found.add(differs(name, "lotSize", journal.lotSize(), config.lotSize()));
        }
        if (!sameDecimal(journal.contractSizeMantissa(), journal.contractSizeScale(), config.contractSizeMantissa(),
            config.contractSizeScale())) {
            found.add(differs(name, "contractSize", journal.contractSize(), config.contractSize()));
        }
    }

    private static InstrumentMismatch differs(final String name, final String field, final String journal, final String config) {
        return new InstrumentMismatch(name, field + " " + journal + " in the journal, " + config + " in the config");
    }

    /** Whether two mantissas at their scales are the same number (0.10 at scale 2 is 0.100 at scale 3). */
    private static boolean sameDecimal(final long a, final int aScale, final long b, final int bScale) {
        return BigDecimal.valueOf(a, aScale).compareTo(BigDecimal.valueOf(b, bScale)) == 0;
    }
}
