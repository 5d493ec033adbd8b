package io.ringtrader.gateway.binance.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * Decodes an {@code aggTrade} or a {@code trade} payload into a {@link EventKind#TRADE} event:
 * <pre>
 * {"e":"aggTrade","E":ms,"a":aggId,"s":"BTCUSDT","p":"price","q":"qty","f":firstId,"l":lastId,"T":ms,"m":bool}
 * {"e":"trade","E":ms,"T":ms,"s":"BTCUSDT","t":tradeId,"p":"price","q":"qty","X":"MARKET","m":bool}
 * </pre>
 * {@code m} (buyer is maker) true means the aggressor sold. A {@code trade} whose {@code X} is not
 * {@code MARKET} (insurance fund, ADL) is {@link DecodeStatus#IGNORED}. Validated fully before
 * {@link #TRANSLATOR} may publish it.
 *
 * <p>Not thread-safe: one instance per gateway IO thread, reused for every frame.
 */
public final class AggTradeDecoder {
    /** Fills a slot from the decoder's last successful decode. */
    public static final EventTranslatorOneArg<InboundEvent, AggTradeDecoder> TRANSLATOR =
        (event, sequence, decoder) -> decoder.fillSlot(event);

    private static final byte[] AGG_TRADE = {'a', 'g', 'g', 'T', 'r', 'a', 'd', 'e'};
    private static final byte[] TRADE = {'t', 'r', 'a', 'd', 'e'};
    private static final byte[] MARKET = {'M', 'A', 'R', 'K', 'E', 'T'};

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final FieldSpans fields = new FieldSpans();
    private final DecimalParser parser = new DecimalParser();
    private int instrumentId;
    private long exchangeTimeNs;
    private long receiveTimeNs;
    private long tradeId;
    private long firstId;
    private long lastId;
    private long price;
    private long qty;
    private OrderSide aggressor;

    public AggTradeDecoder(final InstrumentRegistry instruments) {
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
        final boolean aggregated = fields.stringEquals('e', AGG_TRADE);
        final boolean typeOk = aggregated || fields.stringEquals('e', TRADE);
        final long eventTimeMs = fields.number('E');
        final long id = fields.number(aggregated ? 'a' : 't');
        final long first = fields.number('f');
        final long last = fields.number('l');
        final int makerType = fields.type('m');
        final int maker = makerType == JsonScanner.TRUE ? 1 : makerType == JsonScanner.FALSE ? 0 : -1;
        final boolean market = fields.type('X') == JsonScanner.NONE || fields.stringEquals('X', MARKET);
        if (!typeOk || !fields.isString('s') || !fields.isString('p') || !fields.isString('q') || maker < 0
            || eventTimeMs == JsonScanner.INVALID_LONG || id == JsonScanner.INVALID_LONG
            || (aggregated && (first == JsonScanner.INVALID_LONG || last == JsonScanner.INVALID_LONG))) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!market) {
            return DecodeStatus.IGNORED;
        }
        if (!BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        if (id < 0 || (aggregated && (first < 0 || last < first))) {
            return DecodeStatus.BAD_SEQUENCE;
        }
        final int instrument = fields.instrument(instruments, 's');
        if (instrument == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument definition = instruments.byId(instrument);
        DecodeStatus status = fields.decimal(parser, 'p', definition.priceScale(), true);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long tradePrice = parser.value();
        status = fields.decimal(parser, 'q', definition.qtyScale(), false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        instrumentId = instrument;
        exchangeTimeNs = BinanceTime.toNanos(eventTimeMs);
        this.receiveTimeNs = receiveTimeNs;
        tradeId = id;
        firstId = aggregated ? first : InboundEvent.NONE;
        lastId = aggregated ? last : InboundEvent.NONE;
        price = tradePrice;
        qty = parser.value();
        aggressor = maker == 1 ? OrderSide.SELL : OrderSide.BUY;
        return DecodeStatus.OK;
    }

    /** Instrument of the last successful decode, or -1. */
    public int instrumentId() {
        return instrumentId;
    }

    /** Writes the last decoded trade into a reset slot. */
    public void fillSlot(final InboundEvent event) {
        event.kind = EventKind.TRADE;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.tradeId = tradeId;
        event.tradeFirstId = firstId;
        event.tradeLastId = lastId;
        event.tradePrice = price;
        event.tradeQty = qty;
        event.tradeAggressor = aggressor;
    }
}
