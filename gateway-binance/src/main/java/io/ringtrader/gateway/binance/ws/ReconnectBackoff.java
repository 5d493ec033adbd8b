package io.ringtrader.gateway.binance.ws;

import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with jitter: attempt {@code n} (from 0) has the ceiling
 * {@code min(max, initial * 2^n)} and a delay drawn below it per {@link BinanceWsSettings.Jitter}.
 *
 * <p>Not thread-safe: used on the connection's event loop.
 */
final class ReconnectBackoff {
    private final long initialNs;
    private final long maxNs;
    private final BinanceWsSettings.Jitter jitter;
    private final RandomGenerator random;
    private int attempts;

    ReconnectBackoff(final long initialNs, final long maxNs, final BinanceWsSettings.Jitter jitter,
        final RandomGenerator random) {
        this.initialNs = initialNs;
        this.maxNs = maxNs;
        this.jitter = jitter;
        this.random = random;
    }

    /** The ceiling of attempt {@code attempt} (0-based). */
    long ceilingNs(final int attempt) {
        if (attempt >= 62 || initialNs > (maxNs >> attempt)) {
            return maxNs;
        }
        return Math.min(maxNs, initialNs << attempt);
    }

    /** Draws the delay of the next attempt and counts the attempt. */
    long nextDelayNs() {
        final long ceiling = ceilingNs(attempts);
        if (attempts < Integer.MAX_VALUE) {
            attempts++;
        }
        if (jitter == BinanceWsSettings.Jitter.FULL) {
            return random.nextLong(ceiling + 1);
        }
        final long floor = ceiling / 2;
        return floor + random.nextLong(ceiling - floor + 1);
    }

    /** Back to the initial ceiling (after a stable connection). */
    void reset() {
        attempts = 0;
    }

    int attempts() {
        return attempts;
    }
}
