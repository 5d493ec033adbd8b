package io.ringtrader.engine.features;

/**
 * Taker buy and sell volume over a sliding time window, for one instrument: a ring of (time, signed
 * quantity) entries with running sums. Time comes from the events (exchange time), never the clock.
 *
 * <p>If more trades arrive within one window than the ring holds, the oldest are dropped early and
 * counted ({@link #overflows()}); size the capacity for the busiest instrument.
 *
 * <p>Single-threaded; allocation-free after construction.
 */
final class TradeFlowWindow {
    private final long windowNs;
    private final long[] timesNs;
    private final long[] signedQtys;
    private int head;
    private int size;
    private long buyQty;
    private long sellQty;
    private long overflows;

    TradeFlowWindow(final long windowNs, final int capacity) {
        this.windowNs = windowNs;
        this.timesNs = new long[capacity];
        this.signedQtys = new long[capacity];
    }

    /** Adds a trade: positive quantity for a taker buy, negative for a taker sell. */
    void add(final long timeNs, final long signedQty) {
        evictBefore(timeNs - windowNs);
        if (size == timesNs.length) {
            removeOldest();
            overflows++;
        }
        final int tail = (head + size) % timesNs.length;
        timesNs[tail] = timeNs;
        signedQtys[tail] = signedQty;
        size++;
        if (signedQty > 0) {
            buyQty += signedQty;
        } else {
            sellQty -= signedQty;
        }
    }

    /** The imbalance of the trades in the window ending at {@code nowNs}, in [-1, 1]; 0 when empty. */
    double imbalance(final long nowNs) {
        evictBefore(nowNs - windowNs);
        final long total = buyQty + sellQty;
        return total == 0 ? 0.0 : (double)(buyQty - sellQty) / total;
    }

    long overflows() {
        return overflows;
    }

    private void evictBefore(final long oldestKeptNs) {
        while (size > 0 && timesNs[head] < oldestKeptNs) {
            removeOldest();
        }
    }

    private void removeOldest() {
        final long qty = signedQtys[head];
        if (qty > 0) {
            buyQty -= qty;
        } else {
            sellQty += qty;
        }
        head = (head + 1) % timesNs.length;
        size--;
    }
}
