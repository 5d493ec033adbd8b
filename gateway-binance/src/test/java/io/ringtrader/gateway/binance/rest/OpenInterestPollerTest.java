package io.ringtrader.gateway.binance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import io.ringtrader.gateway.binance.TestInstruments;
import io.ringtrader.gateway.binance.rest.FakeVenue.Reply;
import io.ringtrader.gateway.common.rest.RestAlarmListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpenInterestPollerTest {
    private FakeVenue venue;
    private BinanceRestClient client;
    private final QueueSink sink = new QueueSink();

    @BeforeEach
    void start() throws Exception {
        venue = new FakeVenue();
        venue.respond(request -> {
            final String symbol = request.params().get("symbol");
            final String value = symbol.equals("BTCUSDT") ? "10659.509" : "12345";
            return Reply.ok("{\"openInterest\":\"" + value + "\",\"symbol\":\"" + symbol + "\",\"time\":1589437530011}");
        });
        client = new BinanceRestClient(venue.config().build(), RestAlarmListener.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        venue.close();
    }

    @Test
    void shouldPublishOpenInterestOfEveryInstrumentAtItsQuantityScale() throws Exception {
        final OpenInterestPoller poller = new OpenInterestPoller(client, TestInstruments.registry(), sink,
            new ManualEpochNanoClock(99), Duration.ofSeconds(30), new DistinctErrorHandler());

        poller.pollOnce();

        final Map<Integer, InboundEvent> events = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            final InboundEvent event = sink.next();
            events.put(event.instrumentId, event);
        }
        final InboundEvent btc = events.get(TestInstruments.BTCUSDT);
        assertEquals(EventKind.MARKET_STATE, btc.kind);
        assertEquals(io.ringtrader.engine.event.MarketState.OPEN_INTEREST, btc.marketStateFields, "open interest only");
        assertEquals(io.ringtrader.engine.event.InboundEvent.NONE, btc.markPrice, "absent, not zero");
        assertEquals(Venue.BINANCE_USDM.id(), btc.venueId);
        assertEquals(10_659_509L, btc.openInterest);
        assertEquals(1_589_437_530_011_000_000L, btc.exchangeTimeNs);
        assertEquals(99, btc.receiveTimeNs);
        assertEquals(12_345L, events.get(TestInstruments.SUSHIUSDT).openInterest);
        assertEquals("/fapi/v1/openInterest", venue.next().path());
        awaitAtLeast(poller::published, 4);
        assertEquals(4, poller.published());
        assertEquals(0, poller.failures());
    }

    /** Waits (bounded) for a counter that REST threads update after publishing. */
    private static void awaitAtLeast(final java.util.function.LongSupplier counter, final long value) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counter.getAsLong() < value && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void shouldPollAgainEveryInterval() throws Exception {
        try (OpenInterestPoller poller = new OpenInterestPoller(client, TestInstruments.registry(), sink,
            new ManualEpochNanoClock(99), Duration.ofMillis(50), new DistinctErrorHandler())) {
            poller.start();
            for (int i = 0; i < 8; i++) {
                sink.next();
            }
        }
    }

    @Test
    void shouldCountAResponseThatDoesNotParse() throws Exception {
        venue.respond(request -> Reply.ok("{\"openInterest\":\"1.5\",\"symbol\":\"SUSHIUSDT\",\"time\":1589437530011}"));
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final OpenInterestPoller poller = new OpenInterestPoller(client, TestInstruments.registry(), sink,
            new ManualEpochNanoClock(99), Duration.ofSeconds(30), errors);

        poller.pollOnce();

        assertEquals(1_500L, sink.next().openInterest);
        awaitAtLeast(poller::failures, 3);
        assertEquals(3, poller.failures());
        assertEquals(1, poller.published());
    }
}
