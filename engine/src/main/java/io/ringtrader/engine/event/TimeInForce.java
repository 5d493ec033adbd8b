package io.ringtrader.engine.event;

/** Time in force. {@code GTX} is post-only (rejected if it would take liquidity). */
public enum TimeInForce {
    GTC,
    IOC,
    FOK,
    GTX
}
