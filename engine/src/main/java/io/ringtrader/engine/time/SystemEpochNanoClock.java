package io.ringtrader.engine.time;

import java.time.Instant;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The production clock: nanoseconds since the epoch that never go backwards within a process.
 *
 * <p>The epoch offset is captured once at construction; afterwards each read is
 * {@code offset + System.nanoTime()}, which is cheap, allocation-free and monotonic, so a latency
 * computed as the difference of two reads is never negative. Drift against an NTP-adjusted wall
 * clock over a long session is accepted; {@link #recalibrate()} re-captures the offset (never call it
 * on a ring thread).
 *
 * <p>Thread-safe; reads may happen on any thread.
 */
public final class SystemEpochNanoClock implements EpochNanoClock {
    private volatile long offsetNs;

    public SystemEpochNanoClock() {
        recalibrate();
    }

    /** Re-aligns the clock with the wall clock. Later reads may jump; call only between sessions. */
    public void recalibrate() {
        final Instant now = Instant.now();
        final long nanoTime = System.nanoTime();
        offsetNs = now.getEpochSecond() * 1_000_000_000L + now.getNano() - nanoTime;
    }

    @Override
    public long nanoTime() {
        return offsetNs + System.nanoTime();
    }
}
