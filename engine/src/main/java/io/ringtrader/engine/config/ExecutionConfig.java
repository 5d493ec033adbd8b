package io.ringtrader.engine.config;

import java.util.Objects;

/**
 * How orders are executed.
 *
 * @param mode paper (simulated fills) or live.
 */
public record ExecutionConfig(ExecutionMode mode) {
    public ExecutionConfig {
        Objects.requireNonNull(mode, "mode");
    }

    static ExecutionConfig read(final ConfigNode node) {
        final ExecutionMode mode = node.optionalEnum(
            "mode", ExecutionMode.PAPER, ExecutionMode.values(), ExecutionMode::configName);
        node.requireNoUnknownKeys();

        return new ExecutionConfig(mode);
    }
}
