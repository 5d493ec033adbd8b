package io.ringtrader.gateway.common.ws;

import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with jitter: attempt {@code n} (from 0) has the ceiling
 * {@code min(max, initial * 2^n)} and a delay drawn below it per {@link WsSettings.Jitter}.
 *
 * <p>Not thread-safe: used on the connection's event loop.
 */
public final class ReconnectBackoff {
    private final long initialNs;
    private final long maxNs;
    private final WsSettings.Jitter jitter;
    private final RandomGenerator random;
    private int attempts;

    /**
     * @param initialNs the first ceiling.
     * @param maxNs     the largest ceiling.
     * @param jitter    how a delay is drawn below its ceiling.
     * @param random    draws the delays (seed it in tests).
     */
    public ReconnectBackoff(final long initialNs, final long maxNs, final WsSettings.Jitter jitter,
        final RandomGenerator random) {
        this.initialNs = initialNs;
        this.maxNs = maxNs;
        this.jitter = jitter;
        this.random = random;
    }

    /** The ceiling of attempt {@code attempt} (0-based). */
    public long ceilingNs(final int attempt) {
        if (attempt >= 62 || initialNs > (maxNs >> attempt)) {
            return maxNs;
        }
        return Math.min(maxNs, initialNs << attempt);
    }

    /** Draws the delay of the next attempt and counts the attempt. */
    public long nextDelayNs() {
        final long ceiling = ceilingNs(attempts);
        if (attempts < Integer.MAX_VALUE) {
            attempts++;
        }
        if (jitter == WsSettings.Jitter.FULL) {
            return random.nextLong(ceiling + 1);
        }
        final long floor = ceiling / 2;
        return floor + random.nextLong(ceiling - floor + 1);
    }

    /** Back to the initial ceiling (after a stable connection). */
    public void reset() {
        attempts = 0;
    }

    /** Attempts drawn since the last {@link #reset()}. */
    public int attempts() {
        return attempts;
    }
}
