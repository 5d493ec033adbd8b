package io.ringtrader.gateway.binance.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import io.ringtrader.gateway.binance.CapturingSink;
import io.ringtrader.gateway.binance.TestClientOrderIds;
import io.ringtrader.gateway.binance.TestInstruments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class PositionPublisherTest {
    @Test
    void shouldPublishEveryPositionOfTheDocumentedAccountUpdateAsAPositionEvent() {
        final CapturingSink sink = new CapturingSink(4);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(5_000L);
        final PositionPublisher publisher = new PositionPublisher(sink, clock);
        final UserStreamDecoder decoder = new UserStreamDecoder(TestInstruments.registry(), sink, publisher,
            eventTimeMs -> { }, new DistinctErrorHandler(), TestClientOrderIds.SESSION, true);
        final UnsafeBuffer frame = new UnsafeBuffer(UserStreamFrames.ACCOUNT_UPDATE_DOCS.getBytes(StandardCharsets.US_ASCII));

        decoder.onFrame(frame, 0, frame.capacity(), 77L);

        final List<InboundEvent> events = sink.events(EventKind.POSITION);
        assertEquals(3, events.size());
        assertEquals(3, publisher.published());
        final InboundEvent flat = events.get(0);
        assertEquals(0, flat.positionQty);
        assertEquals(InboundEvent.NONE, flat.positionEntryPrice);
        final InboundEvent longLeg = events.get(1);
        assertEquals(0, longLeg.instrumentId);
        assertEquals(20_000, longLeg.positionQty);
        assertEquals(656_367, longLeg.positionEntryPrice);
        assertEquals(285_021_200_000L, longLeg.positionUnrealizedPnl);
        assertEquals(1_564_745_798_939_000_000L, longLeg.exchangeTimeNs);
        assertEquals(5_000L, longLeg.receiveTimeNs);
        assertEquals(-10_000, events.get(2).positionQty);
    }
}
