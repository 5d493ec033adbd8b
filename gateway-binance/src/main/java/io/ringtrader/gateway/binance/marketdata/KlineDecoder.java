package io.ringtrader.gateway.binance.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.Decimals;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * Decodes a {@code kline} payload into a {@link EventKind#KLINE} event:
 * <pre>
 * {"e":"kline","E":ms,"s":"BTCUSDT","k":{"t":openMs,"T":closeMs,"s":"BTCUSDT","i":"1m","f":id,"L":id,
 *  "o":"open","c":"close","h":"high","l":"low","v":"baseVolume","n":trades,"x":closed,"q":..,"V":..,"Q":..,"B":..}}
 * </pre>
 * Prices at the price scale, {@code v} at the quantity scale; the quote volumes are not kept. Whether an
 * unclosed candle is published is the caller's choice ({@link #closed()}). Validated fully before
 * {@link #TRANSLATOR} may publish it.
 *
 * <p>Not thread-safe: one instance per gateway IO thread, reused for every frame.
 */
public final class KlineDecoder {
    /** Fills a slot from the decoder's last successful decode. */
    public static final EventTranslatorOneArg<InboundEvent, KlineDecoder> TRANSLATOR =
        (event, sequence, decoder) -> decoder.fillSlot(event);

    private static final byte[] EVENT_TYPE = {'k', 'l', 'i', 'n', 'e'};
    private static final long MINUTE_NS = 60_000_000_000L;

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final JsonScanner candle = new JsonScanner();
    private final DecimalParser parser = new DecimalParser();
    private int instrumentId;
    private long exchangeTimeNs;
    private long receiveTimeNs;
    private long intervalNs;
    private long openTimeNs;
    private long closeTimeNs;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long tradeCount;
    private boolean closed;

    public KlineDecoder(final InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /** Decodes the payload object at {@code offset}; on OK the values are kept for {@link #TRANSLATOR}. */
    public DecodeStatus decode(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        instrumentId = -1;
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        boolean typeOk = false;
        long eventTimeMs = JsonScanner.INVALID_LONG;
        int symbolOffset = -1;
        int symbolLength = 0;
        int candleOffset = -1;
        int candleLength = 0;
        while (scanner.nextField()) {
            if (scanner.keyIs('e')) {
                typeOk = scanner.valueIs(EVENT_TYPE);
            } else if (scanner.keyIs('E')) {
                eventTimeMs = scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
            } else if (scanner.keyIs('s') && scanner.valueType() == JsonScanner.STRING) {
                symbolOffset = scanner.valueOffset();
                symbolLength = scanner.valueLength();
            } else if (scanner.keyIs('k') && scanner.valueType() == JsonScanner.OBJECT) {
                candleOffset = scanner.valueOffset();
                candleLength = scanner.valueLength();
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (!typeOk || symbolOffset < 0 || candleOffset < 0 || eventTimeMs == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        final int id = instruments.idOf(Venue.BINANCE_USDM, buffer, symbolOffset, symbolLength);
        if (id == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final DecodeStatus status = decodeCandle(buffer, candleOffset, candleLength, instruments.byId(id));
        if (status != DecodeStatus.OK) {
            return status;
        }
        instrumentId = id;
        exchangeTimeNs = BinanceTime.toNanos(eventTimeMs);
        this.receiveTimeNs = receiveTimeNs;
        return DecodeStatus.OK;
    }

    private DecodeStatus decodeCandle(
        final DirectBuffer buffer, final int offset, final int length, final Instrument instrument) {
        if (!candle.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        final int priceScale = instrument.priceScale();
        long openMs = JsonScanner.INVALID_LONG;
        long closeMs = JsonScanner.INVALID_LONG;
        long trades = JsonScanner.INVALID_LONG;
        long interval = -1;
        int isClosed = -1;
        int seen = 0;
        while (candle.nextField()) {
            final int type = candle.valueType();
            DecodeStatus status = DecodeStatus.OK;
            if (candle.keyIs('t')) {
                openMs = type == JsonScanner.NUMBER ? candle.valueAsLong() : JsonScanner.INVALID_LONG;
            } else if (candle.keyIs('T')) {
                closeMs = type == JsonScanner.NUMBER ? candle.valueAsLong() : JsonScanner.INVALID_LONG;
            } else if (candle.keyIs('n')) {
                trades = type == JsonScanner.NUMBER ? candle.valueAsLong() : JsonScanner.INVALID_LONG;
            } else if (candle.keyIs('x')) {
                isClosed = type == JsonScanner.TRUE ? 1 : type == JsonScanner.FALSE ? 0 : -1;
            } else if (candle.keyIs('i') && type == JsonScanner.STRING) {
                interval = intervalNs(buffer, candle.valueOffset(), candle.valueLength());
            } else if (type == JsonScanner.STRING && candle.keyIs('o')) {
                status = price(priceScale);
                open = parser.value();
                seen |= 1;
            } else if (type == JsonScanner.STRING && candle.keyIs('h')) {
                status = price(priceScale);
                high = parser.value();
                seen |= 2;
            } else if (type == JsonScanner.STRING && candle.keyIs('l')) {
                status = price(priceScale);
                low = parser.value();
                seen |= 4;
            } else if (type == JsonScanner.STRING && candle.keyIs('c')) {
                status = price(priceScale);
                close = parser.value();
                seen |= 8;
            } else if (type == JsonScanner.STRING && candle.keyIs('v')) {
                status = Decimals.parse(parser, buffer, candle.valueOffset(), candle.valueLength(),
                    instrument.qtyScale(), false);
                volume = parser.value();
                seen |= 16;
            }
            if (status != DecodeStatus.OK) {
                return status;
            }
        }
        if (candle.failed() || !candle.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (seen != 31 || isClosed < 0 || interval < 0 || openMs == JsonScanner.INVALID_LONG
            || closeMs == JsonScanner.INVALID_LONG || trades == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(openMs) || !BinanceTime.valid(closeMs) || closeMs < openMs) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        if (trades < 0) {
            return DecodeStatus.BAD_NUMBER;
        }
        intervalNs = interval;
        openTimeNs = BinanceTime.toNanos(openMs);
        closeTimeNs = BinanceTime.toNanos(closeMs);
        tradeCount = trades;
        closed = isClosed == 1;
        return DecodeStatus.OK;
    }

    private DecodeStatus price(final int scale) {
        return Decimals.parse(parser, candle.buffer(), candle.valueOffset(), candle.valueLength(), scale, true);
    }

    /**
     * Binance interval text ({@code 1m}, {@code 15m}, {@code 1h}, {@code 1d}, {@code 1w}, {@code 1M}) in ns;
     * 0 for a calendar month (no fixed length); -1 if not an interval.
     */
    static long intervalNs(final DirectBuffer buffer, final int offset, final int length) {
        if (length < 2 || length > 4) {
            return -1;
        }
        final long count = JsonScanner.parseLong(buffer, offset, length - 1);
        if (count <= 0) {
            return -1;
        }
        switch (buffer.getByte(offset + length - 1)) {
            case 's':
                return count * 1_000_000_000L;
            case 'm':
                return count * MINUTE_NS;
            case 'h':
                return count * 60 * MINUTE_NS;
            case 'd':
                return count * 24 * 60 * MINUTE_NS;
            case 'w':
                return count * 7 * 24 * 60 * MINUTE_NS;
            case 'M':
                return 0;
            default:
                return -1;
        }
    }

    /** Instrument of the last successful decode, or -1. */
    public int instrumentId() {
        return instrumentId;
    }

    /** Whether the last decoded candle is final ({@code x}). */
    public boolean closed() {
        return closed;
    }

    /** Writes the last decoded candle into a reset slot. */
    public void fillSlot(final InboundEvent event) {
        event.kind = EventKind.KLINE;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.klineIntervalNs = intervalNs;
        event.klineOpenTimeNs = openTimeNs;
        event.klineCloseTimeNs = closeTimeNs;
        event.klineOpen = open;
        event.klineHigh = high;
        event.klineLow = low;
        event.klineClose = close;
        event.klineVolume = volume;
        event.klineTradeCount = tradeCount;
        event.klineClosed = closed;
    }
}
