package io.ringtrader.gateway.common.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.BatchTranslator;
import org.junit.jupiter.api.Test;

class GatewayStatusTranslatorTest {
    private final InboundEvent event = new InboundEvent(1);
    private final EventSink sink = new EventSink() {
        @Override
        public <A> boolean publish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
            translator.translateTo(event, 0, arg);
            return true;
        }

        @Override
        public <A> boolean publishBatch(final int count, final BatchTranslator<A> translator, final A source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int levelsPerSlot() {
            return 1;
        }
    };

    @Test
    void shouldPublishTheStatusAsItsOwnersVenue() {
        final GatewayStatusTranslator status = new GatewayStatusTranslator(Venue.BITGET_USDT_FUTURES.id());

        assertTrue(status.publish(sink, -1, GatewayStatus.CONNECTED, 1_000, 42L));

        assertEquals(EventKind.GATEWAY_STATUS, event.kind);
        assertEquals(Venue.BITGET_USDT_FUTURES.id(), event.venueId);
        assertEquals(GatewayStatus.CONNECTED, event.gatewayStatus);
        assertEquals(1_000, event.statusDetail);
        assertEquals(42L, event.receiveTimeNs);
    }
}
