package io.ringtrader.gateway.binance.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * Decodes a {@code bookTicker} payload into a {@link EventKind#BBO} event:
 * <pre>
 * {"e":"bookTicker","u":id,"s":"BTCUSDT","b":"price","B":"qty","a":"price","A":"qty","T":ms,"E":ms}
 * </pre>
 * {@code u} goes to {@code lastUpdateId}: it is the id of the last depth update the ticker reflects.
 * Validated fully before {@link #TRANSLATOR} may publish it.
 *
 * <p>Not thread-safe: one instance per gateway IO thread, reused for every frame.
 */
public final class BookTickerDecoder {
    /** Fills a slot from the decoder's last successful decode. */
    public static final EventTranslatorOneArg<InboundEvent, BookTickerDecoder> TRANSLATOR =
        (event, sequence, decoder) -> decoder.fillSlot(event);

    private static final byte[] EVENT_TYPE = {'b', 'o', 'o', 'k', 'T', 'i', 'c', 'k', 'e', 'r'};

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final FieldSpans fields = new FieldSpans();
    private final DecimalParser parser = new DecimalParser();
    private int instrumentId;
    private long exchangeTimeNs;
    private long receiveTimeNs;
    private long updateId;
    private long bidPrice;
    private long bidQty;
    private long askPrice;
    private long askQty;

    public BookTickerDecoder(final InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /** Decodes the payload object at {@code offset}; on OK the values are kept for {@link #TRANSLATOR}. */
    public DecodeStatus decode(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        instrumentId = -1;
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        if (!fields.collect(scanner)) {
            return DecodeStatus.MALFORMED;
        }
        final long eventTimeMs = fields.number('E');
        final long u = fields.number('u');
        if (!fields.stringEquals('e', EVENT_TYPE) || !fields.isString('s') || !fields.isString('b')
            || !fields.isString('B') || !fields.isString('a') || !fields.isString('A')
            || eventTimeMs == JsonScanner.INVALID_LONG || u == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        if (u < 0) {
            return DecodeStatus.BAD_SEQUENCE;
        }
        final int id = fields.instrument(instruments, 's');
        if (id == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument instrument = instruments.byId(id);
        DecodeStatus status = fields.decimal(parser, 'b', instrument.priceScale(), true);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long bid = parser.value();
        status = fields.decimal(parser, 'B', instrument.qtyScale(), false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long bidSize = parser.value();
        status = fields.decimal(parser, 'a', instrument.priceScale(), true);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long ask = parser.value();
        status = fields.decimal(parser, 'A', instrument.qtyScale(), false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        instrumentId = id;
        exchangeTimeNs = BinanceTime.toNanos(eventTimeMs);
        this.receiveTimeNs = receiveTimeNs;
        updateId = u;
        bidPrice = bid;
        bidQty = bidSize;
        askPrice = ask;
        askQty = parser.value();
        return DecodeStatus.OK;
    }

    /** Instrument of the last successful decode, or -1. */
    public int instrumentId() {
        return instrumentId;
    }

    /** Writes the last decoded ticker into a reset slot. */
    public void fillSlot(final InboundEvent event) {
        event.kind = EventKind.BBO;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.lastUpdateId = updateId;
        event.bboBidPrice = bidPrice;
        event.bboBidQty = bidQty;
        event.bboAskPrice = askPrice;
        event.bboAskQty = askQty;
    }
}
