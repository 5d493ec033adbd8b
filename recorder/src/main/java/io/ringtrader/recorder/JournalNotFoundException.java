package io.ringtrader.recorder;

/** There is no journal at the given directory (as opposed to an empty journal, which has 0 messages). */
public class JournalNotFoundException extends JournalException {
    private static final long serialVersionUID = 1L;

    public JournalNotFoundException(final String message) {
        super(message);
    }
}
