package io.ringtrader.engine.config;

import java.time.Duration;

/**
 * How often the journal starts a new file (a Chronicle Queue roll cycle). The recorder maps each name
 * to its Chronicle cycle.
 */
public enum JournalRollCycle {
    MINUTELY("minutely", Duration.ofMinutes(1)),
    FIVE_MINUTELY("five-minutely", Duration.ofMinutes(5)),
    TEN_MINUTELY("ten-minutely", Duration.ofMinutes(10)),
    TWENTY_MINUTELY("twenty-minutely", Duration.ofMinutes(20)),
    HALF_HOURLY("half-hourly", Duration.ofMinutes(30)),
    HOURLY("hourly", Duration.ofHours(1)),
    TWO_HOURLY("two-hourly", Duration.ofHours(2)),
    FOUR_HOURLY("four-hourly", Duration.ofHours(4)),
    SIX_HOURLY("six-hourly", Duration.ofHours(6)),
    DAILY("daily", Duration.ofDays(1)),
    WEEKLY("weekly", Duration.ofDays(7));

    private final String configName;
    private final Duration length;

    JournalRollCycle(final String configName, final Duration length) {
        this.configName = configName;
        this.length = length;
    }

    public String configName() {
        return configName;
    }

    /** How long one cycle (one file) lasts. */
    public Duration length() {
        return length;
    }

    /**
     * Cycle files to keep so that at least {@code history} before the current cycle stays on disk: the cycles that
     * cover it, plus the current one.
     */
    public int cyclesKeeping(final Duration history) {
        final long millis = length.toMillis();
        return (int)((history.toMillis() + millis - 1) / millis) + 1;
    }
}
