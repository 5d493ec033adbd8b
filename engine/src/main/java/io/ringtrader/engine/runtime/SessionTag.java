package io.ringtrader.engine.runtime;

import java.util.random.RandomGenerator;

/**
 * The tag of one engine session: base 36 of its start time in milliseconds, then three random base-36 characters
 * ({@code lq2x3k9a0b7}), 1 to {@value #MAX_LENGTH} characters of {@code [0-9a-z]}. The session runner makes one per
 * session; the journal records it in its header and the gateways name the session's orders on the venue with it (the
 * Binance gateway sends {@code rt-<tag>-<id>}), so a session never reuses an earlier session's venue order ids and
 * tells its own orders from theirs. Immutable; safe from any thread.
 *
 * @param value the tag's text.
 */
public record SessionTag(String value) {
    /** The longest tag: 8 characters of time until 2059 (9 until 5188) and 3 of salt fit. */
    public static final int MAX_LENGTH = 12;
    /** Random base-36 characters after the start time: two sessions started in one ms differ 46,655 times in 46,656. */
    private static final int SALT_CHARS = 3;
    private static final int SALT_BOUND = 36 * 36 * 36;

    /**
     * @throws IllegalArgumentException unless {@code value} is 1 to {@value #MAX_LENGTH} of {@code [0-9a-z]}.
     */
    public SessionTag {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(SessionTag::isTagChar)) {
            throw new IllegalArgumentException("session tag must be 1.." + MAX_LENGTH + " of [0-9a-z]: " + value);
        }
    }

    /**
     * The tag of a session started at {@code startEpochMs}, with a salt drawn from {@code random}.
     *
     * @param startEpochMs the session's start, milliseconds since the epoch (the wall clock: provenance, not logic).
     */
    public static SessionTag create(final long startEpochMs, final RandomGenerator random) {
        return of(startEpochMs, random.nextInt(SALT_BOUND));
    }

    /**
     * The tag of a session started at {@code startEpochMs} with {@code salt}.
     *
     * @param salt 0 .. 36^3 - 1.
     */
    public static SessionTag of(final long startEpochMs, final int salt) {
        if (startEpochMs < 0 || salt < 0 || salt >= SALT_BOUND) {
            throw new IllegalArgumentException("session tag of start time " + startEpochMs + " ms, salt " + salt);
        }
        final String saltText = Integer.toString(salt, 36);
        return new SessionTag(Long.toString(startEpochMs, 36) + "0".repeat(SALT_CHARS - saltText.length()) + saltText);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isTagChar(final int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z';
    }
}
