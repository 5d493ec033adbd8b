package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BinanceWsSettingsTest {
    @Test
    void shouldDefaultToTheVenueLimitsAndAnHourBeforeTheCut() {
        final BinanceWsSettings defaults = BinanceWsSettings.defaults();
        assertEquals(10, defaults.maxMessagesPerSecond());
        assertEquals(1_024, defaults.maxStreamsPerConnection());
        assertEquals(Duration.ofHours(23), defaults.maxConnectionAge());
        assertEquals(Duration.ofMillis(250), defaults.initialBackoff());
        assertEquals(Duration.ofSeconds(30), defaults.maxBackoff());
        assertTrue(defaults.probeWhenIdle());
    }

    @Test
    void shouldRejectValuesBeyondTheVenueLimits() {
        final BinanceWsSettings.Builder builder = BinanceWsSettings.defaults().toBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.maxMessagesPerSecond(11).build());
        assertThrows(IllegalArgumentException.class, () -> builder.maxMessagesPerSecond(0).build());
        builder.maxMessagesPerSecond(5);
        assertThrows(IllegalArgumentException.class, () -> builder.maxStreamsPerConnection(1_025).build());
        builder.maxStreamsPerConnection(100);
        assertEquals(5, builder.build().maxMessagesPerSecond());
    }

    @Test
    void shouldRejectNonPositiveDurationsAndAnInvertedBackoffRange() {
        final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> BinanceWsSettings.defaults().toBuilder().idleTimeout(Duration.ZERO, true).build());
        assertTrue(zero.getMessage().contains("idleTimeout"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinanceWsSettings.defaults().toBuilder()
            .backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), BinanceWsSettings.Jitter.FULL, Duration.ofSeconds(60))
            .build());
        assertThrows(IllegalArgumentException.class, () -> BinanceWsSettings.defaults().toBuilder()
            .rotation(Duration.ofSeconds(10), Duration.ofSeconds(10)).build());
    }
}
