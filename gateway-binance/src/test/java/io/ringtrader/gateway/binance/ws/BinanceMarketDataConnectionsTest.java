package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BinanceMarketDataConnectionsTest {
    @Test
    void shouldOpenOneConnectionPerRouteAndDeliverFromAllOfThem() throws Exception {
        final List<String> frames = new CopyOnWriteArrayList<>();
        try (WsTestServer server = new WsTestServer();
            BinanceMarketDataConnections connections = new BinanceMarketDataConnections(server.baseUri(),
                List.of(BinanceStreams.depth("BTCUSDT"), BinanceStreams.aggTrade("BTCUSDT"), BinanceStreams.bookTicker("BTCUSDT")),
                BinanceWsSettings.defaults(), new SystemEpochNanoClock(), new SplittableRandom(1),
                (buffer, offset, length, receiveTimeNs) -> frames.add(buffer.getStringWithoutLengthUtf8(offset, length)),
                ConnectionListener.NONE)) {
            connections.start();
            final WsTestServer.Peer first = server.awaitPeer(Duration.ofSeconds(5));
            final WsTestServer.Peer second = server.awaitPeer(Duration.ofSeconds(5));

            assertEquals(Set.of("/public/stream", "/market/stream"), Set.of(first.path(), second.path()));
            final WsTestServer.Peer market = first.path().startsWith("/market") ? first : second;
            ClientHarness.await(() -> !market.texts().isEmpty(), Duration.ofSeconds(5), () -> "SUBSCRIBE on /market");
            assertEquals("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":1}", market.texts().get(0));
            assertEquals(List.of("public-0", "market-0"),
                connections.connections().stream().map(BinanceWsConnection::name).collect(Collectors.toList()));

            first.sendText("{\"stream\":\"x@bookTicker\",\"data\":{\"u\":1}}");
            second.sendText("{\"stream\":\"x@aggTrade\",\"data\":{\"a\":1}}");
            ClientHarness.await(() -> frames.size() == 2, Duration.ofSeconds(5), () -> "two frames");
        }
    }
}
