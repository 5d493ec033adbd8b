package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.gateway.common.ws.ConnectionState;
import io.ringtrader.gateway.common.ws.ReconnectBackoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BinanceWsConnection} against a loopback {@link WsTestServer}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BinanceWsConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String DEPTH = "btcusdt@depth@100ms";

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
    void shouldSubscribeOnTheRoutePathAndDeliverFramesIntactIncludingLargeAndFragmentedOnes() throws Exception {
        client = start(ClientHarness.fast().build(), DEPTH);
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);
        assertEquals("/public/stream", peer.path());
        assertEquals(List.of("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + DEPTH + "\"],\"id\":1}"), peer.texts());

        final String small = depthFrame(1);
        final String large = padded(2, 600_000);
        final String fragmented = padded(3, 300_000);
        peer.sendText(small);
        peer.sendText(large);
        peer.sendFragmented(fragmented, 70_000);
        peer.sendText(depthFrame(4));
        client.awaitFrames(4, WAIT);

        assertEquals(List.of(small, large, fragmented, depthFrame(4)), client.frames);
        assertEquals(4, client.connection.framesDelivered());
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.SUBSCRIBED),
            client.states());
    }

    @Test
    void shouldAnswerAPingWithAPongEchoingItsPayload() throws Exception {
        client = start(ClientHarness.fast().build(), DEPTH);
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);

        peer.sendPing(new byte[] {1, 2, 3, (byte)0xfe});
        ClientHarness.await(() -> peer.received().stream().anyMatch(r -> r.kind() == WsTestServer.Kind.PONG), WAIT,
            () -> "a pong");

        assertEquals("010203fe", peer.received().stream().filter(r -> r.kind() == WsTestServer.Kind.PONG)
            .findFirst().orElseThrow().text());
        assertEquals(1, client.connection.pingsReceived());
        assertEquals(1, client.connection.pongsSent());
    }

    @Test
    void shouldReconnectAndResubscribeWhenTheSocketGoesSilent() throws Exception {
        client = start(ClientHarness.fast().idleTimeout(Duration.ofMillis(500), false).build(), DEPTH);
        final WsTestServer.Peer first = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);

        final WsTestServer.Peer second = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 2, WAIT);

        first.awaitClosed(WAIT);
        assertTrue(client.changes(ConnectionState.DISCONNECTED).get(0).reason().startsWith("no frame for 500 ms"),
            client.changes(ConnectionState.DISCONNECTED).toString());
        assertEquals(first.texts().get(0).replace("\"id\":1", ""), second.texts().get(0).replace("\"id\":2", ""));
        assertTrue(client.continuityLosses.get() >= 1, "continuity loss reported");
    }

    @Test
    void shouldKeepAQuietButLiveConnectionWithProbePings() throws Exception {
        client = start(ClientHarness.fast().idleTimeout(Duration.ofMillis(1_000), true).build(), DEPTH);
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);

        assertNull(server.pollPeer(Duration.ofMillis(2_500)), "the client reconnected although the server answered pings");
        assertTrue(peer.isOpen());
        assertTrue(client.changes(ConnectionState.DISCONNECTED).isEmpty(), client.states().toString());
        assertTrue(client.connection.messagesSent() >= 3, "probe pings sent: " + client.connection.messagesSent());
    }

    @Test
    void shouldReconnectWithGrowingJitteredBackoffAfterTheServerCloses() throws Exception {
        client = start(ClientHarness.fast().build(), DEPTH);
        final List<Long> closedAtNs = new ArrayList<>();
        final List<WsTestServer.Peer> peers = new ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            final WsTestServer.Peer peer = server.awaitPeer(WAIT);
            peers.add(peer);
            ClientHarness.await(() -> !peer.texts().isEmpty(), WAIT, () -> "a SUBSCRIBE");
            closedAtNs.add(System.nanoTime());
            if (attempt % 2 == 0) {
                peer.sendClose(1001);
            } else {
                peer.drop();
            }
        }
        client.awaitState(ConnectionState.RECONNECT_SCHEDULED, 4, WAIT);

        final List<ClientHarness.Change> scheduled = client.changes(ConnectionState.RECONNECT_SCHEDULED);
        final ReconnectBackoff ceilings = new ReconnectBackoff(100_000_000L, 800_000_000L, BinanceWsSettings.Jitter.EQUAL,
            new java.util.SplittableRandom(1));
        for (int i = 0; i < 4; i++) {
            final long delayNs = scheduled.get(i).delayNs();
            final long ceilingNs = ceilings.ceilingNs(i);
            assertTrue(delayNs >= ceilingNs / 2 && delayNs <= ceilingNs, "delay " + i + ": " + delayNs + " of " + ceilingNs);
            if (i > 0) {
                assertTrue(delayNs >= scheduled.get(i - 1).delayNs(), "delays grow: " + scheduled);
            }
            if (i < 3) {
                final long waitedNs = peers.get(i + 1).handshakeAtNs() - closedAtNs.get(i);
                assertTrue(waitedNs >= delayNs, "reconnected after " + waitedNs + " ns, before the delay " + delayNs);
            }
        }
        for (int i = 1; i < 4; i++) {
            assertEquals(List.of("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + DEPTH + "\"],\"id\":" + (i + 1) + "}"),
                peers.get(i).texts(), "resubscribed on reconnect " + i);
        }
        assertTrue(client.changes(ConnectionState.DISCONNECTED).get(0).reason().contains("1001"));
    }

    @Test
    void shouldResetTheBackoffAfterAConnectionWasStable() throws Exception {
        client = start(ClientHarness.fast()
            .backoff(Duration.ofMillis(100), Duration.ofMillis(800), BinanceWsSettings.Jitter.EQUAL, Duration.ofMillis(400))
            .build(), DEPTH);
        server.awaitPeer(WAIT).drop();
        server.awaitPeer(WAIT).drop();
        final WsTestServer.Peer stable = server.awaitPeer(WAIT);
        Thread.sleep(600);
        stable.drop();
        client.awaitState(ConnectionState.RECONNECT_SCHEDULED, 3, WAIT);

        final List<ClientHarness.Change> scheduled = client.changes(ConnectionState.RECONNECT_SCHEDULED);
        assertTrue(scheduled.get(1).delayNs() >= 100_000_000L, "second delay from the doubled ceiling: " + scheduled);
        assertTrue(scheduled.get(2).delayNs() <= 100_000_000L, "back at the initial ceiling after 600 ms up: " + scheduled);
        assertEquals("attempt 1", scheduled.get(2).reason());
    }

    @Test
    void shouldNeverSendMoreThanTenMessagesPerSecondWhenFiftyStreamsAreSubscribedOneMessageEach() throws Exception {
        final List<String> streams = IntStream.range(0, 50).mapToObj(i -> "sym" + i + "usdt@bookTicker").toList();
        client = new ClientHarness(server, BinanceStreams.Route.PUBLIC, streams,
            ClientHarness.fast().maxStreamsPerSubscribe(1).build());
        client.connection.start();
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        peer.sendPing(new byte[] {7});
        peer.sendPing(new byte[] {8});
        client.awaitState(ConnectionState.SUBSCRIBED, 1, Duration.ofSeconds(15));

        final List<WsTestServer.Received> received = peer.received();
        assertEquals(50, peer.texts().size());
        assertEquals(52, received.size());
        assertTrue(received.indexOf(received.stream().filter(r -> r.kind() == WsTestServer.Kind.PONG).reduce((a, b) -> b)
            .orElseThrow()) < 12, "pongs go before queued subscriptions: " + received.stream().map(r -> r.kind()).toList());
        for (int i = 0; i < received.size(); i++) {
            final long windowEndNs = received.get(i).atNs() + 1_000_000_000L;
            final long inWindow = received.subList(i, received.size()).stream().filter(r -> r.atNs() < windowEndNs).count();
            assertTrue(inWindow <= 10, inWindow + " messages within one second from message " + i);
        }
    }

    @Test
    void shouldRotateWithoutLosingOrDuplicatingFrames() throws Exception {
        client = start(ClientHarness.fast().rotation(Duration.ofSeconds(2), Duration.ofMillis(1_500)).build(), DEPTH);
        final WsTestServer.Peer old = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);
        for (int u = 1; u <= 10; u++) {
            old.sendText(depthFrame(u));
        }
        final WsTestServer.Peer replacement = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.ROTATING, 1, WAIT);
        ClientHarness.await(() -> !replacement.texts().isEmpty(), WAIT, () -> "the replacement's SUBSCRIBE");

        replacement.sendText(depthFrame(12));
        replacement.sendText(depthFrame(13));
        old.sendText(depthFrame(11));
        old.sendText(depthFrame(12));
        old.sendText(depthFrame(13));
        client.awaitState(ConnectionState.ROTATED, 1, WAIT);
        for (int u = 14; u <= 20; u++) {
            replacement.sendText(depthFrame(u));
        }
        client.awaitFrames(20, WAIT);
        old.awaitClosed(WAIT);

        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(BinanceWsConnectionTest::depthFrame).toList(), client.frames);
        assertEquals(0, client.continuityLosses.get());
        assertEquals(1, client.connection.rotationsCompleted());
        assertTrue(old.received().stream().anyMatch(r -> r.kind() == WsTestServer.Kind.CLOSE), "old socket got a close frame");
    }

    @Test
    void shouldSwitchUnmatchedStreamsAfterTheHandoverTimeoutWithoutDuplicatesAndReportAGap() throws Exception {
        client = start(ClientHarness.fast().rotation(Duration.ofHours(1), Duration.ofMillis(800)).build(), DEPTH);
        final WsTestServer.Peer old = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);
        for (int u = 1; u <= 3; u++) {
            old.sendText(depthFrame(u));
        }
        client.awaitFrames(3, WAIT);
        client.connection.rotateNow();
        final WsTestServer.Peer replacement = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.ROTATING, 1, WAIT);
        old.sendText(depthFrame(4));
        old.sendText(depthFrame(5));
        client.awaitFrames(5, WAIT);
        replacement.sendText(depthFrame(7));
        replacement.sendText(depthFrame(8));
        client.awaitState(ConnectionState.ROTATED, 1, WAIT);
        old.sendText(depthFrame(6));
        replacement.sendText(depthFrame(5));
        replacement.sendText(depthFrame(9));
        replacement.sendText(depthFrame(10));
        client.awaitFrames(7, WAIT);

        assertEquals(List.of(depthFrame(1), depthFrame(2), depthFrame(3), depthFrame(4), depthFrame(5), depthFrame(9),
            depthFrame(10)), client.frames);
        assertEquals(1, client.continuityLosses.get());
        assertTrue(client.changes(ConnectionState.ROTATED).get(0).reason().contains("1 streams switched unmatched"));
    }

    @Test
    void shouldLetTheReplacementTakeOverWithAGapWhenTheOldSocketDiesDuringRotation() throws Exception {
        client = start(ClientHarness.fast().rotation(Duration.ofHours(1), Duration.ofSeconds(10)).build(), DEPTH);
        final WsTestServer.Peer old = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);
        old.sendText(depthFrame(1));
        client.connection.rotateNow();
        final WsTestServer.Peer replacement = server.awaitPeer(WAIT);
        ClientHarness.await(() -> !replacement.texts().isEmpty(), WAIT, () -> "the replacement's SUBSCRIBE");
        client.awaitFrames(1, WAIT);

        old.drop();
        client.awaitState(ConnectionState.SUBSCRIBED, 2, WAIT);
        replacement.sendText(depthFrame(5));
        client.awaitFrames(2, WAIT);

        assertEquals(List.of(depthFrame(1), depthFrame(5)), client.frames);
        assertEquals(1, client.continuityLosses.get());
        assertTrue(client.changes(ConnectionState.RECONNECT_SCHEDULED).isEmpty(), client.states().toString());
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.SUBSCRIBED,
            ConnectionState.ROTATING, ConnectionState.DISCONNECTED, ConnectionState.CONNECTED, ConnectionState.SUBSCRIBED),
            client.states());
    }

    @Test
    void shouldStopEverythingOnCloseAndNeverReconnect() throws Exception {
        client = start(ClientHarness.fast().build(), DEPTH);
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);

        client.connection.close().get(5, TimeUnit.SECONDS);
        peer.awaitClosed(WAIT);

        assertEquals(ConnectionState.CLOSED, client.connection.state());
        assertTrue(peer.received().stream().anyMatch(r -> r.kind() == WsTestServer.Kind.CLOSE && r.text().equals("1000")),
            "a close frame with status 1000: " + peer.received());
        assertNull(server.pollPeer(Duration.ofMillis(600)), "no reconnect after close()");
        assertTrue(client.changes(ConnectionState.RECONNECT_SCHEDULED).isEmpty(), client.states().toString());
    }

    @Test
    void shouldNotReconnectWhenClosedWhileAReconnectIsScheduled() throws Exception {
        client = start(ClientHarness.fast()
            .backoff(Duration.ofMillis(400), Duration.ofSeconds(1), BinanceWsSettings.Jitter.EQUAL, Duration.ofSeconds(60))
            .build(), DEPTH);
        final WsTestServer.Peer peer = server.awaitPeer(WAIT);
        client.awaitState(ConnectionState.SUBSCRIBED, 1, WAIT);
        peer.drop();
        client.awaitState(ConnectionState.RECONNECT_SCHEDULED, 1, WAIT);

        client.connection.close().get(5, TimeUnit.SECONDS);

        assertNull(server.pollPeer(Duration.ofMillis(800)), "no reconnect after close()");
        assertEquals(ConnectionState.CLOSED, client.connection.state());
        assertEquals(1, server.peerCount());
    }

    private ClientHarness start(final BinanceWsSettings settings, final String... streams) {
        final ClientHarness harness = new ClientHarness(server, BinanceStreams.route(streams[0]), List.of(streams), settings);
        harness.connection.start();
        return harness;
    }

    static String depthFrame(final long u) {
        return "{\"stream\":\"" + DEPTH + "\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + (1723161256299L + u)
            + ",\"T\":1723161256298,\"s\":\"BTCUSDT\",\"U\":" + (u * 10 - 9) + ",\"u\":" + u * 10 + ",\"pu\":" + (u * 10 - 10)
            + ",\"b\":[[\"61800.10\",\"0.010\"]],\"a\":[[\"61800.20\",\"1.100\"]]}}";
    }

    private static String padded(final long u, final int size) {
        final StringBuilder frame = new StringBuilder(size + 256).append("{\"stream\":\"").append(DEPTH)
            .append("\",\"data\":{\"e\":\"depthUpdate\",\"u\":").append(u).append(",\"b\":[");
        int level = 0;
        while (frame.length() < size) {
            frame.append(level == 0 ? "" : ",").append("[\"").append(60_000 + level).append(".10\",\"0.").append(level % 1000)
                .append("\"]");
            level++;
        }
        return frame.append("],\"a\":[]}}").toString();
    }
}
