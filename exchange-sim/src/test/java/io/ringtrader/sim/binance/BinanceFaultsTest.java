package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.sim.SimSymbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.ringtrader.sim.binance.BinanceMarket.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BinanceFaultsTest {
    private BinanceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = new BinanceSim(BinanceSimConfig.builder().symbol(SimClient.BTC_AT_100)
            .pingInterval(Duration.ofMillis(200)).apiKey(SimClient.KEY, SimClient.SECRET).build()).start();
        client = new SimClient(sim);
        sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "1")}, new String[][] {level("100.1", "1")});
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void shouldAnswer429WithRetryAfterForTheNextCalls() {
        sim.faults().failNextRest("/fapi/v1/depth", 2, 429);
        for (int i = 0; i < 2; i++) {
            final HttpResponse<String> r = client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5");
            assertEquals(429, r.statusCode());
            assertEquals(-1003, SimClient.json(r).get("code").asInt());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        }
        assertEquals(200, client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5").statusCode());
        sim.faults().failNextRest("/fapi/v1/time", 1, 418);
        assertEquals(418, client.get("/fapi/v1/time").statusCode());
    }

    @Test
    void shouldPlaceAnOrderEvenWhenAnswering503() {
        sim.faults().failNextRest("/fapi/v1/order", 1, 503);
        final HttpResponse<String> r = client.signed("POST", "/fapi/v1/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.100&price=90.0&newClientOrderId=x503");
        assertEquals(503, r.statusCode());
        assertEquals("{\"code\":-1000,\"msg\":\"Unknown error, please check your request or try again later.\"}",
            r.body());
        final JsonNode q = SimClient.json(client.signed("GET", "/fapi/v1/order",
            "symbol=BTCUSDT&origClientOrderId=x503"));
        assertEquals("NEW", q.get("status").asText());
    }

    @Test
    void shouldDelayDepthSnapshots() {
        sim.faults().delayDepthSnapshots(Duration.ofMillis(400));
        final long t0 = System.nanoTime();
        assertEquals(200, client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5").statusCode());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(400));
    }

    @Test
    void shouldInjectARawFrame() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth")) {
            sim.faults().injectFrame(WsRoute.PUBLIC, "{\"stream\":\"btcusdt@depth\",\"data\":{\"e\":\"depthUp");
            assertEquals("{\"stream\":\"btcusdt@depth\",\"data\":{\"e\":\"depthUp", ws.next(Duration.ofSeconds(5)));
        }
    }

    @Test
    void shouldCloseConnectionsOfOneRoute() throws Exception {
        try (SimClient.Ws pub = client.ws("/public/ws");
             SimClient.Ws market = client.ws("/market/ws")) {
            sim.faults().closeConnections(WsRoute.PUBLIC);
            assertEquals(1001, pub.closed.get(5, TimeUnit.SECONDS));
            assertTrue(!market.closed.isDone());
            sim.faults().closeAllConnections();
            assertEquals(1001, market.closed.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldGoSilentWithoutClosing() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/stream?streams=btcusdt@depth@100ms")) {
            sim.faults().silence(WsRoute.PUBLIC, true);
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "2")}, new String[0][]);
            final int pingsBefore = ws.pings.get();
            assertTrue(ws.drain(Duration.ofMillis(600)).isEmpty());
            assertEquals(pingsBefore, ws.pings.get());
            assertTrue(!ws.closed.isDone());
            sim.faults().silence(WsRoute.PUBLIC, false);
            sim.market().depthDiff("BTCUSDT", new String[][] {level("100.0", "3")}, new String[0][]);
            assertEquals("3.000", ws.nextJson().get("data").get("b").get(0).get(1).asText());
        }
    }

    @Test
    void shouldPingOnTheIntervalAndRecordPongs() throws Exception {
        try (SimClient.Ws ws = client.ws("/market/ws")) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sim.hub().pongsReceived() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50); // waiting on the server's own timer and the JDK's automatic pong
            }
            assertTrue(ws.pings.get() >= 2);
            assertTrue(sim.hub().pongsReceived() >= 2);
        }
    }

    @Test
    void shouldCloseAConnectionThatSendsMoreThanTenMessagesPerSecond() throws Exception {
        try (SimClient.Ws ws = client.ws("/public/ws")) {
            for (int i = 0; i < 10; i++) {
                ws.socket.sendPing(ByteBuffer.wrap(new byte[] {(byte) i})).orTimeout(5, TimeUnit.SECONDS).join();
            }
            assertTrue(sim.hub().rateLimitViolations().isEmpty());
            ws.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
            assertEquals(1008, ws.closed.get(5, TimeUnit.SECONDS));
            assertEquals(1, sim.hub().rateLimitViolations().size());
        }
    }

    @Test
    void shouldRefusePrivateSocketWithoutAValidListenKey() {
        final Exception e = assertThrows(Exception.class,
            () -> client.ws("/private/ws?listenKey=nope"));
        assertTrue(e.getMessage() != null);
    }

    @Test
    void shouldCloseConnectionsAtTheAgeLimit() throws Exception {
        try (BinanceSim young = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt())
            .maxConnectionAge(Duration.ofMillis(300)).build()).start()) {
            try (SimClient.Ws ws = new SimClient(young).ws("/public/ws")) {
                assertEquals(1000, ws.closed.get(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void shouldSendListenKeyExpiredWhenValidityRunsOut() throws Exception {
        try (BinanceSim shortLived = new BinanceSim(BinanceSimConfig.builder().symbol(SimSymbol.btcusdt())
            .listenKeyValidity(Duration.ofMinutes(60)).apiKey(SimClient.KEY, SimClient.SECRET).build()).start()) {
            final SimClient c = new SimClient(shortLived);
            final String key = SimClient.json(c.send("POST", "/fapi/v1/listenKey", null, SimClient.KEY))
                .get("listenKey").asText();
            try (SimClient.Ws ws = c.ws("/private/ws?listenKey=" + key)) {
                shortLived.clock().advanceMs(Duration.ofMinutes(61).toMillis());
                final JsonNode expired = ws.nextJson(); // the server checks once a second
                assertEquals("listenKeyExpired", expired.get("e").asText());
                assertTrue(!shortLived.userStreams().isActive(key));
            }
        }
    }
}
