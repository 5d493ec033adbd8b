package io.ringtrader.gateway.binance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.gateway.binance.rest.FakeVenue.Reply;
import io.ringtrader.gateway.common.rest.RateLimitState;
import io.ringtrader.gateway.common.rest.RestAlarmListener;
import io.ringtrader.gateway.common.rest.RestException.Reason;
import io.ringtrader.gateway.common.rest.RestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BinanceRestClientTest {
    private static final long NOW_MS = 1_723_161_256_000L;
    private static final String ORDER = "{\"orderId\":22542179,\"symbol\":\"BTCUSDT\",\"status\":\"NEW\","
        + "\"clientOrderId\":\"rt-loyw3v2801a-42\",\"price\":\"61800.20\",\"avgPrice\":\"0.00\",\"origQty\":\"0.010\","
        + "\"executedQty\":\"0\",\"cumQuote\":\"0\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"reduceOnly\":false,"
        + "\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"updateTime\":1723161256100}";

    private final AtomicLong clock = new AtomicLong(NOW_MS);
    private FakeVenue venue;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        venue = new FakeVenue();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        venue.close();
    }

    private BinanceRestClient client(final BinanceRestConfig config) {
        client = new BinanceRestClient(config, clock::get, RestAlarmListener.NONE);
        return client;
    }

    @Test
    void shouldSendSignedRequestsWithApiKeyTimestampRecvWindowAndAValidSignature() throws Exception {
        venue.respond(request -> Reply.ok(ORDER));
        final RestResponse response = client(venue.config().build()).queryOrder("BTCUSDT", "rt-loyw3v2801a-42").get(5, TimeUnit.SECONDS);

        assertEquals(22542179L, response.longField("orderId"));
        final FakeVenue.Received request = venue.next();
        assertEquals("GET", request.method());
        assertEquals("/fapi/v1/order", request.path());
        assertEquals(FakeVenue.API_KEY, request.apiKey());
        assertTrue(request.signatureValid(), "signature of " + request.query());
        final Map<String, String> params = request.params();
        assertEquals(List.of("symbol", "origClientOrderId", "recvWindow", "timestamp", "signature"), List.copyOf(params.keySet()));
        assertEquals("BTCUSDT", params.get("symbol"));
        assertEquals("rt-loyw3v2801a-42", params.get("origClientOrderId"));
        assertEquals("5000", params.get("recvWindow"));
        assertEquals(Long.toString(NOW_MS), params.get("timestamp"));
    }

    @Test
    void shouldStampSignedRequestsWithTheServerTimeOffset() throws Exception {
        venue.respond(request -> request.path().equals("/fapi/v1/time")
            ? Reply.ok("{\"serverTime\":" + (NOW_MS + 1_500) + "}") : Reply.ok(ORDER));
        client(venue.config().build());

        assertEquals(1_500L, client.syncTime().get(5, TimeUnit.SECONDS));
        client.queryOrder("BTCUSDT", "rt-loyw3v2801a-42").get(5, TimeUnit.SECONDS);

        assertEquals("/fapi/v1/time", venue.next().path());
        assertEquals(Long.toString(NOW_MS + 1_500), venue.next().params().get("timestamp"));
    }

    @Test
    void shouldResyncTheTimeOnceAndRetryOnceOnTimestampOutsideRecvWindow() throws Exception {
        venue.respond(request -> request.path().equals("/fapi/v1/time")
            ? Reply.ok("{\"serverTime\":" + (NOW_MS + 7_000) + "}")
            : Reply.of(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}"));

        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> client(venue.config().build()).queryOrder("BTCUSDT", "rt-loyw3v2801a-42").get(5, TimeUnit.SECONDS));

        final BinanceRestException rest = BinanceRestException.of(failure);
        assertNotNull(rest);
        assertEquals(Reason.API_ERROR, rest.reason());
        assertEquals(-1021, rest.code());
        final List<FakeVenue.Received> requests = venue.drain();
        assertEquals(List.of("/fapi/v1/order", "/fapi/v1/time", "/fapi/v1/order"),
            requests.stream().map(FakeVenue.Received::path).toList());
        assertEquals(Long.toString(NOW_MS), requests.get(0).params().get("timestamp"));
        assertEquals(Long.toString(NOW_MS + 7_000), requests.get(2).params().get("timestamp"));
    }

    @Test
    void shouldSucceedWhenTheRetryAfterTheResyncIsAccepted() throws Exception {
        final AtomicLong orders = new AtomicLong();
        venue.respond(request -> {
            if (request.path().equals("/fapi/v1/time")) {
                return Reply.ok("{\"serverTime\":" + (NOW_MS + 7_000) + "}");
            }
            return orders.incrementAndGet() == 1
                ? Reply.of(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request was 1000ms ahead of the server's time.\"}")
                : Reply.ok(ORDER);
        });

        assertEquals(22542179L, client(venue.config().build()).queryOrder("BTCUSDT", "rt-loyw3v2801a-42").get(5, TimeUnit.SECONDS)
            .longField("orderId"));
        assertEquals(7_000L, client.timeOffsetMs());
    }

    @Test
    void shouldParseTheRateLimitHeadersOfEveryResponse() throws Exception {
        venue.respond(request -> Reply.of(200, "{\"openInterest\":\"10659.509\",\"symbol\":\"BTCUSDT\",\"time\":1589437530011}",
            "X-MBX-USED-WEIGHT-1M", "37", "X-MBX-ORDER-COUNT-10S", "3", "X-MBX-ORDER-COUNT-1M", "9"));

        client(venue.config().build()).openInterest("BTCUSDT").get(5, TimeUnit.SECONDS);

        final RateLimitState limits = client.rateLimits();
        assertEquals(37, limits.usedWeight1m());
        assertEquals(3, limits.orderCount10s());
        assertEquals(9, limits.orderCount1m());
        assertEquals(2_400, limits.weightLimitPerMinute());
    }

    @Test
    void shouldRefuseWithoutSendingARequestThatWouldExceedTheWeightLimit() throws Exception {
        venue.respond(request -> Reply.ok("{}"));
        client(venue.config().weightLimitPerMinute(10).build());

        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> client.depth("BTCUSDT", 1000).get(5, TimeUnit.SECONDS));

        assertEquals(Reason.RATE_LIMITED, BinanceRestException.of(failure).reason());
        assertEquals(0, client.rateLimits().usedWeight1m());
        assertTrue(venue.drain().isEmpty());
    }

    @Test
    void shouldBackOffUntilRetryAfterAndSendNothingMeanwhile() throws Exception {
        final AtomicLong calls = new AtomicLong();
        venue.respond(request -> calls.incrementAndGet() == 1
            ? Reply.of(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}", "Retry-After", "3")
            : Reply.ok("{\"serverTime\":1}"));
        client(venue.config().build());

        final ExecutionException first = assertThrows(ExecutionException.class,
            () -> client.exchangeInfo().get(5, TimeUnit.SECONDS));
        assertEquals(Reason.RATE_LIMITED, BinanceRestException.of(first).reason());
        assertEquals(429, BinanceRestException.of(first).httpStatus());
        assertEquals(1, venue.drain().size());
        assertEquals(3_000, client.rateLimits().backoffRemainingMs());

        clock.addAndGet(2_999);
        final ExecutionException during = assertThrows(ExecutionException.class,
            () -> client.exchangeInfo().get(5, TimeUnit.SECONDS));
        assertEquals(Reason.BACKING_OFF, BinanceRestException.of(during).reason());
        assertTrue(venue.drain().isEmpty(), "nothing may be sent during the back-off");

        clock.addAndGet(1);
        assertEquals(200, client.exchangeInfo().get(5, TimeUnit.SECONDS).status());
        assertEquals(1, venue.drain().size());
    }

    @Test
    void shouldBackOffForTheConfiguredDefaultWithoutRetryAfter() throws Exception {
        venue.respond(request -> Reply.of(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}"));
        client(venue.config().defaultRetryAfter(java.time.Duration.ofSeconds(42)).build());

        assertThrows(ExecutionException.class, () -> client.exchangeInfo().get(5, TimeUnit.SECONDS));

        assertEquals(42_000, client.rateLimits().backoffRemainingMs());
    }

    @Test
    void shouldCreateTheListenKeyWithTheApiKeyAndNoSignature() throws Exception {
        venue.respond(request -> Reply.ok("{\"listenKey\":\"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1\"}"));

        final CompletableFuture<String> key = client(venue.config().build()).createListenKey();

        assertEquals("pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1", key.get(5, TimeUnit.SECONDS));
        final FakeVenue.Received request = venue.next();
        assertEquals("POST", request.method());
        assertEquals("/fapi/v1/listenKey", request.path());
        assertEquals(FakeVenue.API_KEY, request.apiKey());
        assertEquals("", request.query() + request.body());
    }

    @Test
    void shouldHandTheDepthSnapshotBodyToTheListener() throws Exception {
        final String body = "{\"lastUpdateId\":1027024,\"E\":1589436922972,\"T\":1589436922959,"
            + "\"bids\":[[\"4.00000000\",\"431.00000000\"]],\"asks\":[[\"4.00000200\",\"12.00000000\"]]}";
        venue.respond(request -> Reply.ok(body));
        final CompletableFuture<String> received = new CompletableFuture<>();
        client(venue.config().build()).requestDepthSnapshot(io.ringtrader.gateway.binance.TestInstruments.registry().byId(0),
            new DepthSnapshotListener() {
                @Override
                public void onSnapshot(final int instrumentId, final byte[] snapshot) {
                    received.complete(instrumentId + ":" + new String(snapshot, java.nio.charset.StandardCharsets.US_ASCII));
                }

                @Override
                public void onSnapshotFailed(final int instrumentId, final Throwable error) {
                    received.completeExceptionally(error);
                }
            });

        assertEquals("0:" + body, received.get(5, TimeUnit.SECONDS));
        final FakeVenue.Received request = venue.next();
        assertEquals("/fapi/v1/depth", request.path());
        assertEquals("symbol=BTCUSDT&limit=1000", request.query());
        assertEquals(20, client.rateLimits().usedWeight1m());
    }
}
