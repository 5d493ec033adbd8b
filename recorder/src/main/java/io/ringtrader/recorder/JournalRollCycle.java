package io.ringtrader.recorder;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.LegacyRollCycles;

/**
 * How often a journal queue starts a new file, by its config name. Each maps to a Chronicle roll cycle;
 * a queue keeps the cycle it was created with (Chronicle reads it back from the queue's metadata).
 */
public enum JournalRollCycle {
    MINUTELY("minutely", LegacyRollCycles.MINUTELY),
    FIVE_MINUTELY("five-minutely", RollCycles.FIVE_MINUTELY),
    TEN_MINUTELY("ten-minutely", RollCycles.TEN_MINUTELY),
    TWENTY_MINUTELY("twenty-minutely", RollCycles.TWENTY_MINUTELY),
    HALF_HOURLY("half-hourly", RollCycles.HALF_HOURLY),
    /** Chronicle's {@code FAST_HOURLY}; also accepted as {@code fast-hourly}. */
    HOURLY("hourly", RollCycles.FAST_HOURLY),
    TWO_HOURLY("two-hourly", RollCycles.TWO_HOURLY),
    FOUR_HOURLY("four-hourly", RollCycles.FOUR_HOURLY),
    SIX_HOURLY("six-hourly", RollCycles.SIX_HOURLY),
    /** The default. Chronicle's {@code FAST_DAILY}; also accepted as {@code fast-daily}. */
    DAILY("daily", RollCycles.FAST_DAILY),
    WEEKLY("weekly", RollCycles.WEEKLY);

    private final String configName;
    private final RollCycle chronicleCycle;

    JournalRollCycle(final String configName, final RollCycle chronicleCycle) {
        this.configName = configName;
        this.chronicleCycle = chronicleCycle;
    }

    public String configName() {
        return configName;
    }

    /** The Chronicle roll cycle. */
    public RollCycle chronicleCycle() {
        return chronicleCycle;
    }

    /** The cycle with this config name (or Chronicle alias {@code fast-hourly}, {@code fast-daily}), or null. */
    public static JournalRollCycle fromConfigName(final String name) {
        if ("fast-hourly".equals(name)) {
            return HOURLY;
        }
        if ("fast-daily".equals(name)) {
            return DAILY;
        }
        for (final JournalRollCycle cycle : values()) {
            if (cycle.configName.equals(name)) {
                return cycle;
            }
        }
        return null;
    }
}
