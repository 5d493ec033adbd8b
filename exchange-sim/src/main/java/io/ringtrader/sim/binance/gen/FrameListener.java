package io.ringtrader.sim.binance.gen;

/**
 * Told of every frame a {@link SyntheticMarket} makes the venue send, with the instant it was meant to go out; an
 * end-to-end latency harness matches these against what its client receives. Called on the generator's thread,
 * right after the frame was handed to the venue: implementations must be quick and must not block.
 */
@FunctionalInterface
public interface FrameListener {
    /** A listener that ignores everything. */
    FrameListener NONE = (symbol, kind, id, intendedNanos) -> {
    };

    /**
     * @param symbol        venue symbol, upper case
     * @param kind          the frame kind
     * @param id            {@code u} for depth updates and bookTicker, the aggregate trade id {@code a} for aggTrade
     *                      (its klines carry it as {@code L}), the event time {@code E} in ms for markPrice
     * @param intendedNanos {@link System#nanoTime()} at which the driver meant to send it (the paced schedule; in
     *                      {@code runFor}, the instant the event started)
     */
    void onFrame(String symbol, FrameKind kind, long id, long intendedNanos);

    /** Frame kinds reported. */
    enum FrameKind {
        DEPTH_UPDATE, BOOK_TICKER, AGG_TRADE, MARK_PRICE
    }
}
