package io.ringtrader.engine.book;

/** Whether a book may be trusted. */
public enum BookState {
    AWAITING_SNAPSHOT,
    VALID,
    INVALID
}
