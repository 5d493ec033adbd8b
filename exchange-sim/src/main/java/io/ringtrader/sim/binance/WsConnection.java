package io.ringtrader.sim.binance;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-side state of one accepted WebSocket: its route, envelope style, subscriptions and incoming-message
 * window. Subscriptions and {@link #send} are used from any thread; the rest is touched only on the channel's event
 * loop.
 */
final class WsConnection {
    private final Channel channel;
    private final WsRoute route;
    private final boolean combined;
    private final String listenKey;
    private final long openedNanos;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final long[] recentMessageNanos;
    private int recentIndex;
    private long lastPingSentNanos;
    private long lastPongNanos;
    private final ConcurrentLinkedQueue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outboxSize = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drainOutbox;

    WsConnection(final Channel channel, final WsRoute route, final boolean combined, final String listenKey,
                 final int maxMessagesPerSecond, final long nowNanos) {
        this.channel = channel;
        this.route = route;
        this.combined = combined;
        this.listenKey = listenKey;
        this.openedNanos = nowNanos;
        this.recentMessageNanos = new long[maxMessagesPerSecond];
        Arrays.fill(recentMessageNanos, Long.MIN_VALUE);
        this.lastPongNanos = nowNanos;
    }

    Channel channel() {
        return channel;
    }

    WsRoute route() {
        return route;
    }

    boolean combined() {
        return combined;
    }

    String listenKey() {
        return listenKey;
    }

    long openedNanos() {
        return openedNanos;
    }

    /**
     * Queues a text frame from any thread: frames keep the order producers issued them in, and go out in batches
     * with one flush per batch (a flush per frame costs a system call each), behind any task already queued on the
     * channel's event loop.
     */
    void send(final String text) {
        outbox.add(text);
        outboxSize.incrementAndGet();
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drain);
        }
    }

    /**
     * On the event loop: writes the frames queued so far (drops them once the channel is closed) and flushes once;
     * frames queued meanwhile scheduled their own drain.
     */
    private void drainOutbox() {
        drainScheduled.set(false);
        final int n = outboxSize.getAndSet(0);
        final boolean active = channel.isActive();
        for (int i = 0; i < n; i++) {
            final String text = outbox.poll();
            if (text == null) {
                break;
            }
            if (active) {
                channel.write(new TextWebSocketFrame(text), channel.voidPromise());
            }
        }
        if (active && n > 0) {
            channel.flush();
        }
    }

    boolean subscribed(final String stream) {
        return streams.contains(stream);
    }

    boolean subscribe(final String stream) {
        return streams.add(stream);
    }

    boolean unsubscribe(final String stream) {
        return streams.remove(stream);
    }

    List<String> subscriptions() {
        return new ArrayList<>(streams);
    }

    /**
     * Counts one incoming frame; false when it is one more than the limit within the last second (the oldest of
     * the last {@code max} frames arrived less than a second ago).
     */
    boolean admitIncoming(final long nowNanos) {
        final long oldest = recentMessageNanos[recentIndex];
        recentMessageNanos[recentIndex] = nowNanos;
        recentIndex = (recentIndex + 1) % recentMessageNanos.length;
        return oldest == Long.MIN_VALUE || nowNanos - oldest >= 1_000_000_000L;
    }

    void pingSent(final long nowNanos) {
        lastPingSentNanos = nowNanos;
    }

    long lastPingSentNanos() {
        return lastPingSentNanos;
    }

    void pongReceived(final long nowNanos) {
        lastPongNanos = nowNanos;
    }

    long lastPongNanos() {
        return lastPongNanos;
    }

    @Override
    public String toString() {
        return route.prefix() + (combined ? "/stream" : "/ws") + " " + channel.remoteAddress();
    }
}
