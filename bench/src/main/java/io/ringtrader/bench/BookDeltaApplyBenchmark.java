package io.ringtrader.bench;

import io.ringtrader.engine.book.BookUpdateResult;
import io.ringtrader.engine.book.OrderBook;
import io.ringtrader.engine.book.Side;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of applying one depth delta to an {@link OrderBook}, and of the top-of-book reads features make
 * (best bid/ask and the quantity of the top 10 levels per side), against a baseline book on {@link TreeMap}s.
 * <p>
 * The stream is Binance-like: about 1000 levels per side on a mostly dense tick grid around a fixed mid; 85% of
 * deltas fall within the top 50 levels; 70% change the quantity of an existing level, the rest remove a level or
 * insert one into a gap, balanced so the depth stays put. Every iteration reloads the snapshot and replays the
 * stream from its start. As deltas carry absolute quantities, a pass over the stream leaves the levels it touched
 * at their last values, so from the second pass on each pass starts from the same book: the book stays in steady
 * state however long the iteration runs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_MISC,
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_REF,
    BenchJvmFlags.ADD_EXPORTS_SUN_NIO_CH,
    BenchJvmFlags.ADD_EXPORTS_JAVAC_FILE,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG_REFLECT,
    BenchJvmFlags.CHRONICLE_ANALYTICS_DISABLE })
public class BookDeltaApplyBenchmark {
    private static final int TOP_LEVELS = 10;

    @Benchmark
    public BookUpdateResult applyDelta(final DeltaStream stream, final OrderBookState state) {
        final int i = state.nextDelta();
        return state.book.applyDelta(stream.sides[i], stream.prices[i], stream.qtys[i]);
    }

    @Benchmark
    public int applyDeltaTreeMapBaseline(final DeltaStream stream, final TreeMapBookState state) {
        final int i = state.nextDelta();
        return state.book.apply(stream.sides[i], stream.prices[i], stream.qtys[i]);
    }

    @Benchmark
    public long readTopOfBook(final OrderBookState state) {
        final OrderBook book = state.book;
        return book.bestBidPrice() + book.bestBidQty() + book.bestAskPrice() + book.bestAskQty()
            + book.sumQty(Side.BID, TOP_LEVELS) + book.sumQty(Side.ASK, TOP_LEVELS);
    }

    @Benchmark
    public long readTopOfBookTreeMapBaseline(final TreeMapBookState state) {
        final TreeMapBook book = state.book;
        final Map.Entry<Long, Long> bestBid = book.bids.firstEntry();
        final Map.Entry<Long, Long> bestAsk = book.asks.firstEntry();
        return bestBid.getKey() + bestBid.getValue() + bestAsk.getKey() + bestAsk.getValue()
            + TreeMapBook.sumQty(book.bids, TOP_LEVELS) + TreeMapBook.sumQty(book.asks, TOP_LEVELS);
    }

    /** The snapshot and the deltas, generated once per trial from a fixed seed. */
    @State(Scope.Benchmark)
    public static class DeltaStream {
        static final int DELTAS = 1 << 16;
        static final int DELTA_MASK = DELTAS - 1;
        private static final int LEVELS = 1_000;
        private static final int GRID = 4_096;
        private static final long MID = 6_500_000;

        final Side[] sides = new Side[DELTAS];
        final long[] prices = new long[DELTAS];
        final long[] qtys = new long[DELTAS];
        Side[] snapshotSides;
        long[] snapshotPrices;
        long[] snapshotQtys;

        private final BitSet[] occupied = {new BitSet(GRID), new BitSet(GRID)};
        private SplittableRandom random;

        @Setup(Level.Trial)
        public void generate() {
            random = new SplittableRandom(20_240_601L);
            snapshotSides = new Side[2 * LEVELS];
            snapshotPrices = new long[2 * LEVELS];
            snapshotQtys = new long[2 * LEVELS];
            int n = 0;
            for (final Side side : Side.values()) {
                final BitSet ticks = occupied[side.ordinal()];
                for (int tick = 0; ticks.cardinality() < LEVELS; tick++) {
                    if (random.nextInt(10) != 0) {
                        ticks.set(tick);
                        snapshotSides[n] = side;
                        snapshotPrices[n] = price(side, tick);
                        snapshotQtys[n] = qty();
                        n++;
                    }
                }
            }
            for (int i = 0; i < DELTAS; i++) {
                final Side side = random.nextBoolean() ? Side.BID : Side.ASK;
                final BitSet ticks = occupied[side.ordinal()];
                final int op = random.nextInt(100);
                final int tick;
                final long qty;
                if (op < 70) {
                    tick = tickAtLevel(ticks, level(ticks.cardinality()));
                    qty = qty();
                } else if (ticks.cardinality() > LEVELS || ticks.cardinality() == LEVELS && op < 85) {
                    tick = tickAtLevel(ticks, level(ticks.cardinality()));
                    ticks.clear(tick);
                    qty = 0;
                } else {
                    tick = ticks.nextClearBit(level(GRID));
                    ticks.set(tick);
                    qty = qty();
                }
                sides[i] = side;
                prices[i] = price(side, tick);
                qtys[i] = qty;
            }
        }

        /** A level index from the top: 85% within the top 50, skewed to the best; otherwise any. */
        private int level(final int count) {
            final int level = random.nextInt(100) < 85
                ? (int)(-Math.log(1.0 - random.nextDouble()) * 12.0) % 50
                : 50 + random.nextInt(LEVELS - 50);
            return Math.min(level, count - 1);
        }

        private static int tickAtLevel(final BitSet ticks, final int level) {
            int tick = ticks.nextSetBit(0);
            for (int i = 0; i < level; i++) {
                tick = ticks.nextSetBit(tick + 1);
            }
            return tick;
        }

        private static long price(final Side side, final int tick) {
            return side == Side.BID ? MID - 1 - tick : MID + 1 + tick;
        }

        private long qty() {
            return 1 + random.nextInt(random.nextInt(10) == 0 ? 500_000 : 20_000);
        }
    }

    @State(Scope.Thread)
    public static class OrderBookState {
        OrderBook book;
        private int next;

        @Setup(Level.Iteration)
        public void loadSnapshot(final DeltaStream stream) {
            if (book == null) {
                book = new OrderBook(0, 2_048, 8_192);
            }
            book.beginSnapshot();
            for (int i = 0; i < stream.snapshotPrices.length; i++) {
                book.addSnapshotLevel(stream.snapshotSides[i], stream.snapshotPrices[i], stream.snapshotQtys[i]);
            }
            book.endSnapshot();
            next = 0;
        }

        int nextDelta() {
            return next++ & DeltaStream.DELTA_MASK;
        }
    }

    @State(Scope.Thread)
    public static class TreeMapBookState {
        TreeMapBook book;
        private int next;

        @Setup(Level.Iteration)
        public void loadSnapshot(final DeltaStream stream) {
            book = new TreeMapBook();
            for (int i = 0; i < stream.snapshotPrices.length; i++) {
                book.apply(stream.snapshotSides[i], stream.snapshotPrices[i], stream.snapshotQtys[i]);
            }
            next = 0;
        }

        int nextDelta() {
            return next++ & DeltaStream.DELTA_MASK;
        }
    }

    /** The straightforward book: one {@link TreeMap} per side, iterated best first. */
    static final class TreeMapBook {
        static final int INSERTED = 0;
        static final int UPDATED = 1;
        static final int REMOVED = 2;
        static final int REMOVE_ABSENT = 3;
        static final int REJECTED_NEGATIVE = 4;

        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();

        int apply(final Side side, final long price, final long qty) {
            if (price < 0 || qty < 0) {
                return REJECTED_NEGATIVE;
            }
            final TreeMap<Long, Long> levels = side == Side.BID ? bids : asks;
            if (qty == 0) {
                return levels.remove(price) == null ? REMOVE_ABSENT : REMOVED;
            }
            return levels.put(price, qty) == null ? INSERTED : UPDATED;
        }

        static long sumQty(final TreeMap<Long, Long> levels, final int n) {
            long sum = 0;
            final Iterator<Long> qtys = levels.values().iterator();
            for (int i = 0; i < n && qtys.hasNext(); i++) {
                sum += qtys.next();
            }
            return sum;
        }
    }
}
