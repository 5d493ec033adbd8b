package io.ringtrader.engine.book;

import static io.ringtrader.engine.book.BookUpdateResult.INSERTED;
import static io.ringtrader.engine.book.BookUpdateResult.REJECTED_NEGATIVE;
import static io.ringtrader.engine.book.BookUpdateResult.REJECTED_NO_SNAPSHOT;
import static io.ringtrader.engine.book.BookUpdateResult.REJECTED_SNAPSHOT_IN_PROGRESS;
import static io.ringtrader.engine.book.BookUpdateResult.REMOVED;
import static io.ringtrader.engine.book.BookUpdateResult.REMOVE_ABSENT;
import static io.ringtrader.engine.book.BookUpdateResult.TRUNCATED;
import static io.ringtrader.engine.book.BookUpdateResult.UNCHANGED;
import static io.ringtrader.engine.book.BookUpdateResult.UPDATED;
import static io.ringtrader.engine.book.OrderBook.NULL_VALUE;
import static io.ringtrader.engine.book.Side.ASK;
import static io.ringtrader.engine.book.Side.BID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderBookTest {
    private final OrderBook book = new OrderBook(3, 4, 64);

    @Test
    void shouldFindUpdateInsertAndRemoveLevelsAtEveryDepthOfADeepSide() {
        // 300 levels a side: the search scans the top levels in blocks and gallops beyond them; every depth,
        // present or absent, must land where it belongs on both sides.
        final int levels = 300;
        final OrderBook deep = new OrderBook(5, 8, 1_024);
        deep.beginSnapshot();
        for (int level = 0; level < levels; level++) {
            deep.addSnapshotLevel(BID, 10_000 - 2 * level, 1);
            deep.addSnapshotLevel(ASK, 10_002 + 2 * level, 1);
        }
        deep.endSnapshot();
        for (int level = 0; level < levels; level++) {
            assertEquals(UPDATED, deep.applyDelta(BID, 10_000 - 2 * level, 5 + level));
            assertEquals(UPDATED, deep.applyDelta(ASK, 10_002 + 2 * level, 5 + level));
            assertEquals(5 + level, deep.bidQty(level));
            assertEquals(5 + level, deep.askQty(level));
        }
        for (int level = 0; level < levels; level++) {
            assertEquals(REMOVE_ABSENT, deep.applyDelta(BID, 9_999 - 2 * level, 0));
            assertEquals(INSERTED, deep.applyDelta(BID, 9_999 - 2 * level, 7));
            assertEquals(9_999 - 2 * level, deep.bidPrice(2 * level + 1));
            assertEquals(REMOVE_ABSENT, deep.applyDelta(ASK, 10_003 + 2 * level, 0));
            assertEquals(INSERTED, deep.applyDelta(ASK, 10_003 + 2 * level, 7));
            assertEquals(10_003 + 2 * level, deep.askPrice(2 * level + 1));
        }
        assertEquals(INSERTED, deep.applyDelta(BID, 1, 3));
        assertEquals(1, deep.bidPrice(2 * levels));
        for (int level = levels - 1; level >= 0; level--) {
            assertEquals(REMOVED, deep.applyDelta(BID, 10_000 - 2 * level, 0));
            assertEquals(REMOVED, deep.applyDelta(ASK, 10_002 + 2 * level, 0));
        }
        assertEquals(levels + 1, deep.bidCount());
        assertEquals(levels, deep.askCount());
        for (int level = 0; level < levels; level++) {
            assertEquals(9_999 - 2 * level, deep.bidPrice(level));
            assertEquals(10_003 + 2 * level, deep.askPrice(level));
        }
    }

    /** Bids 100x10, 99x20, 98x30; asks 101x11, 102x21, 103x31. */
    private void loadValidBook() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 10);
        book.addSnapshotLevel(BID, 99, 20);
        book.addSnapshotLevel(BID, 98, 30);
        book.addSnapshotLevel(ASK, 101, 11);
        book.addSnapshotLevel(ASK, 102, 21);
        book.addSnapshotLevel(ASK, 103, 31);
        book.endSnapshot();
    }

    private static long[] bidPrices(final OrderBook book) {
        final long[] prices = new long[book.bidCount()];
        book.depth(BID, prices.length, prices, new long[prices.length]);
        return prices;
    }

    private static long[] askPrices(final OrderBook book) {
        final long[] prices = new long[book.askCount()];
        book.depth(ASK, prices.length, prices, new long[prices.length]);
        return prices;
    }

    @Test
    void shouldStartEmptyAndAwaitingSnapshot() {
        assertEquals(3, book.instrumentId());
        assertEquals(BookState.AWAITING_SNAPSHOT, book.state());
        assertEquals(0, book.bidCount());
        assertEquals(0, book.askCount());
    }

    @Test
    void shouldBecomeValidAfterCompleteSnapshot() {
        loadValidBook();

        assertEquals(BookState.VALID, book.state());
        assertArrayEquals(new long[] {100, 99, 98}, bidPrices(book));
        assertArrayEquals(new long[] {101, 102, 103}, askPrices(book));
    }

    @Test
    void shouldStayAwaitingSnapshotWhileSnapshotIsLoading() {
        loadValidBook();
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 10);

        assertEquals(BookState.AWAITING_SNAPSHOT, book.state());
        assertEquals(100, book.bestBidPrice());
    }

    @Test
    void shouldReturnStateFromEndSnapshot() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 10);

        assertEquals(BookState.VALID, book.endSnapshot());
    }

    @Test
    void shouldClearBothSidesOnBeginSnapshot() {
        loadValidBook();

        book.beginSnapshot();

        assertEquals(0, book.bidCount());
        assertEquals(0, book.askCount());
    }

    @Test
    void shouldOrderSnapshotLevelsArrivingWorstFirst() {
        book.beginSnapshot();
        for (long price = 90; price <= 100; price++) {
            book.addSnapshotLevel(BID, price, 1);
            book.addSnapshotLevel(ASK, 201 - price, 1);
        }
        book.endSnapshot();

        assertArrayEquals(new long[] {100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90}, bidPrices(book));
        assertArrayEquals(new long[] {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111}, askPrices(book));
    }

    @Test
    void shouldOrderSnapshotLevelsArrivingShuffled() {
        final long[] shuffled = {95, 91, 100, 93, 99, 97, 92, 96, 98, 94};
        book.beginSnapshot();
        for (final long price : shuffled) {
            book.addSnapshotLevel(BID, price, 1);
        }
        book.endSnapshot();

        assertArrayEquals(new long[] {100, 99, 98, 97, 96, 95, 94, 93, 92, 91}, bidPrices(book));
    }

    @Test
    void shouldBecomeInvalidAfterCrossedSnapshot() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 101, 1);
        book.addSnapshotLevel(ASK, 100, 1);

        assertEquals(BookState.INVALID, book.endSnapshot());
    }

    @Test
    void shouldBecomeInvalidAfterSnapshotWithRejectedLevel() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 1);
        assertEquals(REJECTED_NEGATIVE, book.addSnapshotLevel(ASK, 101, -1));

        assertEquals(BookState.INVALID, book.endSnapshot());
    }

    @Test
    void shouldRejectSnapshotLevelWithoutBeginSnapshot() {
        loadValidBook();

        assertEquals(REJECTED_NO_SNAPSHOT, book.addSnapshotLevel(BID, 97, 5));
        assertEquals(3, book.bidCount());
        assertEquals(1, book.rejectedUpdates());
    }

    @Test
    void shouldLeaveStateAloneOnEndSnapshotWithoutBeginSnapshot() {
        loadValidBook();
        book.invalidate();

        assertEquals(BookState.INVALID, book.endSnapshot());
    }

    @Test
    void shouldRejectDeltaWhileSnapshotIsLoading() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 1);

        assertEquals(REJECTED_SNAPSHOT_IN_PROGRESS, book.applyDelta(BID, 99, 5));
        assertEquals(1, book.bidCount());
    }

    @Test
    void shouldBecomeInvalidAfterSnapshotInterruptedByDelta() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 1);
        book.applyDelta(BID, 99, 5);

        assertEquals(BookState.INVALID, book.endSnapshot());
    }

    @Test
    void shouldInsertNewLevel() {
        loadValidBook();

        assertEquals(INSERTED, book.applyDelta(BID, 97, 40));
        assertEquals(4, book.bidCount());
        assertEquals(97, book.bidPrice(3));
        assertEquals(40, book.bidQty(3));
    }

    @Test
    void shouldInsertNewBestLevel() {
        loadValidBook();

        assertEquals(INSERTED, book.applyDelta(ASK, 100, 7));
        assertEquals(100, book.bestAskPrice());
        assertEquals(7, book.bestAskQty());
        assertEquals(101, book.askPrice(1));
    }

    @Test
    void shouldUpdateExistingLevel() {
        loadValidBook();

        assertEquals(UPDATED, book.applyDelta(ASK, 102, 5));
        assertEquals(3, book.askCount());
        assertEquals(5, book.askQty(1));
    }

    @Test
    void shouldReportUnchangedForSameQuantity() {
        loadValidBook();
        final long version = book.version();

        assertEquals(UNCHANGED, book.applyDelta(BID, 99, 20));
        assertEquals(version, book.version());
    }

    @Test
    void shouldRemoveLevelOnZeroQuantity() {
        loadValidBook();

        assertEquals(REMOVED, book.applyDelta(BID, 100, 0));
        assertEquals(2, book.bidCount());
        assertEquals(99, book.bestBidPrice());
    }

    @Test
    void shouldReportAndCountRemovalOfAbsentLevel() {
        loadValidBook();
        final long version = book.version();

        assertEquals(REMOVE_ABSENT, book.applyDelta(ASK, 150, 0));
        assertEquals(1, book.absentRemoves());
        assertEquals(3, book.askCount());
        assertEquals(version, book.version());
    }

    @Test
    void shouldRejectNegativePriceLeavingBookUnchanged() {
        loadValidBook();
        final long version = book.version();

        assertEquals(REJECTED_NEGATIVE, book.applyDelta(BID, -100, 5));
        assertArrayEquals(new long[] {100, 99, 98}, bidPrices(book));
        assertEquals(version, book.version());
        assertEquals(1, book.rejectedUpdates());
    }

    @Test
    void shouldRejectNegativeQuantityLeavingBookUnchanged() {
        loadValidBook();

        assertEquals(REJECTED_NEGATIVE, book.applyDelta(ASK, 101, -1));
        assertEquals(11, book.bestAskQty());
        assertEquals(0, book.updatesApplied());
    }

    @Test
    void shouldCountDeltasApplied() {
        loadValidBook();

        book.applyDelta(BID, 97, 1);
        book.applyDelta(BID, 97, 1);
        book.applyDelta(BID, 50, 0);
        book.applyDelta(BID, -1, 1);

        assertEquals(3, book.updatesApplied());
    }

    @Test
    void shouldApplyDeltasWhileInvalid() {
        loadValidBook();
        book.invalidate();

        assertEquals(INSERTED, book.applyDelta(BID, 97, 1));
        assertEquals(BookState.INVALID, book.state());
    }

    @Test
    void shouldKeepBothSidesBestFirstUnderRandomDeltas() {
        final SplittableRandom random = new SplittableRandom(42);
        book.beginSnapshot();
        book.endSnapshot();
        for (int i = 0; i < 500; i++) {
            book.applyDelta(BID, 1_000 + random.nextInt(100), random.nextInt(3));
            book.applyDelta(ASK, 1_100 + random.nextInt(100), random.nextInt(3));
        }

        final long[] bids = bidPrices(book);
        final long[] asks = askPrices(book);
        for (int i = 1; i < bids.length; i++) {
            assertTrue(bids[i - 1] > bids[i], Arrays.toString(bids));
        }
        for (int i = 1; i < asks.length; i++) {
            assertTrue(asks[i - 1] < asks[i], Arrays.toString(asks));
        }
    }

    @Test
    void shouldReturnNullValueForEmptySide() {
        assertFalse(book.hasBid());
        assertFalse(book.hasAsk());
        assertEquals(NULL_VALUE, book.bestBidPrice());
        assertEquals(NULL_VALUE, book.bestBidQty());
        assertEquals(NULL_VALUE, book.bestAskPrice());
        assertEquals(NULL_VALUE, book.bestAskQty());
    }

    @Test
    void shouldReportSidesWithLevels() {
        loadValidBook();

        assertTrue(book.hasBid());
        assertTrue(book.hasAsk());
    }

    @Test
    void shouldReadLevelsFromTheTop() {
        loadValidBook();

        assertEquals(100, book.bidPrice(0));
        assertEquals(10, book.bidQty(0));
        assertEquals(98, book.bidPrice(2));
        assertEquals(30, book.bidQty(2));
        assertEquals(101, book.askPrice(0));
        assertEquals(11, book.askQty(0));
        assertEquals(103, book.askPrice(2));
        assertEquals(31, book.askQty(2));
    }

    @Test
    void shouldReturnNullValueOutsideTheLevels() {
        loadValidBook();

        assertEquals(NULL_VALUE, book.bidPrice(3));
        assertEquals(NULL_VALUE, book.bidQty(3));
        assertEquals(NULL_VALUE, book.askPrice(-1));
        assertEquals(NULL_VALUE, book.askQty(-1));
    }

    @Test
    void shouldDetectCrossedBook() {
        loadValidBook();

        book.applyDelta(BID, 102, 1);

        assertTrue(book.isCrossed());
    }

    @Test
    void shouldTreatLockedBookAsCrossed() {
        loadValidBook();

        book.applyDelta(BID, 101, 1);

        assertTrue(book.isCrossed());
    }

    @Test
    void shouldNotBeCrossedWithSpread() {
        loadValidBook();

        assertFalse(book.isCrossed());
    }

    @Test
    void shouldNotBeCrossedWithOneSideEmpty() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 1);
        book.endSnapshot();

        assertFalse(book.isCrossed());
    }

    @Test
    void shouldComputeMidPriceTimesTwo() {
        loadValidBook();

        assertEquals(201, book.midPriceTimes2());
    }

    @Test
    void shouldReturnNullMidPriceWhenASideIsEmpty() {
        book.beginSnapshot();
        book.addSnapshotLevel(ASK, 101, 1);
        book.endSnapshot();

        assertEquals(NULL_VALUE, book.midPriceTimes2());
    }

    @Test
    void shouldSumQuantityOverTopLevels() {
        loadValidBook();

        assertEquals(30, book.sumQty(BID, 2));
        assertEquals(32, book.sumQty(ASK, 2));
    }

    @Test
    void shouldSumAllLevelsWhenFewerThanRequested() {
        loadValidBook();

        assertEquals(60, book.sumQty(BID, 10));
    }

    @Test
    void shouldSumZeroForEmptySide() {
        assertEquals(0, book.sumQty(ASK, 10));
    }

    @Test
    void shouldCopyDepthBestFirst() {
        loadValidBook();
        final long[] prices = new long[2];
        final long[] qtys = new long[2];

        assertEquals(2, book.depth(ASK, 2, prices, qtys));
        assertArrayEquals(new long[] {101, 102}, prices);
        assertArrayEquals(new long[] {11, 21}, qtys);
    }

    @Test
    void shouldCopyOnlyExistingLevelsWhenFewerThanRequested() {
        loadValidBook();
        final long[] prices = new long[5];
        final long[] qtys = new long[5];

        assertEquals(3, book.depth(BID, 5, prices, qtys));
        assertArrayEquals(new long[] {100, 99, 98, 0, 0}, prices);
        assertArrayEquals(new long[] {10, 20, 30, 0, 0}, qtys);
    }

    @Test
    void shouldKeepLevelsWhenInvalidated() {
        loadValidBook();

        book.invalidate();

        assertEquals(BookState.INVALID, book.state());
        assertArrayEquals(new long[] {100, 99, 98}, bidPrices(book));
    }

    @Test
    void shouldBecomeValidAgainAfterNewSnapshot() {
        loadValidBook();
        book.invalidate();

        loadValidBook();

        assertEquals(BookState.VALID, book.state());
    }

    @Test
    void shouldAbandonSnapshotInProgressWhenInvalidated() {
        book.beginSnapshot();
        book.addSnapshotLevel(BID, 100, 1);

        book.invalidate();

        assertEquals(REJECTED_NO_SNAPSHOT, book.addSnapshotLevel(BID, 99, 1));
        assertEquals(BookState.INVALID, book.endSnapshot());
    }

    @Test
    void shouldChangeVersionOnEveryChange() {
        final long[] versions = new long[8];
        versions[0] = book.version();
        book.beginSnapshot();
        versions[1] = book.version();
        book.addSnapshotLevel(BID, 100, 1);
        versions[2] = book.version();
        book.endSnapshot();
        versions[3] = book.version();
        book.applyDelta(BID, 99, 1);
        versions[4] = book.version();
        book.applyDelta(BID, 99, 2);
        versions[5] = book.version();
        book.applyDelta(BID, 99, 0);
        versions[6] = book.version();
        book.invalidate();
        versions[7] = book.version();

        assertEquals(8, Arrays.stream(versions).distinct().count(), Arrays.toString(versions));
    }

    @Test
    void shouldNotChangeVersionWhenNothingChanged() {
        loadValidBook();
        final long version = book.version();

        book.applyDelta(BID, 100, 10);
        book.applyDelta(BID, 50, 0);
        book.applyDelta(BID, -1, 1);
        book.addSnapshotLevel(BID, 97, 1);

        assertEquals(version, book.version());
    }

    @Test
    void shouldGrowBeyondInitialCapacity() {
        final OrderBook small = new OrderBook(0, 1, 10_000);
        final SplittableRandom random = new SplittableRandom(7);
        final long[] prices = new long[2_000];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = 10_000 - i;
        }
        for (int i = prices.length - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final long price = prices[i];
            prices[i] = prices[j];
            prices[j] = price;
        }

        for (final long price : prices) {
            assertEquals(INSERTED, small.applyDelta(BID, price, price));
        }

        assertEquals(prices.length, small.bidCount());
        for (int level = 0; level < prices.length; level++) {
            assertEquals(10_000 - level, small.bidPrice(level));
            assertEquals(10_000 - level, small.bidQty(level));
        }
        assertEquals(0, small.truncatedLevels());
    }

    @Test
    void shouldDropWorstBidToInsertBetterOneAtDepthLimit() {
        final OrderBook limited = new OrderBook(0, 2, 3);
        limited.applyDelta(BID, 100, 1);
        limited.applyDelta(BID, 99, 1);
        limited.applyDelta(BID, 98, 1);

        assertEquals(INSERTED, limited.applyDelta(BID, 101, 1));
        assertArrayEquals(new long[] {101, 100, 99}, bidPrices(limited));
        assertEquals(1, limited.truncatedLevels());
    }

    @Test
    void shouldDropWorstAskToInsertBetterOneAtDepthLimit() {
        final OrderBook limited = new OrderBook(0, 2, 3);
        limited.applyDelta(ASK, 101, 1);
        limited.applyDelta(ASK, 102, 1);
        limited.applyDelta(ASK, 104, 1);

        assertEquals(INSERTED, limited.applyDelta(ASK, 103, 1));
        assertArrayEquals(new long[] {101, 102, 103}, askPrices(limited));
        assertEquals(1, limited.truncatedLevels());
    }

    @Test
    void shouldNotKeepLevelWorseThanAllAtDepthLimit() {
        final OrderBook limited = new OrderBook(0, 2, 3);
        limited.applyDelta(BID, 100, 1);
        limited.applyDelta(BID, 99, 1);
        limited.applyDelta(BID, 98, 1);

        assertEquals(TRUNCATED, limited.applyDelta(BID, 97, 1));
        assertArrayEquals(new long[] {100, 99, 98}, bidPrices(limited));
        assertEquals(1, limited.truncatedLevels());
    }

    @Test
    void shouldUpdateLevelsAtDepthLimitWithoutTruncating() {
        final OrderBook limited = new OrderBook(0, 2, 3);
        limited.applyDelta(ASK, 101, 1);
        limited.applyDelta(ASK, 102, 1);
        limited.applyDelta(ASK, 103, 1);

        assertEquals(UPDATED, limited.applyDelta(ASK, 103, 2));
        assertEquals(0, limited.truncatedLevels());
    }

    @Test
    void shouldKeepBestLevelsOfSnapshotBeyondDepthLimitArrivingBestFirst() {
        final OrderBook limited = new OrderBook(0, 2, 3);
        limited.beginSnapshot();
        for (long price = 100; price > 90; price--) {
            limited.addSnapshotLevel(BID, price, 1);
        }

        assertEquals(BookState.VALID, limited.endSnapshot());
        assertArrayEquals(new long[] {100, 99, 98}, bidPrices(limited));
        assertEquals(7, limited.truncatedLevels());
    }

    @Test
    void shouldKeepBestLevelsOfSnapshotBeyondDepthLimitArrivingWorstFirst() {
        final OrderBook limited = new OrderBook(0, 2, 3);
        limited.beginSnapshot();
        for (long price = 101; price <= 110; price++) {
            limited.addSnapshotLevel(ASK, 211 - price, 1);
        }
        limited.endSnapshot();

        assertArrayEquals(new long[] {101, 102, 103}, askPrices(limited));
        assertEquals(7, limited.truncatedLevels());
    }

    @Test
    void shouldKeepWorkingAtDepthLimitUnderChurn() {
        final OrderBook limited = new OrderBook(0, 4, 16);
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            limited.applyDelta(BID, 1_000 + random.nextInt(64), random.nextInt(4) == 0 ? 0 : 1);
        }

        assertTrue(limited.bidCount() <= 16);
        assertTrue(limited.truncatedLevels() > 0);
        final long[] bids = bidPrices(limited);
        for (int i = 1; i < bids.length; i++) {
            assertTrue(bids[i - 1] > bids[i], Arrays.toString(bids));
        }
    }

    @Test
    void shouldRejectInitialCapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, 0, 10));
    }

    @Test
    void shouldRejectMaximumBelowInitialCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, 10, 5));
    }

    @Test
    void shouldRejectMaximumAboveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, 10, OrderBook.MAX_LEVELS + 1));
    }

    @Test
    void shouldDescribeItselfForLogs() {
        loadValidBook();

        assertTrue(book.toString().contains("state=VALID"), book.toString());
    }
}
