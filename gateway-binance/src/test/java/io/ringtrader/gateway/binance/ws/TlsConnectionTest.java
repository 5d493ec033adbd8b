package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.common.ws.ConnectionState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wss} against a loopback TLS server whose self-signed certificate (made with the JDK's keytool) the client
 * trusts: data flows when the certificate names 127.0.0.1, and the host-name check refuses one that does not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsConnectionTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final List<String> reasons = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Test
    void shouldDeliverFramesOverTlsWhenTheCertificateNamesTheHost() throws Exception {
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final List<String> frames = new CopyOnWriteArrayList<>();
        final KeyStore keys = selfSigned("ip:127.0.0.1");
        try (WsTestServer server = new WsTestServer(serverTls(keys))) {
            final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("tls-client", true));
            final BinanceWsConnection connection = connection(server, group, keys, states, frames);
            try {
                connection.start();
                final WsTestServer.Peer peer = server.awaitPeer(Duration.ofSeconds(10));
                ClientHarness.await(() -> states.contains(ConnectionState.SUBSCRIBED), Duration.ofSeconds(10), states::toString);
                peer.sendText(BinanceWsConnectionTest.depthFrame(1));
                ClientHarness.await(() -> frames.size() == 1, Duration.ofSeconds(10), () -> "one frame");
                assertEquals(BinanceWsConnectionTest.depthFrame(1), frames.get(0));
                assertTrue(server.baseUri().toString().startsWith("wss://"));
            } finally {
                connection.close().get(5, TimeUnit.SECONDS);
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }

    @Test
    void shouldRefuseACertificateForAnotherHost() throws Exception {
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final KeyStore keys = selfSigned("dns:elsewhere.example");
        try (WsTestServer server = new WsTestServer(serverTls(keys))) {
            final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("tls-client", true));
            final BinanceWsConnection connection = connection(server, group, keys, states, new CopyOnWriteArrayList<>());
            try {
                connection.start();
                ClientHarness.await(() -> states.contains(ConnectionState.RECONNECT_SCHEDULED), Duration.ofSeconds(10),
                    states::toString);
                assertNull(server.pollPeer(Duration.ofMillis(200)), "no WebSocket handshake over an unverified TLS session");
                assertTrue(!states.contains(ConnectionState.CONNECTED), states.toString());
                assertTrue(reasons.stream().anyMatch(reason -> reason.startsWith("TLS handshake failed")), reasons.toString());
            } finally {
                connection.close().get(5, TimeUnit.SECONDS);
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }

    private BinanceWsConnection connection(final WsTestServer server, final NioEventLoopGroup group,
        final KeyStore trusted, final List<ConnectionState> states, final List<String> frames) throws Exception {
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return new BinanceWsConnection("tls", server.baseUri(), BinanceStreams.Route.PUBLIC, List.of("btcusdt@depth@100ms"),
            ClientHarness.fast().backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), BinanceWsSettings.Jitter.EQUAL,
                Duration.ofSeconds(60)).build(),
            group.next(), new SystemEpochNanoClock(), new SplittableRandom(1),
            (buffer, offset, length, receiveTimeNs) -> frames.add(buffer.getStringWithoutLengthUtf8(offset, length)),
            (name, state, delayNs, reason) -> {
                states.add(state);
                if (state == ConnectionState.DISCONNECTED) {
                    reasons.add(reason);
                }
            }, BinanceWsConnection.clientTls(trust));
    }

    private static SslContext serverTls(final KeyStore keys) throws Exception {
        final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        return SslContextBuilder.forServer(keyManagers).build();
    }

    /** A key pair with a self-signed certificate whose subject alternative name is {@code san}, made by keytool. */
    private KeyStore selfSigned(final String san) throws Exception {
        final Path file = dir.resolve("keys-" + san.replace(':', '-') + ".p12");
        final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        final Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=ringtrader-test", "-ext", "san=" + san, "-validity", "2",
            "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
            "-keypass", new String(PASSWORD))
            .redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + output);
        }
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
