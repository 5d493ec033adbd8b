package io.ringtrader.gateway.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.gateway.common.rest.RateLimitState.Verdict;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitStateTest {
    private static final long MINUTE_START = 1_723_161_240_000L;

    private final AtomicLong clock = new AtomicLong(MINUTE_START);
    private final RateLimitState limits = new RateLimitState(clock::get, 100, 3, 5);

    @Test
    void shouldRefuseAnOrderBeyondTheTenSecondLimitUntilTheWindowRollsOver() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.GRANTED, limits.acquire(1, true));
        }

        assertEquals(Verdict.ORDER_LIMIT_10S, limits.acquire(1, true));
        assertEquals(Verdict.GRANTED, limits.acquire(1, false), "non-order requests are not order-limited");
        assertEquals(3, limits.orderCount10s());

        clock.addAndGet(10_000);
        assertEquals(0, limits.orderCount10s());
        assertEquals(Verdict.GRANTED, limits.acquire(1, true));
        assertEquals(4, limits.orderCount1m());
    }

    @Test
    void shouldRefuseAnOrderBeyondTheMinuteLimit() {
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(i % 3 == 0 ? 10_000 : 0);
            assertEquals(Verdict.GRANTED, limits.acquire(1, true));
        }
        clock.addAndGet(10_000);

        assertEquals(Verdict.ORDER_LIMIT_1M, limits.acquire(1, true));
    }

    @Test
    void shouldTakeTheVenuesCountsAndForgetThemInTheNextWindow() {
        limits.onHeaders(99, 1, 2);

        assertEquals(Verdict.WEIGHT_LIMIT, limits.acquire(2, false));
        assertEquals(Verdict.GRANTED, limits.acquire(1, false));
        assertEquals(100, limits.usedWeight1m());

        clock.addAndGet(60_000);
        assertEquals(0, limits.usedWeight1m());
        assertEquals(0, limits.orderCount1m());
    }

    @Test
    void shouldStopOrdersForGoodAfterABanUntilResumed() {
        limits.onBanned(1_000);

        assertEquals(Verdict.IP_BANNED, limits.acquire(1, false));
        clock.addAndGet(1_000);
        assertEquals(Verdict.GRANTED, limits.acquire(1, false));
        assertEquals(Verdict.IP_BANNED, limits.acquire(1, true));
        assertTrue(limits.orderEntryStopped());

        limits.resumeOrderEntry();

        assertFalse(limits.orderEntryStopped());
        assertEquals(Verdict.GRANTED, limits.acquire(1, true));
        assertEquals(2, limits.refusals());
    }
}
