package io.ringtrader.sim.binance;

import io.netty.channel.Channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side state of one accepted WebSocket: its route, envelope style, subscriptions and incoming-message
 * window. Subscriptions are read from any thread; the rest is touched only on the channel's event loop.
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
