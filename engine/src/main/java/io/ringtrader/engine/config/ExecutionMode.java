package io.ringtrader.engine.config;

/**
 * Where orders go.
 */
public enum ExecutionMode {
    /**
     * Orders are filled by the simulated paper venue against live or replayed market data.
     */
    PAPER("paper"),

    /**
     * Orders are sent to the venues with the configured credentials.
     */
    LIVE("live");

    private final String configName;

    ExecutionMode(final String configName) {
        this.configName = configName;
    }

    /**
     * @return the name used in configuration files.
     */
    public String configName() {
        return configName;
    }
}
