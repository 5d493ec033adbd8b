package io.ringtrader.engine.event;

/**
 * The fields of an {@link EventKind#MARKET_STATE} event, as bits of {@link InboundEvent#marketStateFields}: a venue
 * sends what it has (Binance's markPrice stream: mark, index, funding rate and next funding time; its open-interest
 * poll: open interest), and what it did not send is absent, not zero. Stateless.
 */
public final class MarketState {
    /** {@link InboundEvent#markPrice} is set. */
    public static final int MARK_PRICE = 1;
    /** {@link InboundEvent#indexPrice} is set. */
    public static final int INDEX_PRICE = 1 << 1;
    /** {@link InboundEvent#fundingRate} is set. */
    public static final int FUNDING_RATE = 1 << 2;
    /** {@link InboundEvent#nextFundingTimeNs} is set. */
    public static final int NEXT_FUNDING_TIME = 1 << 3;
    /** {@link InboundEvent#fundingIntervalNs} is set. */
    public static final int FUNDING_INTERVAL = 1 << 4;
    /** {@link InboundEvent#openInterest} is set. */
    public static final int OPEN_INTEREST = 1 << 5;
    /** Every field bit. */
    public static final int ALL = (1 << 6) - 1;

    private MarketState() {
    }

    /** True when {@code event} is a market state carrying every field in {@code fields}. */
    public static boolean has(final InboundEvent event, final int fields) {
        return event.kind == EventKind.MARKET_STATE && (event.marketStateFields & fields) == fields;
    }

    /**
     * Sets the field bits of the values in {@code event} that are not {@link InboundEvent#NONE}: for producers that
     * fill the values and let absence follow from them.
     */
    public static void flagPresent(final InboundEvent event) {
        int fields = 0;
        fields |= event.markPrice != InboundEvent.NONE ? MARK_PRICE : 0;
        fields |= event.indexPrice != InboundEvent.NONE ? INDEX_PRICE : 0;
        fields |= event.fundingRate != InboundEvent.NONE ? FUNDING_RATE : 0;
        fields |= event.nextFundingTimeNs != InboundEvent.NONE ? NEXT_FUNDING_TIME : 0;
        fields |= event.fundingIntervalNs != InboundEvent.NONE ? FUNDING_INTERVAL : 0;
        fields |= event.openInterest != InboundEvent.NONE ? OPEN_INTEREST : 0;
        event.marketStateFields = fields;
    }
}
