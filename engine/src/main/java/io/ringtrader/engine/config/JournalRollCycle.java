package io.ringtrader.engine.config;

/** How often the journal starts a new file (a Chronicle Queue roll cycle). */
public enum JournalRollCycle {
    DAILY("daily"),
    HOURLY("hourly"),
    FAST_HOURLY("fast-hourly"),
    MINUTELY("minutely");

    private final String configName;

    JournalRollCycle(final String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
