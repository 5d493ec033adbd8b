package io.ringtrader.recorder;

/** How a journal queue ends, after its last readable message. */
public enum JournalTail {
    /** Nothing follows the last readable message. */
    CLEAN,
    /**
     * A message was begun and not finished: its writer was killed while appending it (or, if the writer
     * is still running, is appending it now). It is not counted or readable; every message before it is.
     * A writer that opens the queue again overwrites it. Not damage.
     */
    INCOMPLETE_MESSAGE,
    /**
     * What follows the last readable message is damage (listed in the summary): a message cut short by a
     * truncated file, or bytes that frame no message.
     */
    DAMAGED
}
