package io.ringtrader.gateway.binance.user;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.FrameEnvelope;
import io.ringtrader.gateway.binance.marketdata.BinanceTime;
import io.ringtrader.gateway.binance.marketdata.FieldSpans;
import io.ringtrader.gateway.common.marketdata.Decimals;
import io.ringtrader.gateway.common.marketdata.DecodeOutcomes;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * Decodes Binance USDⓈ-M user data stream frames (raw, or in a combined-stream envelope) without allocating:
 * <ul>
 *   <li>{@code ORDER_TRADE_UPDATE} to an {@code EXECUTION_REPORT} by execution type {@code x}: {@code NEW} to
 *       {@link ExecType#ACK}; {@code TRADE} to {@link ExecType#FILL} (last fill {@code l} at {@code L}, cumulative
 *       {@code z}, commission {@code n} at {@link InboundEvent#FEE_SCALE} whatever its asset {@code N}, maker
 *       {@code m}); {@code CANCELED} and {@code EXPIRED} to {@link ExecType#CANCELED}; {@code REJECTED} to
 *       {@link ExecType#REJECT} ({@link ExecutionReport#REJECT_BY_VENUE}). Other types ({@code CALCULATED},
 *       {@code AMENDMENT}) are ignored.</li>
 *   <li>{@code ACCOUNT_UPDATE}: each position of an instrument in the registry to the {@link PositionListener}
 *       (others are counted and skipped), only after the whole event decoded.</li>
 *   <li>{@code listenKeyExpired}: the {@link ListenKeyExpiryListener}.</li>
 *   <li>{@code TRADE_LITE} is ignored (counted): it repeats the fill that {@code ORDER_TRADE_UPDATE} reports with
 *       fee and maker flag, so publishing both would double every fill.</li>
 * </ul>
 * Only this session's orders are published ({@link ClientOrderIds}: {@code rt-<tag>-<n>} with this gateway's tag).
 * Orders whose client id lacks our prefix — UI orders, liquidations, ADL — are counted ({@link #foreignOrders()});
 * orders of ours from another session ({@code rt-<other tag>-<n>}, or the untagged {@code rt-<n>} of engines before
 * session tags), e.g. left open by an earlier run, are counted apart ({@link #otherSessionOrders()}) and reported
 * once per case to the error handler: their internal ids may equal this session's, so they are never attributed
 * to this session's orders. Neither is published; positions still show in {@code ACCOUNT_UPDATE}.
 *
 * <p><b>With the REST order entry</b> ({@code restReportsAcksAndCancels = true}) the stream does not publish our
 * orders' {@code NEW}, nor the {@code CANCELED} of a cancel the order entry requested ({@link RequestedCancels}):
 * {@code BinanceOrderEntry} reports those from its own REST responses. The stream reports fills, expiries,
 * asynchronous rejects and cancels the venue made on its own ({@link #suppressed()} counts what was left out).
 *
 * <p>Unknown event types are counted and ignored; malformed frames are counted by {@link DecodeStatus}, reported
 * once per distinct problem to the error handler, and dropped: nothing is published from a frame that does not
 * decode completely.
 *
 * <p>Not thread-safe: one instance on the user-stream IO thread.
 */
public final class UserStreamDecoder {
    private static final byte[] ORDER_TRADE_UPDATE = "ORDER_TRADE_UPDATE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ACCOUNT_UPDATE = "ACCOUNT_UPDATE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LISTEN_KEY_EXPIRED = "listenKeyExpired".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRADE_LITE = "TRADE_LITE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NEW = {'N', 'E', 'W'};
    private static final byte[] TRADE = {'T', 'R', 'A', 'D', 'E'};
    private static final byte[] CANCELED = {'C', 'A', 'N', 'C', 'E', 'L', 'E', 'D'};
    private static final byte[] EXPIRED = {'E', 'X', 'P', 'I', 'R', 'E', 'D'};
    private static final byte[] REJECTED = {'R', 'E', 'J', 'E', 'C', 'T', 'E', 'D'};
    private static final byte[] FILLED = {'F', 'I', 'L', 'L', 'E', 'D'};
    private static final byte[] BUY = {'B', 'U', 'Y'};
    private static final byte[] SELL = {'S', 'E', 'L', 'L'};
    private static final byte[] PA = {'p', 'a'};
    private static final byte[] EP = {'e', 'p'};
    private static final byte[] UP = {'u', 'p'};
    private static final byte[] MT = {'m', 't'};
    private static final byte[] PS = {'p', 's'};
    private static final byte[] CROSS = {'c', 'r', 'o', 's', 's'};
    private static final byte[] ISOLATED = {'i', 's', 'o', 'l', 'a', 't', 'e', 'd'};
    private static final byte[] BOTH = {'B', 'O', 'T', 'H'};
    private static final byte[] LONG = {'L', 'O', 'N', 'G'};
    private static final byte[] SHORT = {'S', 'H', 'O', 'R', 'T'};
    private static final String OTHER_SESSION_ORDER = "binance user stream: update of an order of another session "
        + "(rt-<other tag>-<n>), not attributed to this session's orders; reconcile it with the venue";
    private static final String UNTAGGED_ORDER = "binance user stream: update of an order with an untagged id rt-<n> "
        + "(an engine before session tags), not attributed to this session's orders; reconcile it with the venue";
    /** Extra digits read before rounding entry prices (averages) to the price scale. */
    private static final int EXTRA_DIGITS = 8;
    /** Extra digits read before rounding PnL and commissions to 8 decimals (more would overflow large amounts). */
    private static final int AMOUNT_EXTRA_DIGITS = 2;
    private final InstrumentRegistry instruments;
    private final EventSink sink;
    private final PositionListener positions;
    private final ListenKeyExpiryListener expiry;
    private final DistinctErrorHandler errors;
    private final ClientOrderIds clientOrderIds;
    private final DecodeOutcomes outcomes;
    private final boolean restReportsAcksAndCancels;
    private final RequestedCancels requestedCancels;
    private final FrameEnvelope envelope = new FrameEnvelope();
    private final JsonScanner top = new JsonScanner();
    private final JsonScanner inner = new JsonScanner();
    private final JsonScanner array = new JsonScanner();
    private final JsonScanner element = new JsonScanner();
    private final FieldSpans topFields = new FieldSpans();
    private final FieldSpans orderFields = new FieldSpans();
    private final DecimalParser parser = new DecimalParser();
    private final ExecutionReport report = new ExecutionReport();
    private final PositionUpdate position = new PositionUpdate();

    private long frames;
    private long published;
    private long publishFailures;
    private long unknownEvents;
    private long tradeLites;
    private long foreignOrders;
    private long otherSessionOrders;
    private long suppressed;
    private long positionsDelivered;
    private long positionsSkipped;
    private long listenKeyExpirations;

    /**
     * @param instruments               symbols to ids and scales.
     * @param sink                      where execution reports go.
     * @param positions                 receives {@code ACCOUNT_UPDATE} positions.
     * @param expiry                    told about {@code listenKeyExpired}.
     * @param errors                    counts and reports decode problems and other sessions' orders.
     * @param clientOrderIds            this session's client order ids (the gateway's, shared with its order entry).
     * @param restReportsAcksAndCancels true when {@code BinanceOrderEntry} reports our acks and cancels (see above).
     */
    public UserStreamDecoder(final InstrumentRegistry instruments, final EventSink sink, final PositionListener positions,
        final ListenKeyExpiryListener expiry, final DistinctErrorHandler errors, final ClientOrderIds clientOrderIds,
        final boolean restReportsAcksAndCancels) {
        this(instruments, sink, positions, expiry, errors, clientOrderIds, restReportsAcksAndCancels,
            new RequestedCancels());
    }

    /**
     * @param requestedCancels the cancels the REST order entry requested (shared with it); with
     *                         {@code restReportsAcksAndCancels} only their {@code CANCELED} updates are suppressed.
     */
    public UserStreamDecoder(final InstrumentRegistry instruments, final EventSink sink, final PositionListener positions,
        final ListenKeyExpiryListener expiry, final DistinctErrorHandler errors, final ClientOrderIds clientOrderIds,
        final boolean restReportsAcksAndCancels, final RequestedCancels requestedCancels) {
        this.instruments = instruments;
        this.sink = sink;
        this.positions = positions;
        this.expiry = expiry;
        this.errors = errors;
        this.clientOrderIds = clientOrderIds;
        this.outcomes = new DecodeOutcomes(errors, "user stream binance: ");
        this.restReportsAcksAndCancels = restReportsAcksAndCancels;
        this.requestedCancels = requestedCancels;
    }

    /**
     * Decodes one user-stream text frame and publishes or delivers what it holds.
     *
     * @return {@link DecodeStatus#OK} when something was published or delivered, {@link DecodeStatus#IGNORED} for a
     * frame deliberately not published, or the reason it was dropped.
     */
    public DecodeStatus onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        frames++;
        return outcomes.record(decodeFrame(buffer, offset, length, receiveTimeNs));
    }

    private DecodeStatus decodeFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        switch (envelope.locate(buffer, offset, length, false)) {
            case FrameEnvelope.PAYLOAD:
                break;
            case FrameEnvelope.REPLY:
                return DecodeStatus.IGNORED;
            case FrameEnvelope.MISSING:
                return DecodeStatus.MISSING_FIELD;
            default:
                return DecodeStatus.MALFORMED;
        }
        final int payloadOffset = envelope.payloadOffset();
        final int payloadLength = envelope.payloadLength();
        if (!top.wrap(buffer, payloadOffset, payloadLength).enterObject() || !topFields.collect(top)) {
            return DecodeStatus.MALFORMED;
        }
        if (topFields.stringEquals('e', ORDER_TRADE_UPDATE)) {
            return onOrderUpdate(buffer, receiveTimeNs);
        }
        if (topFields.stringEquals('e', ACCOUNT_UPDATE)) {
            return onAccountUpdate(buffer);
        }
        if (topFields.stringEquals('e', LISTEN_KEY_EXPIRED)) {
            listenKeyExpirations++;
            final long eventTimeMs = topFields.type('E') == JsonScanner.NONE ? -1
                : JsonScanner.parseLong(buffer, topFields.offset('E'), topFields.length('E'));
            expiry.onListenKeyExpired(eventTimeMs == JsonScanner.INVALID_LONG ? -1 : eventTimeMs);
            return DecodeStatus.OK;
        }
        if (topFields.stringEquals('e', TRADE_LITE)) {
            tradeLites++;
            return DecodeStatus.IGNORED;
        }
        if (!topFields.isString('e')) {
            return DecodeStatus.MISSING_FIELD;
        }
        unknownEvents++;
        return DecodeStatus.IGNORED;
    }

    // ------------------------------------------------------------------ ORDER_TRADE_UPDATE

    private DecodeStatus onOrderUpdate(final DirectBuffer buffer, final long receiveTimeNs) {
        final long eventTimeMs = topFields.number('E');
        if (topFields.type('o') != JsonScanner.OBJECT || eventTimeMs == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!inner.wrap(buffer, topFields.offset('o'), topFields.length('o')).enterObject() || !orderFields.collect(inner)) {
            return DecodeStatus.MALFORMED;
        }
        final FieldSpans o = orderFields;
        final long orderId = o.number('i');
        final long tradeTimeMs = o.number('T');
        final int makerType = o.type('m');
        if (!o.isString('s') || !o.isString('c') || !o.isString('S') || !o.isString('x') || !o.isString('X')
            || !o.isString('q') || !o.isString('p') || !o.isString('z') || orderId == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        final ExecType type;
        if (o.stringEquals('x', NEW)) {
            type = ExecType.ACK;
        } else if (o.stringEquals('x', TRADE)) {
            type = ExecType.FILL;
        } else if (o.stringEquals('x', CANCELED) || o.stringEquals('x', EXPIRED)) {
            type = ExecType.CANCELED;
        } else if (o.stringEquals('x', REJECTED)) {
            type = ExecType.REJECT;
        } else {
            return DecodeStatus.IGNORED;
        }
        final OrderSide side = o.stringEquals('S', BUY) ? OrderSide.BUY : o.stringEquals('S', SELL) ? OrderSide.SELL : null;
        if (side == null) {
            return DecodeStatus.MISSING_FIELD;
        }
        final long timeMs = tradeTimeMs != JsonScanner.INVALID_LONG ? tradeTimeMs : eventTimeMs;
        if (!BinanceTime.valid(timeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        final int instrumentId = o.instrument(instruments, 's');
        if (instrumentId == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument instrument = instruments.byId(instrumentId);
        final int priceScale = instrument.priceScale();
        final int qtyScale = instrument.qtyScale();

        DecodeStatus status = o.decimal(parser, 'q', qtyScale, false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long qty = parser.value();
        status = o.decimal(parser, 'p', priceScale, false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long price = parser.value();
        status = o.decimal(parser, 'z', qtyScale, false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long cumQty = parser.value();
        long lastQty = 0;
        long lastPrice = InboundEvent.NONE;
        long fee = 0;
        long tradeId = InboundEvent.NONE;
        boolean maker = false;
        if (type == ExecType.FILL) {
            final long t = o.number('t');
            if (!o.isString('l') || !o.isString('L') || t == JsonScanner.INVALID_LONG
                || (makerType != JsonScanner.TRUE && makerType != JsonScanner.FALSE)) {
                return DecodeStatus.MISSING_FIELD;
            }
            status = o.decimal(parser, 'l', qtyScale, true);
            if (status != DecodeStatus.OK) {
                return status;
            }
            lastQty = parser.value();
            status = o.decimal(parser, 'L', priceScale, true);
            if (status != DecodeStatus.OK) {
                return status;
            }
            lastPrice = parser.value();
            if (o.isString('n')) {
                status = Decimals.parseRounded(parser, buffer, o.offset('n'), o.length('n'), InboundEvent.FEE_SCALE,
                    AMOUNT_EXTRA_DIGITS, true);
                if (status != DecodeStatus.OK) {
                    return status;
                }
                fee = Decimals.rounded(parser, InboundEvent.FEE_SCALE, AMOUNT_EXTRA_DIGITS);
            }
            tradeId = t;
            maker = makerType == JsonScanner.TRUE;
        }
        final long clientOrderId = clientOrderIds.parse(buffer, o.offset('c'), o.length('c'));
        if (clientOrderId == ClientOrderIds.NOT_OURS) {
            foreignOrders++;
            return DecodeStatus.IGNORED;
        }
        if (clientOrderId == ClientOrderIds.OTHER_SESSION || clientOrderId == ClientOrderIds.UNTAGGED) {
            otherSessionOrders++;
            errors.onProblem(ErrorKind.PRODUCER,
                clientOrderId == ClientOrderIds.OTHER_SESSION ? OTHER_SESSION_ORDER : UNTAGGED_ORDER);
            return DecodeStatus.IGNORED;
        }
        if (restReportsAcksAndCancels && (type == ExecType.ACK
            || o.stringEquals('x', CANCELED) && requestedCancels.take(clientOrderId))) {
            suppressed++;
            return DecodeStatus.IGNORED;
        }
        final boolean done = type != ExecType.ACK && (type != ExecType.FILL || o.stringEquals('X', FILLED));
        final ExecutionReport r = report;
        r.clear();
        r.execType = type;
        r.instrumentId = instrumentId;
        r.exchangeTimeNs = BinanceTime.toNanos(timeMs);
        r.receiveTimeNs = receiveTimeNs;
        r.clientOrderId = clientOrderId;
        r.venueOrderId = orderId;
        r.side = side;
        r.price = price == 0 ? InboundEvent.NONE : price;
        r.qty = qty;
        r.lastFillPrice = lastPrice;
        r.lastFillQty = lastQty;
        r.cumFillQty = cumQty;
        r.leavesQty = done ? 0 : Math.max(0, qty - cumQty);
        r.fee = fee;
        r.maker = maker;
        r.tradeId = tradeId;
        r.rejectCode = type == ExecType.REJECT ? ExecutionReport.REJECT_BY_VENUE : 0;
        if (sink.publish(ExecutionReport.TRANSLATOR, r)) {
            published++;
        } else {
            publishFailures++;
            errors.onProblem(ErrorKind.RING_FULL, "binance user stream: execution report not published");
        }
        return DecodeStatus.OK;
    }

    // ------------------------------------------------------------------ ACCOUNT_UPDATE

    private DecodeStatus onAccountUpdate(final DirectBuffer buffer) {
        final long eventTimeMs = topFields.number('E');
        final long transactionTimeMs = topFields.number('T');
        if (topFields.type('a') != JsonScanner.OBJECT || eventTimeMs == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        if (!inner.wrap(buffer, topFields.offset('a'), topFields.length('a')).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        int positionsOffset = -1;
        int positionsLength = 0;
        while (inner.nextField()) {
            if (inner.keyIs('P')) {
                if (inner.valueType() != JsonScanner.ARRAY) {
                    return DecodeStatus.MISSING_FIELD;
                }
                positionsOffset = inner.valueOffset();
                positionsLength = inner.valueLength();
            }
        }
        if (inner.failed() || !inner.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (positionsOffset < 0) {
            return DecodeStatus.IGNORED;
        }
        // Pass 1 validates every position, pass 2 delivers: nothing reaches the listener from a bad event.
        final DecodeStatus validation = walkPositions(buffer, positionsOffset, positionsLength, -1);
        if (validation != DecodeStatus.OK) {
            return validation;
        }
        position.eventTimeNs = BinanceTime.toNanos(eventTimeMs);
        position.transactionTimeNs = BinanceTime.valid(transactionTimeMs) ? BinanceTime.toNanos(transactionTimeMs)
            : InboundEvent.NONE;
        final int known = position.count;
        if (known == 0) {
            return DecodeStatus.IGNORED;
        }
        return walkPositions(buffer, positionsOffset, positionsLength, known);
    }

    /**
     * Walks the {@code P} array. With {@code deliverCount < 0} it validates and counts the known positions into
     * {@code position.count}; otherwise it delivers each known one.
     */
    private DecodeStatus walkPositions(final DirectBuffer buffer, final int offset, final int length, final int deliverCount) {
        final boolean deliver = deliverCount >= 0;
        if (!array.wrap(buffer, offset, length).enterArray()) {
            return DecodeStatus.MALFORMED;
        }
        int known = 0;
        int skipped = 0;
        while (array.nextElement()) {
            if (array.valueType() != JsonScanner.OBJECT) {
                return DecodeStatus.MISSING_FIELD;
            }
            final DecodeStatus status = decodePosition(buffer, array.valueOffset(), array.valueLength());
            if (status == DecodeStatus.UNKNOWN_SYMBOL) {
                skipped++;
                continue;
            }
            if (status != DecodeStatus.OK) {
                return status;
            }
            if (deliver) {
                position.index = known;
                position.count = deliverCount;
                positions.onPosition(position);
                positionsDelivered++;
            }
            known++;
        }
        if (array.failed() || !array.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (!deliver) {
            position.count = known;
            positionsSkipped += skipped;
        }
        return DecodeStatus.OK;
    }

    private DecodeStatus decodePosition(final DirectBuffer buffer, final int offset, final int length) {
        final JsonScanner e = element;
        if (!e.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        int instrumentId = InstrumentRegistry.NOT_FOUND;
        boolean symbol = false;
        int paOffset = -1;
        int paLength = 0;
        int epOffset = -1;
        int epLength = 0;
        int upOffset = -1;
        int upLength = 0;
        PositionUpdate.MarginType marginType = null;
        PositionUpdate.PositionSide positionSide = null;
        while (e.nextField()) {
            final boolean string = e.valueType() == JsonScanner.STRING;
            if (e.keyIs('s') && string) {
                symbol = true;
                instrumentId = instruments.idOf(Venue.BINANCE_USDM, buffer, e.valueOffset(), e.valueLength());
            } else if (e.keyIs(PA) && string) {
                paOffset = e.valueOffset();
                paLength = e.valueLength();
            } else if (e.keyIs(EP) && string) {
                epOffset = e.valueOffset();
                epLength = e.valueLength();
            } else if (e.keyIs(UP) && string) {
                upOffset = e.valueOffset();
                upLength = e.valueLength();
            } else if (e.keyIs(MT)) {
                marginType = e.valueIs(CROSS) ? PositionUpdate.MarginType.CROSS
                    : e.valueIs(ISOLATED) ? PositionUpdate.MarginType.ISOLATED : null;
            } else if (e.keyIs(PS)) {
                positionSide = e.valueIs(BOTH) ? PositionUpdate.PositionSide.BOTH : e.valueIs(LONG)
                    ? PositionUpdate.PositionSide.LONG : e.valueIs(SHORT) ? PositionUpdate.PositionSide.SHORT : null;
            }
        }
        if (e.failed() || !e.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (!symbol || paOffset < 0 || epOffset < 0 || upOffset < 0 || marginType == null || positionSide == null) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (instrumentId == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument instrument = instruments.byId(instrumentId);
        DecodeStatus status = Decimals.parseRounded(parser, buffer, paOffset, paLength, instrument.qtyScale(), 0, true);
        if (status != DecodeStatus.OK) {
            return status;
        }
        if (parser.decimals() > instrument.qtyScale()) {
            return DecodeStatus.BAD_NUMBER;
        }
        final long amount = parser.value();
        status = Decimals.parseRounded(parser, buffer, epOffset, epLength, instrument.priceScale(), EXTRA_DIGITS, false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long entry = Decimals.rounded(parser, instrument.priceScale(), EXTRA_DIGITS);
        status = Decimals.parseRounded(parser, buffer, upOffset, upLength, PositionUpdate.PNL_SCALE, AMOUNT_EXTRA_DIGITS, true);
        if (status != DecodeStatus.OK) {
            return status;
        }
        position.instrumentId = instrumentId;
        position.positionAmt = amount;
        position.entryPrice = entry;
        position.unrealizedPnl = Decimals.rounded(parser, PositionUpdate.PNL_SCALE, AMOUNT_EXTRA_DIGITS);
        position.marginType = marginType;
        position.positionSide = positionSide;
        return DecodeStatus.OK;
    }

    // ------------------------------------------------------------------ counters (IO thread)

    public long frames() {
        return frames;
    }

    /** Execution reports published. */
    public long published() {
        return published;
    }

    /** Execution reports the sink refused. */
    public long publishFailures() {
        return publishFailures;
    }

    /** Frames deliberately not published (replies, foreign and other sessions' orders, suppressed, TRADE_LITE...). */
    public long ignored() {
        return outcomes.ignored();
    }

    /** Events of a type this decoder does not know. */
    public long unknownEvents() {
        return unknownEvents;
    }

    public long tradeLites() {
        return tradeLites;
    }

    /** Order updates of orders not placed by this engine. */
    public long foreignOrders() {
        return foreignOrders;
    }

    /** Order updates of orders this engine placed in another session (other tag, or untagged); not published. */
    public long otherSessionOrders() {
        return otherSessionOrders;
    }

    /** Our NEW and CANCELED updates left to the REST order entry. */
    public long suppressed() {
        return suppressed;
    }

    public long positionsDelivered() {
        return positionsDelivered;
    }

    /** Positions of instruments not in the registry. */
    public long positionsSkipped() {
        return positionsSkipped;
    }

    public long listenKeyExpirations() {
        return listenKeyExpirations;
    }

    /** Frames dropped for {@code status}. */
    public long problems(final DecodeStatus status) {
        return outcomes.problems(status);
    }

    /** Frames dropped, all reasons. */
    public long decodeErrors() {
        return outcomes.decodeErrors();
    }
}
