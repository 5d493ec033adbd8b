package io.ringtrader.engine.book;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously-correct order book the differential test trusts: one {@link TreeMap} per side, iterated best
 * first, with the same outcomes, state machine, counters and depth limit as {@link OrderBook}.
 */
final class ReferenceOrderBook {
    final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<Long, Long> asks = new TreeMap<>();
    private final int maxLevels;
    BookState state = BookState.AWAITING_SNAPSHOT;
    private boolean snapshotInProgress;
    private boolean snapshotConsistent;
    long version;
    long updatesApplied;
    long absentRemoves;
    long rejectedUpdates;
    long truncatedLevels;

    ReferenceOrderBook(final int maxLevels) {
        this.maxLevels = maxLevels;
    }

    TreeMap<Long, Long> side(final Side side) {
        return side == Side.BID ? bids : asks;
    }

    void beginSnapshot() {
        bids.clear();
        asks.clear();
        snapshotInProgress = true;
        snapshotConsistent = true;
        state = BookState.AWAITING_SNAPSHOT;
        version++;
    }

    BookUpdateResult addSnapshotLevel(final Side side, final long price, final long qty) {
        if (!snapshotInProgress) {
            rejectedUpdates++;
            return BookUpdateResult.REJECTED_NO_SNAPSHOT;
        }
        if (price < 0 || qty < 0) {
            rejectedUpdates++;
            snapshotConsistent = false;
            return BookUpdateResult.REJECTED_NEGATIVE;
        }
        return apply(side(side), price, qty);
    }

    BookState endSnapshot() {
        if (snapshotInProgress) {
            snapshotInProgress = false;
            state = snapshotConsistent && !isCrossed() ? BookState.VALID : BookState.INVALID;
            version++;
        }
        return state;
    }

    BookUpdateResult applyDelta(final Side side, final long price, final long qty) {
        if (price < 0 || qty < 0) {
            rejectedUpdates++;
            return BookUpdateResult.REJECTED_NEGATIVE;
        }
        if (snapshotInProgress) {
            rejectedUpdates++;
            snapshotConsistent = false;
            return BookUpdateResult.REJECTED_SNAPSHOT_IN_PROGRESS;
        }
        updatesApplied++;
        return apply(side(side), price, qty);
    }

    void invalidate() {
        snapshotInProgress = false;
        state = BookState.INVALID;
        version++;
    }

    private BookUpdateResult apply(final TreeMap<Long, Long> levels, final long price, final long qty) {
        final Long previous = levels.get(price);
        if (qty == 0) {
            if (previous == null) {
                absentRemoves++;
                return BookUpdateResult.REMOVE_ABSENT;
            }
            levels.remove(price);
            version++;
            return BookUpdateResult.REMOVED;
        }
        if (previous != null) {
            if (previous == qty) {
                return BookUpdateResult.UNCHANGED;
            }
            levels.put(price, qty);
            version++;
            return BookUpdateResult.UPDATED;
        }
        levels.put(price, qty);
        if (levels.size() > maxLevels) {
            final long worst = levels.pollLastEntry().getKey();
            truncatedLevels++;
            if (worst == price) {
                return BookUpdateResult.TRUNCATED;
            }
        }
        version++;
        return BookUpdateResult.INSERTED;
    }

    long bestPrice(final Side side) {
        final Map.Entry<Long, Long> best = side(side).firstEntry();
        return best == null ? OrderBook.NULL_VALUE : best.getKey();
    }

    long bestQty(final Side side) {
        final Map.Entry<Long, Long> best = side(side).firstEntry();
        return best == null ? OrderBook.NULL_VALUE : best.getValue();
    }

    boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    long midPriceTimes2() {
        return bids.isEmpty() || asks.isEmpty() ? OrderBook.NULL_VALUE : bids.firstKey() + asks.firstKey();
    }
}
