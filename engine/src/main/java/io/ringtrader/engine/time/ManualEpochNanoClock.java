package io.ringtrader.engine.time;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock that moves only when told to: for tests, and for replay where events drive time.
 *
 * <p>Reads and writes are volatile, so a test thread may advance it while a stage thread reads it.
 */
public final class ManualEpochNanoClock implements EpochNanoClock {
    private volatile long nowNs;

    public ManualEpochNanoClock(final long startNs) {
        this.nowNs = startNs;
    }

    @Override
    public long nanoTime() {
        return nowNs;
    }

    /** Sets the time; it may move backwards, as a test of clock handling may want. */
    public void set(final long nowNs) {
        this.nowNs = nowNs;
    }

    /** Moves the time forward by {@code deltaNs} (>= 0) and returns the new time. */
    public long advance(final long deltaNs) {
        if (deltaNs < 0) {
            throw new IllegalArgumentException("deltaNs must be >= 0: " + deltaNs);
        }
        final long next = nowNs + deltaNs;
        nowNs = next;
        return next;
    }
}
