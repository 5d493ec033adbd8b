package io.ringtrader.engine.book;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Feeds {@link OrderBook} and {@link ReferenceOrderBook} the same seeded random stream and compares them after
 * every operation (outcome, state, top of book, counts, version) and level by level every
 * {@value #FULL_COMPARE_EVERY} operations and at the end.
 * <p>
 * Prices follow a random-walking mid: most inserts and updates land near the top, some far away; removals hit
 * existing and absent levels; full snapshots (best first, worst first, shuffled, with duplicates and zero
 * quantities) and invalidate-then-resync cycles happen now and then, as do crossed books. Override the seed with
 * {@code -Dringtrader.book.seed=N}; a failure prints it.
 */
class OrderBookDifferentialTest {
    private static final long SEED = Long.getLong("ringtrader.book.seed", 0x5EEDB00CL);
    private static final int OPERATIONS = 1_000_000;
    private static final int FULL_COMPARE_EVERY = 1_000;

    @Test
    void shouldMatchReferenceBookOnRandomStream() {
        new Run(SEED, 8, 8_192).run(OPERATIONS).assertStreamCovered(false);
    }

    @Test
    void shouldMatchReferenceBookOnRandomStreamWhenDepthLimitTruncates() {
        new Run(SEED, 4, 150).run(OPERATIONS).assertStreamCovered(true);
    }

    private static final class Run {
        private static final long START_MID = 1_000_000;

        private final long seed;
        private final SplittableRandom random;
        private final OrderBook book;
        private final ReferenceOrderBook reference;
        private final long[] prices = new long[1 << 15];
        private final long[] qtys = new long[1 << 15];
        private final long[] snapshotPrices = new long[4_096];
        private final long[] snapshotQtys = new long[4_096];
        private final Side[] snapshotSides = new Side[4_096];
        private final long[] resultCounts = new long[BookUpdateResult.values().length];
        private long mid = START_MID;
        private long operation;
        private String lastCall = "none";
        private Side lastSide;
        private long lastPrice;
        private long lastQty;
        private int resyncCountdown = -1;
        private long crossedOperations;
        private long levelsSeen;
        private long invalidSnapshots;

        Run(final long seed, final int initialLevels, final int maxLevels) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.book = new OrderBook(7, initialLevels, maxLevels);
            this.reference = new ReferenceOrderBook(maxLevels);
        }

        Run run(final int operations) {
            snapshot(false);
            for (operation = 0; operation < operations; operation++) {
                step();
                if (operation % FULL_COMPARE_EVERY == 0) {
                    compareFully();
                }
            }
            compareFully();
            return this;
        }

        /** Guards the generator: the stream must keep exercising what this test claims to cover. */
        void assertStreamCovered(final boolean truncating) {
            for (final BookUpdateResult result : BookUpdateResult.values()) {
                if (result != BookUpdateResult.TRUNCATED || truncating) {
                    require(resultCounts[result.ordinal()] > 0, "stream produced no " + result);
                }
            }
            require(crossedOperations > 0, "stream produced no crossed book");
            require(invalidSnapshots > 0, "stream produced no snapshot ending INVALID");
            require(levelsSeen / (2L * operation) >= 50, "stream averaged fewer than 50 levels per side");
        }

        private void step() {
            if (random.nextInt(4) == 0) {
                mid += random.nextBoolean() ? 1 : -1;
                mid += Long.signum(START_MID - mid) * (random.nextInt(256) == 0 ? 1 : 0);
            }
            if (resyncCountdown >= 0 && resyncCountdown-- == 0) {
                snapshot(false);
                return;
            }
            final int rare = random.nextInt(100_000);
            if (rare < 3) {
                snapshot(false);
                return;
            }
            if (rare < 4) {
                snapshot(true);
                return;
            }
            if (rare < 7) {
                strayCall(side(), rare == 6);
                return;
            }
            if (rare < 9) {
                record("invalidate", null, 0, 0);
                book.invalidate();
                reference.invalidate();
                compareTop(null, null);
                resyncCountdown = random.nextInt(200);
                return;
            }
            final Side side = side();
            if (uncrossing(side)) {
                delta(side, reference.bestPrice(side), 0);
                return;
            }
            final int kind = random.nextInt(1_000);
            if (kind < 300) {
                delta(side, priceAway(side, nearOffset()), quantity());
            } else if (kind < 380) {
                delta(side, priceAway(side, 30 + random.nextInt(700)), quantity());
            } else if (kind < 580) {
                final long price = existingPrice(side);
                final long qty = random.nextInt(8) == 0 ? reference.side(side).getOrDefault(price, 1L) : quantity();
                delta(side, price, qty);
            } else if (kind < 800) {
                delta(side, existingPrice(side), 0);
            } else if (kind < 880) {
                delta(side, absentPrice(side), 0);
            } else if (kind < 990) {
                final long best = reference.bestPrice(side);
                final long price = best == OrderBook.NULL_VALUE ? priceAway(side, 0) : best;
                delta(side, price, random.nextBoolean() ? 0 : quantity());
            } else if (kind < 995) {
                delta(side, -1 - random.nextInt(1_000), quantity());
            } else {
                delta(side, priceAway(side, nearOffset()), -1 - random.nextInt(1_000));
            }
        }

        private Side side() {
            return random.nextBoolean() ? Side.BID : Side.ASK;
        }

        /** A snapshot level or end without a snapshot in progress. */
        private void strayCall(final Side side, final boolean end) {
            if (end) {
                record("endSnapshot", null, 0, 0);
                check(reference.endSnapshot(), book.endSnapshot(), "endSnapshot");
                compareTop(null, null);
            } else {
                final long price = priceAway(side, nearOffset());
                record("addSnapshotLevel", side, price, 1);
                compareTop(reference.addSnapshotLevel(side, price, 1), book.addSnapshotLevel(side, price, 1));
            }
        }

        /** A venue would soon remove a level that crosses the mid. */
        private boolean uncrossing(final Side side) {
            final long best = reference.bestPrice(side);
            if (best == OrderBook.NULL_VALUE || random.nextInt(3) == 0) {
                return false;
            }
            return side == Side.BID ? best >= mid : best <= mid;
        }

        private int nearOffset() {
            return (int)(-Math.log(1.0 - random.nextDouble()) * 8.0);
        }

        private long priceAway(final Side side, final int offset) {
            return side == Side.BID ? mid - 1 - offset : mid + 1 + offset;
        }

        private long quantity() {
            return 1 + random.nextInt(random.nextInt(16) == 0 ? 1_000_000 : 5_000);
        }

        private long existingPrice(final Side side) {
            final TreeMap<Long, Long> levels = reference.side(side);
            if (levels.isEmpty()) {
                return priceAway(side, nearOffset());
            }
            final long target;
            if (random.nextInt(10) < 7) {
                target = levels.firstKey() + (side == Side.BID ? -1 : 1) * nearOffset();
            } else {
                final long best = levels.firstKey();
                final long worst = levels.lastKey();
                target = Math.min(best, worst) + (long)(random.nextDouble() * (Math.abs(best - worst) + 1));
            }
            final Long found = levels.ceilingKey(target);
            return found != null ? found : levels.lastKey();
        }

        private long absentPrice(final Side side) {
            final TreeMap<Long, Long> levels = reference.side(side);
            long price = priceAway(side, random.nextInt(random.nextBoolean() ? 40 : 1_000));
            while (levels.containsKey(price)) {
                price += side == Side.BID ? -1 : 1;
            }
            return price;
        }

        private void delta(final Side side, final long price, final long qty) {
            record("applyDelta", side, price, qty);
            final BookUpdateResult expected = reference.applyDelta(side, price, qty);
            final BookUpdateResult actual = book.applyDelta(side, price, qty);
            compareTop(expected, actual);
        }

        private void snapshot(final boolean faulty) {
            final int count = generateSnapshot();
            record("beginSnapshot", null, 0, 0);
            reference.beginSnapshot();
            book.beginSnapshot();
            compareTop(null, null);
            final int faultAt = faulty ? random.nextInt(count + 1) : -1;
            for (int i = 0; i < count; i++) {
                if (i == faultAt) {
                    injectFault();
                }
                final Side side = snapshotSides[i];
                final long price = snapshotPrices[i];
                final long qty = snapshotQtys[i];
                record("addSnapshotLevel", side, price, qty);
                compareTop(reference.addSnapshotLevel(side, price, qty), book.addSnapshotLevel(side, price, qty));
            }
            record("endSnapshot", null, 0, 0);
            final BookState expected = reference.endSnapshot();
            final BookState actual = book.endSnapshot();
            check(expected, actual, "endSnapshot");
            if (actual == BookState.INVALID) {
                invalidSnapshots++;
            }
            compareTop(null, null);
            compareFully();
        }

        private void injectFault() {
            final Side side = side();
            switch (random.nextInt(3)) {
                case 0:
                    delta(side, priceAway(side, nearOffset()), quantity());
                    break;
                case 1:
                    record("addSnapshotLevel", side, -5, 1);
                    compareTop(reference.addSnapshotLevel(side, -5, 1), book.addSnapshotLevel(side, -5, 1));
                    break;
                default:
                    final Side other = side == Side.BID ? Side.ASK : Side.BID;
                    final long crossing = priceAway(other, 5);
                    record("addSnapshotLevel", side, crossing, 1);
                    compareTop(reference.addSnapshotLevel(side, crossing, 1), book.addSnapshotLevel(side, crossing, 1));
                    break;
            }
        }

        /** Fills the snapshot arrays; returns the number of levels. */
        private int generateSnapshot() {
            final int bidLevels = 100 + random.nextInt(700);
            final int askLevels = 100 + random.nextInt(700);
            int n = 0;
            for (final Side side : Side.values()) {
                final int levels = side == Side.BID ? bidLevels : askLevels;
                long price = priceAway(side, random.nextInt(3));
                for (int i = 0; i < levels; i++) {
                    snapshotSides[n] = side;
                    snapshotPrices[n] = price;
                    snapshotQtys[n] = random.nextInt(50) == 0 ? 0 : quantity();
                    n++;
                    final int gap = 1 + (random.nextInt(5) == 0 ? random.nextInt(6) : 0);
                    price += side == Side.BID ? -gap : gap;
                }
            }
            final int order = random.nextInt(10);
            if (order == 0) {
                reverse(0, bidLevels);
                reverse(bidLevels, n);
            } else if (order == 1) {
                shuffle(n);
            } else if (order == 2) {
                final int at = random.nextInt(n);
                final int from = random.nextInt(n);
                snapshotSides[at] = snapshotSides[from];
                snapshotPrices[at] = snapshotPrices[from];
            }
            return n;
        }

        private void reverse(final int from, final int to) {
            for (int i = from, j = to - 1; i < j; i++, j--) {
                swap(i, j);
            }
        }

        private void shuffle(final int n) {
            for (int i = n - 1; i > 0; i--) {
                swap(i, random.nextInt(i + 1));
            }
        }

        private void swap(final int i, final int j) {
            final Side side = snapshotSides[i];
            snapshotSides[i] = snapshotSides[j];
            snapshotSides[j] = side;
            final long price = snapshotPrices[i];
            snapshotPrices[i] = snapshotPrices[j];
            snapshotPrices[j] = price;
            final long qty = snapshotQtys[i];
            snapshotQtys[i] = snapshotQtys[j];
            snapshotQtys[j] = qty;
        }

        private void compareTop(final BookUpdateResult expected, final BookUpdateResult actual) {
            check(expected, actual, "result");
            if (actual != null) {
                resultCounts[actual.ordinal()]++;
            }
            if (book.isCrossed()) {
                crossedOperations++;
            }
            levelsSeen += book.bidCount() + book.askCount();
            check(reference.state, book.state(), "state");
            check(reference.version, book.version(), "version");
            check(reference.bids.size(), book.bidCount(), "bidCount");
            check(reference.asks.size(), book.askCount(), "askCount");
            check(reference.bestPrice(Side.BID), book.bestBidPrice(), "bestBidPrice");
            check(reference.bestQty(Side.BID), book.bestBidQty(), "bestBidQty");
            check(reference.bestPrice(Side.ASK), book.bestAskPrice(), "bestAskPrice");
            check(reference.bestQty(Side.ASK), book.bestAskQty(), "bestAskQty");
            check(reference.isCrossed() ? 1 : 0, book.isCrossed() ? 1 : 0, "isCrossed");
            check(reference.midPriceTimes2(), book.midPriceTimes2(), "midPriceTimes2");
        }

        private void compareFully() {
            compareTop(null, null);
            check(reference.updatesApplied, book.updatesApplied(), "updatesApplied");
            check(reference.absentRemoves, book.absentRemoves(), "absentRemoves");
            check(reference.rejectedUpdates, book.rejectedUpdates(), "rejectedUpdates");
            check(reference.truncatedLevels, book.truncatedLevels(), "truncatedLevels");
            for (final Side side : Side.values()) {
                final TreeMap<Long, Long> levels = reference.side(side);
                final int copied = book.depth(side, prices.length, prices, qtys);
                check(levels.size(), copied, side + " depth count");
                final Iterator<Map.Entry<Long, Long>> expected = levels.entrySet().iterator();
                long sum = 0;
                for (int level = 0; level < copied; level++) {
                    final Map.Entry<Long, Long> entry = expected.next();
                    check(entry.getKey().longValue(), prices[level], side + " depth price at level " + level);
                    check(entry.getValue().longValue(), qtys[level], side + " depth qty at level " + level);
                    check(entry.getKey().longValue(), side == Side.BID ? book.bidPrice(level) : book.askPrice(level),
                        side + " price at level " + level);
                    check(entry.getValue().longValue(), side == Side.BID ? book.bidQty(level) : book.askQty(level),
                        side + " qty at level " + level);
                    sum += entry.getValue();
                    if (level < 20 || level == copied - 1) {
                        check(sum, book.sumQty(side, level + 1), side + " sumQty(" + (level + 1) + ")");
                    }
                }
                check(sum, book.sumQty(side, copied + 10), side + " sumQty beyond depth");
            }
        }

        private void record(final String call, final Side side, final long price, final long qty) {
            lastCall = call;
            lastSide = side;
            lastPrice = price;
            lastQty = qty;
        }

        private void require(final boolean condition, final String what) {
            if (!condition) {
                fail(what + context());
            }
        }

        private void check(final long expected, final long actual, final String what) {
            if (expected != actual) {
                fail(what + ": expected " + expected + " but was " + actual + context());
            }
        }

        private void check(final Object expected, final Object actual, final String what) {
            if (expected != actual) {
                fail(what + ": expected " + expected + " but was " + actual + context());
            }
        }

        private String context() {
            final String call = lastSide == null
                ? lastCall + "()"
                : lastCall + "(" + lastSide + ", " + lastPrice + ", " + lastQty + ")";
            return " after operation " + operation + " " + call + ", mid " + mid
                + "; seed " + seed + " (rerun with -Dringtrader.book.seed=" + seed + ")"
                + "\n  book: " + book;
        }
    }
}
