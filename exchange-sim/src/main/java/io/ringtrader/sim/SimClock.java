package io.ringtrader.sim;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's notion of venue time in epoch milliseconds: the wall clock plus an offset, or a manual time a
 * test sets and advances. Thread-safe.
 */
public final class SimClock {
    private static final long NOT_FIXED = Long.MIN_VALUE;

    private final AtomicLong offsetMs = new AtomicLong();
    private final AtomicLong fixedMs = new AtomicLong(NOT_FIXED);

    /** Venue time now, in epoch milliseconds. */
    public long epochMillis() {
        final long fixed = fixedMs.get();
        return (fixed == NOT_FIXED ? System.currentTimeMillis() : fixed) + offsetMs.get();
    }

    /** Venue time runs {@code offsetMs} ahead of (positive) or behind (negative) the local clock. */
    public void offsetMs(final long offsetMs) {
        this.offsetMs.set(offsetMs);
    }

    /** Freezes venue time at {@code epochMs} (plus the offset) until {@link #release()}. */
    public void fixAt(final long epochMs) {
        if (epochMs == NOT_FIXED) {
            throw new IllegalArgumentException("epochMs out of range: " + epochMs);
        }
        fixedMs.set(epochMs);
    }

    /** Moves a frozen clock forward; on a running clock, adds to the offset. */
    public void advanceMs(final long deltaMs) {
        if (fixedMs.get() == NOT_FIXED) {
            offsetMs.addAndGet(deltaMs);
        } else {
            fixedMs.addAndGet(deltaMs);
        }
    }

    /** Lets venue time follow the local clock again. */
    public void release() {
        fixedMs.set(NOT_FIXED);
    }
}
