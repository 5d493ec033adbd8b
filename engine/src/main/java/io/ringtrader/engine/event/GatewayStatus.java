package io.ringtrader.engine.event;

/** Gateway transitions published as {@link EventKind#GATEWAY_STATUS} events. */
public enum GatewayStatus {
    CONNECTED,
    DISCONNECTED,
    /** A sequence gap was found: the instrument's book must not be traded until resynced. */
    BOOK_INVALID,
    /** The book is in sync again after a snapshot. */
    BOOK_RESYNCED
}
