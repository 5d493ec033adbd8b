package io.ringtrader.engine.book;

/**
 * Whether an {@link OrderBook} may be traded on.
 *
 * <pre>
 *   new book ──▶ AWAITING_SNAPSHOT ──endSnapshot (consistent)──▶ VALID
 *   VALID ──invalidate──▶ INVALID ──beginSnapshot──▶ AWAITING_SNAPSHOT
 *   endSnapshot (inconsistent) ──▶ INVALID
 * </pre>
 */
public enum BookState {
    /** No complete snapshot yet, or a snapshot is being loaded. */
    AWAITING_SNAPSHOT,
    /** Built from a complete, consistent snapshot and the deltas since. */
    VALID,
    /** Out of sync with the venue; the levels are kept for inspection but must not be traded on. */
    INVALID
}
