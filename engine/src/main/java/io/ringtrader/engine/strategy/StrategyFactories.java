package io.ringtrader.engine.strategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link StrategyFactory factories} known to this process, by type. Immutable; thread-safe.
 */
public final class StrategyFactories {
    private static volatile StrategyFactories installed;

    private final Map<String, StrategyFactory> byType;

    /**
     * @throws IllegalArgumentException when two factories claim the same type.
     */
    public StrategyFactories(final Collection<? extends StrategyFactory> factories) {
        final Map<String, StrategyFactory> map = new TreeMap<>();
        for (final StrategyFactory factory : factories) {
            final StrategyFactory previous = map.putIfAbsent(factory.type(), factory);
            if (previous != null) {
                throw new IllegalArgumentException("strategy type '" + factory.type() + "' is registered twice: by "
                    + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
    }

    /** The factories registered with {@link ServiceLoader} on this class's loader; looked up once. */
    public static StrategyFactories installed() {
        StrategyFactories result = installed;
        if (result == null) {
            final List<StrategyFactory> found = new ArrayList<>();
            ServiceLoader.load(StrategyFactory.class, StrategyFactories.class.getClassLoader()).forEach(found::add);
            result = new StrategyFactories(found);
            installed = result;
        }
        return result;
    }

    /** The factory of {@code type}, or null. */
    public StrategyFactory find(final String type) {
        return byType.get(type);
    }

    /** The known types, sorted. */
    public List<String> types() {
        return List.copyOf(new TreeMap<>(byType).keySet());
    }

    /**
     * The factory of {@code type}.
     *
     * @throws IllegalArgumentException naming the known types when there is none.
     */
    public StrategyFactory require(final String type) {
        final StrategyFactory factory = find(type);
        if (factory == null) {
            throw new IllegalArgumentException(unknownTypeMessage(type));
        }
        return factory;
    }

    /** What to say about a type no factory claims. */
    public String unknownTypeMessage(final String type) {
        if (byType.isEmpty()) {
            return "unknown strategy type '" + type + "' (no strategy types are installed: "
                + "put the ringtrader-strategies module on the class path)";
        }
        return "unknown strategy type '" + type + "' (expected one of: " + String.join(", ", types()) + ")";
    }
}
