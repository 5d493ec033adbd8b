package io.ringtrader.engine.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.yaml.snakeyaml.error.Mark;

/**
 * State shared by all {@link ConfigNode}s of one load: the source name, the environment and the problems
 * found so far.
 */
final class ReadContext {
    private final String sourceName;
    private final Function<String, String> env;
    private final List<ConfigProblem> problems = new ArrayList<>();
    /** Symbols of instruments whose own definition has problems: what refers to them is not checked again. */
    private final java.util.Set<String> flawedInstruments = new java.util.TreeSet<>();

    ReadContext(final String sourceName, final Function<String, String> env) {
        this.sourceName = sourceName;
        this.env = env;
    }

    String sourceName() {
        return sourceName;
    }

    Function<String, String> env() {
        return env;
    }

    void problem(final Mark mark, final String path, final String message) {
        final int line = mark == null ? 0 : mark.getLine() + 1;
        final int column = mark == null ? 0 : mark.getColumn() + 1;
        problems.add(new ConfigProblem(sourceName, line, column, path, message));
    }

    void flawedInstrument(final String symbol) {
        flawedInstruments.add(symbol);
    }

    java.util.Set<String> flawedInstruments() {
        return flawedInstruments;
    }

    int problemCount() {
        return problems.size();
    }

    /**
     * @throws ConfigException listing every problem in file order, if there is any.
     */
    void throwIfProblems() {
        if (!problems.isEmpty()) {
            final List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(sorted);
        }
    }
}
