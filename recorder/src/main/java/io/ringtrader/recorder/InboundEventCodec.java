package io.ringtrader.recorder;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.bytes.BytesUtil;
import org.agrona.DirectBuffer;

/**
 * Encodes an {@link InboundEvent} as its producer filled it, with its ring sequence, and decodes it back.
 * The stages' outputs ({@code book*}, features, scores, intents) are not journaled: replay recomputes them.
 *
 * <pre>
 *  offset  size  field
 *  0       1     type 'I'
 *  1       2     schema version
 *  3       8     ring sequence
 *  11      1     kind code (0 = none)
 *  12      1     flags: bit 0 batchLast, bit 1 hasChecksum
 *  13      4     instrumentId
 *  17      4     venueId
 *  21      4     batchIndex
 *  25      4     checksum
 *  29      8     exchangeTimeNs
 *  37      8     receiveTimeNs
 *  45      8     firstUpdateId
 *  53      8     lastUpdateId
 *  61      8     prevUpdateId
 *  69      ...   the kind's payload:
 *
 *  BOOK_SNAPSHOT, BOOK_DELTA  bidCount u16, askCount u16, then bidCount bid levels and askCount ask levels,
 *                             each: price i64, qty i64, priceDecimals i8, qtyDecimals i8
 *  BBO                        bidPrice, bidQty, askPrice, askQty                        (i64 each)
 *  TRADE                      tradeId, firstId, lastId, price, qty (i64 each), aggressor code u8
 *  KLINE                      intervalNs, openTimeNs, closeTimeNs, open, high, low, close, volume,
 *                             tradeCount (i64 each), closed u8
 *  MARKET_STATE               fields i32 (MarketState bits), markPrice, indexPrice, fundingRate, nextFundingTimeNs,
 *                             fundingIntervalNs, openInterest (i64 each; NONE where absent)        (schema 6, code 15)
 *  MARK_PRICE (code 6, schemas 1-5; read as MARKET_STATE)  markPrice, indexPrice, fundingRate, nextFundingTimeNs
 *  OPEN_INTEREST (code 7, schemas 1-5; read as MARKET_STATE)  openInterest i64
 *  EXECUTION_REPORT           execType code u8, side code u8, maker u8, rejectCode i32, clientOrderId,
 *                             venueOrderId, orderPrice, orderQty, lastFillPrice, lastFillQty, cumFillQty,
 *                             leavesQty, execFee (i64 each)
 *  POSITION                   positionQty, entryPrice, unrealizedPnl                   (i64 each; schema 2)
 *  TIMER                      timerId i32, scheduledNs i64
 *  GATEWAY_STATUS             status code u8, statusDetail i32
 *  OPERATOR                   command code u8, operatorSource i32                      (schema 4)
 *                             then operatorTarget i32                                  (schema 5)
 *  ENGINE_STATUS              status code u8, statusDetail i32                         (schema 5)
 *  DISCARDED, none            nothing
 * </pre>
 *
 * Booleans (closed, maker) are one byte, {@code 'Y'} or {@code 'N'}, as Chronicle writes them.
 *
 * The journal writer appends the checksum trailer ({@link JournalFormat}) after these bytes and the reader checks and
 * strips it before {@link #decode}: the codec sees the message without it.
 *
 * <p>Stateless: safe from any thread. {@link #encode} and {@link #decode} do not allocate.
 */
public final class InboundEventCodec {
    /** Most levels per side one message can carry (the counts are unsigned 16-bit). */
    public static final int MAX_LEVELS = 0xFFFF;

    private static final int FLAG_BATCH_LAST = 1;
    private static final int FLAG_HAS_CHECKSUM = 2;
    /** Bytes of one book level: price, qty, priceDecimals, qtyDecimals. */
    private static final int LEVEL_LENGTH = 18;
    private static final int SEQUENCE_OFFSET = 3;
    private static final int KIND_OFFSET = 11;
    private static final int FLAGS_OFFSET = 12;
    private static final int PAYLOAD_OFFSET = 69;
    /** The schema version whose OPERATOR payload carries {@code operatorTarget}. */
    private static final int OPERATOR_TARGET_SINCE = 5;
    private static final int BOOK_COUNTS_OFFSET = PAYLOAD_OFFSET;
    /** The longest inbound event: a book update with {@link #MAX_LEVELS} levels a side. */
    static final int MAX_MESSAGE_LENGTH = PAYLOAD_OFFSET + 4 + 2 * MAX_LEVELS * LEVEL_LENGTH;
    private static final ByteOrder ORDER = JournalFormat.BYTE_ORDER;

    private InboundEventCodec() {
    }

    /**
     * Writes one message for {@code event} at {@code out}'s write position.
     *
     * @throws IllegalArgumentException if a book side has more than {@link #MAX_LEVELS} levels.
     */
    public static void encode(final InboundEvent event, final long sequence, final BytesOut<?> out) {
        JournalFormat.writeHeader(out, JournalFormat.TYPE_INBOUND_EVENT);
        out.writeLong(sequence);
        out.writeByte(WireCodes.code(event.kind));
        out.writeByte((byte)((event.batchLast ? FLAG_BATCH_LAST : 0) | (event.hasChecksum ? FLAG_HAS_CHECKSUM : 0)));
        out.writeInt(event.instrumentId);
        out.writeInt(event.venueId);
        out.writeInt(event.batchIndex);
        out.writeInt(event.checksum);
        out.writeLong(event.exchangeTimeNs);
        out.writeLong(event.receiveTimeNs);
        out.writeLong(event.firstUpdateId);
        out.writeLong(event.lastUpdateId);
        out.writeLong(event.prevUpdateId);
        if (event.kind == null) {
            return;
        }
        switch (event.kind) {
            case BOOK_SNAPSHOT, BOOK_DELTA -> encodeBook(event, out);
            case BBO -> {
                out.writeLong(event.bboBidPrice);
                out.writeLong(event.bboBidQty);
                out.writeLong(event.bboAskPrice);
                out.writeLong(event.bboAskQty);
            }
            case TRADE -> {
                out.writeLong(event.tradeId);
                out.writeLong(event.tradeFirstId);
                out.writeLong(event.tradeLastId);
                out.writeLong(event.tradePrice);
                out.writeLong(event.tradeQty);
                out.writeByte(WireCodes.code(event.tradeAggressor));
            }
            case KLINE -> {
                out.writeLong(event.klineIntervalNs);
                out.writeLong(event.klineOpenTimeNs);
                out.writeLong(event.klineCloseTimeNs);
                out.writeLong(event.klineOpen);
                out.writeLong(event.klineHigh);
                out.writeLong(event.klineLow);
                out.writeLong(event.klineClose);
                out.writeLong(event.klineVolume);
                out.writeLong(event.klineTradeCount);
                out.writeBoolean(event.klineClosed);
            }
            case MARKET_STATE -> {
                out.writeInt(event.marketStateFields);
                out.writeLong(event.markPrice);
                out.writeLong(event.indexPrice);
                out.writeLong(event.fundingRate);
                out.writeLong(event.nextFundingTimeNs);
                out.writeLong(event.fundingIntervalNs);
                out.writeLong(event.openInterest);
            }
            case EXECUTION_REPORT -> {
                out.writeByte(WireCodes.code(event.execType));
                out.writeByte(WireCodes.code(event.execSide));
                out.writeBoolean(event.execMaker);
                out.writeInt(event.rejectCode);
                out.writeLong(event.clientOrderId);
                out.writeLong(event.venueOrderId);
                out.writeLong(event.orderPrice);
                out.writeLong(event.orderQty);
                out.writeLong(event.lastFillPrice);
                out.writeLong(event.lastFillQty);
                out.writeLong(event.cumFillQty);
                out.writeLong(event.leavesQty);
                out.writeLong(event.execFee);
            }
            case POSITION -> {
                out.writeLong(event.positionQty);
                out.writeLong(event.positionEntryPrice);
                out.writeLong(event.positionUnrealizedPnl);
            }
            case TIMER -> {
                out.writeInt(event.timerId);
                out.writeLong(event.timerScheduledNs);
            }
            case GATEWAY_STATUS -> {
                out.writeByte(WireCodes.code(event.gatewayStatus));
                out.writeInt(event.statusDetail);
            }
            case OPERATOR -> {
                out.writeByte(WireCodes.code(event.operatorCommand));
                out.writeInt(event.operatorSource);
                out.writeInt(event.operatorTarget);
            }
            case ENGINE_STATUS -> {
                out.writeByte(WireCodes.code(event.engineStatus));
                out.writeInt(event.statusDetail);
            }
            case DISCARDED -> {
            }
        }
    }

    /**
     * Reads the message of {@code length} bytes at the start of {@code message} into {@code into}, which is
     * {@link InboundEvent#reset() reset} first. Checks the length against the layout before reading, so a
     * truncated or over-long message fails with a {@link JournalFormatException} rather than reading past it.
     *
     * @param into the slot to fill; its level capacity must hold the message's levels.
     * @return the ring sequence the event was journaled with.
     * @throws JournalFormatException if the message is not a readable inbound event of this schema version.
     */
    public static long decode(final DirectBuffer message, final int length, final InboundEvent into) {
        final int version = JournalFormat.readHeader(message, length, JournalFormat.TYPE_INBOUND_EVENT);
        requireAtLeast(length, PAYLOAD_OFFSET, "an inbound event header");
        into.reset();
        final long sequence = message.getLong(SEQUENCE_OFFSET, ORDER);
        final byte kindCode = message.getByte(KIND_OFFSET);
        final EventKind kind = WireCodes.eventKind(kindCode, version);
        final int flags = message.getByte(FLAGS_OFFSET) & 0xFF;
        into.kind = kind;
        into.batchLast = (flags & FLAG_BATCH_LAST) != 0;
        into.hasChecksum = (flags & FLAG_HAS_CHECKSUM) != 0;
        into.instrumentId = message.getInt(13, ORDER);
        into.venueId = message.getInt(17, ORDER);
        into.batchIndex = message.getInt(21, ORDER);
        into.checksum = message.getInt(25, ORDER);
        into.exchangeTimeNs = message.getLong(29, ORDER);
        into.receiveTimeNs = message.getLong(37, ORDER);
        into.firstUpdateId = message.getLong(45, ORDER);
        into.lastUpdateId = message.getLong(53, ORDER);
        into.prevUpdateId = message.getLong(61, ORDER);
        final int p = PAYLOAD_OFFSET;
        final int end;
        if (kind == null) {
            end = p;
        } else {
            switch (kind) {
                case BOOK_SNAPSHOT, BOOK_DELTA -> end = decodeBook(message, length, into);
                case BBO -> {
                    end = requireAtLeast(length, p + 32, "a BBO");
                    into.bboBidPrice = message.getLong(p, ORDER);
                    into.bboBidQty = message.getLong(p + 8, ORDER);
                    into.bboAskPrice = message.getLong(p + 16, ORDER);
                    into.bboAskQty = message.getLong(p + 24, ORDER);
                }
                case TRADE -> {
                    end = requireAtLeast(length, p + 41, "a trade");
                    into.tradeId = message.getLong(p, ORDER);
                    into.tradeFirstId = message.getLong(p + 8, ORDER);
                    into.tradeLastId = message.getLong(p + 16, ORDER);
                    into.tradePrice = message.getLong(p + 24, ORDER);
                    into.tradeQty = message.getLong(p + 32, ORDER);
                    into.tradeAggressor = WireCodes.side(message.getByte(p + 40));
                }
                case KLINE -> {
                    end = requireAtLeast(length, p + 73, "a kline");
                    into.klineIntervalNs = message.getLong(p, ORDER);
                    into.klineOpenTimeNs = message.getLong(p + 8, ORDER);
                    into.klineCloseTimeNs = message.getLong(p + 16, ORDER);
                    into.klineOpen = message.getLong(p + 24, ORDER);
                    into.klineHigh = message.getLong(p + 32, ORDER);
                    into.klineLow = message.getLong(p + 40, ORDER);
                    into.klineClose = message.getLong(p + 48, ORDER);
                    into.klineVolume = message.getLong(p + 56, ORDER);
                    into.klineTradeCount = message.getLong(p + 64, ORDER);
                    into.klineClosed = BytesUtil.byteToBoolean(message.getByte(p + 72));
                }
                case MARKET_STATE -> end = decodeMarketState(message, length, kindCode, into);
                case EXECUTION_REPORT -> {
                    end = requireAtLeast(length, p + 79, "an execution report");
                    into.execType = WireCodes.execType(message.getByte(p));
                    into.execSide = WireCodes.side(message.getByte(p + 1));
                    into.execMaker = BytesUtil.byteToBoolean(message.getByte(p + 2));
                    into.rejectCode = message.getInt(p + 3, ORDER);
                    into.clientOrderId = message.getLong(p + 7, ORDER);
                    into.venueOrderId = message.getLong(p + 15, ORDER);
                    into.orderPrice = message.getLong(p + 23, ORDER);
                    into.orderQty = message.getLong(p + 31, ORDER);
                    into.lastFillPrice = message.getLong(p + 39, ORDER);
                    into.lastFillQty = message.getLong(p + 47, ORDER);
                    into.cumFillQty = message.getLong(p + 55, ORDER);
                    into.leavesQty = message.getLong(p + 63, ORDER);
                    into.execFee = message.getLong(p + 71, ORDER);
                }
                case POSITION -> {
                    end = requireAtLeast(length, p + 24, "a position");
                    into.positionQty = message.getLong(p, ORDER);
                    into.positionEntryPrice = message.getLong(p + 8, ORDER);
                    into.positionUnrealizedPnl = message.getLong(p + 16, ORDER);
                }
                case TIMER -> {
                    end = requireAtLeast(length, p + 12, "a timer");
                    into.timerId = message.getInt(p, ORDER);
                    into.timerScheduledNs = message.getLong(p + 4, ORDER);
                }
                case GATEWAY_STATUS -> {
                    end = requireAtLeast(length, p + 5, "a gateway status");
                    into.gatewayStatus = WireCodes.gatewayStatus(message.getByte(p), version);
                    into.statusDetail = message.getInt(p + 1, ORDER);
                }
                case OPERATOR -> {
                    final boolean targeted = version >= OPERATOR_TARGET_SINCE;
                    end = requireAtLeast(length, p + (targeted ? 9 : 5), "an operator command");
                    into.operatorCommand = WireCodes.operatorCommand(message.getByte(p), version);
                    into.operatorSource = message.getInt(p + 1, ORDER);
                    if (targeted) {
                        into.operatorTarget = message.getInt(p + 5, ORDER);
                    }
                }
                case ENGINE_STATUS -> {
                    end = requireAtLeast(length, p + 5, "an engine status");
                    into.engineStatus = WireCodes.engineStatus(message.getByte(p));
                    into.statusDetail = message.getInt(p + 1, ORDER);
                }
                case DISCARDED -> end = p;
                default -> throw new JournalFormatException("is of kind " + kind + ", which has no journal layout");
            }
        }
        if (end != length) {
            throw new JournalFormatException("has " + (length - end) + " bytes left after the inbound event payload");
        }
        return sequence;
    }

    /**
     * Checks that {@code into} can hold the levels of the book message of {@code length} bytes at the start of
     * {@code message} (any other kind fits any slot). Reads only the kind and the level counts.
     *
     * @throws JournalFormatException naming the levels and the slot's capacity when it cannot: a problem of the
     *                                reading slot, not of the message.
     */
    public static void requireLevelCapacity(final DirectBuffer message, final int length, final InboundEvent into) {
        if (length < BOOK_COUNTS_OFFSET + 4) {
            return;
        }
        final byte code = message.getByte(KIND_OFFSET);
        if (code == WireCodes.code(EventKind.BOOK_SNAPSHOT) || code == WireCodes.code(EventKind.BOOK_DELTA)) {
            requireLevelCapacity(message.getShort(BOOK_COUNTS_OFFSET, ORDER) & 0xFFFF,
                message.getShort(BOOK_COUNTS_OFFSET + 2, ORDER) & 0xFFFF, into);
        }
    }

    /**
     * The level capacity a slot needs to decode the message of {@code length} bytes at the start of {@code message}
     * (0 for kinds without levels). Checks nothing else.
     */
    public static int levelsNeeded(final DirectBuffer message, final int length) {
        if (length < BOOK_COUNTS_OFFSET + 4) {
            return 0;
        }
        final byte code = message.getByte(KIND_OFFSET);
        if (code != WireCodes.code(EventKind.BOOK_SNAPSHOT) && code != WireCodes.code(EventKind.BOOK_DELTA)) {
            return 0;
        }
        return Math.max(message.getShort(BOOK_COUNTS_OFFSET, ORDER) & 0xFFFF, message.getShort(BOOK_COUNTS_OFFSET + 2, ORDER) & 0xFFFF);
    }

    private static void requireLevelCapacity(final int bids, final int asks, final InboundEvent into) {
        final int capacity = into.levelCapacity();
        if (bids > capacity || asks > capacity) {
            throw new JournalFormatException("has " + bids + " bid and " + asks + " ask levels, more than the slot's "
                + capacity + " (replay with at least as many levels per slot as the journal was written with)");
        }
    }

    private static void encodeBook(final InboundEvent event, final BytesOut<?> out) {
        final int bids = event.bidCount;
        final int asks = event.askCount;
        if (bids > MAX_LEVELS || asks > MAX_LEVELS) {
            throw new IllegalArgumentException("book event with " + bids + " bids and " + asks + " asks: at most "
                + MAX_LEVELS + " per side per slot");
        }
        out.writeUnsignedShort(bids);
        out.writeUnsignedShort(asks);
        for (int i = 0; i < bids; i++) {
            out.writeLong(event.bidPrices[i]);
            out.writeLong(event.bidQtys[i]);
            out.writeByte(event.bidPriceDecimals[i]);
            out.writeByte(event.bidQtyDecimals[i]);
        }
        for (int i = 0; i < asks; i++) {
            out.writeLong(event.askPrices[i]);
            out.writeLong(event.askQtys[i]);
            out.writeByte(event.askPriceDecimals[i]);
            out.writeByte(event.askQtyDecimals[i]);
        }
    }

    /** Reads a book payload straight into the slot's level arrays; returns the offset after it. */
    private static int decodeBook(final DirectBuffer message, final int length, final InboundEvent into) {
        requireAtLeast(length, PAYLOAD_OFFSET + 4, "a book update");
        final int bids = message.getShort(PAYLOAD_OFFSET, ORDER) & 0xFFFF;
        final int asks = message.getShort(PAYLOAD_OFFSET + 2, ORDER) & 0xFFFF;
        requireLevelCapacity(bids, asks, into);
        final int levelsStart = PAYLOAD_OFFSET + 4;
        final int end = requireAtLeast(length, levelsStart + (bids + asks) * LEVEL_LENGTH, "a book update with its levels");
        final int asksStart = decodeLevels(message, levelsStart, bids, into.bidPrices, into.bidQtys, into.bidPriceDecimals,
            into.bidQtyDecimals);
        decodeLevels(message, asksStart, asks, into.askPrices, into.askQtys, into.askPriceDecimals, into.askQtyDecimals);
        into.bidCount = bids;
        into.askCount = asks;
        return end;
    }

    private static int decodeLevels(
        final DirectBuffer message,
        final int offset,
        final int count,
        final long[] prices,
        final long[] qtys,
        final byte[] priceDecimals,
        final byte[] qtyDecimals) {
        int at = offset;
        for (int i = 0; i < count; i++, at += LEVEL_LENGTH) {
            prices[i] = message.getLong(at, ORDER);
            qtys[i] = message.getLong(at + 8, ORDER);
            priceDecimals[i] = message.getByte(at + 16);
            qtyDecimals[i] = message.getByte(at + 17);
        }
        return at;
    }

    /**
     * A market state, or one of the two kinds of schemas 1-5 it replaced, as a market state with the fields they held.
     *
     * @return the offset after the payload.
     */
    private static int decodeMarketState(final DirectBuffer message, final int length, final byte kindCode,
        final InboundEvent into) {
        final int p = PAYLOAD_OFFSET;
        if (kindCode == WireCodes.LEGACY_MARK_PRICE) {
            final int end = requireAtLeast(length, p + 32, "a mark price");
            into.markPrice = message.getLong(p, ORDER);
            into.indexPrice = message.getLong(p + 8, ORDER);
            into.fundingRate = message.getLong(p + 16, ORDER);
            into.nextFundingTimeNs = message.getLong(p + 24, ORDER);
            MarketState.flagPresent(into);
            return end;
        }
        if (kindCode == WireCodes.LEGACY_OPEN_INTEREST) {
            final int end = requireAtLeast(length, p + 8, "an open interest");
            into.openInterest = message.getLong(p, ORDER);
            MarketState.flagPresent(into);
            return end;
        }
        final int end = requireAtLeast(length, p + 52, "a market state");
        into.marketStateFields = message.getInt(p, ORDER);
        into.markPrice = message.getLong(p + 4, ORDER);
        into.indexPrice = message.getLong(p + 12, ORDER);
        into.fundingRate = message.getLong(p + 20, ORDER);
        into.nextFundingTimeNs = message.getLong(p + 28, ORDER);
        into.fundingIntervalNs = message.getLong(p + 36, ORDER);
        into.openInterest = message.getLong(p + 44, ORDER);
        return end;
    }

    /** Fails unless the message holds {@code needed} bytes; returns {@code needed}. */
    private static int requireAtLeast(final int length, final int needed, final String what) {
        if (length < needed) {
            throw new JournalFormatException("is " + length + " bytes long: " + what + " needs " + needed);
        }
        return needed;
    }
}
