package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.gateway.binance.TestClientOrderIds;
import io.ringtrader.gateway.common.ws.ConnectionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BinanceWsConnection#userStream} against a loopback {@link WsTestServer}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UserStreamConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final AtomicReference<String> listenKey = new AtomicReference<>("key-1");
    private WsTestServer server;
    private ClientHarness client;

    @BeforeEach
    void startServer() {
        server = new WsTestServer();
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void shouldConnectWithTheListenKeySubscribeNothingAndDeliverRawPayloads() throws Exception {
        client = started(ClientHarness.fast().build());
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);

        assertEquals("/private/ws?listenKey=key-1", peer.path());
        peer.sendText(event(1));
        peer.sendText(event(2));
        client.awaitFrames(2, WAIT);

        assertEquals(List.of(event(1), event(2)), client.frames);
        assertTrue(peer.texts().isEmpty(), "nothing sent to the venue: " + peer.texts());
    }

    @Test
    void shouldReconnectWithTheNewListenKeyAndReportTheGap() throws Exception {
        client = started(ClientHarness.fast().build());
        server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);

        listenKey.set("key-2");
        client.connection.reconnectNow("listen key renewed");
        final WsTestServer.Peer second = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 2, WAIT);

        assertEquals("/private/ws?listenKey=key-2", second.path());
        assertEquals(1, client.continuityLosses.get());
    }

    @Test
    void shouldRotateWithoutLosingOrRepeatingAnEvent() throws Exception {
        client = started(ClientHarness.fast().rotation(Duration.ofHours(23), Duration.ofMillis(800)).build());
        final WsTestServer.Peer old = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);
        old.sendText(event(1));
        client.awaitFrames(1, WAIT);

        client.connection.rotateNow();
        final WsTestServer.Peer replacement = server.awaitPeer(WAIT);
        ClientHarness.await(() -> client.changes(ConnectionState.ROTATING).size() == 1, WAIT, () -> "rotating");
        Thread.sleep(100);
        // during the overlap the venue sends every event on both sockets
        old.sendText(event(2));
        replacement.sendText(event(2));
        replacement.sendText(event(3));
        old.sendText(event(3));
        client.awaitState(ConnectionState.ROTATED, 1, WAIT);
        replacement.sendText(event(4));
        client.awaitFrames(4, WAIT);
        old.awaitClosed(WAIT);

        assertEquals(List.of(event(1), event(2), event(3), event(4)), client.frames);
        assertEquals(0, client.continuityLosses.get());
    }

    private ClientHarness started(final BinanceWsSettings settings) {
        final ClientHarness harness = new ClientHarness(server, listenKey::get, settings);
        harness.connection.start();
        return harness;
    }

    private static String event(final int n) {
        return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":" + (1_700_000_000_000L + n) + ",\"T\":1,\"o\":{\"c\":\""
            + TestClientOrderIds.SESSION.format(n) + "\"}}";
    }
}
