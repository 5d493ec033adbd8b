package io.ringtrader.engine.risk;

/**
 * How far trading may go, from least to most restrictive. The more restrictive of two states wins.
 */
public enum TradingState {
    /** Every check applies as usual. */
    ACTIVE,
    /** Only orders that reduce the filled position pass (on its other side, no larger than it); cancels pass. */
    REDUCING,
    /** Nothing passes, cancels included; resting protective orders at the venue stay where they are. */
    HALTED;

    /** The more restrictive of this and {@code other}. */
    public TradingState max(final TradingState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
