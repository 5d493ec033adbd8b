package io.ringtrader.engine.book;

/** Outcome of applying one level to an {@link OrderBook}. None of these are errors of the book itself. */
public enum BookUpdateResult {
    /** A new level was added. */
    INSERTED,
    /** An existing level took a new quantity. */
    UPDATED,
    /** An existing level already had this quantity; nothing changed. */
    UNCHANGED,
    /** An existing level was removed (quantity 0). */
    REMOVED,
    /** Quantity 0 for a price that is not in the book; nothing changed. Normal on venue streams. */
    REMOVE_ABSENT,
    /** The side is at its maximum depth and the new level is worse than all of them: it was not kept. */
    TRUNCATED,
    /** Negative price or quantity; nothing changed. */
    REJECTED_NEGATIVE,
    /** A delta arrived between {@code beginSnapshot} and {@code endSnapshot}; nothing changed. */
    REJECTED_SNAPSHOT_IN_PROGRESS,
    /** A snapshot level arrived without {@code beginSnapshot}; nothing changed. */
    REJECTED_NO_SNAPSHOT
}
