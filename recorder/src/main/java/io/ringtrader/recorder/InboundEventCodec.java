package io.ringtrader.recorder;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

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
 *  MARK_PRICE                 markPrice, indexPrice, fundingRate, nextFundingTimeNs     (i64 each)
 *  OPEN_INTEREST              openInterest i64
 *  EXECUTION_REPORT           execType code u8, side code u8, maker u8, rejectCode i32, clientOrderId,
 *                             venueOrderId, execPrice, execQty, lastFillPrice, lastFillQty, cumFillQty,
 *                             leavesQty, execFee (i64 each)
 *  POSITION                   positionQty, entryPrice, unrealizedPnl                   (i64 each; schema 2)
 *  TIMER                      timerId i32, scheduledNs i64
 *  GATEWAY_STATUS             status code u8, statusDetail i32
 *  DISCARDED, none            nothing
 * </pre>
 *
 * <p>Stateless: safe from any thread. {@link #encode} and {@link #decode} do not allocate.
 */
public final class InboundEventCodec {
    /** Most levels per side one message can carry (the counts are unsigned 16-bit). */
    public static final int MAX_LEVELS = 0xFFFF;

    private static final int FLAG_BATCH_LAST = 1;
    private static final int FLAG_HAS_CHECKSUM = 2;
    private static final int KIND_OFFSET = 11;
    private static final int BOOK_COUNTS_OFFSET = 69;

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
            case MARK_PRICE -> {
                out.writeLong(event.markPrice);
                out.writeLong(event.indexPrice);
                out.writeLong(event.fundingRate);
                out.writeLong(event.nextFundingTimeNs);
            }
            case OPEN_INTEREST -> out.writeLong(event.openInterest);
            case EXECUTION_REPORT -> {
                out.writeByte(WireCodes.code(event.execType));
                out.writeByte(WireCodes.code(event.execSide));
                out.writeBoolean(event.execMaker);
                out.writeInt(event.rejectCode);
                out.writeLong(event.clientOrderId);
                out.writeLong(event.venueOrderId);
                out.writeLong(event.execPrice);
                out.writeLong(event.execQty);
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
            case DISCARDED -> {
            }
        }
    }

    /**
     * Reads one message into {@code into}, which is {@link InboundEvent#reset() reset} first.
     *
     * @param in   positioned at the message's first byte, limited to its end.
     * @param into the slot to fill; its level capacity must hold the message's levels.
     * @return the ring sequence the event was journaled with.
     * @throws JournalFormatException if the message is not a readable inbound event of this schema version.
     */
    public static long decode(final BytesIn<?> in, final InboundEvent into) {
        JournalFormat.readHeader(in, JournalFormat.TYPE_INBOUND_EVENT);
        into.reset();
        final long sequence = in.readLong();
        final EventKind kind = WireCodes.eventKind(in.readByte());
        final int flags = in.readUnsignedByte();
        into.kind = kind;
        into.batchLast = (flags & FLAG_BATCH_LAST) != 0;
        into.hasChecksum = (flags & FLAG_HAS_CHECKSUM) != 0;
        into.instrumentId = in.readInt();
        into.venueId = in.readInt();
        into.batchIndex = in.readInt();
        into.checksum = in.readInt();
        into.exchangeTimeNs = in.readLong();
        into.receiveTimeNs = in.readLong();
        into.firstUpdateId = in.readLong();
        into.lastUpdateId = in.readLong();
        into.prevUpdateId = in.readLong();
        if (kind != null) {
            switch (kind) {
                case BOOK_SNAPSHOT, BOOK_DELTA -> decodeBook(in, into);
                case BBO -> {
                    into.bboBidPrice = in.readLong();
                    into.bboBidQty = in.readLong();
                    into.bboAskPrice = in.readLong();
                    into.bboAskQty = in.readLong();
                }
                case TRADE -> {
                    into.tradeId = in.readLong();
                    into.tradeFirstId = in.readLong();
                    into.tradeLastId = in.readLong();
                    into.tradePrice = in.readLong();
                    into.tradeQty = in.readLong();
                    into.tradeAggressor = WireCodes.side(in.readByte());
                }
                case KLINE -> {
                    into.klineIntervalNs = in.readLong();
                    into.klineOpenTimeNs = in.readLong();
                    into.klineCloseTimeNs = in.readLong();
                    into.klineOpen = in.readLong();
                    into.klineHigh = in.readLong();
                    into.klineLow = in.readLong();
                    into.klineClose = in.readLong();
                    into.klineVolume = in.readLong();
                    into.klineTradeCount = in.readLong();
                    into.klineClosed = in.readBoolean();
                }
                case MARK_PRICE -> {
                    into.markPrice = in.readLong();
                    into.indexPrice = in.readLong();
                    into.fundingRate = in.readLong();
                    into.nextFundingTimeNs = in.readLong();
                }
                case OPEN_INTEREST -> into.openInterest = in.readLong();
                case EXECUTION_REPORT -> {
                    into.execType = WireCodes.execType(in.readByte());
                    into.execSide = WireCodes.side(in.readByte());
                    into.execMaker = in.readBoolean();
                    into.rejectCode = in.readInt();
                    into.clientOrderId = in.readLong();
                    into.venueOrderId = in.readLong();
                    into.execPrice = in.readLong();
                    into.execQty = in.readLong();
                    into.lastFillPrice = in.readLong();
                    into.lastFillQty = in.readLong();
                    into.cumFillQty = in.readLong();
                    into.leavesQty = in.readLong();
                    into.execFee = in.readLong();
                }
                case POSITION -> {
                    into.positionQty = in.readLong();
                    into.positionEntryPrice = in.readLong();
                    into.positionUnrealizedPnl = in.readLong();
                }
                case TIMER -> {
                    into.timerId = in.readInt();
                    into.timerScheduledNs = in.readLong();
                }
                case GATEWAY_STATUS -> {
                    into.gatewayStatus = WireCodes.gatewayStatus(in.readByte());
                    into.statusDetail = in.readInt();
                }
                case DISCARDED -> {
                }
            }
        }
        JournalFormat.requireFullyRead(in, "inbound event");
        return sequence;
    }

    /**
     * The level capacity a slot needs to decode the message at {@code in}'s read position (0 for kinds
     * without levels). Reads ahead without moving the position; checks nothing else.
     */
    public static int levelsNeeded(final BytesIn<?> in) {
        final long start = in.readPosition();
        if (in.readRemaining() < BOOK_COUNTS_OFFSET + 4) {
            return 0;
        }
        final EventKind kind = WireCodes.eventKind(in.readByte(start + KIND_OFFSET));
        if (kind != EventKind.BOOK_SNAPSHOT && kind != EventKind.BOOK_DELTA) {
            return 0;
        }
        return Math.max(in.readUnsignedShort(start + BOOK_COUNTS_OFFSET), in.readUnsignedShort(start + BOOK_COUNTS_OFFSET + 2));
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

    private static void decodeBook(final BytesIn<?> in, final InboundEvent into) {
        final int bids = in.readUnsignedShort();
        final int asks = in.readUnsignedShort();
        final int capacity = into.levelCapacity();
        if (bids > capacity || asks > capacity) {
            throw new JournalFormatException("has " + bids + " bid and " + asks + " ask levels, more than the slot's "
                + capacity + " (replay with at least as many levels per slot as the journal was written with)");
        }
        for (int i = 0; i < bids; i++) {
            into.bidPrices[i] = in.readLong();
            into.bidQtys[i] = in.readLong();
            into.bidPriceDecimals[i] = in.readByte();
            into.bidQtyDecimals[i] = in.readByte();
        }
        for (int i = 0; i < asks; i++) {
            into.askPrices[i] = in.readLong();
            into.askQtys[i] = in.readLong();
            into.askPriceDecimals[i] = in.readByte();
            into.askQtyDecimals[i] = in.readByte();
        }
        into.bidCount = bids;
        into.askCount = asks;
    }
}
