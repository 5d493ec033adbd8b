package io.ringtrader.gateway.common.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import org.junit.jupiter.api.Test;

class BookTranslatorsTest {
    private final InboundEvent event = new InboundEvent(8);

    @Test
    void shouldPublishADeltaOfTheStagingsVenue() {
        final DepthStaging staging = staging(Venue.BITGET_USDT_FUTURES.id());

        BookTranslators.DELTA.translateTo(event, 0, 0, 1, staging);

        assertEquals(EventKind.BOOK_DELTA, event.kind);
        assertEquals(Venue.BITGET_USDT_FUTURES.id(), event.venueId);
        assertEquals(7, event.instrumentId);
    }

    @Test
    void shouldPublishASnapshotOfTheStagingsVenue() {
        final DepthStaging staging = staging(Venue.BITGET_USDT_FUTURES.id());

        BookTranslators.SNAPSHOT.translateTo(event, 0, 0, 1, staging);

        assertEquals(EventKind.BOOK_SNAPSHOT, event.kind);
        assertEquals(Venue.BITGET_USDT_FUTURES.id(), event.venueId);
    }

    @Test
    void shouldCarryTheVenueIntoACopy() {
        final DepthStaging copy = new DepthStaging(1);

        copy.copyFrom(staging(Venue.BITGET_USDT_FUTURES.id()));

        assertEquals(Venue.BITGET_USDT_FUTURES.id(), copy.venueId);
    }

    private static DepthStaging staging(final int venueId) {
        final DepthStaging staging = new DepthStaging(4);
        staging.venueId = venueId;
        staging.instrumentId = 7;
        staging.addBid(100, 1, 0, 0);
        return staging;
    }
}
