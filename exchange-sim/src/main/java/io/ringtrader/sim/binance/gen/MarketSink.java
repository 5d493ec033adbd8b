package io.ringtrader.sim.binance.gen;

import io.ringtrader.sim.binance.BinanceMarket;

import java.util.Objects;

/**
 * Where a {@link SyntheticMarket} sends its market operations. The methods mirror {@link BinanceMarket}, which
 * {@link #of(BinanceMarket)} adapts; tests decorate a sink to record the operation sequence. Called from one
 * thread at a time (the generator's).
 */
public interface MarketSink {
    /** Sets absolute level quantities ({@code "0"} removes); returns the depth event's final update id {@code u}. */
    long depthDiff(String symbol, String[][] bids, String[][] asks);

    /** One public trade (aggTrade + klines); returns its aggregate trade id. */
    long trade(String symbol, String price, String qty, boolean buyerIsMaker);

    /** Mark price, index price and funding rate (as the venue's {@code markPriceUpdate}). */
    void markPrice(String symbol, String mark, String index, String fundingRate, long nextFundingTimeMs);

    /** Closes the klines whose interval has ended by venue time {@code nowMs}. */
    void closeDueKlines(long nowMs);

    /** A sink writing to {@code market}. */
    static MarketSink of(final BinanceMarket market) {
        Objects.requireNonNull(market, "market");
        return new MarketSink() {
            @Override
            public long depthDiff(final String symbol, final String[][] bids, final String[][] asks) {
                return market.depthDiff(symbol, bids, asks);
            }

            @Override
            public long trade(final String symbol, final String price, final String qty, final boolean buyerIsMaker) {
                return market.trade(symbol, price, qty, buyerIsMaker);
            }

            @Override
            public void markPrice(final String symbol, final String mark, final String index, final String fundingRate,
                                  final long nextFundingTimeMs) {
                market.markPrice(symbol, mark, index, fundingRate, nextFundingTimeMs);
            }

            @Override
            public void closeDueKlines(final long nowMs) {
                market.closeDueKlines(nowMs);
            }
        };
    }
}
