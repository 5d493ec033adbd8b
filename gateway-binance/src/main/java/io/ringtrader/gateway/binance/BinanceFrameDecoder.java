package io.ringtrader.gateway.binance;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.gateway.binance.marketdata.AggTradeDecoder;
import io.ringtrader.gateway.binance.marketdata.BookTickerDecoder;
import io.ringtrader.gateway.common.marketdata.DecodeOutcomes;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.binance.marketdata.DepthSnapshotDecoder;
import io.ringtrader.gateway.binance.marketdata.DepthUpdateDecoder;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import io.ringtrader.gateway.binance.marketdata.KlineDecoder;
import io.ringtrader.gateway.binance.marketdata.MarkPriceDecoder;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import io.ringtrader.gateway.binance.sync.BinanceBookSync;
import io.ringtrader.gateway.binance.sync.BinancePartialBook;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The Binance USDⓈ-M market-data front: takes raw WebSocket text frames (combined-stream envelopes
 * {@code {"stream":"btcusdt@depth@100ms","data":{...}}} or raw-stream payloads) and REST depth snapshot
 * bodies, dispatches them by event type to one reused decoder each, feeds depth through each instrument's
 * {@link BinanceBookSync} (diffs) or {@link BinancePartialBook} (partial book frames), and publishes everything else
 * straight into the {@link EventSink}.
 *
 * <p>Diffs and partial book frames are both {@code depthUpdate} payloads. An envelope that names its stream decides
 * which one a frame is ({@code btcusdt@depth20@100ms} is a partial book, {@code btcusdt@depth@100ms} a diff); a raw
 * payload goes where {@link MarketDataSettings#partialDepth()} says every instrument's book comes from.
 *
 * <p>A frame that fails to decode is dropped whole, counted by {@link DecodeStatus} and reported once per
 * distinct problem to the {@link DistinctErrorHandler} as {@link ErrorKind#DECODE}; the next frame decodes
 * as if nothing happened. Frames the gateway does not consume (subscription replies, other events) are
 * counted as ignored. Nothing here allocates per frame in steady state.
 *
 * <p>Called on one thread only: the gateway's IO thread, or the capture importer's thread.
 */
public final class BinanceFrameDecoder {
    private static final byte[] DEPTH_UPDATE = {'d', 'e', 'p', 't', 'h', 'U', 'p', 'd', 'a', 't', 'e'};
    private static final byte[] BOOK_TICKER = {'b', 'o', 'o', 'k', 'T', 'i', 'c', 'k', 'e', 'r'};
    private static final byte[] AGG_TRADE = {'a', 'g', 'g', 'T', 'r', 'a', 'd', 'e'};
    private static final byte[] TRADE = {'t', 'r', 'a', 'd', 'e'};
    private static final byte[] KLINE = {'k', 'l', 'i', 'n', 'e'};
    /** The type part of a depth stream's name, after {@code symbol@}: {@code depth}, {@code depth20@100ms}, ... */
    private static final byte[] DEPTH_STREAM = {'d', 'e', 'p', 't', 'h'};
    private static final byte[] MARK_PRICE = {'m', 'a', 'r', 'k', 'P', 'r', 'i', 'c', 'e', 'U', 'p', 'd', 'a', 't', 'e'};

    /**
     * How every depth payload Binance sends begins, {@code {"e":"depthUpdate",}, as little-endian words: bytes 0-7,
     * 8-15 and 15-18 (the last word overlaps the second by a byte, so no read reaches past the head): its type is
     * known without scanning.
     */
    private static final long DEPTH_HEAD_0 = FrameEnvelope.littleEndian("{\"e\":\"de");
    private static final long DEPTH_HEAD_1 = FrameEnvelope.littleEndian("pthUpdat");
    private static final int DEPTH_HEAD_2 = (int)FrameEnvelope.littleEndian("te\",");
    private static final int DEPTH_HEAD_LENGTH = 19;

    private static final int TYPE_NONE = 0;
    private static final int TYPE_DEPTH = 1;
    private static final int TYPE_BOOK_TICKER = 2;
    private static final int TYPE_TRADE = 3;
    private static final int TYPE_KLINE = 4;
    private static final int TYPE_MARK_PRICE = 5;
    private static final int TYPE_OTHER = 6;

    private final InstrumentRegistry instruments;
    private final EventSink sink;
    private final DistinctErrorHandler errors;
    private final DecodeOutcomes outcomes;
    private final boolean publishKlineUpdates;
    private final FrameEnvelope envelope = new FrameEnvelope();
    private final JsonScanner payload = new JsonScanner();
    private final DepthUpdateDecoder depth;
    private final DepthSnapshotDecoder snapshot;
    private final BookTickerDecoder bookTicker;
    private final AggTradeDecoder trade;
    private final KlineDecoder kline;
    private final MarkPriceDecoder markPrice;
    private final BinanceBookSync[] syncs;
    private final BinancePartialBook[] partialBooks;
    private final boolean partialByDefault;

    private long frames;
    private long snapshots;
    private long klineUpdatesSkipped;
    private long publishFailures;

    /**
     * @param instruments symbols to ids and scales; every Binance instrument gets a book sync.
     * @param sink        where events go.
     * @param requester   asked for REST snapshots when a book needs one.
     * @param errors      counts and reports decode problems.
     * @param settings    limits, and where books come from.
     */
    public BinanceFrameDecoder(final InstrumentRegistry instruments, final EventSink sink,
        final SnapshotRequester requester, final DistinctErrorHandler errors, final MarketDataSettings settings) {
        this.instruments = instruments;
        this.sink = sink;
        this.errors = errors;
        this.outcomes = new DecodeOutcomes(errors, "binance: ");
        this.publishKlineUpdates = settings.publishKlineUpdates();
        this.depth = new DepthUpdateDecoder(instruments, settings.maxDiffLevels());
        this.snapshot = new DepthSnapshotDecoder(instruments, settings.maxSnapshotLevels());
        this.bookTicker = new BookTickerDecoder(instruments);
        this.trade = new AggTradeDecoder(instruments);
        this.kline = new KlineDecoder(instruments);
        this.markPrice = new MarkPriceDecoder(instruments);
        this.partialByDefault = settings.partialDepth();
        this.syncs = new BinanceBookSync[instruments.count()];
        this.partialBooks = new BinancePartialBook[instruments.count()];
        for (int id = 0; id < syncs.length; id++) {
            syncs[id] = new BinanceBookSync(id, sink, requester, settings.maxBufferedDiffs(), settings.maxSnapshotLevels());
            partialBooks[id] = new BinancePartialBook(id, sink);
        }
    }

    /**
     * Decodes and publishes one WebSocket text frame.
     *
     * @param buffer        holding the frame.
     * @param offset        of its first byte.
     * @param length        of the frame.
     * @param receiveTimeNs when it was received, from the engine clock.
     * @return what became of it.
     */
    public DecodeStatus onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        frames++;
        return report(decodeFrame(buffer, offset, length, receiveTimeNs));
    }

    /**
     * Decodes a REST depth snapshot body requested for {@code instrumentId} and hands it to that book's sync.
     *
     * @return what became of it.
     */
    public DecodeStatus onSnapshot(final int instrumentId, final DirectBuffer buffer, final int offset, final int length,
        final long receiveTimeNs) {
        snapshots++;
        final DecodeStatus status = snapshot.decode(instrumentId, buffer, offset, length, receiveTimeNs);
        if (status == DecodeStatus.OK) {
            syncs[instrumentId].onSnapshot(snapshot.staging());
        }
        return report(status);
    }

    /** The book sync of an instrument (diffs and REST snapshots). */
    public BinanceBookSync sync(final int instrumentId) {
        return syncs[instrumentId];
    }

    /** The partial book of an instrument (partial book depth frames). */
    public BinancePartialBook partialBook(final int instrumentId) {
        return partialBooks[instrumentId];
    }

    /** True when books come from partial book depth frames unless an envelope names a diff stream. */
    public boolean partialByDefault() {
        return partialByDefault;
    }

    /**
     * The stream feeding the instrument's book was interrupted (the connection dropped): whichever of its book sync
     * and partial book holds a valid book invalidates it.
     */
    public void onStreamInterrupted(final int instrumentId, final long receiveTimeNs) {
        syncs[instrumentId].onStreamInterrupted(receiveTimeNs);
        partialBooks[instrumentId].onStreamInterrupted(receiveTimeNs);
    }

    public InstrumentRegistry instruments() {
        return instruments;
    }

    /** WebSocket frames seen. */
    public long frames() {
        return frames;
    }

    /** Snapshot bodies seen. */
    public long snapshots() {
        return snapshots;
    }

    /** Frames ignored on purpose (subscription replies, events not consumed, non-market trades). */
    public long ignored() {
        return outcomes.ignored();
    }

    /** Unclosed candles not published (see {@link MarketDataSettings#publishKlineUpdates()}). */
    public long klineUpdatesSkipped() {
        return klineUpdatesSkipped;
    }

    /** Non-book events that could not be published. */
    public long publishFailures() {
        return publishFailures;
    }

    /** Frames or snapshots dropped for this reason. */
    public long problems(final DecodeStatus status) {
        return outcomes.problems(status);
    }

    /** Frames and snapshots dropped as decode errors, all reasons. */
    public long decodeErrors() {
        return outcomes.decodeErrors();
    }

    private DecodeStatus decodeFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        final DecodeStatus quick = decodeEnvelope(buffer, offset, length, receiveTimeNs, true);
        if (quick == DecodeStatus.OK || !envelope.tentative()) {
            return quick;
        }
        return decodeEnvelope(buffer, offset, length, receiveTimeNs, false);
    }

    /** Nothing is published or handed to a book sync unless the payload decodes: a retry is safe. */
    private DecodeStatus decodeEnvelope(final DirectBuffer buffer, final int offset, final int length,
        final long receiveTimeNs, final boolean quick) {
        switch (envelope.locate(buffer, offset, length, quick)) {
            case FrameEnvelope.PAYLOAD:
                return decodePayload(buffer, envelope.payloadOffset(), envelope.payloadLength(), receiveTimeNs);
            case FrameEnvelope.REPLY:
                return DecodeStatus.IGNORED;
            case FrameEnvelope.MISSING:
                return DecodeStatus.MISSING_FIELD;
            default:
                return DecodeStatus.MALFORMED;
        }
    }

    private DecodeStatus decodePayload(final DirectBuffer buffer, final int payloadOffset, final int payloadLength,
        final long receiveTimeNs) {
        final int type = eventType(buffer, payloadOffset, payloadLength);
        switch (type) {
            case TYPE_DEPTH:
                return onDepth(buffer, payloadOffset, payloadLength, receiveTimeNs);
            case TYPE_BOOK_TICKER: {
                final DecodeStatus status = bookTicker.decode(buffer, payloadOffset, payloadLength, receiveTimeNs);
                if (status == DecodeStatus.OK) {
                    published(sink.publish(BookTickerDecoder.TRANSLATOR, bookTicker));
                }
                return status;
            }
            case TYPE_TRADE: {
                final DecodeStatus status = trade.decode(buffer, payloadOffset, payloadLength, receiveTimeNs);
                if (status == DecodeStatus.OK) {
                    published(sink.publish(AggTradeDecoder.TRANSLATOR, trade));
                }
                return status;
            }
            case TYPE_KLINE: {
                final DecodeStatus status = kline.decode(buffer, payloadOffset, payloadLength, receiveTimeNs);
                if (status == DecodeStatus.OK) {
                    if (kline.closed() || publishKlineUpdates) {
                        published(sink.publish(KlineDecoder.TRANSLATOR, kline));
                    } else {
                        klineUpdatesSkipped++;
                    }
                }
                return status;
            }
            case TYPE_MARK_PRICE: {
                final DecodeStatus status = markPrice.decode(buffer, payloadOffset, payloadLength, receiveTimeNs);
                if (status == DecodeStatus.OK) {
                    published(sink.publish(MarkPriceDecoder.TRANSLATOR, markPrice));
                }
                return status;
            }
            case TYPE_OTHER:
                return DecodeStatus.IGNORED;
            default:
                return payload.failed() ? DecodeStatus.MALFORMED : DecodeStatus.MISSING_FIELD;
        }
    }

    private DecodeStatus onDepth(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        final DecodeStatus status = depth.decode(buffer, offset, length, receiveTimeNs);
        if (status == DecodeStatus.OK) {
            final DepthStaging staging = depth.staging();
            if (isPartialFrame(buffer)) {
                partialBooks[staging.instrumentId].onFrame(staging);
            } else {
                syncs[staging.instrumentId].onDiff(staging);
            }
        }
        return status;
    }

    /**
     * Whether the depth payload just decoded is a partial book: by the envelope's stream name when it names a depth
     * stream ({@code symbol@depth} followed by a digit: partial), else by the settings.
     */
    private boolean isPartialFrame(final DirectBuffer buffer) {
        final int offset = envelope.streamOffset();
        if (offset < 0) {
            return partialByDefault;
        }
        final int end = offset + envelope.streamLength();
        int at = offset;
        while (at < end && buffer.getByte(at) != '@') {
            at++;
        }
        final int type = at + 1;
        if (type + DEPTH_STREAM.length > end) {
            return partialByDefault;
        }
        for (int i = 0; i < DEPTH_STREAM.length; i++) {
            if (buffer.getByte(type + i) != DEPTH_STREAM[i]) {
                return partialByDefault;
            }
        }
        final int next = type + DEPTH_STREAM.length;
        if (next == end) {
            return false;
        }
        final byte c = buffer.getByte(next);
        return c >= '0' && c <= '9';
    }

    /**
     * Finds the payload's {@code e} and names its type; the decoder validates the whole payload afterwards. A payload
     * that {@linkplain #hasDepthHead begins like one} is a depth update without a scan: the scan would stop at that same first
     * member with the same answer.
     */
    private int eventType(final DirectBuffer buffer, final int offset, final int length) {
        if (hasDepthHead(buffer, offset, length)) {
            return TYPE_DEPTH;
        }
        if (!payload.wrap(buffer, offset, length).enterObject()) {
            return TYPE_NONE;
        }
        while (payload.nextField()) {
            if (payload.keyIs('e')) {
                if (payload.valueIs(DEPTH_UPDATE)) {
                    return TYPE_DEPTH;
                } else if (payload.valueIs(BOOK_TICKER)) {
                    return TYPE_BOOK_TICKER;
                } else if (payload.valueIs(AGG_TRADE) || payload.valueIs(TRADE)) {
                    return TYPE_TRADE;
                } else if (payload.valueIs(KLINE)) {
                    return TYPE_KLINE;
                } else if (payload.valueIs(MARK_PRICE)) {
                    return TYPE_MARK_PRICE;
                }
                return payload.valueType() == JsonScanner.STRING ? TYPE_OTHER : TYPE_NONE;
            }
        }
        return TYPE_NONE;
    }

    /**
     * True if a payload begins {@code {"e":"depthUpdate",}, as every depth payload Binance sends does: such a payload
     * is a depth update, its type known without a scan.
     */
    public static boolean hasDepthHead(final DirectBuffer buffer, final int offset, final int length) {
        return length >= DEPTH_HEAD_LENGTH
            && buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN) == DEPTH_HEAD_0
            && buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN) == DEPTH_HEAD_1
            && buffer.getInt(offset + 15, ByteOrder.LITTLE_ENDIAN) == DEPTH_HEAD_2;
    }

    private void published(final boolean published) {
        if (!published) {
            publishFailures++;
        }
    }

    private DecodeStatus report(final DecodeStatus status) {
        return outcomes.record(status);
    }

}
