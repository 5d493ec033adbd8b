package io.ringtrader.engine.config;

import io.ringtrader.engine.instrument.InstrumentNames;
import io.ringtrader.engine.instrument.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process market simulator for demos and tests: when enabled, {@code run} and {@code record} start
 * exchange-sim on 127.0.0.1 with a seeded synthetic market for every Binance instrument and connect the Binance
 * gateway to it over real WebSockets and REST (its {@code restUrl}/{@code wsUrl} are replaced by the
 * simulator's). Nothing leaves the machine.
 *
 * @param enabled         start the simulator.
 * @param seed            seed of the synthetic market: the same seed gives the same order flow.
 * @param eventsPerSecond market events (order arrivals, cancels, trades) per second over all instruments.
 * @param instruments     start price of each Binance instrument, in {@code instruments:} order. An entry's
 *                        {@code symbol} names the instrument as everywhere else: {@code binance:BTCUSDT}, or a bare
 *                        symbol only one venue has.
 */
public record SimulatorConfig(boolean enabled, long seed, int eventsPerSecond, List<Instrument> instruments) {
    /** The venue exchange-sim stands in for. */
    static final String SIMULATED_VENUE = Venue.BINANCE_USDM.configName();
    static final int DEFAULT_EVENTS_PER_SECOND = 2_000;
    static final int MAX_EVENTS_PER_SECOND = 1_000_000;

    /**
     * The simulated market of one instrument.
     *
     * @param symbol     the Binance symbol (the simulator's market), e.g. {@code BTCUSDT}.
     * @param startPrice where the synthetic market starts.
     */
    public record Instrument(String symbol, BigDecimal startPrice) {
        public Instrument {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(startPrice, "startPrice");
        }
    }

    public SimulatorConfig {
        instruments = List.copyOf(instruments);
    }

    /** Not enabled. */
    public static final SimulatorConfig OFF = new SimulatorConfig(false, 0, DEFAULT_EVENTS_PER_SECOND, List.of());

    static SimulatorConfig read(final ConfigNode node, final ConfiguredInstruments configured, final VenuesConfig venues) {
        final boolean enabled = node.optionalBoolean("enabled", false);
        final long seed = node.optionalLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        final int rate = node.optionalInt("eventsPerSecond", DEFAULT_EVENTS_PER_SECOND, 1, MAX_EVENTS_PER_SECOND);
        final List<Instrument> instruments = new ArrayList<>();
        final Set<String> binanceSymbols = new LinkedHashSet<>();
        for (final InstrumentConfig instrument : configured.all()) {
            if (SIMULATED_VENUE.equals(instrument.venue())) {
                binanceSymbols.add(instrument.symbol());
            }
        }
        final Set<String> priced = new HashSet<>();
        for (final ConfigNode entry : node.mappingList("instruments")) {
            final String symbol = binanceSymbol(entry.requiredString("symbol", name -> symbolProblem(entry, configured, name)),
                configured);
            final BigDecimal startPrice = entry.requiredDecimal("startPrice",
                p -> p.signum() > 0 ? null : "must be positive");
            entry.requireNoUnknownKeys();
            if (!symbol.isEmpty() && !priced.add(symbol)) {
                entry.error("symbol", "lists " + symbol + " twice");
            }
            instruments.add(new Instrument(symbol, startPrice));
        }
        if (enabled) {
            if (!venues.isEnabled(SIMULATED_VENUE)) {
                node.error("enabled", "the simulator stands in for Binance: set venues.binance.enabled: true");
            }
            for (final String symbol : binanceSymbols) {
                if (!priced.contains(symbol)) {
                    node.error("instruments", "no startPrice for binance instrument " + symbol);
                }
            }
        }
        node.requireNoUnknownKeys();
        return new SimulatorConfig(enabled, seed, rate, instruments);
    }

    /** Why {@code name} is not a Binance instrument of the config; null when it is (or names a flawed one). */
    private static String symbolProblem(final ConfigNode entry, final ConfiguredInstruments configured, final String name) {
        final InstrumentNames.Match<InstrumentConfig> match = configured.resolve(name);
        if (match.ambiguous()) {
            return match.problem();
        }
        if (match.found() ? SIMULATED_VENUE.equals(match.instrument().venue()) : entry.isFlawedInstrument(name)) {
            return null;
        }
        return "must be the symbol of a binance instrument in instruments:";
    }

    /** The Binance symbol {@code name} names (as written when it names none). */
    private static String binanceSymbol(final String name, final ConfiguredInstruments configured) {
        final InstrumentNames.Match<InstrumentConfig> match = configured.resolve(name);
        return match.found() ? match.instrument().symbol() : name;
    }
}
