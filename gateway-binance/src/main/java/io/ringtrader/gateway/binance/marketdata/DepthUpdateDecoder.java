package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import io.ringtrader.gateway.common.marketdata.LevelsParser;
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
 * <p>A payload in exactly the shape Binance sends is decoded by {@link DepthFastPath} in one pass; anything else
 * (another key order, whitespace, a bad value) goes through the general path below, which gives the status. Both
 * give the same staging for what the fast path accepts.
 *
 * <p>Not thread-safe: one instance per gateway IO thread, reused for every frame.
 */
public final class DepthUpdateDecoder {
    private static final byte[] EVENT_TYPE = {'d', 'e', 'p', 't', 'h', 'U', 'p', 'd', 'a', 't', 'e'};
    private static final byte[] PU = {'p', 'u'};

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final LevelsParser levels = new LevelsParser();
    private final DepthFastPath fastPath;
    private final DepthStaging staging;

    /**
     * @param instruments   symbols to ids and scales.
     * @param maxLevels     most levels per side a diff may carry; more is {@link DecodeStatus#TOO_MANY_LEVELS}.
     */
    public DepthUpdateDecoder(final InstrumentRegistry instruments, final int maxLevels) {
        this.instruments = instruments;
        this.staging = new DepthStaging(maxLevels);
        this.fastPath = new DepthFastPath(instruments);
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
        staging.clear();
        if (fastPath.decode(buffer, offset, length, receiveTimeNs, staging)) {
            return DecodeStatus.OK;
        }
        staging.clear();
        final DecodeStatus status = decodeInto(buffer, offset, length, receiveTimeNs);
        if (status != DecodeStatus.OK) {
            staging.clear();
        }
        return status;
    }

    /** Levels are parsed in place when the symbol came first (as Binance sends it), else from their spans. */
    private DecodeStatus decodeInto(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        final int limit = offset + length;
        boolean typeOk = false;
        boolean symbolSeen = false;
        int id = InstrumentRegistry.NOT_FOUND;
        long eventTimeMs = JsonScanner.INVALID_LONG;
        long first = JsonScanner.INVALID_LONG;
        long last = JsonScanner.INVALID_LONG;
        long prev = JsonScanner.INVALID_LONG;
        boolean bidsParsed = false;
        boolean asksParsed = false;
        int bidsOffset = -1;
        int bidsLength = 0;
        int asksOffset = -1;
        int asksLength = 0;
        while (scanner.nextKey()) {
            final boolean bidsKey = scanner.keyIs('b');
            final boolean asksKey = !bidsKey && scanner.keyIs('a');
            if ((bidsKey || asksKey) && id != InstrumentRegistry.NOT_FOUND) {
                final Instrument instrument = instruments.byId(id);
                final DecodeStatus status = levels.parse(buffer, scanner.position(), limit, instrument.priceScale(),
                    instrument.qtyScale(), staging, bidsKey);
                if (status != DecodeStatus.OK) {
                    return status;
                }
                scanner.resumeAt(levels.end());
                bidsParsed |= bidsKey;
                asksParsed |= asksKey;
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
                    symbolSeen = true;
                    id = instruments.idOf(Venue.BINANCE_USDM, buffer, scanner.valueOffset(), scanner.valueLength());
                }
            } else if (scanner.keyIs('U')) {
                first = number(scanner);
            } else if (scanner.keyIs('u')) {
                last = number(scanner);
            } else if (scanner.keyIs(PU)) {
                prev = number(scanner);
            } else if (bidsKey && scanner.valueType() == JsonScanner.ARRAY) {
                bidsOffset = scanner.valueOffset();
                bidsLength = scanner.valueLength();
            } else if (asksKey && scanner.valueType() == JsonScanner.ARRAY) {
                asksOffset = scanner.valueOffset();
                asksLength = scanner.valueLength();
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (!typeOk || !symbolSeen || (!bidsParsed && bidsOffset < 0) || (!asksParsed && asksOffset < 0)
            || eventTimeMs == JsonScanner.INVALID_LONG || first == JsonScanner.INVALID_LONG
            || last == JsonScanner.INVALID_LONG || prev == JsonScanner.INVALID_LONG) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (!BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        if (first < 0 || last < first || prev < -1) {
            return DecodeStatus.BAD_SEQUENCE;
        }
        if (id == InstrumentRegistry.NOT_FOUND) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final Instrument instrument = instruments.byId(id);
        if (!bidsParsed) {
            final DecodeStatus status = levels.parse(buffer, bidsOffset, bidsOffset + bidsLength,
                instrument.priceScale(), instrument.qtyScale(), staging, true);
            if (status != DecodeStatus.OK) {
                return status;
            }
        }
        if (!asksParsed) {
            final DecodeStatus status = levels.parse(buffer, asksOffset, asksOffset + asksLength,
                instrument.priceScale(), instrument.qtyScale(), staging, false);
            if (status != DecodeStatus.OK) {
                return status;
            }
        }
        setHeader(staging, id, eventTimeMs, receiveTimeNs, first, last, prev);
        return DecodeStatus.OK;
    }

    /** The header of a validated diff, shared by both paths so that they cannot differ. */
    static void setHeader(final DepthStaging staging, final int id, final long eventTimeMs, final long receiveTimeNs,
        final long first, final long last, final long prev) {
        staging.venueId = Venue.BINANCE_USDM.id();
        staging.instrumentId = id;
        staging.exchangeTimeNs = BinanceTime.toNanos(eventTimeMs);
        staging.receiveTimeNs = receiveTimeNs;
        staging.firstUpdateId = first;
        staging.lastUpdateId = last;
        staging.prevUpdateId = prev;
    }

    private static long number(final JsonScanner scanner) {
        return scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
    }
}
