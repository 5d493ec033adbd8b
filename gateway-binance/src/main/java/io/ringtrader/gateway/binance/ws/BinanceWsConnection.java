package io.ringtrader.gateway.binance.ws;

import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import io.ringtrader.gateway.common.ws.ConnectionState;
import io.ringtrader.gateway.common.ws.DuplicateFrameFilter;
import io.ringtrader.gateway.common.ws.FrameListener;
import io.ringtrader.gateway.common.ws.WsConnection;
import io.ringtrader.gateway.common.ws.WsProtocol;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.TrustManagerFactory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/**
 * One logical Binance combined-stream connection ({@code <base><route>/stream}) carrying a fixed list of streams, or
 * the user data stream ({@code <base>/private/ws?listenKey=KEY}): a {@link WsConnection} (connect, TLS, handshake,
 * pings, idle detection, backoff, pacing, rotation) with Binance's protocol:
 * <ul>
 *   <li>streams are subscribed with {@code {"method":"SUBSCRIBE","params":[...],"id":N}} messages of at most
 *       {@code maxStreamsPerSubscribe} streams each, acknowledged by {@code {"result":null,"id":N}}; data frames are
 *       combined-stream envelopes {@code {"stream":"NAME","data":{...}}};</li>
 *   <li>at most 10 outgoing messages a second and 1024 streams a connection ({@link BinanceWsSettings});</li>
 *   <li>before the venue's 24 h cut ({@code maxConnectionAge}) a replacement takes over each stream once both sockets
 *       are seen at the same event ({@link StreamHandover}); the user stream's replacement delivers from both sockets
 *       for {@code handoverTimeout}, each frame once ({@link DuplicateFrameFilter}).</li>
 * </ul>
 *
 * <p>Threading: as {@link WsConnection}: every callback on the one Netty {@link EventLoop}; {@link #start()},
 * {@link #close()}, {@link #rotateNow()}, {@link #reconnectNow} and the getters from any thread.
 */
public final class BinanceWsConnection {
    private final List<String> streams;
    private final BinanceProtocol protocol;
    private final WsConnection connection;

    /**
     * @param name      for logs and listener calls, e.g. {@code public-0}.
     * @param baseUri   {@code wss://host[:port]} (or {@code ws://} for a loopback simulator), no path.
     * @param route     the route of every stream; not {@link BinanceStreams.Route#PRIVATE}.
     * @param streams   stream names, e.g. {@code btcusdt@depth@100ms}, all served by {@code route}.
     * @param settings  limits and timings.
     * @param eventLoop the IO thread running this connection (shared with the gateway's other connections).
     * @param clock     stamps the receive time of frames.
     * @param random    draws backoff jitter (seed it in tests).
     * @param frames    receives data frames on the event loop.
     * @param listener  receives state changes on the event loop.
     */
    public BinanceWsConnection(final String name, final URI baseUri, final BinanceStreams.Route route,
        final List<String> streams, final BinanceWsSettings settings, final EventLoop eventLoop,
        final EpochNanoClock clock, final RandomGenerator random, final FrameListener frames,
        final ConnectionListener listener) {
        this(name, baseUri, route, streams, settings, eventLoop, clock, random, frames, listener, null);
    }

    /** As above, with a TLS context of one's own for {@code wss} (tests: a private trust store); null for the default. */
    BinanceWsConnection(final String name, final URI baseUri, final BinanceStreams.Route route,
        final List<String> streams, final BinanceWsSettings settings, final EventLoop eventLoop,
        final EpochNanoClock clock, final RandomGenerator random, final FrameListener frames,
        final ConnectionListener listener, final SslContext tlsContext) {
        this(name, baseUri, route, streams, null, settings, eventLoop, clock, random, frames, listener, tlsContext);
    }

    /**
     * The user data stream, {@code <base>/private/ws?listenKey=KEY}: raw event payloads, nothing to subscribe. The
     * listen key is read at every connect, so after the key changed {@link #reconnectNow} picks up the new one. Pings,
     * idle detection, backoff and the rate limit work as for market streams; a rotation opens the replacement and
     * delivers from both sockets for {@code handoverTimeout}, dropping frames already delivered (byte-equal), then
     * closes the old one.
     *
     * @param listenKey the current listen key; called on the event loop at every connect.
     */
    public static BinanceWsConnection userStream(final String name, final URI baseUri, final Supplier<String> listenKey,
        final BinanceWsSettings settings, final EventLoop eventLoop, final EpochNanoClock clock,
        final RandomGenerator random, final FrameListener frames, final ConnectionListener listener) {
        return new BinanceWsConnection(name, baseUri, BinanceStreams.Route.PRIVATE, List.of(), listenKey, settings,
            eventLoop, clock, random, frames, listener, null);
    }

    private BinanceWsConnection(final String name, final URI baseUri, final BinanceStreams.Route route,
        final List<String> streams, final Supplier<String> listenKey, final BinanceWsSettings settings,
        final EventLoop eventLoop, final EpochNanoClock clock, final RandomGenerator random, final FrameListener frames,
        final ConnectionListener listener, final SslContext tlsContext) {
        final boolean userStream = listenKey != null;
        if (userStream != (route == BinanceStreams.Route.PRIVATE)) {
            throw new IllegalArgumentException(name + ": the user data stream is not a combined market-stream connection");
        }
        if (!userStream && (streams.isEmpty() || streams.size() > settings.maxStreamsPerConnection())) {
            throw new IllegalArgumentException(name + ": a connection carries 1.." + settings.maxStreamsPerConnection()
                + " streams, not " + streams.size());
        }
        for (final String stream : streams) {
            if (BinanceStreams.route(stream) != route) {
                throw new IllegalArgumentException(name + ": stream " + stream + " is served by "
                    + BinanceStreams.route(stream).path() + ", not " + route.path());
            }
        }
        final String text = baseUri.toString();
        final String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.streams = List.copyOf(streams);
        this.protocol = userStream ? new UserStreamProtocol(base, listenKey) : new CombinedStreamProtocol(base, route);
        this.connection = new WsConnection(name, baseUri, protocol, this.streams, settings, eventLoop, clock, random,
            userStream ? new DuplicateFrameFilter() : new StreamHandover(this.streams), frames, listener, tlsContext);
    }

    /** Connects (asynchronously). Idempotent; does nothing after {@link #close()}. */
    public void start() {
        connection.start();
    }

    /**
     * Stops for good: cancels timers, sends a close frame on each open socket (through the rate limiter) and closes
     * them; no reconnect or rotation happens afterwards.
     *
     * @return completes once every socket of this connection is closed and {@link ConnectionState#CLOSED} reported.
     */
    public CompletableFuture<Void> close() {
        return connection.close();
    }

    /**
     * Drops the current socket and reconnects (after the backoff's next delay), reporting the continuity loss: e.g.
     * the user stream after its listen key changed. Ignored when not connected or closed.
     */
    public void reconnectNow(final String reason) {
        connection.reconnectNow(reason);
    }

    /** Starts a rotation now, as if {@code maxConnectionAge} had passed (ignored while one runs or when not open). */
    public void rotateNow() {
        connection.rotateNow();
    }

    public String name() {
        return connection.name();
    }

    /** The combined-stream URL this connection opens (the user stream's: with the listen key of its last connect). */
    public URI uri() {
        return protocol.uri;
    }

    public List<String> streams() {
        return streams;
    }

    /** The last state reported, or null before {@link #start()}. */
    public ConnectionState state() {
        return connection.state();
    }

    public long framesDelivered() {
        return connection.framesDelivered();
    }

    public long pingsReceived() {
        return connection.pingsReceived();
    }

    public long pongsSent() {
        return connection.pongsSent();
    }

    /** Outgoing frames of all kinds sent, over all sockets. */
    public long messagesSent() {
        return connection.messagesSent();
    }

    public long reconnectsScheduled() {
        return connection.reconnectsScheduled();
    }

    public long rotationsCompleted() {
        return connection.rotationsCompleted();
    }

    /** How often {@link ConnectionListener#onContinuityLost} was called. */
    public long continuityLosses() {
        return connection.continuityLosses();
    }

    /** The client TLS context ({@link WsConnection#clientTls}): host-name verification on, SNI from the host name. */
    static SslContext clientTls(final TrustManagerFactory trust) {
        return WsConnection.clientTls(trust);
    }

    /** What both Binance endpoints share: the URI they open. */
    private abstract static class BinanceProtocol implements WsProtocol {
        volatile URI uri;
    }

    /** {@code <base><route>/stream}: SUBSCRIBE requests, {@code result} replies, combined-stream envelopes. */
    private static final class CombinedStreamProtocol extends BinanceProtocol {
        private static final byte[] RESULT = "\"result\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] CODE = "\"code\"".getBytes(StandardCharsets.US_ASCII);

        CombinedStreamProtocol(final String base, final BinanceStreams.Route route) {
            uri = URI.create(base + route.path() + "/stream");
        }

        @Override
        public URI connectUri() {
            return uri;
        }

        @Override
        public String describe() {
            return uri.toString();
        }

        @Override
        public boolean isDataFrame(final DirectBuffer buffer, final int offset, final int length) {
            return StreamHandover.isStreamFrame(buffer, offset, length);
        }

        @Override
        public String subscribeRequest(final List<String> streams, final long requestId) {
            final StringBuilder json = new StringBuilder(64 + 32 * streams.size()).append("{\"method\":\"SUBSCRIBE\",\"params\":[");
            for (int i = 0; i < streams.size(); i++) {
                json.append(i == 0 ? "\"" : ",\"").append(streams.get(i)).append('"');
            }
            return json.append("],\"id\":").append(requestId).append('}').toString();
        }

        @Override
        public boolean isSubscribeAck(final DirectBuffer buffer, final int offset, final int length) {
            return contains(buffer, offset, length, RESULT) && !contains(buffer, offset, length, ERROR)
                && !contains(buffer, offset, length, CODE);
        }

        private static boolean contains(final DirectBuffer buffer, final int offset, final int length, final byte[] text) {
            final int last = offset + length - text.length;
            for (int i = offset; i <= last; i++) {
                int j = 0;
                while (j < text.length && buffer.getByte(i + j) == text[j]) {
                    j++;
                }
                if (j == text.length) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code <base>/private/ws?listenKey=KEY}, the key read at every connect: every frame is data, nothing to subscribe. */
    private static final class UserStreamProtocol extends BinanceProtocol {
        private final String base;
        private final Supplier<String> listenKey;

        UserStreamProtocol(final String base, final Supplier<String> listenKey) {
            this.base = base;
            this.listenKey = listenKey;
            uri = URI.create(base + BinanceStreams.Route.PRIVATE.path() + "/ws");
        }

        @Override
        public URI connectUri() {
            uri = URI.create(base + BinanceStreams.Route.PRIVATE.path() + "/ws?listenKey=" + listenKey.get());
            return uri;
        }

        @Override
        public String describe() {
            return "user stream";
        }
    }
}
