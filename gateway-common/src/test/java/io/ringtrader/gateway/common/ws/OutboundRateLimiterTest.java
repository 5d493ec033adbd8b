package io.ringtrader.gateway.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutboundRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldLetABurstOfTheLimitThroughThenWaitForTheOldestToLeaveTheWindow() {
        final OutboundRateLimiter limiter = new OutboundRateLimiter(10, SECOND);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.delayNs(1_000 + i));
            limiter.onSent(1_000 + i);
        }
        assertEquals(SECOND - 10, limiter.delayNs(1_010));
        assertEquals(0, limiter.delayNs(1_000 + SECOND));
        limiter.onSent(1_000 + SECOND);
        assertEquals(1, limiter.delayNs(1_000 + SECOND));
    }

    @Test
    void shouldNeverAllowMoreThanTheLimitInAnyWindowUnderRandomDemand() {
        final OutboundRateLimiter limiter = new OutboundRateLimiter(10, SECOND);
        final SplittableRandom random = new SplittableRandom(11);
        final List<Long> sent = new ArrayList<>();
        long now = 0;
        while (sent.size() < 500) {
            now += random.nextLong(200_000_000L);
            while (limiter.delayNs(now) == 0 && random.nextBoolean()) {
                limiter.onSent(now);
                sent.add(now);
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            final long end = sent.get(i) + SECOND;
            final long inWindow = sent.subList(i, sent.size()).stream().filter(t -> t < end).count();
            assertTrue(inWindow <= 10, inWindow + " sends in the second from send " + i);
        }
    }

    @Test
    void shouldRejectNonsenseLimits() {
        assertThrows(IllegalArgumentException.class, () -> new OutboundRateLimiter(0, SECOND));
        assertThrows(IllegalArgumentException.class, () -> new OutboundRateLimiter(10, 0));
    }
}
