package io.ringtrader.bench.latency;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The intended send time of every frame the driver offers, keyed by a strictly increasing long: the frame's
 * {@code pu} (the previous diff's {@code u}), which the driver knows before it sends, so the entry exists before
 * any consumer can see the frame.
 *
 * <p>Single writer (the driver thread), any number of readers. Entries are published with release/acquire
 * ordering on a counter; a reader binary-searches the entries still held. Fixed capacity, allocation-free.
 */
final class IntendedSendTimes {
    /** Returned by {@link #intendedNanos} for a key that is not held. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private final long[] keys;
    private final long[] intendedNanos;
    private final int mask;
    private final AtomicLong count = new AtomicLong();

    /**
     * @param capacity entries held (rounded up to a power of two); older entries are overwritten.
     */
    IntendedSendTimes(final int capacity) {
        if (capacity < 1 || capacity > 1 << 28) {
            throw new IllegalArgumentException("capacity must be 1 .. 2^28: " + capacity);
        }
        final int size = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.keys = new long[size];
        this.intendedNanos = new long[size];
        this.mask = size - 1;
    }

    /**
     * Adds an entry; called on the writer thread only.
     *
     * @throws IllegalArgumentException if {@code key} is not greater than the previous key.
     */
    void append(final long key, final long intendedNs) {
        final long n = count.get();
        if (n > 0 && key <= keys[(int)((n - 1) & mask)]) {
            throw new IllegalArgumentException("keys must increase: " + key + " after " + keys[(int)((n - 1) & mask)]);
        }
        final int index = (int)(n & mask);
        keys[index] = key;
        intendedNanos[index] = intendedNs;
        count.setRelease(n + 1);
    }

    /** The intended send time of the frame with this key, or {@link #UNKNOWN}; any thread. */
    long intendedNanos(final long key) {
        final long n = count.getAcquire();
        long lo = Math.max(0, n - keys.length);
        long hi = n - 1;
        while (lo <= hi) {
            final long mid = (lo + hi) >>> 1;
            final long k = keys[(int)(mid & mask)];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                final long intended = intendedNanos[(int)(mid & mask)];
                return count.getAcquire() - keys.length <= mid ? intended : UNKNOWN;
            }
        }
        return UNKNOWN;
    }

    /** The latest key appended, or {@link Long#MIN_VALUE}; any thread. */
    long lastKey() {
        final long n = count.getAcquire();
        return n == 0 ? Long.MIN_VALUE : keys[(int)((n - 1) & mask)];
    }

    /** Entries appended so far. */
    long size() {
        return count.getAcquire();
    }
}
