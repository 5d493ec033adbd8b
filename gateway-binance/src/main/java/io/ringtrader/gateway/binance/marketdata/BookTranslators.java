package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.BatchTranslator;

/** Batch translators that publish a {@link DepthStaging} as book snapshot or delta slots. */
public final class BookTranslators {
    /** A snapshot: {@code lastUpdateId} carries the REST {@code lastUpdateId}. */
    public static final BatchTranslator<DepthStaging> SNAPSHOT = (event, sequence, index, count, staging) -> {
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.venueId = Venue.BINANCE_USDM.id();
        staging.fillSlot(event, index, count);
    };

    /** An applied diff: {@code U}, {@code u}, {@code pu} in first, last and previous update id. */
    public static final BatchTranslator<DepthStaging> DELTA = (event, sequence, index, count, staging) -> {
        event.kind = EventKind.BOOK_DELTA;
        event.venueId = Venue.BINANCE_USDM.id();
        staging.fillSlot(event, index, count);
    };

    private BookTranslators() {
    }
}
