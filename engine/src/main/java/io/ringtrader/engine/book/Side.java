package io.ringtrader.engine.book;

/** The side of a book a price level belongs to. */
public enum Side {
    BID,
    ASK
}
