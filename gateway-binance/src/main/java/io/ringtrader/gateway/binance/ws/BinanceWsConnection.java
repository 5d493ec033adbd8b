package io.ringtrader.gateway.binance.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical Binance combined-stream connection ({@code <base><route>/stream}) carrying a fixed list of streams,
 * kept alive for as long as it is open:
 * <ul>
 *   <li>connects (TLS with SNI and host-name verification for {@code wss}, plain for {@code ws}), performs the
 *       WebSocket handshake and subscribes its streams with SUBSCRIBE messages of at most
 *       {@code maxStreamsPerSubscribe} streams each;</li>
 *   <li>hands every data frame to the {@link FrameListener} without copying or allocating (see
 *       {@link WsFrameReader}), stamped with the injected clock; subscription replies are consumed here;</li>
 *   <li>answers every ping with a pong echoing its payload; sends a probe ping after half the idle timeout of
 *       silence (if enabled) and treats a full idle timeout without any frame as a dead socket;</li>
 *   <li>sends every outgoing frame (SUBSCRIBE, pong, ping, close) through one limiter per socket that allows
 *       {@code maxMessagesPerSecond} in any window of one second plus a 100 ms guard; control frames go first and
 *       are never dropped;</li>
 *   <li>after a lost connection reconnects with exponential backoff and jitter, resubscribes, and reports
 *       {@link ConnectionListener#onContinuityLost} before the first frame of the new socket;</li>
 *   <li>before the venue's 24 h cut ({@code maxConnectionAge}) opens a replacement, subscribes it, and moves each
 *       stream over once both sockets are seen at the same event ({@link StreamHandover}): nothing is delivered twice
 *       or out of order; streams not matched within {@code handoverTimeout} are switched anyway and reported as a
 *       gap ({@link ConnectionListener#onContinuityLost}).</li>
 * </ul>
 *
 * <p>Threading: every callback and all state live on one Netty {@link EventLoop} (shared by the gateway's
 * connections). {@link #start()}, {@link #close()}, {@link #rotateNow()} and the getters may be called from any
 * thread. Timers (idle, backoff, rate, rotation) use the event loop's monotonic time; the injected clock only stamps
 * frames. Host names are resolved on a separate thread, so a slow DNS answer never stalls the event loop. Once
 * {@link #close()} was called nothing reconnects.
 */
public final class BinanceWsConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceWsConnection.class);
    /** One second plus a guard for network timing, so the venue never counts more than the limit in its second. */
    private static final long RATE_WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(1_100);
    private static final long CLOSE_GRACE_NS = TimeUnit.SECONDS.toNanos(3);
    private static final int NORMAL_CLOSURE = 1000;
    private static final byte[] RESULT = "\"result\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CODE = "\"code\"".getBytes(StandardCharsets.US_ASCII);
    private static final int OVERLAP_HASHES = 1_024;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Host look-ups of all connections, one at a time on one daemon thread that exists only while look-ups run. */
    private static final ThreadPoolExecutor RESOLVER = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new DefaultThreadFactory("binance-ws-dns", true));

    private final String name;
    /** The connect URL: fixed for market streams; for the user stream it carries the current listen key. */
    private volatile URI uri;
    private final String base;
    private final boolean userStream;
    private final Supplier<String> listenKey;
    /** User stream only: hashes of the frames delivered while a rotation's two sockets overlap (duplicates dropped). */
    private final long[] overlapHashes = new long[OVERLAP_HASHES];
    private int overlapCount;
    private int overlapNext;
    private boolean overlapping;
    private final String host;
    private final int port;
    private final SslContext tls;
    private final List<String> streams;
    private final BinanceWsSettings settings;
    private final EventLoop eventLoop;
    private final EpochNanoClock clock;
    private final FrameListener frames;
    private final ConnectionListener listener;
    private final ReconnectBackoff backoff;
    private final StreamHandover handover;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private Session primary;
    private Session candidate;
    private boolean started;
    private boolean closing;
    private boolean hadConnection;
    private boolean continuityLost;
    private long nextRequestId = 1;
    private int sessionNumber;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> rotationTask;
    private ScheduledFuture<?> handoverTask;

    private volatile ConnectionState state;
    private volatile long framesDelivered;
    private volatile long pingsReceived;
    private volatile long pongsSent;
    private volatile long messagesSent;
    private volatile long reconnectsScheduled;
    private volatile long rotationsCompleted;
    private volatile long continuityLosses;

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
        this.userStream = listenKey != null;
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
        final String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || baseUri.getHost() == null) {
            throw new IllegalArgumentException(name + ": base URL must be ws://host or wss://host: " + baseUri);
        }
        this.base = baseUri.toString().endsWith("/")
            ? baseUri.toString().substring(0, baseUri.toString().length() - 1) : baseUri.toString();
        this.name = name;
        this.listenKey = listenKey;
        this.uri = userStream ? URI.create(base + route.path() + "/ws") : URI.create(base + route.path() + "/stream");
        this.host = baseUri.getHost();
        this.port = baseUri.getPort() > 0 ? baseUri.getPort() : scheme.equals("wss") ? 443 : 80;
        this.tls = !scheme.equals("wss") ? null : tlsContext != null ? tlsContext : clientTls(null);
        this.streams = List.copyOf(streams);
        this.settings = settings;
        this.eventLoop = eventLoop;
        this.clock = clock;
        this.frames = frames;
        this.listener = listener;
        this.backoff = new ReconnectBackoff(settings.initialBackoff().toNanos(), settings.maxBackoff().toNanos(),
            settings.jitter(), random);
        this.handover = new StreamHandover(this.streams);
    }

    /** Connects (asynchronously). Idempotent; does nothing after {@link #close()}. */
    public void start() {
        onLoop(() -> {
            if (!started && !closing) {
                started = true;
                openPrimary();
            }
        });
    }

    /**
     * Stops for good: cancels timers, sends a close frame on each open socket (through the rate limiter) and closes
     * them; no reconnect or rotation happens afterwards.
     *
     * @return completes once every socket of this connection is closed and {@link ConnectionState#CLOSED} reported.
     */
    public CompletableFuture<Void> close() {
        onLoop(() -> {
            if (closing) {
                return;
            }
            closing = true;
            cancelTasks();
            handover.end();
            if (primary != null) {
                primary.closeWith("closed by client", true);
            }
            if (candidate != null) {
                candidate.closeWith("closed by client", true);
            }
            checkClosed();
        });
        return closed;
    }

    /**
     * Drops the current socket and reconnects (after the backoff's next delay), reporting the continuity loss: e.g.
     * the user stream after its listen key changed. Ignored when not connected or closed.
     */
    public void reconnectNow(final String reason) {
        onLoop(() -> {
            if (!closing && primary != null) {
                primary.closeWith(reason, true);
            }
        });
    }

    /** Starts a rotation now, as if {@code maxConnectionAge} had passed (ignored while one runs or when not open). */
    public void rotateNow() {
        onLoop(this::rotate);
    }

    public String name() {
        return name;
    }

    /** The combined-stream URL this connection opens. */
    public URI uri() {
        return uri;
    }

    public List<String> streams() {
        return streams;
    }

    /** The last state reported, or null before {@link #start()}. */
    public ConnectionState state() {
        return state;
    }

    public long framesDelivered() {
        return framesDelivered;
    }

    public long pingsReceived() {
        return pingsReceived;
    }

    public long pongsSent() {
        return pongsSent;
    }

    /** Outgoing frames of all kinds sent, over all sockets. */
    public long messagesSent() {
        return messagesSent;
    }

    public long reconnectsScheduled() {
        return reconnectsScheduled;
    }

    public long rotationsCompleted() {
        return rotationsCompleted;
    }

    /** How often {@link ConnectionListener#onContinuityLost} was called. */
    public long continuityLosses() {
        return continuityLosses;
    }

    private void onLoop(final Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (final RejectedExecutionException e) {
            LOG.warn("{}: event loop is shut down, nothing more runs", name);
            closing = true;
            closed.complete(null);
        }
    }

    private void openPrimary() {
        primary = new Session(++sessionNumber);
        report(ConnectionState.CONNECTING, 0, userStream ? "user stream" : uri.toString());
        connect(primary);
    }

    /** Resolves the host off the event loop (a slow DNS answer must not stall the other connections), then opens. */
    private void connect(final Session session) {
        if (userStream) {
            uri = URI.create(base + BinanceStreams.Route.PRIVATE.path() + "/ws?listenKey=" + listenKey.get());
        }
        session.handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
            new DefaultHttpHeaders(), settings.maxFramePayloadBytes());
        CompletableFuture.supplyAsync(this::resolve, RESOLVER).whenComplete((address, error) -> onLoop(() -> {
            if (session.ended) {
                return;
            }
            if (error != null) {
                final Throwable cause = error.getCause() != null ? error.getCause() : error;
                onSessionEnded(session, "cannot resolve " + host + ": " + cause);
            } else if (session.closeRequested) {
                onSessionEnded(session, session.closeReason);
            } else {
                open(session, address);
            }
        }));
    }

    private InetSocketAddress resolve() {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (final UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private void open(final Session session, final InetSocketAddress address) {
        final long readerIdleNs = settings.probeWhenIdle()
            ? settings.idleTimeout().toNanos() / 2 : settings.idleTimeout().toNanos();
        final Bootstrap bootstrap = new Bootstrap()
            .group(eventLoop)
            .channel(NioSocketChannel.class)
            .resolver(NoopAddressResolverGroup.INSTANCE)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
            .option(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    final ChannelPipeline pipeline = channel.pipeline();
                    if (tls != null) {
                        pipeline.addLast("tls", tls.newHandler(channel.alloc(), host, port));
                    }
                    pipeline.addLast("idle", new IdleStateHandler(readerIdleNs, 0, 0, TimeUnit.NANOSECONDS));
                    pipeline.addLast("http", new HttpClientCodec());
                    pipeline.addLast("http-aggregator", new HttpObjectAggregator(16 * 1_024));
                    pipeline.addLast("session", session);
                }
            });
        final ChannelFuture connected = bootstrap.connect(address);
        session.channel = connected.channel();
        connected.addListener(future -> {
            if (!future.isSuccess()) {
                onSessionEnded(session, "connect failed: " + future.cause());
            }
        });
        session.channel.closeFuture().addListener(future -> onSessionEnded(session, "connection closed"));
    }

    private void onConnected(final Session session) {
        session.open = true;
        session.connectedAtNs = System.nanoTime();
        if (closing) {
            session.closeWith("closed by client", true);
            return;
        }
        if (session == primary) {
            hadConnection = true;
            report(ConnectionState.CONNECTED, 0, userStream ? "user stream" : uri.toString());
            if (continuityLost) {
                continuityLost = false;
                reportContinuityLost();
            }
            scheduleRotation(session);
        } else {
            LOG.info("{}: replacement socket #{} connected", name, session.number);
        }
        if (userStream) {
            session.subscribed = true;
            if (session == primary) {
                report(ConnectionState.SUBSCRIBED, 0, "user stream");
            }
            return;
        }
        subscribe(session);
    }

    private void subscribe(final Session session) {
        final int perMessage = settings.maxStreamsPerSubscribe();
        for (int from = 0; from < streams.size(); from += perMessage) {
            final StringBuilder json = new StringBuilder(64 + 32 * perMessage).append("{\"method\":\"SUBSCRIBE\",\"params\":[");
            final int to = Math.min(streams.size(), from + perMessage);
            for (int i = from; i < to; i++) {
                json.append(i == from ? "\"" : ",\"").append(streams.get(i)).append('"');
            }
            json.append("],\"id\":").append(nextRequestId++).append('}');
            session.pendingAcks++;
            session.send(new TextWebSocketFrame(json.toString()), false);
        }
    }

    private void onText(final Session session, final DirectBuffer buffer, final int offset, final int length) {
        final long receiveTimeNs = clock.nanoTime();
        if (userStream) {
            onUserFrame(session, buffer, offset, length, receiveTimeNs);
            return;
        }
        if (!StreamHandover.isStreamFrame(buffer, offset, length)) {
            onReply(session, buffer, offset, length);
            return;
        }
        final boolean deliver;
        if (session == primary) {
            if (!handover.active()) {
                deliver = true;
            } else if (handover.trailing()) {
                deliver = handover.onNew(buffer, offset, length);
                if (handover.guardsCleared()) {
                    endHandover();
                }
            } else {
                deliver = handover.onOld(buffer, offset, length);
            }
        } else if (session == candidate) {
            deliver = handover.active() && handover.onNew(buffer, offset, length);
        } else {
            deliver = false;
        }
        if (deliver) {
            framesDelivered++;
            frames.onFrame(buffer, offset, length, receiveTimeNs);
        }
        if (handover.active() && handover.complete() && candidate != null) {
            finishRotation(0);
        }
    }

    /** User stream: deliver the primary's frames; while a rotation overlaps, both sockets', each frame once. */
    private void onUserFrame(final Session session, final DirectBuffer buffer, final int offset, final int length,
        final long receiveTimeNs) {
        if (session != primary && (session != candidate || !overlapping)) {
            return;
        }
        if (overlapping && !firstSighting(buffer, offset, length)) {
            return;
        }
        framesDelivered++;
        frames.onFrame(buffer, offset, length, receiveTimeNs);
    }

    /** Records the frame's hash; false if an identical frame was delivered during this overlap. */
    private boolean firstSighting(final DirectBuffer buffer, final int offset, final int length) {
        long hash = FNV_OFFSET;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = (hash ^ (buffer.getByte(i) & 0xFF)) * FNV_PRIME;
        }
        for (int i = 0; i < overlapCount; i++) {
            if (overlapHashes[i] == hash) {
                return false;
            }
        }
        overlapHashes[overlapNext] = hash;
        overlapNext = (overlapNext + 1) % OVERLAP_HASHES;
        overlapCount = Math.min(overlapCount + 1, OVERLAP_HASHES);
        return true;
    }

    private void onReply(final Session session, final DirectBuffer buffer, final int offset, final int length) {
        if (contains(buffer, offset, length, RESULT) && !contains(buffer, offset, length, ERROR)
            && !contains(buffer, offset, length, CODE)) {
            if (session.pendingAcks > 0 && --session.pendingAcks == 0) {
                session.subscribed = true;
                if (session == primary) {
                    report(ConnectionState.SUBSCRIBED, 0, streams.size() + " streams");
                } else {
                    LOG.info("{}: replacement socket #{} subscribed {} streams", name, session.number, streams.size());
                }
            }
            return;
        }
        LOG.warn("{}: unexpected venue message on socket #{}: {}", name, session.number,
            buffer.getStringWithoutLengthUtf8(offset, Math.min(length, 512)));
    }

    private void onSessionEnded(final Session session, final String fallbackReason) {
        if (session.ended) {
            return;
        }
        session.ended = true;
        session.open = false;
        session.releaseQueued();
        if (session.forceClose != null) {
            session.forceClose.cancel(false);
        }
        final String reason = session.closeReason != null ? session.closeReason : fallbackReason;
        if (session == candidate) {
            candidate = null;
            endHandover();
            if (!closing && primary != null) {
                final long retryNs = backoff.nextDelayNs();
                LOG.warn("{}: replacement socket #{} lost ({}); rotation retried in {} ms", name, session.number, reason,
                    TimeUnit.NANOSECONDS.toMillis(retryNs));
                rotationTask = eventLoop.schedule(this::rotate, retryNs, TimeUnit.NANOSECONDS);
            }
        } else if (session == primary) {
            primary = null;
            if (session.connectedAtNs != 0 && System.nanoTime() - session.connectedAtNs >= settings.stableAfter().toNanos()) {
                backoff.reset();
            }
            cancel(rotationTask);
            rotationTask = null;
            if (!closing) {
                report(ConnectionState.DISCONNECTED, 0, reason);
                continuityLost = hadConnection;
                if (candidate != null) {
                    promoteCandidate();
                } else {
                    scheduleReconnect();
                }
            }
        }
        checkClosed();
    }

    /** The primary died during a rotation: the replacement becomes the primary, with a gap. */
    private void promoteCandidate() {
        final Session promoted = candidate;
        candidate = null;
        endHandover();
        primary = promoted;
        if (promoted.open) {
            continuityLost = false;
            report(ConnectionState.CONNECTED, 0, "replacement socket #" + promoted.number + " took over");
            reportContinuityLost();
            if (promoted.subscribed) {
                report(ConnectionState.SUBSCRIBED, 0, streams.size() + " streams");
            }
            scheduleRotation(promoted);
        }
    }

    private void scheduleReconnect() {
        final long delayNs = backoff.nextDelayNs();
        reconnectsScheduled++;
        report(ConnectionState.RECONNECT_SCHEDULED, delayNs, "attempt " + backoff.attempts());
        reconnectTask = eventLoop.schedule(() -> {
            reconnectTask = null;
            if (!closing && primary == null) {
                openPrimary();
            }
        }, delayNs, TimeUnit.NANOSECONDS);
    }

    private void scheduleRotation(final Session session) {
        cancel(rotationTask);
        final long ageNs = System.nanoTime() - session.connectedAtNs;
        rotationTask = eventLoop.schedule(this::rotate, Math.max(0, settings.maxConnectionAge().toNanos() - ageNs),
            TimeUnit.NANOSECONDS);
    }

    private void rotate() {
        rotationTask = null;
        if (closing || primary == null || !primary.open || candidate != null) {
            return;
        }
        report(ConnectionState.ROTATING, 0, "replacing socket #" + primary.number);
        endHandover();
        if (userStream) {
            overlapping = true;
            overlapCount = 0;
            overlapNext = 0;
        } else {
            handover.begin();
        }
        candidate = new Session(++sessionNumber);
        connect(candidate);
        handoverTask = eventLoop.schedule(this::handoverTimedOut, settings.handoverTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
    }

    private void handoverTimedOut() {
        handoverTask = null;
        if (candidate == null || closing) {
            return;
        }
        if (!candidate.subscribed) {
            candidate.closeWith("replacement not subscribed within handoverTimeout " + settings.handoverTimeout(), false);
            return;
        }
        finishRotation(userStream ? 0 : handover.forceSwitch());
    }

    private void finishRotation(final int unmatchedStreams) {
        final Session old = primary;
        primary = candidate;
        candidate = null;
        endHandover();
        if (!handover.guardsCleared()) {
            handover.trail();
            handoverTask = eventLoop.schedule(this::endHandover, settings.handoverTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        old.closeWith("rotated to socket #" + primary.number, true);
        rotationsCompleted++;
        report(ConnectionState.ROTATED, 0, unmatchedStreams == 0
            ? "every stream matched" : unmatchedStreams + " streams switched unmatched");
        if (unmatchedStreams > 0) {
            reportContinuityLost();
        }
        scheduleRotation(primary);
    }

    private void endHandover() {
        overlapping = false;
        handover.end();
        cancel(handoverTask);
        handoverTask = null;
    }

    private void cancelTasks() {
        cancel(reconnectTask);
        cancel(rotationTask);
        cancel(handoverTask);
        reconnectTask = null;
        rotationTask = null;
        handoverTask = null;
    }

    private void checkClosed() {
        if (closing && primary == null && candidate == null && !closed.isDone()) {
            report(ConnectionState.CLOSED, 0, "");
            closed.complete(null);
        }
    }

    private void reportContinuityLost() {
        continuityLosses++;
        LOG.warn("{}: stream continuity lost, books must resync", name);
        listener.onContinuityLost(name);
    }

    private void report(final ConnectionState next, final long delayNs, final String reason) {
        state = next;
        if (next == ConnectionState.DISCONNECTED) {
            LOG.warn("{}: {} ({})", name, next, reason);
        } else if (next == ConnectionState.RECONNECT_SCHEDULED) {
            LOG.info("{}: {} in {} ms ({})", name, next, TimeUnit.NANOSECONDS.toMillis(delayNs), reason);
        } else {
            LOG.info("{}: {} {}", name, next, reason);
        }
        listener.onStateChange(name, next, delayNs, reason);
    }

    private static void cancel(final ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
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

    /**
     * The client TLS context: host-name verification on (the certificate must name the host, or its IP address), SNI
     * from the host name.
     *
     * @param trust trusted certificates; null for the JVM's default trust store.
     */
    static SslContext clientTls(final TrustManagerFactory trust) {
        try {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").trustManager(trust).build();
        } catch (final SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** One socket of this connection: handshake, frames in, rate-limited frames out. Event loop only. */
    private final class Session extends ChannelInboundHandlerAdapter implements WsFrameReader.Handler {
        private final int number;
        private final ArrayDeque<WebSocketFrame> control = new ArrayDeque<>();
        private final ArrayDeque<WebSocketFrame> text = new ArrayDeque<>();
        private final OutboundRateLimiter limiter = new OutboundRateLimiter(settings.maxMessagesPerSecond(), RATE_WINDOW_NS);
        private final Runnable drainTask = this::drainLater;
        private Channel channel;
        private WebSocketClientHandshaker handshaker;
        private ScheduledFuture<?> forceClose;
        private String closeReason;
        private long connectedAtNs;
        private int pendingAcks;
        private boolean open;
        private boolean subscribed;
        private boolean closeRequested;
        private boolean drainScheduled;
        private boolean ended;

        Session(final int number) {
            this.number = number;
        }

        @Override
        public void channelActive(final ChannelHandlerContext ctx) {
            handshaker.handshake(ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
            try {
                if (msg instanceof FullHttpResponse && !handshaker.isHandshakeComplete()) {
                    try {
                        handshaker.finishHandshake(ctx.channel(), (FullHttpResponse)msg);
                    } catch (final WebSocketHandshakeException e) {
                        closeWith("handshake failed: " + e.getMessage(), false);
                        return;
                    }
                    ctx.pipeline().replace(WebSocketFrameDecoder.class, "ws-reader",
                        new WsFrameReader(this, settings.maxFramePayloadBytes()));
                    onConnected(this);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) {
            if (event instanceof IdleStateEvent && ((IdleStateEvent)event).state() == IdleState.READER_IDLE) {
                if (settings.probeWhenIdle() && ((IdleStateEvent)event).isFirst()) {
                    if (open) {
                        send(new PingWebSocketFrame(), true);
                    }
                } else {
                    closeWith("no frame for " + settings.idleTimeout().toMillis() + " ms", false);
                }
                return;
            }
            if (event instanceof SslHandshakeCompletionEvent && !((SslHandshakeCompletionEvent)event).isSuccess()) {
                closeWith("TLS handshake failed: " + ((SslHandshakeCompletionEvent)event).cause(), false);
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            closeWith("error: " + cause, false);
        }

        @Override
        public void onText(final DirectBuffer buffer, final int offset, final int length) {
            BinanceWsConnection.this.onText(this, buffer, offset, length);
        }

        @Override
        public void onPing(final ChannelHandlerContext ctx, final ByteBuf payload, final int index, final int length) {
            pingsReceived++;
            send(new PongWebSocketFrame(ctx.alloc().buffer(length).writeBytes(payload, index, length)), true);
        }

        @Override
        public void onPong() {
        }

        @Override
        public void onClose(final int statusCode) {
            closeWith("server sent close " + statusCode, true);
        }

        @Override
        public void onProtocolError(final String problem) {
            closeWith("protocol error: " + problem, false);
        }

        /** Queues a frame; control frames (pong, ping, close) go before text and are never dropped. */
        void send(final WebSocketFrame frame, final boolean isControl) {
            if (closeRequested && !(frame instanceof CloseWebSocketFrame) || ended) {
                frame.release();
                return;
            }
            (isControl ? control : text).add(frame);
            drain();
        }

        /** Closes this socket, after a close frame when asked and the socket is open; once. */
        void closeWith(final String reason, final boolean sendCloseFrame) {
            if (closeRequested) {
                return;
            }
            closeRequested = true;
            closeReason = reason;
            releaseAll(text);
            if (channel == null) {
                return;
            }
            if (sendCloseFrame && open && channel.isActive()) {
                send(new CloseWebSocketFrame(NORMAL_CLOSURE, null), true);
                forceClose = eventLoop.schedule(() -> channel.close(), CLOSE_GRACE_NS, TimeUnit.NANOSECONDS);
            } else {
                channel.close();
            }
        }

        private void drain() {
            while (!control.isEmpty() || !text.isEmpty()) {
                if (channel == null || !channel.isActive()) {
                    return;
                }
                final long nowNs = System.nanoTime();
                final long waitNs = limiter.delayNs(nowNs);
                if (waitNs > 0) {
                    if (!drainScheduled) {
                        drainScheduled = true;
                        eventLoop.schedule(drainTask, waitNs, TimeUnit.NANOSECONDS);
                    }
                    return;
                }
                final WebSocketFrame frame = control.isEmpty() ? text.poll() : control.poll();
                limiter.onSent(nowNs);
                messagesSent++;
                if (frame instanceof PongWebSocketFrame) {
                    pongsSent++;
                }
                final ChannelFuture written = channel.writeAndFlush(frame);
                if (frame instanceof CloseWebSocketFrame) {
                    written.addListener(ChannelFutureListener.CLOSE);
                }
            }
        }

        private void drainLater() {
            drainScheduled = false;
            if (!ended) {
                drain();
            }
        }

        void releaseQueued() {
            releaseAll(control);
            releaseAll(text);
        }

        private void releaseAll(final ArrayDeque<WebSocketFrame> queue) {
            WebSocketFrame frame;
            while ((frame = queue.poll()) != null) {
                frame.release();
            }
        }
    }
}
