package io.ringtrader.engine.book;

/** Outcome of applying one level to an {@link OrderBook}. None of these are errors of the book itself. */
public enum BookUpdateResult {
    /** A new level was added. */
    INSERTED(1, 0),
    /** An existing level took a new quantity. */
    UPDATED(1, 0),
    /** An existing level already had this quantity; nothing changed. */
    UNCHANGED(0, 0),
    /** An existing level was removed (quantity 0). */
    REMOVED(1, 0),
    /** Quantity 0 for a price that is not in the book; nothing changed. Normal on venue streams. */
    REMOVE_ABSENT(0, 1),
    /** The side is at its maximum depth and the new level is worse than all of them: it was not kept. */
    TRUNCATED(0, 0),
    /** Negative price or quantity; nothing changed. */
    REJECTED_NEGATIVE(0, 0),
    /** A delta arrived between {@code beginSnapshot} and {@code endSnapshot}; nothing changed. */
    REJECTED_SNAPSHOT_IN_PROGRESS(0, 0),
    /** A snapshot level arrived without {@code beginSnapshot}; nothing changed. */
    REJECTED_NO_SNAPSHOT(0, 0);

    /** What the result adds to the book's version: 1 when the levels changed. */
    final int versionStep;
    /** What the result adds to the book's count of removals of absent levels. */
    final int absentRemoveStep;

    BookUpdateResult(final int versionStep, final int absentRemoveStep) {
        this.versionStep = versionStep;
        this.absentRemoveStep = absentRemoveStep;
    }
}
