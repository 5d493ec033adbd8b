package io.ringtrader.app;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.instrument.Venue;

/**
 * Writes journal messages into an {@link EventLine}: the header every message has, then only the fields of
 * its kind. A field the producer left unset ({@link InboundEvent#NONE}) is left out. Prices and quantities
 * use the instrument's scales, funding rates {@link InboundEvent#RATE_SCALE}, fees
 * {@link InboundEvent#FEE_SCALE}; without a config every mantissa is written raw.
 *
 * <p>Field names: {@code index seq kind instrumentId symbol venue exchangeTime receiveTime U u pu checksum
 * batch}, then per kind {@code bids asks} (book), {@code bid ask} (BBO), {@code tradeId firstId lastId price
 * qty aggressor}, {@code interval openTime closeTime open high low close volume trades closed} (kline),
 * {@code markPrice indexPrice fundingRate nextFundingTime fundingIntervalMs openInterest} (market state: the fields
 * the venue sent), {@code execType side
 * clientOrderId venueOrderId price qty lastFillPrice lastFillQty cumFillQty leavesQty fee maker rejectCode},
 * {@code timerId scheduledTime}, {@code status detail}, {@code command source target} (operator: {@code source=jmx}, or
 * the raw code; {@code target}, a strategy id, only when it names one), {@code status detail} (engine status); with the book stage {@code sync rejectedLevels book bookVersion bestBid bestAsk bbo}.
 */
final class EventFormatter {
    private static final String[] VENUE_NAMES = venueNames();

    private final JournalInstruments instruments;
    private final java.util.Map<Integer, Long> lastBookUpdateIds = new java.util.HashMap<>();

    EventFormatter(final JournalInstruments instruments) {
        this.instruments = instruments;
    }

    /** Writes an inbound event's header and the fields of its kind. */
    void event(final EventLine line, final long index, final long sequence, final InboundEvent e) {
        line.index("index", index);
        line.integer("seq", sequence);
        line.tag("kind", e.kind == null ? "NONE" : e.kind.name());
        line.instrument(e.instrumentId, instruments.name(e.instrumentId), instruments.symbol(e.instrumentId));
        venue(line, e.venueId);
        optionalTime(line, "exchangeTime", e.exchangeTimeNs);
        if (e.receiveTimeNs != 0) {
            line.time("receiveTime", e.receiveTimeNs);
        }
        optional(line, "U", e.firstUpdateId);
        optional(line, "u", e.lastUpdateId);
        optional(line, "pu", e.prevUpdateId);
        if (e.hasChecksum) {
            line.integer("checksum", e.checksum);
        }
        if (e.batchIndex != 0 || !e.batchLast) {
            line.batch(e.batchIndex, e.batchLast);
        }
        if (e.kind == null) {
            return;
        }
        final int priceScale = instruments.priceScale(e.instrumentId);
        final int qtyScale = instruments.qtyScale(e.instrumentId);
        switch (e.kind) {
            case BOOK_SNAPSHOT, BOOK_DELTA -> {
                line.levels("bids", e.bidPrices, e.bidQtys, e.bidCount, priceScale, qtyScale);
                line.levels("asks", e.askPrices, e.askQtys, e.askCount, priceScale, qtyScale);
                if (anyNonZero(e.bidPriceDecimals, e.bidQtyDecimals, e.bidCount)
                    || anyNonZero(e.askPriceDecimals, e.askQtyDecimals, e.askCount)) {
                    line.levelDecimals("bidDecimals", e.bidPriceDecimals, e.bidQtyDecimals, e.bidCount);
                    line.levelDecimals("askDecimals", e.askPriceDecimals, e.askQtyDecimals, e.askCount);
                }
            }
            case BBO -> {
                optionalQuote(line, "bid", e.bboBidPrice, e.bboBidQty, priceScale, qtyScale);
                optionalQuote(line, "ask", e.bboAskPrice, e.bboAskQty, priceScale, qtyScale);
            }
            case TRADE -> {
                optional(line, "tradeId", e.tradeId);
                optional(line, "firstId", e.tradeFirstId);
                optional(line, "lastId", e.tradeLastId);
                optionalDecimal(line, "price", e.tradePrice, priceScale);
                optionalDecimal(line, "qty", e.tradeQty, qtyScale);
                if (e.tradeAggressor != null) {
                    line.text("aggressor", e.tradeAggressor.name());
                }
            }
            case KLINE -> {
                line.text("interval", TimeText.exactDuration(e.klineIntervalNs));
                optionalTime(line, "openTime", e.klineOpenTimeNs);
                optionalTime(line, "closeTime", e.klineCloseTimeNs);
                optionalDecimal(line, "open", e.klineOpen, priceScale);
                optionalDecimal(line, "high", e.klineHigh, priceScale);
                optionalDecimal(line, "low", e.klineLow, priceScale);
                optionalDecimal(line, "close", e.klineClose, priceScale);
                optionalDecimal(line, "volume", e.klineVolume, qtyScale);
                line.integer("trades", e.klineTradeCount);
                line.flag("closed", e.klineClosed);
            }
            case MARKET_STATE -> {
                optionalDecimal(line, "markPrice", e.markPrice, priceScale);
                optionalDecimal(line, "indexPrice", e.indexPrice, priceScale);
                optionalDecimal(line, "fundingRate", e.fundingRate, rateScale(InboundEvent.RATE_SCALE));
                optionalTime(line, "nextFundingTime", e.nextFundingTimeNs);
                if (e.fundingIntervalNs != InboundEvent.NONE) {
                    line.integer("fundingIntervalMs", e.fundingIntervalNs / 1_000_000);
                }
                optionalDecimal(line, "openInterest", e.openInterest, qtyScale);
            }
            case EXECUTION_REPORT -> {
                if (e.execType != null) {
                    line.text("execType", e.execType.name());
                }
                if (e.execSide != null) {
                    line.text("side", e.execSide.name());
                }
                line.integer("clientOrderId", e.clientOrderId);
                optional(line, "venueOrderId", e.venueOrderId);
                optionalDecimal(line, "price", e.orderPrice, priceScale);
                optionalDecimal(line, "qty", e.orderQty, qtyScale);
                optionalDecimal(line, "lastFillPrice", e.lastFillPrice, priceScale);
                line.decimal("lastFillQty", e.lastFillQty, qtyScale);
                line.decimal("cumFillQty", e.cumFillQty, qtyScale);
                line.decimal("leavesQty", e.leavesQty, qtyScale);
                line.decimal("fee", e.execFee, rateScale(InboundEvent.FEE_SCALE));
                line.flag("maker", e.execMaker);
                if (e.rejectCode != 0) {
                    line.integer("rejectCode", e.rejectCode);
                }
            }
            case POSITION -> {
                line.decimal("positionQty", e.positionQty, qtyScale);
                optionalDecimal(line, "entryPrice", e.positionEntryPrice, priceScale);
                optionalDecimal(line, "unrealizedPnl", e.positionUnrealizedPnl, rateScale(InboundEvent.FEE_SCALE));
            }
            case TIMER -> {
                line.integer("timerId", e.timerId);
                optionalTime(line, "scheduledTime", e.timerScheduledNs);
            }
            case GATEWAY_STATUS -> {
                if (e.gatewayStatus != null) {
                    line.text("status", e.gatewayStatus.name());
                }
                line.integer("detail", e.statusDetail);
            }
            case OPERATOR -> {
                if (e.operatorCommand != null) {
                    line.text("command", e.operatorCommand.name());
                }
                if (e.operatorSource == OperatorCommand.SOURCE_JMX) {
                    line.text("source", "jmx");
                } else {
                    line.integer("source", e.operatorSource);
                }
                if (e.operatorTarget != OperatorCommand.ALL_STRATEGIES) {
                    line.integer("target", e.operatorTarget);
                }
            }
            case ENGINE_STATUS -> {
                if (e.engineStatus != null) {
                    line.text("status", e.engineStatus.name());
                }
                line.integer("detail", e.statusDetail);
            }
            case DISCARDED -> {
            }
        }
    }

    /** Whether the book stage's outcome and view belong on this event's line. */
    static boolean isBookRelated(final InboundEvent e) {
        return e.instrumentId >= 0 && (e.kind == EventKind.BOOK_SNAPSHOT || e.kind == EventKind.BOOK_DELTA
            || e.kind == EventKind.BBO || e.kind == EventKind.GATEWAY_STATUS);
    }

    /** Notes the update id of every book update the book took, shown or filtered out, for BBO comparisons. */
    void observeBookUpdate(final InboundEvent e) {
        if ((e.kind == EventKind.BOOK_DELTA || e.kind == EventKind.BOOK_SNAPSHOT) && e.lastUpdateId != InboundEvent.NONE) {
            lastBookUpdateIds.put(e.instrumentId, e.lastUpdateId);
        }
    }

    /**
     * Writes what the book stage made of the event: the outcome (if any), the book state and best levels it
     * wrote into the event, and for a BBO whether the book's best bid and ask (price and quantity) equal it.
     * A slot in the middle of a multi-slot update carries no book view (the book applies the batch at once).
     */
    void book(final EventLine line, final InboundEvent e, final BookSyncOutcome outcome, final long rejectedLevels) {
        if (outcome != null) {
            line.text("sync", outcome.label());
        }
        if (rejectedLevels > 0) {
            line.integer("rejectedLevels", rejectedLevels);
        }
        if (e.bookState == null) {
            return;
        }
        final int priceScale = instruments.priceScale(e.instrumentId);
        final int qtyScale = instruments.qtyScale(e.instrumentId);
        line.text("book", e.bookState.name());
        line.integer("bookVersion", e.bookVersion);
        if (e.bookBidLevels > 0) {
            line.quote("bestBid", e.bookBidPrices[0], e.bookBidQtys[0], priceScale, qtyScale);
        } else {
            line.none("bestBid");
        }
        if (e.bookAskLevels > 0) {
            line.quote("bestAsk", e.bookAskPrices[0], e.bookAskQtys[0], priceScale, qtyScale);
        } else {
            line.none("bestAsk");
        }
        if (e.kind == EventKind.BBO) {
            line.text("bbo", bboComparison(e));
        }
    }

    /**
     * A venue's BBO and the local book describe the same moment only when the BBO's update id equals the
     * last update applied to the book (Binance: bookTicker {@code u} == last diff {@code u}); otherwise
     * they are not comparable ({@code unsynced}). A BBO without an update id is always compared.
     */
    private String bboComparison(final InboundEvent e) {
        if (e.bookState != io.ringtrader.engine.book.BookState.VALID) {
            return "book-not-valid";
        }
        if (e.lastUpdateId != InboundEvent.NONE) {
            final Long applied = lastBookUpdateIds.get(e.instrumentId);
            if (applied == null || applied != e.lastUpdateId) {
                return "unsynced";
            }
        }
        return bboMatchesBook(e) ? "match" : "MISMATCH";
    }

    /** Writes an order command: header, then every field. */
    void command(final EventLine line, final long index, final long sequence, final OrderCommand c) {
        line.index("index", index);
        line.integer("seq", sequence);
        line.tag("action", c.action == null ? "NONE" : c.action.name());
        line.instrument(c.instrumentId, instruments.name(c.instrumentId), instruments.symbol(c.instrumentId));
        venue(line, c.venueId);
        line.text("decision", c.decision == null ? "NONE" : c.decision.name());
        line.integer("strategy", c.strategyId);
        line.integer("clientOrderId", c.clientOrderId);
        if (c.side != null) {
            line.text("side", c.side.name());
        }
        if (c.type != null) {
            line.text("type", c.type.name());
        }
        if (c.timeInForce != null) {
            line.text("timeInForce", c.timeInForce.name());
        }
        line.decimal("price", c.priceMantissa, instruments.priceScale(c.instrumentId));
        line.decimal("qty", c.qtyMantissa, instruments.qtyScale(c.instrumentId));
        line.flag("reduceOnly", c.reduceOnly);
        line.integer("causeSeq", c.causeSequence);
        optionalTime(line, "causeExchangeTime", c.causeExchangeTimeNs);
        if (c.causeReceiveTimeNs != 0) {
            line.time("causeReceiveTime", c.causeReceiveTimeNs);
        }
    }

    private static boolean bboMatchesBook(final InboundEvent e) {
        final boolean bidMatches = e.bookBidLevels > 0
            ? e.bookBidPrices[0] == e.bboBidPrice && e.bookBidQtys[0] == e.bboBidQty
            : e.bboBidPrice == InboundEvent.NONE;
        final boolean askMatches = e.bookAskLevels > 0
            ? e.bookAskPrices[0] == e.bboAskPrice && e.bookAskQtys[0] == e.bboAskQty
            : e.bboAskPrice == InboundEvent.NONE;
        return bidMatches && askMatches;
    }

    private static void venue(final EventLine line, final int venueId) {
        if (venueId == 0) {
            return;
        }
        if (venueId > 0 && venueId < VENUE_NAMES.length && VENUE_NAMES[venueId] != null) {
            line.text("venue", VENUE_NAMES[venueId]);
        } else {
            line.integer("venue", venueId);
        }
    }

    private int rateScale(final int scale) {
        return instruments.hasConfig() ? scale : JournalInstruments.RAW;
    }

    private static void optional(final EventLine line, final String name, final long value) {
        if (value != InboundEvent.NONE) {
            line.integer(name, value);
        }
    }

    private static void optionalDecimal(final EventLine line, final String name, final long mantissa, final int scale) {
        if (mantissa != InboundEvent.NONE) {
            line.decimal(name, mantissa, scale);
        }
    }

    private static void optionalTime(final EventLine line, final String name, final long epochNs) {
        if (epochNs != InboundEvent.NONE) {
            line.time(name, epochNs);
        }
    }

    private static void optionalQuote(final EventLine line, final String name, final long price, final long qty,
        final int priceScale, final int qtyScale) {
        if (price != InboundEvent.NONE) {
            line.quote(name, price, qty, priceScale, qtyScale);
        }
    }

    private static boolean anyNonZero(final byte[] a, final byte[] b, final int count) {
        for (int i = 0; i < count; i++) {
            if (a[i] != 0 || b[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static String[] venueNames() {
        int max = 0;
        for (final Venue venue : Venue.values()) {
            max = Math.max(max, venue.id());
        }
        final String[] names = new String[max + 1];
        for (final Venue venue : Venue.values()) {
            names[venue.id()] = venue.configName();
        }
        return names;
    }
}
