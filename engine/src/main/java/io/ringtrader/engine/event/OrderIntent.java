package io.ringtrader.engine.event;

/**
 * What a strategy wants done, carried in an {@link InboundEvent} slot. The strategy stage writes every
 * field except {@link #decision}, which only the risk stage writes; the router reads both.
 * Pre-allocated with the slot; never escapes it.
 */
public final class OrderIntent {
    public OrderAction action;
    public int instrumentId;
    public int strategyId;
    public long clientOrderId;
    public OrderSide side;
    public OrderType type;
    public TimeInForce timeInForce;
    public long priceMantissa;
    public long qtyMantissa;
    public boolean reduceOnly;

    /** Written by the risk stage only. */
    public RiskDecision decision;

    public OrderIntent() {
        reset();
    }

    /** Clears every field. */
    public void reset() {
        action = null;
        instrumentId = -1;
        strategyId = -1;
        clientOrderId = 0;
        side = null;
        type = null;
        timeInForce = null;
        priceMantissa = 0;
        qtyMantissa = 0;
        reduceOnly = false;
        decision = RiskDecision.PENDING;
    }

    /** Fills a new-order intent; the decision is reset to pending. */
    public void newOrder(
        final int instrumentId,
        final int strategyId,
        final long clientOrderId,
        final OrderSide side,
        final OrderType type,
        final TimeInForce timeInForce,
        final long priceMantissa,
        final long qtyMantissa,
        final boolean reduceOnly) {
        this.action = OrderAction.NEW;
        this.instrumentId = instrumentId;
        this.strategyId = strategyId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.priceMantissa = priceMantissa;
        this.qtyMantissa = qtyMantissa;
        this.reduceOnly = reduceOnly;
        this.decision = RiskDecision.PENDING;
    }

    /** Fills a cancel intent for one of our orders. */
    public void cancel(final int instrumentId, final int strategyId, final long clientOrderId) {
        reset();
        this.action = OrderAction.CANCEL;
        this.instrumentId = instrumentId;
        this.strategyId = strategyId;
        this.clientOrderId = clientOrderId;
    }
}
