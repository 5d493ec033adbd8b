package io.ringtrader.replay;

/**
 * A replay refused because its config declares the instruments differently from the journal's instrument table
 * ({@link ConfigMismatch#REFUSE}); the message names every instrument and difference.
 */
public final class ConfigMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient InstrumentCheck check;

    public ConfigMismatchException(final InstrumentCheck check) {
        super("the config declares the instruments differently from the journal's instrument table (the session's, schema "
            + check.header().schemaVersion() + "):" + System.lineSeparator() + check.describeMismatches().stripTrailing());
        this.check = check;
    }

    /** The check that failed. */
    public InstrumentCheck check() {
        return check;
    }
}
