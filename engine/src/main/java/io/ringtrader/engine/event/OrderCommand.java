package io.ringtrader.engine.event;

/**
 * The outbound ring slot: one order command and its risk decision. The router is the ring's single
 * producer; the venue stage sends accepted commands and the outbound journal records all of them,
 * rejected ones included. Pre-allocated per slot and reused.
 */
public final class OrderCommand {
    public OrderAction action;
    public int instrumentId;
    public int venueId;
    public int strategyId;
    public long clientOrderId;
    public OrderSide side;
    public OrderType type;
    public TimeInForce timeInForce;
    public long priceMantissa;
    public long qtyMantissa;
    public boolean reduceOnly;
    public RiskDecision decision;

    /** Inbound ring sequence of the event that caused this command. */
    public long causeSequence;
    /**
     * The venue's time of the causing event ({@link InboundEvent#NONE} if it had none: a timer tick, an operator
     * command).
     */
    public long causeExchangeTimeNs;
    /** Receive time of the causing event, from the engine clock: tick-to-order latency starts here. */
    public long causeReceiveTimeNs;
    /**
     * Set by the outbound journal stage once this command and the inbound event that caused it are both in the
     * journal; with {@code journal.gateOrders} the venue stage sends only such commands. Not journaled itself.
     */
    public boolean journaled;

    public OrderCommand() {
        reset();
    }

    public void reset() {
        action = null;
        instrumentId = -1;
        venueId = 0;
        strategyId = -1;
        clientOrderId = 0;
        side = null;
        type = null;
        timeInForce = null;
        priceMantissa = 0;
        qtyMantissa = 0;
        reduceOnly = false;
        decision = RiskDecision.PENDING;
        causeSequence = -1;
        causeExchangeTimeNs = InboundEvent.NONE;
        causeReceiveTimeNs = 0;
        journaled = false;
    }

    /** Fills this command from a decided intent, the instrument's venue and the event that carried it. */
    public void set(final OrderIntent intent, final int venueId, final InboundEvent cause, final long causeSequence) {
        action = intent.action;
        instrumentId = intent.instrumentId;
        this.venueId = venueId;
        strategyId = intent.strategyId;
        clientOrderId = intent.clientOrderId;
        side = intent.side;
        type = intent.type;
        timeInForce = intent.timeInForce;
        priceMantissa = intent.priceMantissa;
        qtyMantissa = intent.qtyMantissa;
        reduceOnly = intent.reduceOnly;
        decision = intent.decision;
        this.causeSequence = causeSequence;
        causeExchangeTimeNs = cause.exchangeTimeNs;
        causeReceiveTimeNs = cause.receiveTimeNs;
        journaled = false;
    }

    @Override
    public String toString() {
        return "OrderCommand{" + action + ' ' + side + ' ' + type + ' ' + timeInForce
            + ", instrumentId=" + instrumentId + ", clientOrderId=" + clientOrderId
            + ", price=" + priceMantissa + ", qty=" + qtyMantissa + ", reduceOnly=" + reduceOnly
            + ", decision=" + decision + ", causeSequence=" + causeSequence + '}';
    }
}
