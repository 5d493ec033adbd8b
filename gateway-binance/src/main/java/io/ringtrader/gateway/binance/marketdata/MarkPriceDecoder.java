package io.ringtrader.gateway.binance.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.ParseStatus;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.Decimals;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;

/**
 * Decodes a {@code markPriceUpdate} payload into a {@link EventKind#MARKET_STATE} event:
 * <pre>
 * {"e":"markPriceUpdate","E":ms,"s":"BTCUSDT","p":"mark","i":"index","P":"estSettle","r":"fundingRate","T":nextFundingMs}
 * </pre>
 * Binance quotes mark and index prices with 8 decimals whatever the tick size: they are rounded half-up
 * to the instrument's price scale. The funding rate is kept at {@link InboundEvent#RATE_SCALE} and may be
 * negative; an empty rate (delivery contracts) is absent ({@link InboundEvent#NONE}). Validated fully
 * before {@link #TRANSLATOR} may publish it.
 *
 * <p>Not thread-safe: one instance per gateway IO thread, reused for every frame.
 */
public final class MarkPriceDecoder {
    /** Fills a slot from the decoder's last successful decode. */
    public static final EventTranslatorOneArg<InboundEvent, MarkPriceDecoder> TRANSLATOR =
        (event, sequence, decoder) -> decoder.fillSlot(event);

    private static final byte[] EVENT_TYPE = "markPriceUpdate".getBytes(StandardCharsets.US_ASCII);
    private static final int EXTRA_PRICE_DIGITS = 8;

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final FieldSpans fields = new FieldSpans();
    private final DecimalParser parser = new DecimalParser();
    private int instrumentId;
    private long exchangeTimeNs;
    private long receiveTimeNs;
    private long markPrice;
    private long indexPrice;
    private long fundingRate;
    private long nextFundingTimeNs;

    public MarkPriceDecoder(final InstrumentRegistry instruments) {
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
        final long nextFundingMs = fields.number('T');
        if (!fields.stringEquals('e', EVENT_TYPE) || !fields.isString('s') || !fields.isString('p')
            || !fields.isString('i') || !fields.isString('r')
            || eventTimeMs == JsonScanner.INVALID_LONG || nextFundingMs == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(eventTimeMs) || !BinanceTime.valid(nextFundingMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        final int id = fields.instrument(instruments, 's');
        if (id == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument instrument = instruments.byId(id);
        final int scale = instrument.priceScale();
        DecodeStatus status = Decimals.parseRounded(parser, buffer, fields.offset('p'), fields.length('p'), scale, EXTRA_PRICE_DIGITS, false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long mark = Decimals.rounded(parser, scale, EXTRA_PRICE_DIGITS);
        status = Decimals.parseRounded(parser, buffer, fields.offset('i'), fields.length('i'), scale, EXTRA_PRICE_DIGITS, false);
        if (status != DecodeStatus.OK) {
            return status;
        }
        final long index = Decimals.rounded(parser, scale, EXTRA_PRICE_DIGITS);
        long rate = InboundEvent.NONE;
        if (fields.length('r') > 0) {
            final ParseStatus rateStatus = parser.parse(buffer, fields.offset('r'), fields.length('r'), InboundEvent.RATE_SCALE, true);
            if (rateStatus != ParseStatus.OK) {
                return DecodeStatus.BAD_NUMBER;
            }
            rate = parser.value();
        }
        if (mark <= 0 || index < 0) {
            return DecodeStatus.NEGATIVE_VALUE;
        }
        instrumentId = id;
        exchangeTimeNs = BinanceTime.toNanos(eventTimeMs);
        this.receiveTimeNs = receiveTimeNs;
        markPrice = mark;
        indexPrice = index;
        fundingRate = rate;
        nextFundingTimeNs = nextFundingMs == 0 ? InboundEvent.NONE : BinanceTime.toNanos(nextFundingMs);
        return DecodeStatus.OK;
    }

    /** Instrument of the last successful decode, or -1. */
    public int instrumentId() {
        return instrumentId;
    }

    /** Writes the last decoded mark price into a reset slot. */
    public void fillSlot(final InboundEvent event) {
        event.kind = EventKind.MARKET_STATE;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.markPrice = markPrice;
        event.indexPrice = indexPrice;
        event.fundingRate = fundingRate;
        event.nextFundingTimeNs = nextFundingTimeNs;
        MarketState.flagPresent(event);
    }
}
