package io.ringtrader.engine.runtime;

/** What an engine instance is for. */
public enum EngineMode {
    /** The whole chain: book, features, model, strategies, risk, router, venue. */
    TRADE,
    /** Market data only: the book is kept (for status) and everything is journaled; no strategy, no orders. */
    RECORD
}
