package io.ringtrader.gateway.binance.user;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.EventSink;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Publishes the positions of {@code ACCOUNT_UPDATE} events as {@link EventKind#POSITION} events: signed quantity,
 * entry price (none when flat) and unrealised PnL, exchange time {@code E}, receive time from the clock. Positions
 * are per symbol as the venue reports them: in hedge mode the LONG and SHORT legs arrive as separate events of the
 * same instrument (RingTrader trades one-way mode). Called on the user-stream IO thread; allocation-free.
 */
public final class PositionPublisher implements PositionListener {
    private static final EventTranslatorOneArg<InboundEvent, PositionPublisher> TRANSLATOR =
        (event, sequence, publisher) -> publisher.fill(event);

    private final EventSink sink;
    private final EpochNanoClock clock;
    private PositionUpdate current;
    private long published;
    private long failures;

    public PositionPublisher(final EventSink sink, final EpochNanoClock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void onPosition(final PositionUpdate update) {
        current = update;
        if (sink.publish(TRANSLATOR, this)) {
            published++;
        } else {
            failures++;
        }
        current = null;
    }

    /** POSITION events published. */
    public long published() {
        return published;
    }

    /** POSITION events that could not be published (ring full). */
    public long failures() {
        return failures;
    }

    private void fill(final InboundEvent event) {
        final PositionUpdate update = current;
        event.kind = EventKind.POSITION;
        event.instrumentId = update.instrumentId();
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = update.eventTimeNs();
        event.receiveTimeNs = clock.nanoTime();
        event.positionQty = update.positionAmt();
        event.positionEntryPrice = update.positionAmt() == 0 ? InboundEvent.NONE : update.entryPrice();
        event.positionUnrealizedPnl = update.unrealizedPnl();
    }
}
