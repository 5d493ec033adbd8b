package io.ringtrader.engine.event;

/** Order types the router can send. */
public enum OrderType {
    LIMIT,
    MARKET
}
