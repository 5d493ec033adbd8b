package io.ringtrader.sim.binance.gen;

/**
 * Counters of one instrument of a {@link SyntheticMarket}, copied at one moment (exact once the generator stopped;
 * approximate while its driver runs).
 *
 * @param symbol          venue symbol
 * @param limitOrders     limit orders that arrived (marketable ones included)
 * @param crossingLimits  limit orders that crossed the book and traded before resting
 * @param cancels         cancellations
 * @param marketOrders    market orders
 * @param trades          aggTrades emitted (one per price level an aggressor consumed)
 * @param takerBuyTrades  of those, trades whose aggressor bought ({@code m:false})
 * @param regimeSwitches  calm/volatile switches so far
 * @param volatileRegime  whether the instrument is in the volatile regime now
 * @param fairMid         the latent mid price the book follows
 * @param fundingRate     the funding rate last published
 */
public record InstrumentStats(String symbol, long limitOrders, long crossingLimits, long cancels, long marketOrders,
                              long trades, long takerBuyTrades, long regimeSwitches, boolean volatileRegime,
                              double fairMid, double fundingRate) {
}
