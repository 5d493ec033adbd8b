package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import org.agrona.DirectBuffer;

/**
 * Decodes a {@code depthUpdate} payload (the {@code data} of a {@code <symbol>@depth@100ms} frame) into
 * its {@link #staging()}:
 * <pre>
 * {"e":"depthUpdate","E":ms,"T":ms,"s":"BTCUSDT","U":first,"u":last,"pu":prevLast,
 *  "b":[["price","qty"],...],"a":[["price","qty"],...]}
 * </pre>
 * The whole payload is validated before anything is kept: on any status but {@link DecodeStatus#OK} the
 * staging must be ignored. Unknown fields are skipped. Does not publish: the book sync decides.
 *
 * <p>Not thread-safe: one instance per gateway IO thread, reused for every frame.
 */
public final class DepthUpdateDecoder {
    private static final byte[] EVENT_TYPE = {'d', 'e', 'p', 't', 'h', 'U', 'p', 'd', 'a', 't', 'e'};
    private static final byte[] PU = {'p', 'u'};

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final LevelsParser levels = new LevelsParser();
    private final DepthStaging staging;

    /**
     * @param instruments   symbols to ids and scales.
     * @param maxLevels     most levels per side a diff may carry; more is {@link DecodeStatus#TOO_MANY_LEVELS}.
     */
    public DepthUpdateDecoder(final InstrumentRegistry instruments, final int maxLevels) {
        this.instruments = instruments;
        this.staging = new DepthStaging(maxLevels);
    }

    /** The last decoded update; valid only after {@link #decode} returned {@link DecodeStatus#OK}. */
    public DepthStaging staging() {
        return staging;
    }

    /**
     * @param buffer        holding the payload object.
     * @param offset        of its opening brace.
     * @param length        of the object.
     * @param receiveTimeNs when the frame was received.
     */
    public DecodeStatus decode(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        final DecodeStatus status = decodePayload(buffer, offset, length, receiveTimeNs);
        if (status != DecodeStatus.OK) {
            staging.clear();
        }
        return status;
    }

    /**
     * Level arrays are parsed in place while the payload is walked when the symbol came before them and they are
     * compact (see {@link LevelsParser}); otherwise, or if the symbol turns out otherwise at the end, they are
     * parsed from their spans once the header is validated. Either way the result and the status are the same.
     */
    private DecodeStatus decodePayload(final DirectBuffer buffer, final int offset, final int length,
        final long receiveTimeNs) {
        staging.clear();
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        boolean typeOk = false;
        long eventTimeMs = JsonScanner.INVALID_LONG;
        long first = JsonScanner.INVALID_LONG;
        long last = JsonScanner.INVALID_LONG;
        long prev = JsonScanner.INVALID_LONG;
        int symbolOffset = -1;
        int symbolLength = 0;
        int bidsOffset = -1;
        int bidsLength = 0;
        int asksOffset = -1;
        int asksLength = 0;
        int inPlaceSymbolOffset = -1;
        int inPlaceId = InstrumentRegistry.NOT_FOUND;
        boolean bidsInPlace = false;
        boolean asksInPlace = false;
        while (scanner.nextKey()) {
            final boolean bidsKey = scanner.keyIs('b');
            if (bidsKey || scanner.keyIs('a')) {
                if (symbolOffset >= 0 && (bidsKey ? bidsOffset : asksOffset) < 0) {
                    if (inPlaceSymbolOffset < 0) {
                        inPlaceSymbolOffset = symbolOffset;
                        inPlaceId = instruments.idOf(Venue.BINANCE_USDM, buffer, symbolOffset, symbolLength);
                    }
                    final int start = scanner.position();
                    final int end = inPlaceId == InstrumentRegistry.NOT_FOUND ? -1 : levels.parseInPlace(buffer, start,
                        offset + length, instruments.byId(inPlaceId).priceScale(),
                        instruments.byId(inPlaceId).qtyScale(), staging, bidsKey);
                    if (end > 0 && scanner.skipValueTo(end)) {
                        if (bidsKey) {
                            bidsOffset = start;
                            bidsLength = end - start;
                            bidsInPlace = true;
                        } else {
                            asksOffset = start;
                            asksLength = end - start;
                            asksInPlace = true;
                        }
                        continue;
                    }
                }
                if (!scanner.readValue()) {
                    break;
                }
                if (scanner.valueType() == JsonScanner.ARRAY) {
                    if (bidsKey) {
                        bidsOffset = scanner.valueOffset();
                        bidsLength = scanner.valueLength();
                        bidsInPlace = false;
                    } else {
                        asksOffset = scanner.valueOffset();
                        asksLength = scanner.valueLength();
                        asksInPlace = false;
                    }
                }
                continue;
            }
            if (!scanner.readValue()) {
                break;
            }
            if (scanner.keyIs('e')) {
                typeOk = scanner.valueIs(EVENT_TYPE);
            } else if (scanner.keyIs('E')) {
                eventTimeMs = number(scanner);
            } else if (scanner.keyIs('s')) {
                if (scanner.valueType() == JsonScanner.STRING) {
                    symbolOffset = scanner.valueOffset();
                    symbolLength = scanner.valueLength();
                }
            } else if (scanner.keyIs('U')) {
                first = number(scanner);
            } else if (scanner.keyIs('u')) {
                last = number(scanner);
            } else if (scanner.keyIs(PU)) {
                prev = number(scanner);
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (!typeOk || symbolOffset < 0 || bidsOffset < 0 || asksOffset < 0 || eventTimeMs == JsonScanner.INVALID_LONG
            || first == JsonScanner.INVALID_LONG || last == JsonScanner.INVALID_LONG || prev == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        if (first < 0 || last < first || prev < -1) {
            return DecodeStatus.BAD_SEQUENCE;
        }
        final int id = symbolOffset == inPlaceSymbolOffset
            ? inPlaceId : instruments.idOf(Venue.BINANCE_USDM, buffer, symbolOffset, symbolLength);
        if (id == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument instrument = instruments.byId(id);
        DecodeStatus status = DecodeStatus.OK;
        if (!bidsInPlace || id != inPlaceId) {
            staging.truncate(true, 0);
            status = levels.parse(buffer, bidsOffset, bidsLength, instrument.priceScale(), instrument.qtyScale(),
                staging, true);
        }
        if (status == DecodeStatus.OK && (!asksInPlace || id != inPlaceId)) {
            staging.truncate(false, 0);
            status = levels.parse(buffer, asksOffset, asksLength, instrument.priceScale(), instrument.qtyScale(),
                staging, false);
        }
        if (status != DecodeStatus.OK) {
            return status;
        }
        staging.instrumentId = id;
        staging.exchangeTimeNs = BinanceTime.toNanos(eventTimeMs);
        staging.receiveTimeNs = receiveTimeNs;
        staging.firstUpdateId = first;
        staging.lastUpdateId = last;
        staging.prevUpdateId = prev;
        return DecodeStatus.OK;
    }

    private static long number(final JsonScanner scanner) {
        return scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
    }
}
