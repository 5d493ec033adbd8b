package io.ringtrader.engine.config;

import io.ringtrader.engine.strategy.StrategyFactories;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of one deployment, as loaded by {@link ConfigLoader}: immutable and validated.
 *
 * @param instruments the instruments traded, in file order; may be empty. Unique by venue and symbol.
 * @param venues      every installed gateway's {@code venues.<name>} section, as its schema read it.
 * @param pipeline    rings and ring threads.
 * @param execution   paper or live execution.
 * @param journal     the event journal.
 * @param features    the feature stage.
 * @param telemetry   latency and status reporting.
 * @param strategies  the strategies, in file order (strategy id = index); may be empty.
 * @param risk        the pre-trade risk limits.
 * @param simulator   the in-process market simulator ({@link SimulatorConfig#OFF} unless configured).
 */
public record RingTraderConfig(
    List<InstrumentConfig> instruments,
    VenuesConfig venues,
    PipelineConfig pipeline,
    ExecutionConfig execution,
    JournalConfig journal,
    FeaturesConfig features,
    TelemetryConfig telemetry,
    List<StrategyConfig> strategies,
    RiskConfig risk,
    SimulatorConfig simulator) {
    /**
     * Sections of the architecture that this version does not read yet; present in a file, they stop loading.
     */
    static final List<String> UNSUPPORTED_SECTIONS = List.of("model");

    public RingTraderConfig {
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(telemetry, "telemetry");
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(simulator, "simulator");
    }

    /**
     * @param venueSchemas the installed gateways' schemas of their {@code venues.<name>} sections, by venue config name
     *                     in venue id order: the venues {@code venues:} may configure.
     */
    static RingTraderConfig read(final ConfigNode root, final StrategyFactories factories,
        final Map<String, VenueConfigSchema> venueSchemas) {
        final List<InstrumentConfig> all = new ArrayList<>();
        // What the other sections check against: each instrument defined without problems, once.
        final ConfiguredInstruments instruments = new ConfiguredInstruments(readInstruments(root, all));
        final VenuesConfig venues = VenuesConfig.read(root.section("venues"), venueSchemas);
        final PipelineConfig pipeline = PipelineConfig.read(root.section("pipeline"));
        final ExecutionConfig execution = ExecutionConfig.read(root.section("execution"), venueSchemas.keySet());
        final JournalConfig journal = JournalConfig.read(root.section("journal"));
        final FeaturesConfig features = FeaturesConfig.read(root.section("features"));
        final TelemetryConfig telemetry = TelemetryConfig.read(root.section("telemetry"));
        final List<StrategyConfig> strategies = StrategyConfig.readAll(root, instruments, factories);
        final RiskConfig risk = root.has("risk") ? RiskConfig.read(root.section("risk"), instruments) : RiskConfig.NONE;
        final SimulatorConfig simulator = root.has("simulator")
            ? SimulatorConfig.read(root.section("simulator"), instruments, venues) : SimulatorConfig.OFF;
        for (final String section : UNSUPPORTED_SECTIONS) {
            root.reject(section, "section not supported by this version yet");
        }
        root.requireNoUnknownKeys();

        if (execution.anyLive()) {
            VenuesConfig.checkLiveTrading(root, venues, venueSchemas, execution);
        }

        return new RingTraderConfig(all, venues, pipeline, execution, journal, features, telemetry, strategies, risk,
            simulator);
    }

    /**
     * Reads every instrument into {@code all}; returns those defined without problems, each venue and symbol once (the
     * first definition). The symbol of one with problems of its own is marked flawed, so what refers to it is not
     * checked against its placeholder values.
     */
    private static List<InstrumentConfig> readInstruments(final ConfigNode root, final List<InstrumentConfig> all) {
        final List<ConfigNode> nodes = root.mappingList("instruments");
        final List<InstrumentConfig> usable = new ArrayList<>(nodes.size());
        final Map<String, String> pathByKey = new HashMap<>();
        for (final ConfigNode node : nodes) {
            final int problemsBefore = node.problemCount();
            final InstrumentConfig instrument = InstrumentConfig.read(node);
            all.add(instrument);
            if (node.problemCount() != problemsBefore) {
                root.flawedInstrument(instrument.symbol());
                root.flawedInstrument(instrument.qualifiedName());
                continue;
            }
            final String key = instrument.venue() + " " + instrument.symbol();
            final String firstPath = pathByKey.putIfAbsent(key, node.path());
            if (firstPath != null) {
                node.error("duplicate instrument " + key + " (first defined at " + firstPath + ")");
            } else {
                usable.add(instrument);
            }
        }
        return usable;
    }
}
