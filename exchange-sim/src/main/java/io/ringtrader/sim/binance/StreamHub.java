package io.ringtrader.sim.binance;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registry of the accepted WebSocket connections and the fan-out of frames to those subscribed on the right route.
 * Thread-safe: producers (market API, capture player, user streams) call it from any thread; Netty keeps each
 * channel's writes in the order they were issued from one thread.
 */
public final class StreamHub {
    private final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicIntegerArray silent = new AtomicIntegerArray(WsRoute.values().length);
    private final List<String> rateLimitViolations = new CopyOnWriteArrayList<>();
    private final List<String> misroutedSubscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong pongsReceived = new AtomicLong();
    private final AtomicLong pingsReceived = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();

    void add(final WsConnection connection) {
        connections.add(connection);
    }

    void remove(final WsConnection connection) {
        connections.remove(connection);
    }

    /** True when at least one connection of the route is subscribed to {@code stream}: lets producers skip encoding. */
    public boolean hasSubscribers(final WsRoute route, final String stream) {
        for (final WsConnection c : connections) {
            if (c.route() == route && c.subscribed(stream)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends a market-data payload to every connection of {@code route} subscribed to {@code stream}: combined
     * connections get the {@code {"stream":..,"data":..}} envelope, raw ones the payload alone.
     */
    public void publish(final WsRoute route, final String stream, final String dataJson) {
        if (silent(route)) {
            return;
        }
        String envelope = null;
        for (final WsConnection c : connections) {
            if (c.route() != route || !c.subscribed(stream)) {
                continue;
            }
            if (c.combined()) {
                if (envelope == null) {
                    envelope = "{\"stream\":\"" + stream + "\",\"data\":" + dataJson + '}';
                }
                send(c, envelope);
            } else {
                send(c, dataJson);
            }
        }
    }

    /** Sends a user-data payload to every private connection opened with {@code listenKey}. */
    public void publishUser(final String listenKey, final String dataJson) {
        if (silent(WsRoute.PRIVATE)) {
            return;
        }
        for (final WsConnection c : connections) {
            if (c.route() == WsRoute.PRIVATE && listenKey.equals(c.listenKey())) {
                send(c, c.combined()
                    ? "{\"stream\":\"" + listenKey + "\",\"data\":" + dataJson + '}' : dataJson);
            }
        }
    }

    /** Sends {@code text} as-is (no envelope) to every connection of the route, ignoring silence: a fault tool. */
    public void injectRaw(final WsRoute route, final String text) {
        for (final WsConnection c : connections) {
            if (c.route() == route) {
                send(c, text);
            }
        }
    }

    /**
     * Queues the frame on the connection's outbox, drained on its event loop even when called from that loop, so
     * frames keep the order in which producers (which hold the market lock) issued them: an inline write from the
     * loop would overtake frames other threads queued just before.
     */
    private void send(final WsConnection connection, final String text) {
        if (connection.channel().isActive()) {
            framesSent.incrementAndGet();
            connection.send(text);
        }
    }

    /** Closes every connection of {@code route} (all routes when null) with a close frame, then the socket. */
    public void closeAll(final WsRoute route) {
        for (final WsConnection c : connections) {
            if (route == null || c.route() == route) {
                close(c.channel(), 1001, "going away");
            }
        }
    }

    /** Sends a close frame after the frames already queued, then closes the socket. */
    static void close(final Channel channel, final int code, final String reason) {
        if (channel.isActive()) {
            channel.eventLoop().execute(() -> channel.writeAndFlush(new CloseWebSocketFrame(code, reason))
                .addListener(ChannelFutureListener.CLOSE));
        }
    }

    /** Silences a route: nothing is sent and client pings are not answered, but sockets stay open. */
    public void silence(final WsRoute route, final boolean on) {
        silent.set(route.ordinal(), on ? 1 : 0);
    }

    boolean silent(final WsRoute route) {
        return silent.get(route.ordinal()) != 0;
    }

    void recordRateLimitViolation(final String what) {
        rateLimitViolations.add(what);
    }

    void recordMisroutedSubscription(final String what) {
        misroutedSubscriptions.add(what);
    }

    void recordPong() {
        pongsReceived.incrementAndGet();
    }

    void recordPing() {
        pingsReceived.incrementAndGet();
    }

    /** Connections closed for sending more than the allowed incoming messages per second, described. */
    public List<String> rateLimitViolations() {
        return new ArrayList<>(rateLimitViolations);
    }

    /** Streams subscribed on a route that does not carry them (accepted, never delivered), described. */
    public List<String> misroutedSubscriptions() {
        return new ArrayList<>(misroutedSubscriptions);
    }

    /** Pong frames received from clients (answers to the server's pings or unsolicited). */
    public long pongsReceived() {
        return pongsReceived.get();
    }

    /** Ping frames received from clients. */
    public long pingsReceived() {
        return pingsReceived.get();
    }

    /** Text frames written so far (all routes). */
    public long framesSent() {
        return framesSent.get();
    }

    /** Open connections, of one route or (null) all. */
    public int connectionCount(final WsRoute route) {
        int n = 0;
        for (final WsConnection c : connections) {
            if (route == null || c.route() == route) {
                n++;
            }
        }
        return n;
    }
}
