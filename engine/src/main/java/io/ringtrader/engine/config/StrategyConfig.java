package io.ringtrader.engine.config;

import io.ringtrader.engine.strategy.StrategyFactories;
import io.ringtrader.engine.strategy.StrategyFactory;
import io.ringtrader.engine.strategy.StrategyParams;
import io.ringtrader.engine.instrument.InstrumentNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of {@code strategies:}: a strategy implementation (found by {@code type} among the installed
 * {@link StrategyFactory factories}) bound to instruments, with its own parameters. Its strategy id is its
 * index in the list.
 *
 * @param name        unique name, e.g. {@code obi-btc}.
 * @param type        the factory's type, e.g. {@code obi-scalper}.
 * @param instruments the instruments it trades by qualified name ({@code binance:BTCUSDT}), in file order; the file
 *                    may name each by its bare symbol where only one venue has it.
 * @param params      the parameters as the factory read them from {@code params:}.
 */
public record StrategyConfig(String name, String type, List<String> instruments, StrategyParams params) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public StrategyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        instruments = List.copyOf(instruments);
    }

    static List<StrategyConfig> readAll(
        final ConfigNode root, final ConfiguredInstruments configured, final StrategyFactories factories) {
        final List<ConfigNode> nodes = root.mappingList("strategies");
        final List<StrategyConfig> strategies = new ArrayList<>(nodes.size());
        final Map<String, String> pathByName = new HashMap<>();
        for (final ConfigNode node : nodes) {
            final StrategyConfig strategy = read(node, configured, factories);
            final String first = pathByName.putIfAbsent(strategy.name(), node.path());
            if (first != null && !strategy.name().isEmpty()) {
                node.error("name", "duplicate strategy name '" + strategy.name() + "' (first defined at " + first + ")");
            }
            strategies.add(strategy);
        }
        return strategies;
    }

    private static StrategyConfig read(
        final ConfigNode node, final ConfiguredInstruments configured, final StrategyFactories factories) {
        final String name = node.requiredString("name", value -> NAME.matcher(value).matches() ? null
            : "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        final String type = node.requiredString("type", value -> factories.find(value) != null ? null
            : factories.unknownTypeMessage(value));
        final List<String> names = node.requiredStringList("instruments");
        final List<InstrumentConfig> bound = bind(node, names, configured);
        final StrategyFactory factory = factories.find(type);
        final ConfigNode paramsNode = node.section("params");
        StrategyParams params = null;
        if (factory != null) {
            params = factory.readParams(paramsNode, bound);
            paramsNode.requireNoUnknownKeys();
        }
        node.requireNoUnknownKeys();
        return new StrategyConfig(name, type, bound.stream().map(InstrumentConfig::qualifiedName).toList(), params);
    }

    /** The configured instruments the names name; unknown, ambiguous and repeated names are reported. */
    private static List<InstrumentConfig> bind(
        final ConfigNode node, final List<String> names, final ConfiguredInstruments configured) {
        final List<InstrumentConfig> bound = new ArrayList<>(names.size());
        for (final String name : names) {
            final InstrumentNames.Match<InstrumentConfig> match = configured.resolve(name);
            if (match.found() && bound.contains(match.instrument())) {
                node.error("instruments", "instrument '" + name + "' is listed twice");
            } else if (match.found()) {
                bound.add(match.instrument());
            } else if (!node.isFlawedInstrument(name)) {
                node.error("instruments", match.problem());
            }
        }
        return bound;
    }
}
