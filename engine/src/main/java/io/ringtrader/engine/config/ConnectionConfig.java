package io.ringtrader.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a gateway keeps its connections to a venue.
 *
 * @param idleTimeout             a WebSocket with no frame at all for this long is dead: closed and reconnected.
 * @param reconnectInitialBackoff first reconnect delay; doubles per failed attempt, with jitter.
 * @param reconnectMaxBackoff     longest reconnect delay.
 * @param rotateAfter             a connection older than this is replaced (Binance cuts at 24 h).
 * @param maxMessagesPerSecond    outgoing WebSocket messages per second and connection (Binance allows 10).
 * @param recvWindow              signed REST requests: how long after {@code timestamp} the venue may accept it.
 * @param requestTimeout          REST request timeout.
 * @param userStream              open the user data stream (orders, fills, positions) when credentials are set.
 */
public record ConnectionConfig(
    Duration idleTimeout,
    Duration reconnectInitialBackoff,
    Duration reconnectMaxBackoff,
    Duration rotateAfter,
    int maxMessagesPerSecond,
    Duration recvWindow,
    Duration requestTimeout,
    boolean userStream) {
    static final int MAX_MESSAGES_PER_SECOND = 10;
    static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);

    public ConnectionConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(reconnectInitialBackoff, "reconnectInitialBackoff");
        Objects.requireNonNull(reconnectMaxBackoff, "reconnectMaxBackoff");
        Objects.requireNonNull(rotateAfter, "rotateAfter");
        Objects.requireNonNull(recvWindow, "recvWindow");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * 30 s idle timeout (Binance futures streams send at least every few hundred ms, pings every 3 min),
     * backoff 250 ms .. 30 s, rotation after 23 h, 5 messages/s (half of Binance's limit), recvWindow 5 s,
     * requests time out after 10 s, user stream on.
     */
    public static ConnectionConfig defaults() {
        return new ConnectionConfig(Duration.ofSeconds(30), Duration.ofMillis(250), Duration.ofSeconds(30),
            Duration.ofHours(23), 5, Duration.ofSeconds(5), Duration.ofSeconds(10), true);
    }

    static ConnectionConfig read(final ConfigNode node) {
        final ConnectionConfig d = defaults();
        final Duration idle = node.optionalDuration("idleTimeout", d.idleTimeout(), Duration.ofMillis(100));
        final Duration initial = node.optionalDuration("reconnectInitialBackoff", d.reconnectInitialBackoff(), Duration.ofMillis(1));
        final Duration max = node.optionalDuration("reconnectMaxBackoff", d.reconnectMaxBackoff(), Duration.ofMillis(1));
        final Duration rotate = node.optionalDuration("rotateAfter", d.rotateAfter(), Duration.ofSeconds(1));
        final int rate = node.optionalInt("maxMessagesPerSecond", d.maxMessagesPerSecond(), 1, MAX_MESSAGES_PER_SECOND);
        final Duration recvWindow = node.optionalDuration("recvWindow", d.recvWindow(), Duration.ofMillis(1));
        final Duration timeout = node.optionalDuration("requestTimeout", d.requestTimeout(), Duration.ofMillis(1));
        final boolean userStream = node.optionalBoolean("userStream", d.userStream());
        if (max.compareTo(initial) < 0) {
            node.error("reconnectMaxBackoff", "must be at least reconnectInitialBackoff (" + Durations.format(initial) + ")");
        }
        if (recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
            node.error("recvWindow", "must be at most 60s (the venue's limit)");
        }
        node.requireNoUnknownKeys();
        return new ConnectionConfig(idle, initial, max, rotate, rate, recvWindow, timeout, userStream);
    }
}
