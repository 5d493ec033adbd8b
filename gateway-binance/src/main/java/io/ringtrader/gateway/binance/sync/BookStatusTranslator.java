package io.ringtrader.gateway.binance.sync;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.marketdata.EventSink;

/** A reusable book-status message and the translator that publishes it as a {@link EventKind#GATEWAY_STATUS}. */
final class BookStatusTranslator {
    private static final EventTranslatorOneArg<InboundEvent, BookStatusTranslator> TRANSLATOR =
        (event, sequence, status) -> status.fillSlot(event);

    int instrumentId;
    GatewayStatus status;
    int detail;
    long receiveTimeNs;

    /** Fills this message and publishes it; false if it could not be published (ring full). */
    boolean publish(final EventSink sink, final int instrumentId, final GatewayStatus status, final int detail,
        final long receiveTimeNs) {
        this.instrumentId = instrumentId;
        this.status = status;
        this.detail = detail;
        this.receiveTimeNs = receiveTimeNs;
        return sink.publish(TRANSLATOR, this);
    }

    void fillSlot(final InboundEvent event) {
        event.kind = EventKind.GATEWAY_STATUS;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.receiveTimeNs = receiveTimeNs;
        event.gatewayStatus = status;
        event.statusDetail = detail;
    }
}
