package io.ringtrader.gateway.binance.ws;

import io.ringtrader.gateway.common.ws.ConnectionListener;
import io.ringtrader.gateway.common.ws.WsSettings;
import io.ringtrader.gateway.common.ws.WsSettings.Jitter;
import java.time.Duration;

/**
 * Settings of the Binance WebSocket client, validated at construction against the venue's limits (10 messages a
 * second, 1024 streams a connection). Start from {@link #defaults()} and change what differs with
 * {@link #toBuilder()}.
 *
 * @param connectTimeout          TCP connect limit.
 * @param idleTimeout             no frame of any kind (data, ping, pong) for this long means a dead socket: close and
 *                                reconnect.
 * @param probeWhenIdle           after half the idle timeout without a frame, send a ping; a live server answers with
 *                                a pong, so a quiet but healthy connection is not mistaken for a dead one.
 * @param initialBackoff          first reconnect delay ceiling.
 * @param maxBackoff              largest reconnect delay ceiling; ceilings double from the initial one up to this.
 * @param jitter                  how a delay is drawn below its ceiling.
 * @param stableAfter             a connection that lived this long resets the backoff to the initial delay.
 * @param maxConnectionAge        rotate to a fresh connection after this long (the venue cuts at 24 h).
 * @param handoverTimeout         a rotation that has not matched every stream by then switches the rest over and
 *                                reports a gap ({@link ConnectionListener#onContinuityLost}).
 * @param maxMessagesPerSecond    outgoing frames (text and control) allowed in any one-second window, 1 to 10.
 * @param maxStreamsPerSubscribe  streams per SUBSCRIBE message; longer lists are split and paced.
 * @param maxStreamsPerConnection streams per connection, 1 to 1024.
 * @param maxFramePayloadBytes    largest frame (or reassembled fragmented message) accepted.
 */
public record BinanceWsSettings(Duration connectTimeout, Duration idleTimeout, boolean probeWhenIdle,
    Duration initialBackoff, Duration maxBackoff, Jitter jitter, Duration stableAfter, Duration maxConnectionAge,
    Duration handoverTimeout, int maxMessagesPerSecond, int maxStreamsPerSubscribe, int maxStreamsPerConnection,
    int maxFramePayloadBytes) implements WsSettings {

    /** The venue's limit on incoming messages per second and connection. */
    public static final int VENUE_MESSAGES_PER_SECOND = 10;
    /** The venue's limit on streams per connection. */
    public static final int VENUE_STREAMS_PER_CONNECTION = 1024;

    public BinanceWsSettings {
        positive("connectTimeout", connectTimeout);
        positive("idleTimeout", idleTimeout);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        positive("stableAfter", stableAfter);
        positive("maxConnectionAge", maxConnectionAge);
        positive("handoverTimeout", handoverTimeout);
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff " + initialBackoff + " must not exceed maxBackoff " + maxBackoff);
        }
        if (handoverTimeout.compareTo(maxConnectionAge) >= 0) {
            throw new IllegalArgumentException("handoverTimeout " + handoverTimeout + " must be shorter than maxConnectionAge "
                + maxConnectionAge);
        }
        if (jitter == null) {
            throw new IllegalArgumentException("jitter must be set");
        }
        if (maxMessagesPerSecond < 1 || maxMessagesPerSecond > VENUE_MESSAGES_PER_SECOND) {
            throw new IllegalArgumentException("maxMessagesPerSecond must be 1.." + VENUE_MESSAGES_PER_SECOND + ": "
                + maxMessagesPerSecond);
        }
        if (maxStreamsPerConnection < 1 || maxStreamsPerConnection > VENUE_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException("maxStreamsPerConnection must be 1.." + VENUE_STREAMS_PER_CONNECTION + ": "
                + maxStreamsPerConnection);
        }
        if (maxStreamsPerSubscribe < 1) {
            throw new IllegalArgumentException("maxStreamsPerSubscribe must be >= 1: " + maxStreamsPerSubscribe);
        }
        if (maxFramePayloadBytes < 1_024) {
            throw new IllegalArgumentException("maxFramePayloadBytes must be >= 1024: " + maxFramePayloadBytes);
        }
    }

    /**
     * Connect within 10 s. Idle timeout 30 s with a probe ping after 15 s: market streams push at least every
     * second, and the probe's pong keeps a quiet stream alive, so 30 s of silence means a dead socket; the venue's own
     * 3-minute pings would detect it only after minutes. Backoff 250 ms to 30 s, equal jitter, reset after 60 s of
     * stable connection. Rotation after 23 h (an hour before the venue's cut), handover within 30 s. At most 10
     * outgoing messages per second (the venue's limit, enforced over a sliding window), 200 streams per SUBSCRIBE,
     * 1024 streams per connection, frames up to 1 MiB.
     */
    public static BinanceWsSettings defaults() {
        return new BinanceWsSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), true, Duration.ofMillis(250),
            Duration.ofSeconds(30), Jitter.EQUAL, Duration.ofSeconds(60), Duration.ofHours(23), Duration.ofSeconds(30),
            VENUE_MESSAGES_PER_SECOND, 200, VENUE_STREAMS_PER_CONNECTION, 1 << 20);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(final String name, final Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + value);
        }
    }

    /** Changes some values of a settings record; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout;
        private Duration idleTimeout;
        private boolean probeWhenIdle;
        private Duration initialBackoff;
        private Duration maxBackoff;
        private Jitter jitter;
        private Duration stableAfter;
        private Duration maxConnectionAge;
        private Duration handoverTimeout;
        private int maxMessagesPerSecond;
        private int maxStreamsPerSubscribe;
        private int maxStreamsPerConnection;
        private int maxFramePayloadBytes;

        private Builder(final BinanceWsSettings from) {
            connectTimeout = from.connectTimeout;
            idleTimeout = from.idleTimeout;
            probeWhenIdle = from.probeWhenIdle;
            initialBackoff = from.initialBackoff;
            maxBackoff = from.maxBackoff;
            jitter = from.jitter;
            stableAfter = from.stableAfter;
            maxConnectionAge = from.maxConnectionAge;
            handoverTimeout = from.handoverTimeout;
            maxMessagesPerSecond = from.maxMessagesPerSecond;
            maxStreamsPerSubscribe = from.maxStreamsPerSubscribe;
            maxStreamsPerConnection = from.maxStreamsPerConnection;
            maxFramePayloadBytes = from.maxFramePayloadBytes;
        }

        /** TCP connect limit. */
        public Builder connectTimeout(final Duration value) {
            connectTimeout = value;
            return this;
        }

        /** Silence that means a dead socket, and whether to probe with a ping at half of it. */
        public Builder idleTimeout(final Duration value, final boolean probe) {
            idleTimeout = value;
            probeWhenIdle = probe;
            return this;
        }

        /** Reconnect delay ceilings (initial doubling up to max), jitter, and the uptime that resets them. */
        public Builder backoff(final Duration initial, final Duration max, final Jitter mode, final Duration stable) {
            initialBackoff = initial;
            maxBackoff = max;
            jitter = mode;
            stableAfter = stable;
            return this;
        }

        /** Age at which a connection is replaced, and how long the handover may take. */
        public Builder rotation(final Duration maxAge, final Duration handover) {
            maxConnectionAge = maxAge;
            handoverTimeout = handover;
            return this;
        }

        /** Outgoing frames per one-second window, 1 to 10. */
        public Builder maxMessagesPerSecond(final int value) {
            maxMessagesPerSecond = value;
            return this;
        }

        /** Streams per SUBSCRIBE message. */
        public Builder maxStreamsPerSubscribe(final int value) {
            maxStreamsPerSubscribe = value;
            return this;
        }

        /** Streams per connection, 1 to 1024. */
        public Builder maxStreamsPerConnection(final int value) {
            maxStreamsPerConnection = value;
            return this;
        }

        /** Largest accepted frame or reassembled message. */
        public Builder maxFramePayloadBytes(final int value) {
            maxFramePayloadBytes = value;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the bad value. */
        public BinanceWsSettings build() {
            return new BinanceWsSettings(connectTimeout, idleTimeout, probeWhenIdle, initialBackoff, maxBackoff, jitter,
                stableAfter, maxConnectionAge, handoverTimeout, maxMessagesPerSecond, maxStreamsPerSubscribe,
                maxStreamsPerConnection, maxFramePayloadBytes);
        }
    }
}
