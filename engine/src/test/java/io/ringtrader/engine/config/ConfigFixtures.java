package io.ringtrader.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads YAML snippets for tests, with an empty or given environment.
 */
final class ConfigFixtures {
    static final String SOURCE = "test.yaml";
    static final Function<String, String> NO_ENV = name -> null;

    private ConfigFixtures() {
    }

    static LoadedConfig load(final String yaml) {
        return ConfigLoader.parse(yaml, SOURCE, NO_ENV);
    }

    static LoadedConfig load(final String yaml, final Map<String, String> env) {
        return ConfigLoader.parse(yaml, SOURCE, env::get);
    }

    static RingTraderConfig config(final String yaml) {
        return load(yaml).config();
    }

    static List<ConfigProblem> problems(final String yaml) {
        return problems(yaml, Map.of());
    }

    static List<ConfigProblem> problems(final String yaml, final Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(yaml, env)).problems();
    }

    /**
     * @return the one problem loading the YAML reports; fails if there is not exactly one.
     */
    static ConfigProblem problem(final String yaml) {
        final List<ConfigProblem> problems = problems(yaml);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    /**
     * @return the YAML lines joined with newlines.
     */
    static String yaml(final String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
