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
    KILL_SWITCH,
    /** Trading is {@code HALTED} (journal failure, disk space critical, ...): nothing passes. */
    TRADING_HALTED,
    /** Trading is {@code REDUCING} (disk space low, ...) and the order would not reduce the position. */
    REDUCE_ONLY,
    /** The venue's order entry is halted (it refused our credentials or permissions). */
    VENUE_HALTED,
    /** The strategy is paused after too many consecutive venue rejects ({@code risk.maxConsecutiveVenueRejects}). */
    STRATEGY_PAUSED,
    /** Price times quantity is below the instrument's minimum notional (the venue's {@code MIN_NOTIONAL} filter). */
    BELOW_MIN_NOTIONAL,
    /** The quantity exceeds the venue's maximum order quantity ({@code LOT_SIZE} / {@code MARKET_LOT_SIZE} maxQty). */
    ABOVE_VENUE_MAX_QTY,
    /** The limit price is outside the venue's price band ({@code PRICE_FILTER} min/max, {@code PERCENT_PRICE}). */
    PRICE_OUT_OF_BAND,
    /**
     * The instrument's venue takes no orders in this session: with {@code execution.mode: live} its
     * {@code venues.<name>.enabled} is false, so no venue stage would send the command (cancels are refused too). The
     * strategy is told at once by a {@code REJECT} with {@link RejectCodes#VENUE_NOT_ENABLED}.
     */
    VENUE_NOT_ENABLED
}
