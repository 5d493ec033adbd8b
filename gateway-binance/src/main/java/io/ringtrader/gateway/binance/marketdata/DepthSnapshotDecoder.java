package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
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
        if (!scanner.wrap(buffer, offset, length).enterObject()) {
            return DecodeStatus.MALFORMED;
        }
        long lastUpdateId = JsonScanner.INVALID_LONG;
        long eventTimeMs = JsonScanner.INVALID_LONG;
        int bidsOffset = -1;
        int bidsLength = 0;
        int asksOffset = -1;
        int asksLength = 0;
        while (scanner.nextField()) {
            if (scanner.keyIs(LAST_UPDATE_ID)) {
                lastUpdateId = scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
            } else if (scanner.keyIs('E')) {
                eventTimeMs = scanner.valueType() == JsonScanner.NUMBER ? scanner.valueAsLong() : JsonScanner.INVALID_LONG;
                if (eventTimeMs == JsonScanner.INVALID_LONG) {
                    return DecodeStatus.BAD_TIMESTAMP;
                }
            } else if (scanner.keyIs(BIDS)) {
                if (scanner.valueType() == JsonScanner.ARRAY) {
                    bidsOffset = scanner.valueOffset();
                    bidsLength = scanner.valueLength();
                }
            } else if (scanner.keyIs(ASKS)) {
                if (scanner.valueType() == JsonScanner.ARRAY) {
                    asksOffset = scanner.valueOffset();
                    asksLength = scanner.valueLength();
                }
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            return DecodeStatus.MALFORMED;
        }
        if (lastUpdateId == JsonScanner.INVALID_LONG || bidsOffset < 0 || asksOffset < 0) {
            return DecodeStatus.MISSING_FIELD;
        }
        if (lastUpdateId < 0) {
            return DecodeStatus.BAD_SEQUENCE;
        }
        if (eventTimeMs != JsonScanner.INVALID_LONG && !BinanceTime.valid(eventTimeMs)) {
            return DecodeStatus.BAD_TIMESTAMP;
        }
        final Instrument instrument = instruments.byId(instrumentId);
        DecodeStatus status = levels.parse(buffer, bidsOffset, bidsLength, instrument.priceScale(),
            instrument.qtyScale(), staging, true);
        if (status == DecodeStatus.OK) {
            status = levels.parse(buffer, asksOffset, asksLength, instrument.priceScale(),
                instrument.qtyScale(), staging, false);
        }
        if (status != DecodeStatus.OK) {
            staging.clear();
            return status;
        }
        staging.instrumentId = instrumentId;
        staging.exchangeTimeNs = eventTimeMs == JsonScanner.INVALID_LONG ? InboundEvent.NONE : BinanceTime.toNanos(eventTimeMs);
        staging.receiveTimeNs = receiveTimeNs;
        staging.lastUpdateId = lastUpdateId;
        return DecodeStatus.OK;
    }
}
