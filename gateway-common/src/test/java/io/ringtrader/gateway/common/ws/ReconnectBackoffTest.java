package io.ringtrader.gateway.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldDoubleTheCeilingUpToTheMaximum() {
        final ReconnectBackoff backoff = new ReconnectBackoff(250 * MS, 30_000 * MS, WsSettings.Jitter.FULL,
            new SplittableRandom(1));
        assertEquals(250 * MS, backoff.ceilingNs(0));
        assertEquals(500 * MS, backoff.ceilingNs(1));
        assertEquals(16_000 * MS, backoff.ceilingNs(6));
        assertEquals(30_000 * MS, backoff.ceilingNs(7));
        assertEquals(30_000 * MS, backoff.ceilingNs(1_000));
    }

    @Test
    void shouldDrawFullJitterBetweenZeroAndTheCeiling() {
        final ReconnectBackoff backoff = new ReconnectBackoff(250 * MS, 4_000 * MS, WsSettings.Jitter.FULL,
            new SplittableRandom(7));
        for (int attempt = 0; attempt < 50; attempt++) {
            final long delay = backoff.nextDelayNs();
            assertTrue(delay >= 0 && delay <= backoff.ceilingNs(attempt), "attempt " + attempt + ": " + delay);
        }
    }

    @Test
    void shouldDrawEqualJitterInTheUpperHalfSoDelaysGrow() {
        final ReconnectBackoff backoff = new ReconnectBackoff(250 * MS, 4_000 * MS, WsSettings.Jitter.EQUAL,
            new SplittableRandom(7));
        long previous = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            final long delay = backoff.nextDelayNs();
            final long ceiling = backoff.ceilingNs(attempt);
            assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay);
            assertTrue(delay >= previous, "attempt " + attempt + ": " + delay + " < " + previous);
            previous = delay;
        }
    }

    @Test
    void shouldRepeatTheSameDelaysForTheSameSeed() {
        final ReconnectBackoff a = new ReconnectBackoff(MS, 100 * MS, WsSettings.Jitter.FULL, new SplittableRandom(3));
        final ReconnectBackoff b = new ReconnectBackoff(MS, 100 * MS, WsSettings.Jitter.FULL, new SplittableRandom(3));
        for (int i = 0; i < 10; i++) {
            assertEquals(a.nextDelayNs(), b.nextDelayNs());
        }
    }

    @Test
    void shouldStartAgainFromTheInitialCeilingAfterReset() {
        final ReconnectBackoff backoff = new ReconnectBackoff(100 * MS, 10_000 * MS, WsSettings.Jitter.EQUAL,
            new SplittableRandom(5));
        for (int i = 0; i < 6; i++) {
            backoff.nextDelayNs();
        }
        backoff.reset();
        assertEquals(0, backoff.attempts());
        assertTrue(backoff.nextDelayNs() <= 100 * MS);
    }
}
