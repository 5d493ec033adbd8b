package io.ringtrader.engine.risk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops all new orders: while tripped, the risk stage rejects every new-order intent with
 * {@link io.ringtrader.engine.event.RiskDecision#KILL_SWITCH} and still accepts cancels. The risk stage
 * trips it when the session loss limit is reached, and trips or resets it when it reaches an operator's
 * {@link io.ringtrader.engine.event.EventKind#OPERATOR} event (the JMX bean publishes those): every change
 * happens at a defined place in the journaled event sequence, so a replay changes it at the same place.
 *
 * <p>Single writer: only {@link PreTradeRiskHandler}, on the risk thread, trips and resets it (hence
 * package-private); any thread may read it. The risk thread reads it once per intent (one volatile read). The
 * first reason given since the last reset is kept.
 */
public final class KillSwitch {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicLong trips = new AtomicLong();

    /** True while tripped. */
    public boolean isTripped() {
        return reason.get() != null;
    }

    /** Why it tripped, or null when it is not tripped. */
    public String reason() {
        return reason.get();
    }

    /**
     * Trips it; does nothing (and keeps the first reason) when it is already tripped.
     *
     * @return true if this call tripped it.
     */
    boolean trip(final String why) {
        if (reason.compareAndSet(null, why == null || why.isEmpty() ? "tripped" : why)) {
            trips.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * Resets it: new orders are checked again. A session loss still beyond the limit trips it again on the
     * next event that revalues a position.
     */
    void reset() {
        reason.set(null);
    }

    /** Times it tripped since start. */
    public long trips() {
        return trips.get();
    }
}
