package io.ringtrader.recorder;

/**
 * A reader that refuses damage met a damaged message (see {@link JournalDamage}); the message names the journal,
 * the index and the byte offset. The reader has moved past the damage.
 */
public class JournalDamageException extends JournalFormatException {
    private static final long serialVersionUID = 1L;

    private final transient JournalDamage damage;

    public JournalDamageException(final String message, final JournalDamage damage) {
        super(message);
        this.damage = damage;
    }

    /** Where the damage is and what it is. */
    public JournalDamage damage() {
        return damage;
    }
}
