package io.ringtrader.engine.config;

/**
 * How often the journal starts a new file (a Chronicle Queue roll cycle). The recorder maps each name
 * to its Chronicle cycle.
 */
public enum JournalRollCycle {
    MINUTELY("minutely"),
    FIVE_MINUTELY("five-minutely"),
    TEN_MINUTELY("ten-minutely"),
    TWENTY_MINUTELY("twenty-minutely"),
    HALF_HOURLY("half-hourly"),
    HOURLY("hourly"),
    TWO_HOURLY("two-hourly"),
    FOUR_HOURLY("four-hourly"),
    SIX_HOURLY("six-hourly"),
    DAILY("daily"),
    WEEKLY("weekly");

    private final String configName;

    JournalRollCycle(final String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
