package io.ringtrader.gateway.common.marketdata;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.pipeline.BatchTranslator;

/**
 * Batch translators that publish a {@link DepthStaging} as book snapshot or delta slots, of the staging's venue
 * ({@link DepthStaging#venueId}). Stateless: called on the publishing thread, once per slot.
 */
public final class BookTranslators {
    /** A snapshot: {@code lastUpdateId} carries the snapshot's update id (Binance's REST {@code lastUpdateId}). */
    public static final BatchTranslator<DepthStaging> SNAPSHOT = (event, sequence, index, count, staging) -> {
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.venueId = staging.venueId;
        staging.fillSlot(event, index, count);
    };

    /** An applied diff: its first, last and previous update ids (Binance {@code U}, {@code u}, {@code pu}). */
    public static final BatchTranslator<DepthStaging> DELTA = (event, sequence, index, count, staging) -> {
        event.kind = EventKind.BOOK_DELTA;
        event.venueId = staging.venueId;
        staging.fillSlot(event, index, count);
    };

    private BookTranslators() {
    }
}
