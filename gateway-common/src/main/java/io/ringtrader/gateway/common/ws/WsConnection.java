package io.ringtrader.gateway.common.ws;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical WebSocket connection of a venue, kept alive for as long as it is open, over as many sockets as that
 * takes:
 * <ul>
 *   <li>connects (TLS with SNI and host-name verification for {@code wss}, plain for {@code ws}), performs the
 *       WebSocket handshake and subscribes its streams ({@link SubscriptionBook}, in requests of at most
 *       {@code maxStreamsPerSubscribe} streams);</li>
 *   <li>hands every data frame to the {@link FrameListener} without copying or allocating (see
 *       {@link WsFrameReader}), stamped with the injected clock; the venue's replies are consumed here;</li>
 *   <li>answers every ping with a pong echoing its payload; sends a probe ping after half the idle timeout of
 *       silence (if enabled) and treats a full idle timeout without any frame as a dead socket;</li>
 *   <li>sends every outgoing frame through one {@link SendPacer} per socket that allows {@code maxMessagesPerSecond}
 *       in any window of one second plus a 100 ms guard; control frames go first and are never dropped;</li>
 *   <li>after a lost socket reconnects with exponential backoff and jitter, resubscribes, and reports
 *       {@link ConnectionListener#onContinuityLost} before the first frame of the new socket;</li>
 *   <li>before the venue's cut ({@code maxConnectionAge}) opens a replacement, subscribes it, and moves the frames
 *       over by the venue's {@link FrameHandover}: nothing is delivered twice or out of order; what is not matched
 *       within {@code handoverTimeout} is switched anyway and reported as a gap.</li>
 * </ul>
 * What to do and when is decided by its {@link WsConnectionAgent}; this class runs the agent on the event loop after
 * every input and at its next deadline, and carries out its decisions on Netty sockets ({@link WsSocket}). What is
 * the venue's own comes from its {@link WsProtocol} and {@link FrameHandover}.
 *
 * <p>Threading: every callback and all state live on one Netty {@link EventLoop} (shared by a gateway's connections).
 * {@link #start()}, {@link #close()}, {@link #reconnectNow}, {@link #rotateNow()} and the getters may be called from
 * any thread. Timers use the monotonic clock; the injected clock only stamps frames. Host names are resolved on a
 * separate thread, so a slow DNS answer never stalls the event loop. Once {@link #close()} was called nothing
 * reconnects.
 */
public final class WsConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
    /** One second plus a guard for network timing, so the venue never counts more than the limit in its second. */
    private static final long RATE_WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(1_100);
    /** Host look-ups of all connections, one at a time on one daemon thread that exists only while look-ups run. */
    private static final ThreadPoolExecutor RESOLVER = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new DefaultThreadFactory("ws-dns", true));

    private final String name;
    private final String host;
    private final int port;
    private final SslContext tls;
    private final WsProtocol protocol;
    private final SubscriptionBook subscriptions;
    private final WsSettings settings;
    private final EventLoop eventLoop;
    private final EpochNanoClock clock;
    private final NanoClock monotonic = SystemNanoClock.INSTANCE;
    private final FrameListener frames;
    private final FrameHandover handover;
    private final WsConnectionAgent agent;
    private final Int2ObjectHashMap<WsSocket> sockets = new Int2ObjectHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Runnable wakeUp = this::onTimer;
    private ScheduledFuture<?> timer;
    private long timerDeadlineNs = WsConnectionAgent.NO_DEADLINE;
    private boolean running;

    private volatile long framesDelivered;
    private volatile long pingsReceived;
    private volatile long pongsSent;
    private volatile long messagesSent;

    /**
     * @param name       for logs and listener calls, e.g. {@code public-0}.
     * @param baseUri    {@code wss://host[:port]} (or {@code ws://} for a loopback simulator): host, port and TLS.
     * @param protocol   the venue's: the URI to open, which frames are data, subscription requests and replies.
     * @param streams    the streams to subscribe, in order; empty when there is nothing to subscribe.
     * @param settings   limits and timings.
     * @param eventLoop  the IO thread running this connection (shared with the gateway's other connections).
     * @param clock      stamps the receive time of frames.
     * @param random     draws backoff jitter (seed it in tests).
     * @param handover   the venue's rule for delivering each frame once while a rotation's two sockets overlap.
     * @param frames     receives data frames on the event loop.
     * @param listener   receives state changes on the event loop.
     * @param tlsContext the TLS context for {@code wss} (tests: a private trust store); null for
     *                   {@link #clientTls clientTls(null)}.
     */
    public WsConnection(final String name, final URI baseUri, final WsProtocol protocol, final List<String> streams,
        final WsSettings settings, final EventLoop eventLoop, final EpochNanoClock clock, final RandomGenerator random,
        final FrameHandover handover, final FrameListener frames, final ConnectionListener listener,
        final SslContext tlsContext) {
        final String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || baseUri.getHost() == null) {
            throw new IllegalArgumentException(name + ": base URL must be ws://host or wss://host: " + baseUri);
        }
        this.name = name;
        this.host = baseUri.getHost();
        this.port = baseUri.getPort() > 0 ? baseUri.getPort() : scheme.equals("wss") ? 443 : 80;
        this.tls = !scheme.equals("wss") ? null : tlsContext != null ? tlsContext : clientTls(null);
        this.protocol = protocol;
        this.subscriptions = new SubscriptionBook(streams, settings.maxStreamsPerSubscribe(), protocol);
        this.settings = settings;
        this.eventLoop = eventLoop;
        this.clock = clock;
        this.frames = frames;
        this.handover = handover;
        final ReconnectBackoff backoff = new ReconnectBackoff(settings.initialBackoff().toNanos(),
            settings.maxBackoff().toNanos(), settings.jitter(), random);
        this.agent = new WsConnectionAgent(name, protocol.describe(), streams.size(), settings, backoff, handover,
            new NettySockets(), listener);
    }

    /** Connects (asynchronously). Idempotent; does nothing after {@link #close()}. */
    public void start() {
        onLoop(() -> {
            agent.start();
            run();
        });
    }

    /**
     * Stops for good: cancels timers, sends a close frame on each open socket (through its pacer) and closes them; no
     * reconnect or rotation happens afterwards.
     *
     * @return completes once every socket of this connection is closed and {@link ConnectionState#CLOSED} reported.
     */
    public CompletableFuture<Void> close() {
        onLoop(() -> {
            agent.close();
            run();
        });
        return closed;
    }

    /**
     * Drops the current socket and reconnects (after the backoff's next delay), reporting the continuity loss: e.g. a
     * user stream after its key changed. Ignored when not connected or closed.
     */
    public void reconnectNow(final String reason) {
        onLoop(() -> {
            agent.reconnectNow(reason);
            run();
        });
    }

    /** Starts a rotation now, as if {@code maxConnectionAge} had passed (ignored while one runs or when not open). */
    public void rotateNow() {
        onLoop(() -> {
            agent.rotateNow();
            run();
        });
    }

    public String name() {
        return name;
    }

    public List<String> streams() {
        return subscriptions.streams();
    }

    /** The last state reported, or null before {@link #start()}. */
    public ConnectionState state() {
        return agent.reported();
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
        return agent.reconnectsScheduled();
    }

    public long rotationsCompleted() {
        return agent.rotationsCompleted();
    }

    /** How often {@link ConnectionListener#onContinuityLost} was called. */
    public long continuityLosses() {
        return agent.continuityLosses();
    }

    /**
     * The client TLS context: host-name verification on (the certificate must name the host, or its IP address), SNI
     * from the host name.
     *
     * @param trust trusted certificates; null for the JVM's default trust store.
     */
    public static SslContext clientTls(final TrustManagerFactory trust) {
        try {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").trustManager(trust).build();
        } catch (final SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ event loop

    /** Runs the agent until it has nothing to do, then wakes it at its next deadline. Re-entrant calls only queue. */
    private void run() {
        if (running) {
            return;
        }
        running = true;
        try {
            final long nowNs = monotonic.nanoTime();
            while (agent.doWork(nowNs) > 0) {
                // one transition per step, until the agent is idle
            }
        } finally {
            running = false;
        }
        if (agent.state() == WsConnectionAgent.State.CLOSED) {
            closed.complete(null);
        }
        armTimer();
    }

    private void armTimer() {
        final long deadlineNs = agent.nextDeadlineNs();
        if (timer != null && deadlineNs == timerDeadlineNs) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerDeadlineNs = deadlineNs;
        if (deadlineNs != WsConnectionAgent.NO_DEADLINE) {
            timer = eventLoop.schedule(wakeUp, Math.max(0, deadlineNs - monotonic.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void onTimer() {
        timer = null;
        run();
    }

    private void onLoop(final Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (final RejectedExecutionException e) {
            LOG.warn("{}: event loop is shut down, nothing more runs", name);
            closed.complete(null);
        }
    }

    long nanoTime() {
        return monotonic.nanoTime();
    }

    void onSocketOpened(final WsSocket socket) {
        agent.onOpened(socket.number());
        run();
    }

    void onSocketEnded(final WsSocket socket, final String reason) {
        sockets.remove(socket.number());
        subscriptions.forget(socket.number());
        agent.onEnded(socket.number(), reason);
        run();
    }

    void onPingReceived() {
        pingsReceived++;
    }

    void onFrameSent(final boolean pong) {
        messagesSent++;
        if (pong) {
            pongsSent++;
        }
    }

    /** Every text frame of every socket: data to the listener (by the handover's rule while rotating), replies here. */
    void onSocketText(final WsSocket socket, final DirectBuffer buffer, final int offset, final int length) {
        final long receiveTimeNs = clock.nanoTime();
        if (!protocol.isDataFrame(buffer, offset, length)) {
            onReply(socket, buffer, offset, length);
            return;
        }
        final int number = socket.number();
        final boolean deliver;
        if (number == agent.primarySocket()) {
            if (!handover.active()) {
                deliver = true;
            } else if (handover.trailing()) {
                deliver = handover.onNew(buffer, offset, length);
                if (handover.guardsCleared()) {
                    handover.end();
                }
            } else {
                deliver = handover.onOld(buffer, offset, length);
            }
        } else if (number == agent.candidateSocket()) {
            deliver = handover.active() && handover.onNew(buffer, offset, length);
        } else {
            deliver = false;
        }
        if (deliver) {
            framesDelivered++;
            frames.onFrame(buffer, offset, length, receiveTimeNs);
        }
        if (handover.active() && handover.complete() && agent.candidateSocket() != WsConnectionAgent.NO_SOCKET) {
            agent.onHandoverComplete();
            run();
        }
    }

    private void onReply(final WsSocket socket, final DirectBuffer buffer, final int offset, final int length) {
        switch (subscriptions.onReply(socket.number(), buffer, offset, length)) {
            case SUBSCRIBED -> {
                agent.onSubscribed(socket.number());
                run();
            }
            case ACKNOWLEDGED -> {
            }
            default -> LOG.warn("{}: unexpected venue message on socket #{}: {}", name, socket.number(),
                buffer.getStringWithoutLengthUtf8(offset, Math.min(length, 512)));
        }
    }

    private InetSocketAddress resolve() {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (final UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    /** The agent's decisions carried out on Netty sockets. */
    private final class NettySockets implements WsConnectionAgent.Sockets {
        /** Resolves the host off the event loop (a slow DNS answer must not stall the other connections), then opens. */
        @Override
        public void open(final int number) {
            final WsSocket socket = new WsSocket(WsConnection.this, number, protocol.connectUri(), settings, eventLoop,
                RATE_WINDOW_NS);
            sockets.put(number, socket);
            CompletableFuture.supplyAsync(WsConnection.this::resolve, RESOLVER).whenComplete((address, error) -> onLoop(() -> {
                if (socket.isEnded()) {
                    return;
                }
                if (error != null) {
                    final Throwable cause = error.getCause() != null ? error.getCause() : error;
                    socket.end("cannot resolve " + host + ": " + cause);
                } else if (socket.isCloseRequested()) {
                    socket.end(socket.closeReason());
                } else {
                    socket.connect(address, tls, host, port);
                }
            }));
        }

        @Override
        public void subscribe(final int number) {
            final WsSocket socket = sockets.get(number);
            if (socket == null) {
                return;
            }
            final List<String> requests = subscriptions.requestsFor(number);
            if (requests.isEmpty()) {
                agent.onSubscribed(number);
                return;
            }
            for (final String request : requests) {
                socket.send(new TextWebSocketFrame(request), false);
            }
        }

        @Override
        public void close(final int number, final String reason, final boolean sendCloseFrame) {
            final WsSocket socket = sockets.get(number);
            if (socket != null) {
                socket.closeWith(reason, sendCloseFrame);
            }
        }
    }
}
