package io.ringtrader.engine.event;

import io.ringtrader.engine.book.BookState;

/**
 * The inbound ring slot. One mutable instance is pre-allocated per slot and reused forever.
 *
 * <p><b>Ownership.</b> A producer claims a slot, calls {@link #reset()} (the translators in
 * {@link InboundTranslators} do), fills the header and its kind's payload, and publishes. After that,
 * each stage writes only the fields it owns:
 * <ul>
 *   <li>book stage: {@code book*} fields;</li>
 *   <li>feature stage: {@link #features}, {@link #featureCount};</li>
 *   <li>model stage: {@link #scores}, {@link #scoreCount};</li>
 *   <li>strategy stage: {@link #intents} (all but the decision), {@link #intentCount};</li>
 *   <li>risk stage: {@link OrderIntent#decision}.</li>
 * </ul>
 * Anything a stage keeps beyond {@code onEvent} it copies out: the slot is overwritten once the ring
 * wraps.
 *
 * <p><b>Batches.</b> A book snapshot or delta with more levels per side than {@link #levelCapacity()}
 * is split over consecutive slots of the same kind: {@link #batchIndex} counts 0, 1, ... and
 * {@link #batchLast} is set on the final one. The book applies the whole batch atomically; downstream
 * stages act on the slot with {@code batchLast} set, when the book is consistent again. Single-slot
 * events have {@code batchIndex == 0} and {@code batchLast == true}.
 *
 * <p><b>Units.</b> Prices and quantities are mantissas at the instrument's price and quantity scale.
 * Times are nanoseconds since the epoch. Funding rates are at {@link #RATE_SCALE}, fees at
 * {@link #FEE_SCALE}.
 *
 * <p><b>Clocks.</b> Every time field says whose clock it reads, and the two are never mixed in one field:
 * <ul>
 *   <li>the <em>engine clock</em> (the engine's injected {@code EpochNanoClock}; in a replay, the journaled value):
 *       {@link #receiveTimeNs}, {@link #timerScheduledNs};</li>
 *   <li>the <em>venue's clock</em>, as the venue sent it: {@link #exchangeTimeNs}, {@link #klineOpenTimeNs},
 *       {@link #klineCloseTimeNs}, {@link #nextFundingTimeNs}; {@link #NONE} when the venue sent none.</li>
 * </ul>
 * Business logic takes "now" from {@link #receiveTimeNs} (the strategy's clock); the venue's times are data about
 * the market, as far apart from the engine clock as the venues' clocks and the network make them.
 */
public final class InboundEvent {
    /** Decimals of {@link #fundingRate}: 0.00010000 is 10_000. */
    public static final int RATE_SCALE = 8;
    /** Decimals of {@link #execFee} (quote asset). */
    public static final int FEE_SCALE = 8;
    /** Top-of-book levels per side the book stage copies into the slot for downstream stages. */
    public static final int BOOK_VIEW_DEPTH = 10;
    /** Capacity of {@link #features}. */
    public static final int MAX_FEATURES = 32;
    /** Capacity of {@link #scores}. */
    public static final int MAX_SCORES = 8;
    /** Capacity of {@link #intents}. */
    public static final int MAX_INTENTS = 4;
    /** Marks an absent price, quantity or id. */
    public static final long NONE = Long.MIN_VALUE;

    // ---------------------------------------------------------------- header: every kind
    public EventKind kind;
    public int instrumentId;
    public int venueId;
    /**
     * The venue's clock: its time of the event (Binance {@code E}, {@code T} or {@code updateTime}), as sent; never a
     * local clock reading. {@link #NONE} when the venue gave none, and on every event no venue produced:
     * {@link EventKind#TIMER}, {@link EventKind#OPERATOR}, {@link EventKind#ENGINE_STATUS}, {@link EventKind#DISCARDED}
     * and a gateway's own {@link EventKind#GATEWAY_STATUS} transitions. The paper venue's execution reports carry the
     * exchange time of the event it acted on ({@code NONE} when that event had none).
     */
    public long exchangeTimeNs;
    /**
     * The engine clock: when the gateway's IO thread received the bytes, the timer fired, the operator command or
     * engine status was published; the paper venue's reports carry the receive time of the event they answer.
     * Journaled, so a replay sees the live session's values.
     */
    public long receiveTimeNs;
    /** Binance {@code U}; Bitget: unused. */
    public long firstUpdateId;
    /** Binance {@code u} / {@code lastUpdateId}; Bitget {@code seq}. */
    public long lastUpdateId;
    /** Binance {@code pu}; Bitget {@code pseq}. */
    public long prevUpdateId;
    /** Bitget CRC32 checksum as sent (signed); valid when {@link #hasChecksum}. */
    public int checksum;
    public boolean hasChecksum;

    // ---------------------------------------------------------------- batching
    public int batchIndex;
    public boolean batchLast;

    // ---------------------------------------------------------------- BOOK_SNAPSHOT, BOOK_DELTA
    private final int levelCapacity;
    public int bidCount;
    public int askCount;
    public final long[] bidPrices;
    public final long[] bidQtys;
    public final long[] askPrices;
    public final long[] askQtys;
    /** Decimals as received per level (Bitget checksums render the original text). */
    public final byte[] bidPriceDecimals;
    public final byte[] bidQtyDecimals;
    public final byte[] askPriceDecimals;
    public final byte[] askQtyDecimals;

    // ---------------------------------------------------------------- BBO
    public long bboBidPrice;
    public long bboBidQty;
    public long bboAskPrice;
    public long bboAskQty;

    // ---------------------------------------------------------------- TRADE
    public long tradeId;
    public long tradeFirstId;
    public long tradeLastId;
    public long tradePrice;
    public long tradeQty;
    /** The taker's side. */
    public OrderSide tradeAggressor;

    // ---------------------------------------------------------------- KLINE
    /** The kline's length (a duration, not a time). */
    public long klineIntervalNs;
    /** The venue's clock: the kline's open time. */
    public long klineOpenTimeNs;
    /** The venue's clock: the kline's close time. */
    public long klineCloseTimeNs;
    public long klineOpen;
    public long klineHigh;
    public long klineLow;
    public long klineClose;
    public long klineVolume;
    public long klineTradeCount;
    public boolean klineClosed;

    // ---------------------------------------------------------------- MARKET_STATE
    /** Which of the market-state fields the venue sent: {@link MarketState#MARK_PRICE} | ... (0: none). */
    public int marketStateFields;
    /** Mark price at the instrument's price scale. */
    public long markPrice;
    /** Index price at the instrument's price scale. */
    public long indexPrice;
    /**
     * The funding rate the venue publishes now, at {@link #RATE_SCALE} (Binance {@code r}: the rate of the coming
     * settlement as it stands, equal to the REST premium index's {@code lastFundingRate}).
     */
    public long fundingRate;
    /** The venue's clock: when the next funding settles, epoch ns. */
    public long nextFundingTimeNs;
    /** Time between two funding settlements, ns. */
    public long fundingIntervalNs;
    /** Open interest at the instrument's quantity scale. */
    public long openInterest;

    // ---------------------------------------------------------------- EXECUTION_REPORT
    public ExecType execType;
    public long clientOrderId;
    public long venueOrderId;
    public OrderSide execSide;
    /** The order's limit price (not a fill's: see {@link #lastFillPrice}); {@link #NONE} for a market order or unknown. */
    public long orderPrice;
    /** The order's quantity (not a fill's: see {@link #lastFillQty}); {@link #NONE} when unknown. */
    public long orderQty;
    public long lastFillPrice;
    public long lastFillQty;
    public long cumFillQty;
    public long leavesQty;
    public long execFee;
    public boolean execMaker;
    /** Venue or engine reject code; 0 when not a reject. */
    public int rejectCode;

    // ---------------------------------------------------------------- POSITION
    /** Signed position quantity (long > 0, short < 0) at the instrument's quantity scale. */
    public long positionQty;
    /** Average entry price at the instrument's price scale; {@link #NONE} when flat or unknown. */
    public long positionEntryPrice;
    /** Unrealised PnL in the quote asset at {@link #FEE_SCALE}; {@link #NONE} when unknown. */
    public long positionUnrealizedPnl;

    // ---------------------------------------------------------------- TIMER
    public int timerId;
    /** The engine clock: when the tick was due (its {@link #receiveTimeNs} is when it fired, later if the timer lagged). */
    public long timerScheduledNs;

    // ---------------------------------------------------------------- GATEWAY_STATUS, ENGINE_STATUS
    public GatewayStatus gatewayStatus;
    public EngineStatus engineStatus;
    /** What the gateway or engine status says more (see {@link GatewayStatus}, {@link EngineStatus}). */
    public int statusDetail;

    // ---------------------------------------------------------------- OPERATOR
    public OperatorCommand operatorCommand;
    /** Who gave the command: {@link OperatorCommand#SOURCE_JMX}, ...; 0 when unknown. */
    public int operatorSource;
    /** What the command acts on: a strategy id for {@link OperatorCommand#STRATEGY_RESUME}; -1 for none or all. */
    public int operatorTarget;

    // ---------------------------------------------------------------- owned by the book stage
    public BookState bookState;
    public long bookVersion;
    public int bookBidLevels;
    public int bookAskLevels;
    public final long[] bookBidPrices = new long[BOOK_VIEW_DEPTH];
    public final long[] bookBidQtys = new long[BOOK_VIEW_DEPTH];
    public final long[] bookAskPrices = new long[BOOK_VIEW_DEPTH];
    public final long[] bookAskQtys = new long[BOOK_VIEW_DEPTH];

    // ---------------------------------------------------------------- owned by the feature stage
    public final double[] features = new double[MAX_FEATURES];
    public int featureCount;

    // ---------------------------------------------------------------- owned by the model stage
    public final double[] scores = new double[MAX_SCORES];
    public int scoreCount;

    // ---------------------------------------------------------------- owned by strategy (and risk)
    public final OrderIntent[] intents = new OrderIntent[MAX_INTENTS];
    public int intentCount;

    /**
     * @param levelCapacity book levels per side one slot can carry (the {@code pipeline.levelsPerSlot}
     *                      setting); larger updates are split across slots.
     */
    public InboundEvent(final int levelCapacity) {
        if (levelCapacity < 1) {
            throw new IllegalArgumentException("levelCapacity must be >= 1: " + levelCapacity);
        }
        this.levelCapacity = levelCapacity;
        bidPrices = new long[levelCapacity];
        bidQtys = new long[levelCapacity];
        askPrices = new long[levelCapacity];
        askQtys = new long[levelCapacity];
        bidPriceDecimals = new byte[levelCapacity];
        bidQtyDecimals = new byte[levelCapacity];
        askPriceDecimals = new byte[levelCapacity];
        askQtyDecimals = new byte[levelCapacity];
        for (int i = 0; i < MAX_INTENTS; i++) {
            intents[i] = new OrderIntent();
        }
        reset();
    }

    /** Book levels per side this slot can carry. */
    public int levelCapacity() {
        return levelCapacity;
    }

    /**
     * Clears every field, so nothing from the slot's previous use can leak into the next event. Arrays
     * are valid only up to their counts ({@link #bidCount}, {@link #bookBidLevels}, {@link #featureCount},
     * ...): reset sets the counts to zero and leaves the array contents, which no reader may look at past
     * a count (the journal codec writes only up to the counts).
     */
    public void reset() {
        kind = null;
        instrumentId = -1;
        venueId = 0;
        exchangeTimeNs = NONE;
        receiveTimeNs = 0;
        firstUpdateId = NONE;
        lastUpdateId = NONE;
        prevUpdateId = NONE;
        checksum = 0;
        hasChecksum = false;

        batchIndex = 0;
        batchLast = true;

        bidCount = 0;
        askCount = 0;

        bboBidPrice = NONE;
        bboBidQty = NONE;
        bboAskPrice = NONE;
        bboAskQty = NONE;

        tradeId = NONE;
        tradeFirstId = NONE;
        tradeLastId = NONE;
        tradePrice = NONE;
        tradeQty = NONE;
        tradeAggressor = null;

        klineIntervalNs = 0;
        klineOpenTimeNs = NONE;
        klineCloseTimeNs = NONE;
        klineOpen = NONE;
        klineHigh = NONE;
        klineLow = NONE;
        klineClose = NONE;
        klineVolume = NONE;
        klineTradeCount = 0;
        klineClosed = false;

        marketStateFields = 0;
        markPrice = NONE;
        indexPrice = NONE;
        fundingRate = NONE;
        nextFundingTimeNs = NONE;
        fundingIntervalNs = NONE;
        openInterest = NONE;

        execType = null;
        clientOrderId = 0;
        venueOrderId = NONE;
        execSide = null;
        orderPrice = NONE;
        orderQty = NONE;
        lastFillPrice = NONE;
        lastFillQty = 0;
        cumFillQty = 0;
        leavesQty = 0;
        execFee = 0;
        execMaker = false;
        rejectCode = 0;

        positionQty = 0;
        positionEntryPrice = NONE;
        positionUnrealizedPnl = NONE;

        timerId = 0;
        timerScheduledNs = NONE;

        gatewayStatus = null;
        engineStatus = null;
        statusDetail = 0;

        operatorCommand = null;
        operatorSource = 0;
        operatorTarget = OperatorCommand.ALL_STRATEGIES;

        resetStageOutputs();
    }

    /** Clears the fields the stages own (replay does this before re-running the stages on a slot). */
    public void resetStageOutputs() {
        bookState = null;
        bookVersion = 0;
        bookBidLevels = 0;
        bookAskLevels = 0;

        featureCount = 0;
        scoreCount = 0;

        for (int i = 0; i < intentCount; i++) {
            intents[i].reset();
        }
        intentCount = 0;
    }

    /** Appends a bid level; returns false (and adds nothing) when the slot is full. */
    public boolean addBid(final long priceMantissa, final long qtyMantissa) {
        if (bidCount == levelCapacity) {
            return false;
        }
        bidPrices[bidCount] = priceMantissa;
        bidQtys[bidCount] = qtyMantissa;
        bidCount++;
        return true;
    }

    /** Appends an ask level; returns false (and adds nothing) when the slot is full. */
    public boolean addAsk(final long priceMantissa, final long qtyMantissa) {
        if (askCount == levelCapacity) {
            return false;
        }
        askPrices[askCount] = priceMantissa;
        askQtys[askCount] = qtyMantissa;
        askCount++;
        return true;
    }

    /**
     * Claims the next free intent (the strategy stage's only way to add one), or returns null when
     * {@link #MAX_INTENTS} are already used.
     */
    public OrderIntent addIntent() {
        if (intentCount == MAX_INTENTS) {
            return null;
        }
        final OrderIntent intent = intents[intentCount++];
        intent.reset();
        return intent;
    }

    /** True for the slot on which a (possibly multi-slot) book update is complete. */
    public boolean isBookBatchComplete() {
        return (kind == EventKind.BOOK_SNAPSHOT || kind == EventKind.BOOK_DELTA) && batchLast;
    }

    @Override
    public String toString() {
        return "InboundEvent{kind=" + kind + ", instrumentId=" + instrumentId + ", venueId=" + venueId
            + ", exchangeTimeNs=" + exchangeTimeNs + ", receiveTimeNs=" + receiveTimeNs
            + ", batchIndex=" + batchIndex + ", batchLast=" + batchLast
            + ", bids=" + bidCount + ", asks=" + askCount + ", intents=" + intentCount + '}';
    }
}
