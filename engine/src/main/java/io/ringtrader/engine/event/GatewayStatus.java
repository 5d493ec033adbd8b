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
    BOOK_RESYNCED
}
