package io.ringtrader.gateway.common.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;

/**
 * A reusable gateway status message of one venue (a connection, a book's sync, order entry) and the translator that
 * publishes it as a {@link EventKind#GATEWAY_STATUS}. Not thread-safe: one instance per publishing thread (or lock).
 */
public final class GatewayStatusTranslator {
    private static final EventTranslatorOneArg<InboundEvent, GatewayStatusTranslator> TRANSLATOR =
        (event, sequence, status) -> status.fillSlot(event);

    private final int venueId;
    int instrumentId;
    GatewayStatus status;
    int detail;
    long receiveTimeNs;

    /** @param venueId the venue whose status this publishes ({@code Venue.id()}). */
    public GatewayStatusTranslator(final int venueId) {
        this.venueId = venueId;
    }

    /**
     * Fills this message and publishes it; false if it could not be published (ring full).
     *
     * @param instrumentId the book's instrument, or -1 for a status of the gateway (a connection, order entry).
     */
    public boolean publish(final EventSink sink, final int instrumentId, final GatewayStatus status, final int detail,
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
        event.venueId = venueId;
        event.receiveTimeNs = receiveTimeNs;
        event.gatewayStatus = status;
        event.statusDetail = detail;
    }
}
