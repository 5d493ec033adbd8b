package io.ringtrader.gateway.binance.rest;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.MarketState;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.ParseStatus;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.rest.RestJson;
import io.ringtrader.gateway.common.rest.RestResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Polls {@code GET /fapi/v1/openInterest?symbol=X} for every Binance instrument of the registry at a fixed interval
 * on the REST client's timer and publishes {@link EventKind#MARKET_STATE} events carrying open interest only: {@code openInterest} at the
 * instrument's quantity scale, {@code exchangeTimeNs} from the response's {@code time}. Responses that do not parse
 * are counted and logged once.
 *
 * <p>Publishes from REST executor threads, one at a time (under this object's lock): give it its own sink (a
 * {@code RingEventSink} in {@code Mode.WAIT} over the inbound publisher).
 * Thread-safe.
 */
public final class OpenInterestPoller implements AutoCloseable {
    private static final EventTranslatorOneArg<InboundEvent, OpenInterestPoller> TRANSLATOR =
        (event, sequence, poller) -> poller.fillSlot(event);

    private final BinanceRestClient client;
    private final InstrumentRegistry instruments;
    private final EventSink sink;
    private final EpochNanoClock clock;
    private final Duration interval;
    private final DistinctErrorHandler errors;
    private final DecimalParser parser = new DecimalParser();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile ScheduledFuture<?> task;

    private int instrumentId;
    private long openInterest;
    private long exchangeTimeNs;
    private long receiveTimeNs;

    /**
     * @param client      the REST client.
     * @param instruments its Binance instruments are polled.
     * @param sink        where events go.
     * @param clock       stamps {@code receiveTimeNs}.
     * @param interval    between polls of all instruments.
     * @param errors      counts failures, logs each distinct one once.
     */
    public OpenInterestPoller(final BinanceRestClient client, final InstrumentRegistry instruments, final EventSink sink,
        final EpochNanoClock clock, final Duration interval, final DistinctErrorHandler errors) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("open interest poller: interval must be > 0: " + interval);
        }
        this.client = client;
        this.instruments = instruments;
        this.sink = sink;
        this.clock = clock;
        this.interval = interval;
        this.errors = errors;
    }

    /** Starts polling: at once, then every interval. */
    public void start() {
        final long ms = interval.toMillis();
        task = client.scheduler().scheduleAtFixedRate(this::pollOnce, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** Asks once for every Binance instrument; results are published as they arrive. */
    public void pollOnce() {
        for (final Instrument instrument : instruments.instruments()) {
            if (instrument.venue() != Venue.BINANCE_USDM) {
                continue;
            }
            client.openInterest(instrument.symbol()).whenComplete((response, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                    errors.onProblem(ErrorKind.PRODUCER, "binance open interest: request failed");
                } else {
                    onResponse(instrument, response);
                }
            });
        }
    }

    private synchronized void onResponse(final Instrument instrument, final RestResponse response) {
        final String value = response.stringField("openInterest");
        final long timeMs = response.longField("time");
        if (value == null || timeMs == RestJson.ABSENT || timeMs < 0
            || parser.parse(value, instrument.qtyScale(), false) != ParseStatus.OK) {
            failures.incrementAndGet();
            errors.onProblem(ErrorKind.DECODE, "binance open interest: response without a valid openInterest or time");
            return;
        }
        instrumentId = instrument.id();
        openInterest = parser.value();
        exchangeTimeNs = timeMs * 1_000_000L;
        receiveTimeNs = clock.nanoTime();
        if (sink.publish(TRANSLATOR, this)) {
            published.incrementAndGet();
        } else {
            failures.incrementAndGet();
            errors.onProblem(ErrorKind.RING_FULL, "binance open interest: event not published");
        }
    }

    private void fillSlot(final InboundEvent event) {
        event.kind = EventKind.MARKET_STATE;
        event.marketStateFields = MarketState.OPEN_INTEREST;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.openInterest = openInterest;
    }

    /** Events published. */
    public long published() {
        return published.get();
    }

    /** Failed requests and bad responses. */
    public long failures() {
        return failures.get();
    }

    /** Stops polling (requests in flight may still publish). */
    @Override
    public void close() {
        final ScheduledFuture<?> current = task;
        if (current != null) {
            current.cancel(false);
        }
    }
}
