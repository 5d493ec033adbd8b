package io.ringtrader.engine.event;

/** What an {@link InboundEvent} slot holds. */
public enum EventKind {
    /** Full book image, possibly split across consecutive slots (see {@link InboundEvent#batchLast}). */
    BOOK_SNAPSHOT,
    /** Absolute-quantity level changes, possibly split across consecutive slots. */
    BOOK_DELTA,
    /** The venue's best bid and offer. */
    BBO,
    /** A public trade (Binance aggTrade, Bitget trade). */
    TRADE,
    /** A candle, closed or updating. */
    KLINE,
    /**
     * A futures instrument's market state, venue-neutral: mark price, index price, funding rate, next funding time,
     * funding interval and open interest, whichever the venue sent ({@link InboundEvent#marketStateFields} says which;
     * an absent field is {@link InboundEvent#NONE}, never zero). Binance's markPrice stream and open-interest poller
     * publish it; journals before schema 6 held MARK_PRICE and OPEN_INTEREST events, read back as this kind.
     */
    MARKET_STATE,
    /** Our order's ack, reject, fill or cancel. */
    EXECUTION_REPORT,
    /** The venue's view of our position in an instrument (Binance {@code ACCOUNT_UPDATE}). */
    POSITION,
    /** A timer tick from the timer thread. */
    TIMER,
    /** A gateway connection or book-sync transition (see {@link GatewayStatus}); never an operator action. */
    GATEWAY_STATUS,
    /**
     * A slot whose producer failed while filling it. A claimed slot of a multi-producer ring cannot be
     * given back, so it is published empty under this kind; every stage skips it.
     */
    DISCARDED,
    /**
     * An operator's command (see {@link OperatorCommand}), e.g. the kill switch tripped over JMX: published on
     * the ring so that it is sequenced with market data, journaled and replayed. Carries no instrument or venue.
     */
    OPERATOR,
    /**
     * An engine-level transition (see {@link EngineStatus}): the journal failed, free disk space fell below or rose
     * above a threshold. Published by the engine's health monitor, applied by the risk stage in ring order (trading
     * states), journaled where the journal still works. Carries no instrument; venue 0.
     */
    ENGINE_STATUS
}
