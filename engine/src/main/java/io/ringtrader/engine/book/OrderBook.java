package io.ringtrader.engine.book;

/**
 * L2 order book of one instrument: price levels per side, keyed by price mantissa, each with an absolute
 * quantity mantissa, both at the instrument's scale.
 * <p>
 * <b>Writing.</b> A snapshot is loaded with {@link #beginSnapshot()}, any number of
 * {@link #addSnapshotLevel(Side, long, long)} calls (it may span several ring slots) and {@link #endSnapshot()}.
 * Deltas carry absolute quantities: {@link #applyDelta(Side, long, long)} with quantity 0 removes the level,
 * otherwise inserts or replaces it. Expected outcomes are returned as {@link BookUpdateResult}s, never thrown.
 * Deltas are applied whatever the {@link #state()}: the venue sync logic decides what to feed and when to
 * {@link #invalidate()}.
 * <p>
 * <b>Depth limit.</b> Each side starts with room for {@code initialLevelsPerSide} levels and doubles as needed
 * up to {@code maxLevelsPerSide}. Only that growth allocates. At the limit the worst level (farthest from the
 * top) is dropped to make room for a better one, and a level worse than all of them is not kept
 * ({@link BookUpdateResult#TRUNCATED}); the best levels are never dropped. Each dropped level is counted in
 * {@link #truncatedLevels()}. Once that happened the deep end of a side may lack levels the venue still has.
 * <p>
 * <b>Reading.</b> Level 0 is the best level of a side. Reads of a missing level or of an empty side return
 * {@link #NULL_VALUE}. {@link #version()} changes whenever the levels or the state change.
 * <p>
 * <b>Threading.</b> Single writer, no synchronisation: only the book stage thread calls the mutating methods.
 * Reads belong on that thread too (the book stage, or stages fused with it). A stage on another thread must
 * not read a book the book stage may be writing; it gets what it needs copied into the ring event.
 */
public final class OrderBook {
    /** Returned for the price or quantity of a level that does not exist. Book values are never negative. */
    public static final long NULL_VALUE = -1L;

    /** Upper bound of {@code maxLevelsPerSide}. */
    public static final int MAX_LEVELS = 1 << 24;

    private final int instrumentId;
    private final int maxLevelsPerSide;
    private final PriceLevels bids;
    private final PriceLevels asks;
    private final PriceLevels[] sides;
    private BookState state = BookState.AWAITING_SNAPSHOT;
    private boolean snapshotInProgress;
    private boolean snapshotConsistent;
    private long version;
    private long updatesApplied;
    private long absentRemoves;
    private long rejectedUpdates;

    /**
     * @param instrumentId         dense instrument id.
     * @param initialLevelsPerSide levels each side holds before its arrays first grow, at least 1.
     * @param maxLevelsPerSide     depth limit of each side, at least {@code initialLevelsPerSide}.
     */
    public OrderBook(final int instrumentId, final int initialLevelsPerSide, final int maxLevelsPerSide) {
        if (initialLevelsPerSide < 1 || maxLevelsPerSide < initialLevelsPerSide || maxLevelsPerSide > MAX_LEVELS) {
            throw new IllegalArgumentException("need 1 <= initialLevelsPerSide <= maxLevelsPerSide <= " + MAX_LEVELS
                + ": initialLevelsPerSide=" + initialLevelsPerSide + ", maxLevelsPerSide=" + maxLevelsPerSide);
        }
        this.instrumentId = instrumentId;
        this.maxLevelsPerSide = maxLevelsPerSide;
        this.bids = new PriceLevels(Side.BID, initialLevelsPerSide, maxLevelsPerSide);
        this.asks = new PriceLevels(Side.ASK, initialLevelsPerSide, maxLevelsPerSide);
        this.sides = new PriceLevels[] {bids, asks};
    }

    /** Clears both sides and starts loading a snapshot; the state is {@link BookState#AWAITING_SNAPSHOT}. */
    public void beginSnapshot() {
        bids.clearForSnapshot();
        asks.clearForSnapshot();
        snapshotInProgress = true;
        snapshotConsistent = true;
        state = BookState.AWAITING_SNAPSHOT;
        version++;
    }

    /**
     * Adds one level of the snapshot being loaded, with the same effect as a delta. Levels may come in any
     * order; best first is fastest. A rejected level makes the snapshot inconsistent.
     */
    public BookUpdateResult addSnapshotLevel(final Side side, final long price, final long qty) {
        if (!snapshotInProgress) {
            rejectedUpdates++;
            return BookUpdateResult.REJECTED_NO_SNAPSHOT;
        }
        if ((price | qty) < 0) {
            rejectedUpdates++;
            snapshotConsistent = false;
            return BookUpdateResult.REJECTED_NEGATIVE;
        }
        return counted(sides[side.ordinal()].apply(price, qty));
    }

    /**
     * Completes the snapshot. The book becomes {@link BookState#VALID} unless a level or delta was rejected while
     * loading it or it is crossed, in which case it becomes {@link BookState#INVALID}. Without a snapshot in
     * progress nothing changes.
     *
     * @return the state after the call.
     */
    public BookState endSnapshot() {
        if (snapshotInProgress) {
            snapshotInProgress = false;
            bids.endSnapshot();
            asks.endSnapshot();
            state = snapshotConsistent && !isCrossed() ? BookState.VALID : BookState.INVALID;
            version++;
        }
        return state;
    }

    /**
     * Applies an absolute quantity to a level: 0 removes it, otherwise it is inserted or replaced. Rejected
     * while a snapshot is being loaded, which also makes that snapshot inconsistent.
     */
    public BookUpdateResult applyDelta(final Side side, final long price, final long qty) {
        if ((price | qty) < 0) {
            rejectedUpdates++;
            return BookUpdateResult.REJECTED_NEGATIVE;
        }
        if (snapshotInProgress) {
            rejectedUpdates++;
            snapshotConsistent = false;
            return BookUpdateResult.REJECTED_SNAPSHOT_IN_PROGRESS;
        }
        updatesApplied++;
        return counted(sides[side.ordinal()].apply(price, qty));
    }

    /**
     * Marks the book {@link BookState#INVALID} (e.g. a sequence gap), keeping its levels for inspection.
     * A snapshot in progress is abandoned. Only a new snapshot makes the book valid again.
     */
    public void invalidate() {
        snapshotInProgress = false;
        state = BookState.INVALID;
        version++;
    }

    private BookUpdateResult counted(final BookUpdateResult result) {
        // Added rather than switched on: the outcomes of a venue's deltas are as good as random, and a branch per
        // outcome would be mispredicted about every other delta.
        version += result.versionStep;
        absentRemoves += result.absentRemoveStep;
        return result;
    }

    public int instrumentId() {
        return instrumentId;
    }

    public BookState state() {
        return state;
    }

    public int maxLevelsPerSide() {
        return maxLevelsPerSide;
    }

    public boolean hasBid() {
        return bids.count() > 0;
    }

    public boolean hasAsk() {
        return asks.count() > 0;
    }

    /** @return the best bid price, or {@link #NULL_VALUE} if there are no bids. */
    public long bestBidPrice() {
        return bids.price(0);
    }

    /** @return the quantity at the best bid, or {@link #NULL_VALUE} if there are no bids. */
    public long bestBidQty() {
        return bids.qty(0);
    }

    /** @return the best ask price, or {@link #NULL_VALUE} if there are no asks. */
    public long bestAskPrice() {
        return asks.price(0);
    }

    /** @return the quantity at the best ask, or {@link #NULL_VALUE} if there are no asks. */
    public long bestAskQty() {
        return asks.qty(0);
    }

    public int bidCount() {
        return bids.count();
    }

    public int askCount() {
        return asks.count();
    }

    /** @return the price of bid level {@code level} (0 = best), or {@link #NULL_VALUE} beyond the last level. */
    public long bidPrice(final int level) {
        return bids.price(level);
    }

    /** @return the quantity of bid level {@code level} (0 = best), or {@link #NULL_VALUE} beyond the last level. */
    public long bidQty(final int level) {
        return bids.qty(level);
    }

    /** @return the price of ask level {@code level} (0 = best), or {@link #NULL_VALUE} beyond the last level. */
    public long askPrice(final int level) {
        return asks.price(level);
    }

    /** @return the quantity of ask level {@code level} (0 = best), or {@link #NULL_VALUE} beyond the last level. */
    public long askQty(final int level) {
        return asks.qty(level);
    }

    /**
     * Copies the top {@code levels} levels of a side, best first, into the caller's arrays, which must hold that
     * many.
     *
     * @return the number of levels copied: {@code min(levels, count)}.
     */
    public int depth(final Side side, final int levels, final long[] prices, final long[] qtys) {
        return sides[side.ordinal()].depth(levels, prices, qtys);
    }

    /** @return the total quantity of the top {@code levels} levels of a side (fewer if the side is shallower). */
    public long sumQty(final Side side, final int levels) {
        return sides[side.ordinal()].sumQty(levels);
    }

    /** @return true if both sides have levels and the best bid is at or above the best ask. */
    public boolean isCrossed() {
        return bids.count() > 0 && asks.count() > 0 && bids.price(0) >= asks.price(0);
    }

    /** @return best bid + best ask (twice the mid price, exact), or {@link #NULL_VALUE} if a side is empty. */
    public long midPriceTimes2() {
        return bids.count() > 0 && asks.count() > 0 ? bids.price(0) + asks.price(0) : NULL_VALUE;
    }

    /** @return changes to the levels or the state so far; compare two reads to detect a change. */
    public long version() {
        return version;
    }

    /** @return deltas accepted by {@link #applyDelta}, whatever their effect. */
    public long updatesApplied() {
        return updatesApplied;
    }

    /** @return removals of levels that were not in the book, from deltas and snapshots. */
    public long absentRemoves() {
        return absentRemoves;
    }

    /** @return deltas and snapshot levels rejected. */
    public long rejectedUpdates() {
        return rejectedUpdates;
    }

    /** @return levels dropped or not kept because a side was at its depth limit. */
    public long truncatedLevels() {
        return bids.truncatedLevels() + asks.truncatedLevels();
    }

    @Override
    public String toString() {
        return "OrderBook{instrumentId=" + instrumentId
            + ", state=" + state
            + ", bids=" + bids.count() + " best " + bestBidPrice() + " x " + bestBidQty()
            + ", asks=" + asks.count() + " best " + bestAskPrice() + " x " + bestAskQty()
            + ", version=" + version
            + '}';
    }
}
