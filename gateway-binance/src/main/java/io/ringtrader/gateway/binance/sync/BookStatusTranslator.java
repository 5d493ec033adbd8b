package io.ringtrader.gateway.binance.sync;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;

/** A reusable book-status message and the translator that publishes it as a {@link EventKind#GATEWAY_STATUS}. */
final class BookStatusTranslator {
    static final EventTranslatorOneArg<InboundEvent, BookStatusTranslator> TRANSLATOR =
        (event, sequence, status) -> status.fillSlot(event);

    int instrumentId;
    GatewayStatus status;
    int detail;
    long receiveTimeNs;

    void fillSlot(final InboundEvent event) {
        event.kind = EventKind.GATEWAY_STATUS;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.receiveTimeNs = receiveTimeNs;
        event.gatewayStatus = status;
        event.statusDetail = detail;
    }
}
