package io.ringtrader.engine.features;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.FeatureStage;

/**
 * The feature stage: order-book imbalance over the top N levels (plain and distance-weighted),
 * microprice, spread in ticks and mid from the book view the book stage copied into the event, a
 * trade-flow imbalance over a sliding window of trades, and the funding rate, open interest and mark premium of the
 * instrument's last market state (any venue's). Layout: {@link Features}.
 *
 * <p>Features are written on events whose book view is {@link BookState#VALID} and two-sided; on any
 * other event {@code featureCount} stays 0, so nothing downstream acts on a book it must not trust.
 * Reads only event fields, so it may run on its own thread. Allocation-free per event.
 */
public final class FeatureHandler implements FeatureStage {
    /** Trades per instrument the flow window can hold; more within one window drops the oldest early. */
    static final int TRADE_WINDOW_CAPACITY = 8_192;
    /** Distances (in half ticks, either sign) whose weights are tabulated; farther levels compute theirs. */
    private static final int WEIGHT_TABLE_SIZE = 4_096;
    /**
     * WEIGHTS[WEIGHT_TABLE_SIZE + k] = 1 / (1 + k/2): the weight of a level k half-ticks from the mid. k is
     * negative for a level on the far side of the mid, which a crossed book has (deltas do not uncross a book);
     * those entries are {@link #computedWeight} of the same k, bit for bit, so the table changes no result.
     */
    private static final double[] WEIGHTS = new double[2 * WEIGHT_TABLE_SIZE];

    static {
        for (int k = 0; k < WEIGHT_TABLE_SIZE; k++) {
            WEIGHTS[WEIGHT_TABLE_SIZE + k] = 2.0 / (2.0 + k);
        }
        for (int k = -WEIGHT_TABLE_SIZE; k < 0; k++) {
            WEIGHTS[WEIGHT_TABLE_SIZE + k] = computedWeight(k);
        }
    }

    private final int levels;
    private final double[] tickSize;
    private final double[] inverseTicks;
    private final double[] priceUnit;
    private final TradeFlowWindow[] flows;
    private final double[] qtyUnit;
    /** Per instrument, the last market state's values (NaN: not seen yet). */
    private final double[] fundingRate;
    private final double[] openInterest;
    private final double[] markPremium;

    /**
     * @param instruments   for tick sizes and price scales.
     * @param levels        book levels per side for the imbalances, 1..{@value InboundEvent#BOOK_VIEW_DEPTH}.
     * @param tradeWindowNs length of the trade-flow window.
     */
    public FeatureHandler(final InstrumentRegistry instruments, final int levels, final long tradeWindowNs) {
        if (levels < 1 || levels > InboundEvent.BOOK_VIEW_DEPTH) {
            throw new IllegalArgumentException("levels must be 1.." + InboundEvent.BOOK_VIEW_DEPTH + ": " + levels);
        }
        if (tradeWindowNs <= 0) {
            throw new IllegalArgumentException("trade window must be > 0: " + tradeWindowNs + "ns");
        }
        this.levels = levels;
        final int count = instruments.count();
        tickSize = new double[count];
        inverseTicks = new double[count];
        priceUnit = new double[count];
        flows = new TradeFlowWindow[count];
        qtyUnit = new double[count];
        fundingRate = new double[count];
        openInterest = new double[count];
        markPremium = new double[count];
        java.util.Arrays.fill(fundingRate, Double.NaN);
        java.util.Arrays.fill(openInterest, Double.NaN);
        java.util.Arrays.fill(markPremium, Double.NaN);
        for (int id = 0; id < count; id++) {
            final Instrument instrument = instruments.byId(id);
            tickSize[id] = instrument.tickSizeMantissa();
            inverseTicks[id] = 1.0 / instrument.tickSizeMantissa();
            priceUnit[id] = 1.0 / FixedPoint.pow10(instrument.priceScale());
            qtyUnit[id] = 1.0 / FixedPoint.pow10(instrument.qtyScale());
            flows[id] = new TradeFlowWindow(tradeWindowNs, TRADE_WINDOW_CAPACITY);
        }
    }

    /** Keeps what the venue sent of an instrument's market state (any venue: the event is venue-neutral). */
    private void marketState(final InboundEvent event, final int id) {
        final int fields = event.marketStateFields;
        if ((fields & MarketState.FUNDING_RATE) != 0) {
            fundingRate[id] = event.fundingRate / (double)FixedPoint.pow10(InboundEvent.RATE_SCALE);
        }
        if ((fields & MarketState.OPEN_INTEREST) != 0) {
            openInterest[id] = event.openInterest * qtyUnit[id];
        }
        if ((fields & (MarketState.MARK_PRICE | MarketState.INDEX_PRICE)) == (MarketState.MARK_PRICE | MarketState.INDEX_PRICE)
            && event.indexPrice > 0) {
            markPremium[id] = (event.markPrice - event.indexPrice) / (double)event.indexPrice;
        }
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        final int id = event.instrumentId;
        if (id < 0 || id >= flows.length) {
            return;
        }
        final long timeNs = event.exchangeTimeNs != InboundEvent.NONE ? event.exchangeTimeNs : event.receiveTimeNs;
        if (event.kind == EventKind.TRADE && event.tradeQty > 0 && event.tradeAggressor != null) {
            flows[id].add(timeNs, event.tradeAggressor == OrderSide.BUY ? event.tradeQty : -event.tradeQty);
        }
        if (event.kind == EventKind.MARKET_STATE) {
            marketState(event, id);
        }
        if (event.bookState != BookState.VALID || event.bookBidLevels == 0 || event.bookAskLevels == 0) {
            return;
        }
        final long bid = event.bookBidPrices[0];
        final long ask = event.bookAskPrices[0];
        final long bidQty = event.bookBidQtys[0];
        final long askQty = event.bookAskQtys[0];
        final double mid = (bid + ask) * 0.5;
        final double tick = tickSize[id];

        // Distance from the mid in half ticks: (bid + ask - 2 * price) / tick, exact on the tick grid.
        final long twiceMid = bid + ask;
        final double inverseTick = inverseTicks[id];
        long sumBid = 0;
        long sumAsk = 0;
        double weightedBid = 0;
        double weightedAsk = 0;
        final int bidLevels = Math.min(levels, event.bookBidLevels);
        for (int i = 0; i < bidLevels; i++) {
            final long qty = event.bookBidQtys[i];
            sumBid += qty;
            weightedBid += qty * weight(twiceMid - 2 * event.bookBidPrices[i], inverseTick);
        }
        final int askLevels = Math.min(levels, event.bookAskLevels);
        for (int i = 0; i < askLevels; i++) {
            final long qty = event.bookAskQtys[i];
            sumAsk += qty;
            weightedAsk += qty * weight(2 * event.bookAskPrices[i] - twiceMid, inverseTick);
        }

        final double[] features = event.features;
        features[Features.OBI] = ratio(sumBid - sumAsk, sumBid + sumAsk);
        features[Features.OBI_WEIGHTED] = ratio(weightedBid - weightedAsk, weightedBid + weightedAsk);
        final long topQty = bidQty + askQty;
        features[Features.MICROPRICE] = topQty == 0 ? mid * priceUnit[id]
            : ((double)bid * askQty + (double)ask * bidQty) / topQty * priceUnit[id];
        features[Features.SPREAD_TICKS] = (ask - bid) / tick;
        features[Features.TRADE_FLOW_IMBALANCE] = flows[id].imbalance(timeNs);
        features[Features.MID] = mid * priceUnit[id];
        features[Features.FUNDING_RATE] = fundingRate[id];
        features[Features.OPEN_INTEREST] = openInterest[id];
        features[Features.MARK_PREMIUM] = markPremium[id];
        event.featureCount = Features.COUNT;
    }

    /** Trades dropped early from an instrument's flow window because it was full. */
    public long tradeWindowOverflows(final int instrumentId) {
        return flows[instrumentId].overflows();
    }

    /**
     * The weight of a level {@code twiceDistance / 2} price units from the mid, 1 / (1 + distance in ticks):
     * from the table when the distance is a whole number of half ticks (always, on the tick grid).
     */
    private static double weight(final long twiceDistance, final double inverseTick) {
        final double halfTicks = twiceDistance * inverseTick;
        final int index = (int)halfTicks;
        if (index == halfTicks && index >= -WEIGHT_TABLE_SIZE && index < WEIGHT_TABLE_SIZE) {
            return WEIGHTS[WEIGHT_TABLE_SIZE + index];
        }
        return computedWeight(halfTicks);
    }

    private static double computedWeight(final double halfTicks) {
        return 1.0 / (1.0 + halfTicks * 0.5);
    }

    private static double ratio(final double numerator, final double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }
}
