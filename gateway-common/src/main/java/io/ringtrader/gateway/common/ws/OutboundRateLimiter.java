package io.ringtrader.gateway.common.ws;

/**
 * At most {@code maxMessages} sends in any window of {@code windowNs}: remembers the send times of the last
 * {@code maxMessages} messages and lets the next one go once the oldest of them is a window old.
 *
 * <p>Unlike a token bucket refilled at N/s, which after a full bucket lets 2N through within one second, this holds
 * the venue's "N per second" for every window, bursts included.
 *
 * <p>Not thread-safe: used on the connection's event loop. Allocation-free after construction.
 */
final class OutboundRateLimiter {
    private final long[] sendTimesNs;
    private final long windowNs;
    private int oldest;
    private int count;

    OutboundRateLimiter(final int maxMessages, final long windowNs) {
        if (maxMessages < 1 || windowNs <= 0) {
            throw new IllegalArgumentException("maxMessages must be >= 1 and windowNs > 0: " + maxMessages + ", " + windowNs);
        }
        this.sendTimesNs = new long[maxMessages];
        this.windowNs = windowNs;
    }

    /** How long until a message may be sent: 0 for now. */
    long delayNs(final long nowNs) {
        if (count < sendTimesNs.length) {
            return 0;
        }
        return Math.max(0, sendTimesNs[oldest] + windowNs - nowNs);
    }

    /** Records a send at {@code nowNs}; call only when {@link #delayNs} is 0. */
    void onSent(final long nowNs) {
        if (count < sendTimesNs.length) {
            sendTimesNs[(oldest + count) % sendTimesNs.length] = nowNs;
            count++;
        } else {
            sendTimesNs[oldest] = nowNs;
            oldest = (oldest + 1) % sendTimesNs.length;
        }
    }
}
