package io.ringtrader.engine.features;

/**
 * The layout of the feature vector the feature stage writes into {@code InboundEvent.features}. Indexes
 * are part of the contract with models and strategies; add new features at the end.
 */
public final class Features {
    /** (bid qty - ask qty) / (bid qty + ask qty) over the top N levels, in [-1, 1]. */
    public static final int OBI = 0;
    /** The same with each level's quantity weighted by 1 / (1 + its distance from the mid in ticks). */
    public static final int OBI_WEIGHTED = 1;
    /** (bid * ask qty + ask * bid qty) / (bid qty + ask qty) of the best levels, as a price. */
    public static final int MICROPRICE = 2;
    /** Best ask minus best bid, in ticks. */
    public static final int SPREAD_TICKS = 3;
    /** (taker buy qty - taker sell qty) / their sum over the trade window, in [-1, 1]; 0 without trades. */
    public static final int TRADE_FLOW_IMBALANCE = 4;
    /** (best bid + best ask) / 2, as a price. */
    public static final int MID = 5;
    /** The venue's funding rate as a fraction (0.0001 = 0.01 %) from its last market state; NaN until one came. */
    public static final int FUNDING_RATE = 6;
    /** Open interest in the instrument's quantity unit from its last market state; NaN until one came. */
    public static final int OPEN_INTEREST = 7;
    /** (mark - index) / index from its last market state carrying both; NaN until one came. */
    public static final int MARK_PREMIUM = 8;
    /** How many features the stage writes. */
    public static final int COUNT = 9;

    private Features() {
    }
}
