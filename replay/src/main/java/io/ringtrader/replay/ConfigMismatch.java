package io.ringtrader.replay;

import java.util.Locale;

/**
 * What a replay does when its config declares the instruments differently from the journal's instrument table
 * (other scales, tick, lot or contract size, another id order, an instrument missing or extra): see
 * {@link InstrumentCheck}. Immutable; safe from any thread.
 */
public enum ConfigMismatch {
    /** Refuse the replay, naming each instrument and the difference (the default). */
    REFUSE,
    /** Replay with the config's instruments anyway, and say what they override. */
    ALLOW;

    /** {@code refuse} or {@code allow}, case-insensitive. */
    public static ConfigMismatch parse(final String text) {
        for (final ConfigMismatch value : values()) {
            if (value.cliName().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("--config-mismatch: '" + text + "', expected refuse or allow");
    }

    /** {@code refuse} or {@code allow}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
