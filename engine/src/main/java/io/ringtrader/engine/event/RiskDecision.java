package io.ringtrader.engine.event;

/**
 * The risk stage's verdict on an intent: accepted, or the reason it was rejected. Journaled with the
 * order command and counted per reason.
 */
public enum RiskDecision {
    /** Not yet decided: the risk stage has not seen the intent. */
    PENDING,
    ACCEPTED,
    /** The instrument's book is not {@code VALID} (awaiting snapshot or invalid after a gap). */
    BOOK_NOT_VALID,
    /** The intent is malformed (non-positive quantity, price off tick or lot, unknown instrument). */
    INVALID_ORDER,
    /** The order would take the instrument's position beyond its limit ({@code risk.maxPosition}). */
    MAX_POSITION,
    /** The order's quantity exceeds the instrument's limit ({@code risk.maxOrderQty}). */
    MAX_ORDER_QTY,
    /** Accepting it would exceed {@code risk.maxOrdersPerSecond} within the last second of event time. */
    MAX_ORDER_RATE,
    /** No market event for the instrument within {@code risk.maxBookAge} of event time. */
    BOOK_STALE,
    /** The kill switch is tripped (session loss or by hand): no new orders, cancels only. */
    KILL_SWITCH
}
