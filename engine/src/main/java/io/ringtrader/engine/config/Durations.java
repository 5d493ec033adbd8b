package io.ringtrader.engine.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in configuration: a whole number and a unit, {@code ns}, {@code us}, {@code ms},
 * {@code s}, {@code m} or {@code h}, e.g. {@code 250ms}.
 */
public final class Durations {
    static final String EXPECTED = "expected a duration with unit ns|us|ms|s|m|h, e.g. 250ms";

    private static final Pattern DURATION = Pattern.compile("(-?)([0-9]+)(ns|us|ms|s|m|h)");
    private static final Pattern BARE_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Durations() {
    }

    /**
     * @param text the duration text.
     * @return the duration; null if the text is not a duration with a unit.
     * @throws ArithmeticException if it is longer than {@link Long#MAX_VALUE} nanoseconds (about 292 years).
     * @throws NumberFormatException if the number does not fit a long.
     */
    static Duration parse(final String text) {
        final Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            return null;
        }

        final long amount = Long.parseLong(matcher.group(1) + matcher.group(2));
        final Duration duration = switch (matcher.group(3)) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        duration.toNanos(); // throws ArithmeticException beyond Long.MAX_VALUE ns
        return duration;
    }

    /**
     * Parses a duration such as {@code 30s} (for command-line options that share the config syntax).
     *
     * @throws IllegalArgumentException with the expected syntax, for anything else or a negative value.
     */
    public static Duration parseStrict(final String text) {
        final Duration duration;
        try {
            duration = parse(text.trim());
        } catch (final ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "': " + EXPECTED);
        }
        return duration;
    }

    static boolean isBareNumber(final String text) {
        return BARE_NUMBER.matcher(text).matches();
    }

    /**
     * @return the duration in the largest unit that represents it exactly, e.g. {@code 100ms}, {@code 5s}.
     */
    static String format(final Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.getNano() == 0) {
            final long seconds = duration.getSeconds();
            if (seconds % 3600 == 0) {
                return seconds / 3600 + "h";
            }
            if (seconds % 60 == 0) {
                return seconds / 60 + "m";
            }
            return seconds + "s";
        }

        final long nanos = duration.toNanos();
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}
