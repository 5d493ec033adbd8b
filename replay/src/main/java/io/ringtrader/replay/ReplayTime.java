package io.ringtrader.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the {@code --from}/{@code --to} bounds of a replay: an ISO-8601 instant or epoch milliseconds. */
public final class ReplayTime {
    private ReplayTime() {
    }

    /**
     * @return nanoseconds since the epoch.
     * @throws IllegalArgumentException naming the accepted forms.
     */
    public static long parseEpochNanos(final String text) {
        final String value = text.trim();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(value), 1_000_000L);
            } catch (final ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': epoch milliseconds out of range");
            }
        }
        try {
            final Instant instant = Instant.parse(value);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (final DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "': expected an ISO-8601 instant such as "
                + "2024-08-09T00:00:00Z or epoch milliseconds such as 1723161600000");
        }
    }
}
