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
    INVALID_ORDER
}
