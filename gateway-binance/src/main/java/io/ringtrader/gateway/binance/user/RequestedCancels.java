package io.ringtrader.gateway.binance.user;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancels the REST order entry has sent and reports itself, shared with the user-stream decoder so that a
 * {@code CANCELED} update of ours is published exactly once: the decoder suppresses the stream's {@code CANCELED}
 * of an order whose cancel we requested (the REST answer reports it) and publishes any other one (a cancel the
 * venue made on its own: self-trade prevention, reduce-only, liquidation, the UI). Thread-safe: the order entry
 * adds and removes on REST threads, the decoder takes on the IO thread.
 */
public final class RequestedCancels {
    private final Set<Long> requested = ConcurrentHashMap.newKeySet();

    /** The order entry is about to send a cancel for {@code clientOrderId}. */
    public void add(final long clientOrderId) {
        requested.add(clientOrderId);
    }

    /** The cancel request failed: the venue did not cancel, so no stream update will come for it. */
    public void remove(final long clientOrderId) {
        requested.remove(clientOrderId);
    }

    /** Removes and returns whether a cancel of {@code clientOrderId} was requested by the order entry. */
    public boolean take(final long clientOrderId) {
        return requested.remove(clientOrderId);
    }

    /** Cancels requested whose stream update has not arrived yet. */
    public int pending() {
        return requested.size();
    }
}
