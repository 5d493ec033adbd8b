package io.ringtrader.engine.config;

import java.util.List;

/**
 * A configuration could not be loaded. The message lists every problem found, one per line, as
 * {@code FILE:LINE:COLUMN: dotted.path: what is wrong (what was expected)}. Secret values never appear in it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Problems listed in the message; the rest are counted (usually follow-ons of the first ones). */
    static final int MAX_LISTED = 25;

    private final transient List<ConfigProblem> problems;

    /**
     * @param problems at least one problem, in the order to report them.
     */
    public ConfigException(final List<ConfigProblem> problems) {
        this(problems, null);
    }

    ConfigException(final List<ConfigProblem> problems, final Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /**
     * @return the problems, in file order.
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(final List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).format();
        }

        final StringBuilder sb = new StringBuilder()
            .append(problems.size()).append(" configuration problems in ").append(problems.get(0).file()).append(':');
        for (int i = 0; i < Math.min(MAX_LISTED, problems.size()); i++) {
            sb.append('\n').append(problems.get(i).format());
        }
        if (problems.size() > MAX_LISTED) {
            sb.append('\n').append("... and ").append(problems.size() - MAX_LISTED).append(" more (fix the ones above first)");
        }
        return sb.toString();
    }
}
