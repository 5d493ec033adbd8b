package io.ringtrader.engine.pipeline;

/** How a stage thread waits for work. */
public enum WaitStrategyKind {
    BUSY_SPIN("busy-spin"),
    YIELDING("yielding"),
    SLEEPING("sleeping"),
    BLOCKING("blocking");

    private final String configName;

    WaitStrategyKind(final String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The kind with this config name, or null. */
    public static WaitStrategyKind fromConfigName(final String name) {
        for (final WaitStrategyKind kind : values()) {
            if (kind.configName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
