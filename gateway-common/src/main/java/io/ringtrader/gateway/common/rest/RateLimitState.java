package io.ringtrader.gateway.common.rest;

import java.util.function.LongSupplier;

/**
 * The client's view of a venue's REST rate limits: request weight per minute and orders per 10 seconds and per
 * minute, as the venue reports them in its responses (Binance: {@code X-MBX-USED-WEIGHT-1M},
 * {@code X-MBX-ORDER-COUNT-10S}, {@code X-MBX-ORDER-COUNT-1M}; read by the venue's client), the configured limits,
 * the back-off after a 429 and the ban after a 418.
 *
 * <p><b>Policy: fail fast.</b> {@link #acquire} is asked before every request: a request that would exceed a
 * limit, or comes during a back-off or ban, is refused and nothing is sent (the caller's future fails with
 * {@link RestException.Reason#RATE_LIMITED}, {@link RestException.Reason#BACKING_OFF} or
 * {@link RestException.Reason#IP_BANNED}); nothing is queued, so a stale order is never sent late.
 * Counters live in clock-aligned windows (minute, 10 seconds) like the venue's: a counter observed in an earlier
 * window reads as zero. Between responses a granted request adds its weight locally; the next response's header
 * replaces the estimate with the venue's count.
 *
 * <p><b>418.</b> After an IP ban every request is refused until {@code Retry-After} passes, and every order for
 * good: order entry stays stopped until an operator calls {@link #resumeOrderEntry()}.
 *
 * <p>Thread-safe (synchronized; touched once per REST request, never on a ring thread).
 */
public final class RateLimitState {
    /** Outcome of {@link #acquire}. */
    public enum Verdict {
        GRANTED,
        BACKING_OFF,
        IP_BANNED,
        WEIGHT_LIMIT,
        ORDER_LIMIT_10S,
        ORDER_LIMIT_1M
    }

    private static final long MINUTE_MS = 60_000;
    private static final long TEN_SECONDS_MS = 10_000;

    private final LongSupplier clockMs;
    private final int weightLimitPerMinute;
    private final int orderLimitPer10s;
    private final int orderLimitPerMinute;

    private long usedWeight;
    private long weightWindow = -1;
    private long orders10s;
    private long orders10sWindow = -1;
    private long orders1m;
    private long orders1mWindow = -1;
    private long backoffUntilMs;
    private boolean orderEntryStopped;
    private long refusals;

    /**
     * @param clockMs              epoch milliseconds (injected for tests).
     * @param weightLimitPerMinute request weight allowed per minute.
     * @param orderLimitPer10s     orders allowed per 10 seconds.
     * @param orderLimitPerMinute  orders allowed per minute.
     */
    public RateLimitState(final LongSupplier clockMs, final int weightLimitPerMinute, final int orderLimitPer10s,
        final int orderLimitPerMinute) {
        this.clockMs = clockMs;
        this.weightLimitPerMinute = weightLimitPerMinute;
        this.orderLimitPer10s = orderLimitPer10s;
        this.orderLimitPerMinute = orderLimitPerMinute;
    }

    /**
     * Asks to send a request; on {@link Verdict#GRANTED} its weight (and order count) are added to the counters.
     *
     * @param weight the endpoint's request weight.
     * @param order  true for an order request (counts against the order limits and the ban).
     */
    public synchronized Verdict acquire(final int weight, final boolean order) {
        final long now = clockMs.getAsLong();
        final Verdict verdict = check(now, weight, order);
        if (verdict != Verdict.GRANTED) {
            refusals++;
            return verdict;
        }
        usedWeight = current(usedWeight, weightWindow, now, MINUTE_MS) + weight;
        weightWindow = now / MINUTE_MS;
        if (order) {
            orders10s = current(orders10s, orders10sWindow, now, TEN_SECONDS_MS) + 1;
            orders10sWindow = now / TEN_SECONDS_MS;
            orders1m = current(orders1m, orders1mWindow, now, MINUTE_MS) + 1;
            orders1mWindow = now / MINUTE_MS;
        }
        return Verdict.GRANTED;
    }

    private Verdict check(final long now, final int weight, final boolean order) {
        if (order && orderEntryStopped) {
            return Verdict.IP_BANNED;
        }
        if (now < backoffUntilMs) {
            return orderEntryStopped ? Verdict.IP_BANNED : Verdict.BACKING_OFF;
        }
        if (current(usedWeight, weightWindow, now, MINUTE_MS) + weight > weightLimitPerMinute) {
            return Verdict.WEIGHT_LIMIT;
        }
        if (order && current(orders10s, orders10sWindow, now, TEN_SECONDS_MS) + 1 > orderLimitPer10s) {
            return Verdict.ORDER_LIMIT_10S;
        }
        if (order && current(orders1m, orders1mWindow, now, MINUTE_MS) + 1 > orderLimitPerMinute) {
            return Verdict.ORDER_LIMIT_1M;
        }
        return Verdict.GRANTED;
    }

    /**
     * Takes the venue's counters from a response; -1 for a header that was absent.
     */
    public synchronized void onHeaders(final long usedWeight1m, final long orderCount10s, final long orderCount1m) {
        final long now = clockMs.getAsLong();
        if (usedWeight1m >= 0) {
            usedWeight = usedWeight1m;
            weightWindow = now / MINUTE_MS;
        }
        if (orderCount10s >= 0) {
            orders10s = orderCount10s;
            orders10sWindow = now / TEN_SECONDS_MS;
        }
        if (orderCount1m >= 0) {
            orders1m = orderCount1m;
            orders1mWindow = now / MINUTE_MS;
        }
    }

    /** A 429: no request is granted for {@code retryAfterMs}. */
    public synchronized void onTooManyRequests(final long retryAfterMs) {
        backoffUntilMs = Math.max(backoffUntilMs, clockMs.getAsLong() + retryAfterMs);
    }

    /** A 418: no request is granted for {@code retryAfterMs}, and no order until {@link #resumeOrderEntry()}. */
    public synchronized void onBanned(final long retryAfterMs) {
        backoffUntilMs = Math.max(backoffUntilMs, clockMs.getAsLong() + retryAfterMs);
        orderEntryStopped = true;
    }

    /** Operator action after a ban was investigated: orders are granted again (once any back-off has passed). */
    public synchronized void resumeOrderEntry() {
        orderEntryStopped = false;
    }

    /** True after a 418 until {@link #resumeOrderEntry()}. */
    public synchronized boolean orderEntryStopped() {
        return orderEntryStopped;
    }

    /** Milliseconds of back-off left (0 when none). */
    public synchronized long backoffRemainingMs() {
        return Math.max(0, backoffUntilMs - clockMs.getAsLong());
    }

    /** Request weight used in the current minute (venue's count, plus local grants since). */
    public synchronized long usedWeight1m() {
        return current(usedWeight, weightWindow, clockMs.getAsLong(), MINUTE_MS);
    }

    /** Orders in the current 10-second window. */
    public synchronized long orderCount10s() {
        return current(orders10s, orders10sWindow, clockMs.getAsLong(), TEN_SECONDS_MS);
    }

    /** Orders in the current minute. */
    public synchronized long orderCount1m() {
        return current(orders1m, orders1mWindow, clockMs.getAsLong(), MINUTE_MS);
    }

    /** Requests refused so far. */
    public synchronized long refusals() {
        return refusals;
    }

    public int weightLimitPerMinute() {
        return weightLimitPerMinute;
    }

    public int orderLimitPer10s() {
        return orderLimitPer10s;
    }

    public int orderLimitPerMinute() {
        return orderLimitPerMinute;
    }

    private static long current(final long count, final long window, final long nowMs, final long windowMs) {
        return window == nowMs / windowMs ? count : 0;
    }
}
