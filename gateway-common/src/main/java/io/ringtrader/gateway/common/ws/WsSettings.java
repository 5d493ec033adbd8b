package io.ringtrader.gateway.common.ws;

import java.time.Duration;

/**
 * The timings and limits a {@link WsConnection} runs by. A venue's settings record implements it, validated against
 * that venue's own limits (Binance: {@code BinanceWsSettings}, at most 10 messages a second and 1024 streams a
 * connection). Immutable.
 */
public interface WsSettings {
    /** How a reconnect delay is drawn from {@code [0, ceiling]}. */
    enum Jitter {
        /** Uniform in {@code [0, ceiling]}: spreads clients best, may retry at once. */
        FULL,
        /** Uniform in {@code [ceiling / 2, ceiling]}: keeps half the ceiling as a floor. */
        EQUAL
    }

    /** TCP connect limit. */
    Duration connectTimeout();

    /** No frame of any kind (data, ping, pong) for this long means a dead socket: close and reconnect. */
    Duration idleTimeout();

    /**
     * After half the idle timeout without a frame, send a ping; a live server answers with a pong, so a quiet but
     * healthy connection is not mistaken for a dead one.
     */
    boolean probeWhenIdle();

    /** First reconnect delay ceiling. */
    Duration initialBackoff();

    /** Largest reconnect delay ceiling; ceilings double from the initial one up to this. */
    Duration maxBackoff();

    /** How a delay is drawn below its ceiling. */
    Jitter jitter();

    /** A connection that lived this long resets the backoff to the initial delay. */
    Duration stableAfter();

    /** Rotate to a fresh connection after this long (before the venue cuts it). */
    Duration maxConnectionAge();

    /**
     * A rotation that has not matched every stream by then switches the rest over and reports a gap
     * ({@link ConnectionListener#onContinuityLost}).
     */
    Duration handoverTimeout();

    /** Outgoing frames (text and control) allowed in any one-second window. */
    int maxMessagesPerSecond();

    /** Streams per subscription request; longer lists are split and paced. */
    int maxStreamsPerSubscribe();

    /** Streams per connection. */
    int maxStreamsPerConnection();

    /** Largest frame (or reassembled fragmented message) accepted. */
    int maxFramePayloadBytes();
}
