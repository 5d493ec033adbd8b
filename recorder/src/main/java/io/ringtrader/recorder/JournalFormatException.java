package io.ringtrader.recorder;

/**
 * A journal message this build cannot decode: a newer schema version, an unknown message type or enum
 * code, or a payload that does not match its layout. The message names the journal and the index when
 * the {@link JournalReader} raised it.
 */
public class JournalFormatException extends JournalException {
    private static final long serialVersionUID = 1L;

    public JournalFormatException(final String message) {
        super(message);
    }

    public JournalFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
