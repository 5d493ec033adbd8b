package io.ringtrader.gateway.binance.user;

import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.gateway.binance.ReusedSlotSink;
import io.ringtrader.gateway.binance.TestClientOrderIds;
import io.ringtrader.gateway.binance.TestInstruments;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Allocation on the user-stream IO thread in steady state, measured with the thread's allocated-bytes counter as in
 * {@code DecodeAllocationTest}: after a warm-up, five windows of fills (one in four of another session's order, counted
 * and reported, not published) and account updates decoded, translated into a reused slot and delivered to a position
 * listener. A per-frame allocation would show at least 16 bytes per frame
 * in every window; the JVM now and then charges a few bytes to the thread, so one clean window is asked for and the
 * others are bounded by far less than a byte per frame.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UserStreamAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int WINDOWS = 5;
    private static final int WINDOW = 4_000;
    /** Every fourth fill is of another session's order. */
    private static final int OTHER_SESSION_EVERY = 4;

    @Test
    void shouldNotAllocateWhileDecodingFillsAndAccountUpdates() {
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter on this JVM");
        final com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean)threads;
        final UnsafeBuffer[] fills = new UnsafeBuffer[16];
        for (int i = 0; i < fills.length; i++) {
            final String tag = otherSession(i) ? TestClientOrderIds.OTHER_TAG : TestClientOrderIds.TAG;
            final String clientId = "rt-" + tag + "-42";
            fills[i] = ascii(UserStreamFrames.order(clientId, "TRADE", "PARTIALLY_FILLED", "0.050", "0.001",
                "0.0" + (10 + i), "7103." + (10 + i), "0.0028" + (1000 + i), 1_000 + i, i % 2 == 0));
        }
        final UnsafeBuffer account = ascii(UserStreamFrames.ACCOUNT_UPDATE_DOCS);
        final long[] positions = new long[1];
        final UserStreamDecoder decoder = new UserStreamDecoder(TestInstruments.registry(), new ReusedSlotSink(4),
            update -> positions[0] += update.positionAmt(), ListenKeyExpiryListener.NONE, new DistinctErrorHandler(),
            TestClientOrderIds.SESSION, true);

        decodeAll(decoder, fills, account, WARM_UP);
        allocation.getCurrentThreadAllocatedBytes();
        final long[] bytesPerWindow = new long[WINDOWS];
        for (int window = 0; window < WINDOWS; window++) {
            final long before = allocation.getCurrentThreadAllocatedBytes();
            decodeAll(decoder, fills, account, WINDOW);
            bytesPerWindow[window] = allocation.getCurrentThreadAllocatedBytes() - before;
        }

        final int fillsDecoded = WARM_UP + WINDOWS * WINDOW;
        assertEquals(fillsDecoded / OTHER_SESSION_EVERY, decoder.otherSessionOrders());
        assertEquals(fillsDecoded - decoder.otherSessionOrders(), decoder.published());
        assertEquals(0, decoder.decodeErrors());
        final String windows = Arrays.toString(bytesPerWindow);
        assertEquals(0, Arrays.stream(bytesPerWindow).min().orElseThrow(), "bytes per window: " + windows);
        assertTrue(Arrays.stream(bytesPerWindow).allMatch(bytes -> bytes < WINDOW), "bytes per window: " + windows);
    }

    private static void decodeAll(final UserStreamDecoder decoder, final UnsafeBuffer[] fills, final UnsafeBuffer account,
        final int count) {
        for (int i = 0; i < count; i++) {
            final UnsafeBuffer fill = fills[i % fills.length];
            final DecodeStatus fillStatus = decoder.onFrame(fill, 0, fill.capacity(), i);
            final DecodeStatus accountStatus = decoder.onFrame(account, 0, account.capacity(), i);
            final DecodeStatus expected = otherSession(i % fills.length) ? DecodeStatus.IGNORED : DecodeStatus.OK;
            if (fillStatus != expected || accountStatus != DecodeStatus.OK) {
                throw new AssertionError("frame " + i + ": " + fillStatus + ", " + accountStatus);
            }
        }
    }

    private static boolean otherSession(final int fill) {
        return fill % OTHER_SESSION_EVERY == OTHER_SESSION_EVERY - 1;
    }
}
