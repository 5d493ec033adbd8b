package io.ringtrader.app;

import io.ringtrader.engine.fixedpoint.FixedPoint;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** Times and durations as the journal tools print them. Stateless. */
final class TimeText {
    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
    private static final long[] UNIT_NS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"h", "m", "s", "ms", "us", "ns"};

    private TimeText() {
    }

    /** Nanoseconds since the epoch as an ISO-8601 instant with all nine fraction digits. */
    static String instant(final long epochNs) {
        return INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L),
            Math.floorMod(epochNs, 1_000_000_000L)));
    }

    /** Appends {@link #instant(long)} to {@code builder}. */
    static StringBuilder appendInstant(final StringBuilder builder, final long epochNs) {
        return builder.append(instant(epochNs));
    }

    /** A duration in the largest unit that represents it exactly, in the config syntax: {@code 1m}, {@code 250ms}. */
    static String exactDuration(final long ns) {
        if (ns == 0) {
            return "0s";
        }
        for (int i = 0; i < UNIT_NS.length; i++) {
            if (ns % UNIT_NS[i] == 0) {
                return ns / UNIT_NS[i] + UNIT_NAMES[i];
            }
        }
        return ns + "ns";
    }

    /** A duration for people, to the microsecond: {@code 2.500s}, {@code 12.345ms}, {@code 7.000us}. */
    static String duration(final long ns) {
        if (ns == 0) {
            return "0s";
        }
        final long magnitude = Math.abs(ns);
        if (magnitude >= 1_000_000_000L) {
            return FixedPoint.toString(ns / 1_000_000L, 3) + "s";
        }
        if (magnitude >= 1_000_000L) {
            return FixedPoint.toString(ns / 1_000L, 3) + "ms";
        }
        return FixedPoint.toString(ns, 3) + "us";
    }
}
