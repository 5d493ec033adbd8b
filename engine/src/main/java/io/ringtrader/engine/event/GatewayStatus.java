package io.ringtrader.engine.event;

/**
 * Gateway transitions published as {@link EventKind#GATEWAY_STATUS} events. Operator actions (the kill switch)
 * are not gateway transitions: they travel as {@link EventKind#OPERATOR} events.
 */
public enum GatewayStatus {
    CONNECTED,
    DISCONNECTED,
    /** A sequence gap was found: the instrument's book must not be traded until resynced. */
    BOOK_INVALID,
    /** The book is in sync again after a snapshot. */
    BOOK_RESYNCED,
    /**
     * The gateway stopped sending orders to its venue: the venue refused our credentials or permissions (Binance
     * -1022, -2014, -2015). {@link InboundEvent#statusDetail} holds the venue's error code. The risk stage then
     * refuses every command for the venue ({@link RiskDecision#VENUE_HALTED}) for the rest of the session.
     */
    ORDER_ENTRY_HALTED
}
