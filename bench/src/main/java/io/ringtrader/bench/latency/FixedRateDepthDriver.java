package io.ringtrader.bench.latency;

import io.ringtrader.sim.binance.BinanceMarket;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers depth diffs to the sim at a fixed rate: frame {@code k} is due at {@code startNs + k * periodNs}
 * ({@code System.nanoTime()}), whatever happened to the frames before it. The driver parks until a frame is due
 * and sends late frames at once (no drift, no skipped frames), so a stalled sender shows up as latency of the
 * frames it delayed instead of hiding them (no coordinated omission).
 *
 * <p>Each frame changes one level's quantity among the top ten of one side of a fixed 20-level book around 100.00
 * (tick 0.10), sides alternating, so the book stays valid and uncrossed. Before sending, the intended send time is
 * appended to {@link IntendedSendTimes} under the frame's {@code pu}.
 *
 * <p>Runs on its own thread ({@link #run}); {@link #stop} may be called from any thread.
 */
final class FixedRateDepthDriver implements Runnable {
    static final int BOOK_LEVELS = 20;
    private static final int CHANGED_LEVELS = 10;
    private static final int QTY_VARIANTS = 8;
    private static final String[][] NONE = new String[0][];

    private final BinanceMarket market;
    private final String symbol;
    private final IntendedSendTimes sendTimes;
    private final long startNs;
    private final long periodNs;
    private final long frames;
    private final long firstMeasuredFrame;
    private final String[][][] bidChanges = new String[CHANGED_LEVELS * QTY_VARIANTS][][];
    private final String[][][] askChanges = new String[CHANGED_LEVELS * QTY_VARIANTS][][];
    private volatile boolean stopped;
    private volatile long sent;
    private volatile long maxLagNs;
    private volatile long lastSentNs;
    private volatile long firstMeasuredSentNs;

    /**
     * @param startNs  the intended send time of frame 0 ({@code System.nanoTime()} scale).
     * @param periodNs nanoseconds between intended send times (1e9 / rate).
     * @param frames   frames to offer.
     * @param firstMeasuredFrame the first frame whose send lag counts towards {@link #maxLagNs} (after the warm-up).
     */
    FixedRateDepthDriver(final BinanceMarket market, final String symbol, final IntendedSendTimes sendTimes,
        final long startNs, final long periodNs, final long frames, final long firstMeasuredFrame) {
        if (periodNs < 1 || frames < 1) {
            throw new IllegalArgumentException("periodNs and frames must be positive: " + periodNs + ", " + frames);
        }
        this.market = market;
        this.symbol = symbol;
        this.sendTimes = sendTimes;
        this.startNs = startNs;
        this.periodNs = periodNs;
        this.frames = frames;
        this.firstMeasuredFrame = firstMeasuredFrame;
        for (int level = 0; level < CHANGED_LEVELS; level++) {
            for (int q = 0; q < QTY_VARIANTS; q++) {
                final String qty = quantity(1_000 + 1 + q + level);
                bidChanges[level * QTY_VARIANTS + q] = new String[][] {BinanceMarket.level(bidPrice(level), qty)};
                askChanges[level * QTY_VARIANTS + q] = new String[][] {BinanceMarket.level(askPrice(level), qty)};
            }
        }
    }

    /** Puts the initial book ({@link #BOOK_LEVELS} a side) on the sim; call before {@link #run}. */
    void seedBook() {
        final String[][] bids = new String[BOOK_LEVELS][];
        final String[][] asks = new String[BOOK_LEVELS][];
        for (int level = 0; level < BOOK_LEVELS; level++) {
            bids[level] = BinanceMarket.level(bidPrice(level), quantity(1_000));
            asks[level] = BinanceMarket.level(askPrice(level), quantity(1_000));
        }
        market.depthDiff(symbol, bids, asks);
    }

    @Override
    public void run() {
        long lastU = market.lastUpdateId(symbol);
        long lag = 0;
        for (long k = 0; k < frames && !stopped; k++) {
            final long dueNs = startNs + k * periodNs;
            long nowNs = System.nanoTime();
            while (nowNs < dueNs) {
                LockSupport.parkNanos(dueNs - nowNs);
                if (stopped) {
                    return;
                }
                nowNs = System.nanoTime();
            }
            if (k >= firstMeasuredFrame) {
                lag = Math.max(lag, nowNs - dueNs);
                if (k == firstMeasuredFrame) {
                    firstMeasuredSentNs = nowNs;
                }
            }
            sendTimes.append(lastU, dueNs);
            final int variant = (int)((k >>> 1) % (CHANGED_LEVELS * QTY_VARIANTS));
            lastU = (k & 1) == 0
                ? market.depthDiff(symbol, bidChanges[variant], NONE)
                : market.depthDiff(symbol, NONE, askChanges[variant]);
            sent = k + 1;
            maxLagNs = lag;
            lastSentNs = System.nanoTime();
        }
    }

    /** Stops after the frame being sent; any thread. */
    void stop() {
        stopped = true;
    }

    /** Frames sent so far. */
    long sent() {
        return sent;
    }

    /** The worst delay of a measured frame's send behind its intended time, ns. */
    long maxLagNs() {
        return maxLagNs;
    }

    /** When the first measured frame was handed to the sim ({@code System.nanoTime()}), 0 before. */
    long firstMeasuredSentNs() {
        return firstMeasuredSentNs;
    }

    /** When the latest frame was handed to the sim ({@code System.nanoTime()}). */
    long lastSentNs() {
        return lastSentNs;
    }

    private static String bidPrice(final int level) {
        return price(1_000 - level);
    }

    private static String askPrice(final int level) {
        return price(1_001 + level);
    }

    /** {@code tenths} × 0.10, two decimals. */
    private static String price(final int tenths) {
        return tenths / 10 + "." + tenths % 10 + "0";
    }

    /** {@code thousandths} × 0.001, three decimals. */
    private static String quantity(final int thousandths) {
        return String.format("%d.%03d", thousandths / 1_000, thousandths % 1_000);
    }
}
