package io.ringtrader.engine.event;

/** Buy or sell: an order's side, or a trade's aggressor side. */
public enum OrderSide {
    BUY,
    SELL;

    /** +1 for buy, -1 for sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
