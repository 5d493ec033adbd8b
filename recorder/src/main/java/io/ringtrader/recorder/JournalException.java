package io.ringtrader.recorder;

/** A journal cannot be opened or read. */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(final String message) {
        super(message);
    }

    public JournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
