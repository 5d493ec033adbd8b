package io.ringtrader.sim.binance.gen;

/**
 * One side of the generator's book: price levels in ticks with quantities in lots, best first, in fixed arrays
 * (no allocation after construction). Not thread-safe: the generator's thread owns it.
 */
final class BookSide {
    private final boolean bid;
    private final long[] prices;
    private final long[] lots;
    private int size;
    private long totalLots;

    BookSide(final boolean bid, final int capacity) {
        this.bid = bid;
        this.prices = new long[capacity];
        this.lots = new long[capacity];
    }

    boolean isBid() {
        return bid;
    }

    int size() {
        return size;
    }

    int capacity() {
        return prices.length;
    }

    long totalLots() {
        return totalLots;
    }

    long price(final int i) {
        return prices[i];
    }

    long lots(final int i) {
        return lots[i];
    }

    /** Best price; the side must not be empty. */
    long bestPrice() {
        return prices[0];
    }

    /** Worst (deepest) price; the side must not be empty. */
    long worstPrice() {
        return prices[size - 1];
    }

    /** True when {@code a} is a better price than {@code b} on this side. */
    boolean better(final long a, final long b) {
        return bid ? a > b : a < b;
    }

    /** Index of {@code price}, or {@code -(insertion point) - 1}. */
    int indexOf(final long price) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final long p = prices[mid];
            if (p == price) {
                return mid;
            }
            if (better(p, price)) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    /** Adds lots at a price (a new level when absent; the side must then have room); returns the level's new lots. */
    long add(final long price, final long addLots) {
        final int i = indexOf(price);
        totalLots += addLots;
        if (i >= 0) {
            lots[i] += addLots;
            return lots[i];
        }
        final int at = -i - 1;
        if (size == prices.length) {
            throw new IllegalStateException("book side full (" + size + " levels); remove the worst level first");
        }
        System.arraycopy(prices, at, prices, at + 1, size - at);
        System.arraycopy(lots, at, lots, at + 1, size - at);
        prices[at] = price;
        lots[at] = addLots;
        size++;
        return addLots;
    }

    /** Removes up to {@code removeLots} from level {@code i} (dropping it at zero); returns the level's new lots. */
    long reduceAt(final int i, final long removeLots) {
        final long taken = Math.min(removeLots, lots[i]);
        totalLots -= taken;
        final long left = lots[i] - taken;
        if (left == 0) {
            System.arraycopy(prices, i + 1, prices, i, size - i - 1);
            System.arraycopy(lots, i + 1, lots, i, size - i - 1);
            size--;
        } else {
            lots[i] = left;
        }
        return left;
    }

    /** The level holding the {@code k}-th resting lot (0-based, {@code k < totalLots}): picks levels by size. */
    int levelOfLot(final long k) {
        long acc = 0;
        for (int i = 0; i < size; i++) {
            acc += lots[i];
            if (k < acc) {
                return i;
            }
        }
        throw new IllegalStateException("lot " + k + " beyond total " + totalLots);
    }
}
