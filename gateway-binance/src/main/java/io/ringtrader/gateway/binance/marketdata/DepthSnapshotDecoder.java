package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import io.ringtrader.gateway.common.marketdata.LevelsParser;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;

/**
 * Decodes the body of a REST {@code GET /fapi/v1/depth?symbol=X&limit=1000} response into its
 * {@link #staging()}:
 * <pre>
 * {"lastUpdateId":id,"E":ms,"T":ms,"bids":[["price","qty"],...],"asks":[["price","qty"],...]}
 * </pre>
 * The body names no symbol: the caller says which instrument it requested. {@code E} is optional.
 * Validated fully; on any status but {@link DecodeStatus#OK} the staging must be ignored.
 *
 * <p>Not thread-safe: one instance per thread that receives snapshots (the gateway IO thread or the
 * capture importer).
 */
public final class DepthSnapshotDecoder {
    private static final byte[] LAST_UPDATE_ID = "lastUpdateId".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BIDS = {'b', 'i', 'd', 's'};
    private static final byte[] ASKS = {'a', 's', 'k', 's'};

    private final InstrumentRegistry instruments;
    private final JsonScanner scanner = new JsonScanner();
    private final LevelsParser levels = new LevelsParser();
    private final DepthStaging staging;
    private long lastUpdateId;
    private long eventTimeMs;

    /**
     * @param instruments ids to scales.
     * @param maxLevels   most levels per side a snapshot may carry (Binance sends at most 1000).
     */
    public DepthSnapshotDecoder(final InstrumentRegistry instruments, final int maxLevels) {
        this.instruments = instruments;
        this.staging = new DepthStaging(maxLevels);
    }

    /** The last decoded snapshot; valid only after {@link #decode} returned {@link DecodeStatus#OK}. */
    public DepthStaging staging() {
        return staging;
    }

    /**
     * @param instrumentId  the instrument the snapshot was requested for.
     * @param buffer        holding the response body.
     * @param offset        of its opening brace.
     * @param length        of the body.
     * @param receiveTimeNs when the response was received.
     */
    public DecodeStatus decode(final int instrumentId, final DirectBuffer buffer, final int offset, final int length,
        final long receiveTimeNs) {
        staging.clear();
        if (instrumentId < 0 || instrumentId >= instruments.count()) {
            return DecodeStatus.UNKNOWN_SYMBOL;
        }
        final DecodeStatus status = decodeInto(instruments.byId(instrumentId), buffer, offset, length);
        if (status != DecodeStatus.OK) {
            staging.clear();
            return status;
        }
        staging.venueId = Venue.BINANCE_USDM.id();
        staging.instrumentId = instrumentId;
        staging.exchangeTimeNs = eventTimeMs == JsonScanner.INVALID_LONG ? InboundEvent.NONE : BinanceTime.toNanos(eventTimeMs);
        staging.receiveTimeNs = receiveTimeNs;
        staging.lastUpdateId = lastUpdateId;
        return DecodeStatus.OK;
    }

    /** Walks the body, parsing the level arrays in place; leaves {@code lastUpdateId} and {@code E} in fields. */
    private DecodeStatus decodeInto(final Instrument instrument, final DirectBuffer buffer, final int offset,
        final int length) {
        lastUpdateId = JsonScanner.INVALID_LONG;
        eventTimeMs = JsonScanner.INVALID_LONG;
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        final int limit = offset + length;
        boolean bidsParsed = false;
        boolean asksParsed = false;
        while (scanner.nextKey()) {
            final boolean bidsKey = scanner.keyIs(BIDS);
            if (bidsKey || scanner.keyIs(ASKS)) {
                final DecodeStatus status = levels.parse(buffer, scanner.position(), limit, instrument.priceScale(),
                    instrument.qtyScale(), staging, bidsKey);
                if (status != DecodeStatus.OK) {
                    return status;
                }
                scanner.resumeAt(levels.end());
                bidsParsed |= bidsKey;
                asksParsed |= !bidsKey;
                continue;
            }
            if (!scanner.readValue()) {
                break;
            }
            if (scanner.keyIs(LAST_UPDATE_ID)) {
                lastUpdateId = scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
            } else if (scanner.keyIs('E')) {
                eventTimeMs = scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
                if (eventTimeMs == JsonScanner.INVALID_LONG) {
                    return DecodeStatus.BAD_TIMESTAMP;
                }
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (lastUpdateId == JsonScanner.INVALID_LONG || !bidsParsed || !asksParsed) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (lastUpdateId < 0) {
            return DecodeStatus.BAD_SEQUENCE;
        }
        if (eventTimeMs != JsonScanner.INVALID_LONG && !BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        return DecodeStatus.OK;
    }
}
