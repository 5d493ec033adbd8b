package io.ringtrader.gateway.common.ws;

import java.time.Duration;

/** Settings for tests: short, round timings. */
record TestWsSettings(Duration connectTimeout, Duration idleTimeout, boolean probeWhenIdle, Duration initialBackoff,
    Duration maxBackoff, Jitter jitter, Duration stableAfter, Duration maxConnectionAge, Duration handoverTimeout,
    int maxMessagesPerSecond, int maxStreamsPerSubscribe, int maxStreamsPerConnection, int maxFramePayloadBytes)
    implements WsSettings {

    /** Backoff 100 ms to 800 ms (equal jitter), stable after 60 s, rotation after 1 h with a 30 s handover. */
    static TestWsSettings defaults() {
        return new TestWsSettings(Duration.ofSeconds(2), Duration.ofSeconds(30), true, Duration.ofMillis(100),
            Duration.ofMillis(800), Jitter.EQUAL, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(30), 10,
            200, 1024, 1 << 20);
    }
}
