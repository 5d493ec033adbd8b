package io.ringtrader.engine.risk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops all new orders: while tripped, the risk stage rejects every new-order intent with
 * {@link io.ringtrader.engine.event.RiskDecision#KILL_SWITCH} and still accepts cancels. The risk stage
 * trips it when the session loss limit is reached; an operator (the JMX bean) may trip or reset it.
 *
 * <p>Thread-safe: any thread may trip or reset it; the risk thread reads it once per intent (one volatile
 * read). The first reason given since the last reset is kept.
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
    public boolean trip(final String why) {
        if (reason.compareAndSet(null, why == null || why.isEmpty() ? "tripped" : why)) {
            trips.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * Resets it: new orders are checked again. A session loss still beyond the limit trips it again on the
     * next event the risk stage sees.
     */
    public void reset() {
        reason.set(null);
    }

    /** Times it tripped since start. */
    public long trips() {
        return trips.get();
    }
}
