package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayOptionsParsingTest {
    @Test
    void shouldParseEpochMillisAndIsoInstantsToTheSameNanos() {
        assertEquals(1_723_161_600_000_000_000L, ReplayTime.parseEpochNanos("1723161600000"));
        assertEquals(1_723_161_600_000_000_000L, ReplayTime.parseEpochNanos("2024-08-09T00:00:00Z"));
        assertEquals(1_723_161_600_123_456_789L, ReplayTime.parseEpochNanos("2024-08-09T00:00:00.123456789Z"));
    }

    @Test
    void shouldRejectATimeThatIsNeither() {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ReplayTime.parseEpochNanos("yesterday"));
        assertTrue(error.getMessage().contains("ISO-8601"), error.getMessage());
    }

    @Test
    void shouldParseSpeeds() {
        assertTrue(ReplaySpeed.parse("max").isMax());
        assertEquals(10.0, ReplaySpeed.parse("10x").factor());
        assertEquals(0.5, ReplaySpeed.parse("0.5X").factor());
        assertEquals(200, ReplaySpeed.parse("5x").wallNanos(1_000));
        assertEquals(0, ReplaySpeed.MAX.wallNanos(1_000));
    }

    @Test
    void shouldRejectNonPositiveOrMalformedSpeeds() {
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("0x"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("-2x"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> ReplaySpeed.parse("x"));
    }
}
