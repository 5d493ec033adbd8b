package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.time.ManualEpochNanoClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimerProducerTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldTickOnAFixedGridAndSkipTicksItFellBehindOn() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000 * MS);
        final TimerProducer timer = new TimerProducer(10 * MS, clock, new DistinctErrorHandler(), "test-timer");
        final List<long[]> ticks = new ArrayList<>();
        final Pipeline pipeline = pipeline(timer, ticks);
        pipeline.start();
        try {
            clock.advance(10 * MS);
            awaitTicks(ticks, 1);
            clock.advance(45 * MS);
            awaitTicks(ticks, 2);
        } finally {
            assertTrue(pipeline.stop().clean());
        }

        synchronized (ticks) {
            assertEquals(2, ticks.size());
            assertEquals(1_010 * MS, ticks.get(0)[0], "first tick one interval after start");
            assertEquals(1_020 * MS, ticks.get(1)[0], "the next tick due, published late");
            assertEquals(1_055 * MS, ticks.get(1)[1], "stamped with the time it fired");
        }
        assertEquals(2, timer.ticks());
        assertEquals(3, timer.skipped(), "ticks due at 1030, 1040 and 1050 were skipped, not burst");
    }

    /** A tick comes from no venue: its exchange time is absent, never the local scheduled time. */
    @Test
    void shouldPublishTicksWithoutAnExchangeTime() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000 * MS);
        final List<long[]> ticks = new ArrayList<>();
        final Pipeline pipeline = pipeline(new TimerProducer(10 * MS, clock, new DistinctErrorHandler(), "test-timer"), ticks);
        pipeline.start();
        try {
            clock.advance(10 * MS);
            awaitTicks(ticks, 1);
        } finally {
            assertTrue(pipeline.stop().clean());
        }

        synchronized (ticks) {
            assertEquals(1_010 * MS, ticks.get(0)[0], "scheduled time");
            assertEquals(InboundEvent.NONE, ticks.get(0)[2], "exchange time");
        }
    }

    @Test
    void shouldRefuseAnIntervalBelowOneMillisecond() {
        assertThrows(IllegalArgumentException.class,
            () -> new TimerProducer(MS - 1, new ManualEpochNanoClock(0), new DistinctErrorHandler()));
    }

    /** A pipeline whose journal stage collects each tick's scheduled, receive and exchange time. */
    private static Pipeline pipeline(final TimerProducer timer, final List<long[]> ticks) {
        return Pipeline.builder()
            .inboundRingSize(64)
            .journal((event, sequence, endOfBatch) -> {
                assertEquals(EventKind.TIMER, event.kind);
                synchronized (ticks) {
                    ticks.add(new long[] {event.timerScheduledNs, event.receiveTimeNs, event.exchangeTimeNs});
                }
            })
            .producer(timer)
            .build();
    }

    private static void awaitTicks(final List<long[]> ticks, final int count) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            synchronized (ticks) {
                if (ticks.size() >= count) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        throw new AssertionError("fewer than " + count + " ticks");
    }
}
