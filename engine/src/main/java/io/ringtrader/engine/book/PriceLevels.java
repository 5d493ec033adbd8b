package io.ringtrader.engine.book;

import java.util.Arrays;

/**
 * One side of an {@link OrderBook}: its price levels in a pair of parallel primitive arrays.
 *
 * <pre>
 *   index:  0 ..  start        ..          end-1  .. length-1
 *           [ free | worst  ...  ascending keys ...  best | free ]
 * </pre>
 *
 * Keys are the price for bids and the negated price for asks, so both sides are ascending by key with
 * the best level at {@code end - 1} and share one code path. A search scans the top {@value #SCAN_LEVELS} levels,
 * {@value #SCAN_BLOCK} at a time, then gallops down and binary-searches, so it costs O(d / {@value #SCAN_BLOCK}) for
 * a level d from the top within the scanned ones and O(log d) beyond. An insert or removal moves the
 * shorter of the two runs either side of it into the free space at that end; when that end is full the levels
 * are moved to open room at both ends, in arrays of double the size if headroom is short and the depth limit
 * allows. At the limit the worst level is dropped by advancing {@code start}; the arrays keep headroom above
 * the limit, so the moves this eventually needs are amortised. Only growth allocates.
 * <p>
 * Snapshot levels usually arrive best first, so a snapshot starts from the top of the arrays and each level
 * lands below the previous one without moving it: a snapshot of n levels loads in amortised O(n).
 * <p>
 * Not thread-safe: owned by the single writer of its book.
 */
final class PriceLevels {
    /** Levels from the top a search scans before it gallops. */
    static final int SCAN_LEVELS = 128;
    /** Levels the scan skips at a time. */
    private static final int SCAN_BLOCK = 8;

    private final long keySign;
    private final int maxLevels;
    private final int maxCapacity;
    private long[] keys;
    private long[] qtys;
    private int start;
    private int end;
    private long truncatedLevels;

    PriceLevels(final Side side, final int initialLevels, final int maxLevels) {
        this.keySign = side == Side.BID ? 1L : -1L;
        this.maxLevels = maxLevels;
        this.maxCapacity = maxLevels + headroom(maxLevels);
        final int capacity = Math.min(initialLevels + headroom(initialLevels), maxCapacity);
        this.keys = new long[capacity];
        this.qtys = new long[capacity];
    }

    /** Free slots wanted around {@code levels} levels; with fewer the arrays grow, up to the depth limit. */
    static int headroom(final int levels) {
        return (levels >> 3) + 2;
    }

    int count() {
        return end - start;
    }

    long price(final int level) {
        return level >= 0 && level < end - start ? keySign * keys[end - 1 - level] : OrderBook.NULL_VALUE;
    }

    long qty(final int level) {
        return level >= 0 && level < end - start ? qtys[end - 1 - level] : OrderBook.NULL_VALUE;
    }

    long sumQty(final int levels) {
        final long[] qtys = this.qtys;
        final int stop = end - Math.min(Math.max(levels, 0), end - start);
        long sum = 0;
        for (int i = end - 1; i >= stop; i--) {
            sum += qtys[i];
        }
        return sum;
    }

    int depth(final int levels, final long[] prices, final long[] quantities) {
        final int n = Math.min(Math.max(levels, 0), end - start);
        for (int level = 0, i = end - 1; level < n; level++, i--) {
            prices[level] = keySign * keys[i];
            quantities[level] = qtys[i];
        }
        return n;
    }

    long truncatedLevels() {
        return truncatedLevels;
    }

    /** Removes all levels, leaving the free space below them for a snapshot that comes best first. */
    void clearForSnapshot() {
        start = keys.length - 1;
        end = start;
    }

    /** Makes room above the levels for deltas, so that the first one does not pay for it. */
    void endSnapshot() {
        if (start == 0 || end == keys.length) {
            makeRoom(false);
        }
    }

    /** Price and quantity are non-negative; quantity 0 removes the level. */
    BookUpdateResult apply(final long price, final long qty) {
        final long key = keySign * price;
        final int index = search(key);
        if (index >= 0) {
            if (qty == 0) {
                remove(index);
                return BookUpdateResult.REMOVED;
            }
            if (qtys[index] == qty) {
                return BookUpdateResult.UNCHANGED;
            }
            qtys[index] = qty;
            return BookUpdateResult.UPDATED;
        }
        if (qty == 0) {
            return BookUpdateResult.REMOVE_ABSENT;
        }
        return insert(-index - 1, key, qty);
    }

    private int search(final long key) {
        final long[] keys = this.keys;
        final int start = this.start;
        // Most updates land within some tens of levels of the top. There a scan that skips a block of levels at a
        // time while the block's lowest key is still above the key, then finishes one level at a time,
        // mispredicts two branches (where each loop stops); galloping and bisecting mispredict about half of theirs.
        final int scanStop = Math.max(start, end - SCAN_LEVELS);
        int index = end - 1;
        while (index - (SCAN_BLOCK - 1) >= scanStop && keys[index - (SCAN_BLOCK - 1)] > key) {
            index -= SCAN_BLOCK;
        }
        while (index >= scanStop && keys[index] > key) {
            index--;
        }
        if (index >= scanStop) {
            return keys[index] == key ? index : -(index + 1) - 1;
        }
        if (index < start) {
            return -start - 1;
        }
        int high = scanStop;
        int probe = high - 1;
        int step = 1;
        while (probe >= start && keys[probe] > key) {
            high = probe;
            probe -= step;
            step <<= 1;
        }
        return Arrays.binarySearch(keys, Math.max(probe, start), high, key);
    }

    private BookUpdateResult insert(final int insertionPoint, final long key, final long qty) {
        if (end - start == maxLevels) {
            if (insertionPoint == start) {
                truncatedLevels++;
                return BookUpdateResult.TRUNCATED;
            }
            start++;
            truncatedLevels++;
        }
        int index = insertionPoint;
        final boolean shiftDown = index - start < end - index;
        if (shiftDown ? start == 0 : end == keys.length) {
            index += makeRoom(shiftDown);
        }
        final long[] keys = this.keys;
        final long[] qtys = this.qtys;
        if (shiftDown) {
            System.arraycopy(keys, start, keys, start - 1, index - start);
            System.arraycopy(qtys, start, qtys, start - 1, index - start);
            start--;
            index--;
        } else {
            System.arraycopy(keys, index, keys, index + 1, end - index);
            System.arraycopy(qtys, index, qtys, index + 1, end - index);
            end++;
        }
        keys[index] = key;
        qtys[index] = qty;
        return BookUpdateResult.INSERTED;
    }

    private void remove(final int index) {
        final long[] keys = this.keys;
        final long[] qtys = this.qtys;
        if (index - start < end - 1 - index) {
            System.arraycopy(keys, start, keys, start + 1, index - start);
            System.arraycopy(qtys, start, qtys, start + 1, index - start);
            start++;
        } else {
            System.arraycopy(keys, index + 1, keys, index, end - 1 - index);
            System.arraycopy(qtys, index + 1, qtys, index, end - 1 - index);
            end--;
        }
    }

    /**
     * Moves the levels to leave free slots both below and above them, three quarters of them on the side that
     * ran out, after doubling the arrays if headroom is short and the depth limit allows.
     *
     * @return how far the levels moved.
     */
    private int makeRoom(final boolean mostlyBelow) {
        final int count = end - start;
        int capacity = keys.length;
        if (capacity - count < headroom(count) && capacity < maxCapacity) {
            capacity = Math.min(2 * capacity, maxCapacity);
        }
        final int free = capacity - count;
        final int minority = Math.max(1, free >> 2);
        final int newStart = mostlyBelow ? free - minority : minority;
        final int shift = newStart - start;
        if (capacity != keys.length) {
            final long[] newKeys = new long[capacity];
            final long[] newQtys = new long[capacity];
            System.arraycopy(keys, start, newKeys, newStart, count);
            System.arraycopy(qtys, start, newQtys, newStart, count);
            keys = newKeys;
            qtys = newQtys;
        } else {
            System.arraycopy(keys, start, keys, newStart, count);
            System.arraycopy(qtys, start, qtys, newStart, count);
        }
        start = newStart;
        end = newStart + count;
        return shift;
    }
}
