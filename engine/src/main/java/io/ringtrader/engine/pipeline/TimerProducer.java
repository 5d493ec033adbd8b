package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The timer thread, an inbound producer (not a duty-cycle agent: it owns its thread and sleeps to the next tick):
 * publishes a {@link EventKind#TIMER} tick every interval, so time-driven logic
 * (holding-time exits, staleness checks) runs on ring events that are journaled and replayed, never on
 * the wall clock.
 *
 * <p>Both times of a tick are the engine clock's: {@link InboundEvent#timerScheduledNs} the grid time it was due,
 * {@link InboundEvent#receiveTimeNs} the time it fired. It has no venue, so its {@link InboundEvent#exchangeTimeNs}
 * is {@link InboundEvent#NONE} (journals of schema 5 and earlier hold the scheduled time there).
 *
 * <p>Ticks are scheduled on a fixed grid from the start time; when the thread falls behind by more
 * than an interval, the missed ticks are skipped and counted rather than published in a burst. A full
 * ring drops the tick (counted as {@code RING_FULL}); the timer never blocks the ring.
 */
public final class TimerProducer implements InboundProducer {
    /** The timer id of the periodic heartbeat tick. */
    public static final int HEARTBEAT_TIMER_ID = 1;

    private static final EventTranslatorOneArg<InboundEvent, TimerProducer> TICK = (event, sequence, timer) -> {
        event.kind = EventKind.TIMER;
        event.timerId = HEARTBEAT_TIMER_ID;
        event.timerScheduledNs = timer.scheduledNs;
        // A tick comes from no venue: it has no exchange time (the slot's reset already says so).
        event.exchangeTimeNs = InboundEvent.NONE;
        event.receiveTimeNs = timer.firedNs;
    };

    private final long intervalNs;
    private final EpochNanoClock clock;
    private final DistinctErrorHandler errors;
    private final String threadName;
    private volatile boolean running;
    private volatile long ticks;
    private volatile long skipped;
    private Thread thread;
    private long scheduledNs;
    private long firedNs;

    public TimerProducer(final long intervalNs, final EpochNanoClock clock, final DistinctErrorHandler errors) {
        this(intervalNs, clock, errors, "rt-timer");
    }

    public TimerProducer(final long intervalNs, final EpochNanoClock clock, final DistinctErrorHandler errors, final String threadName) {
        if (intervalNs < TimeUnit.MILLISECONDS.toNanos(1)) {
            throw new IllegalArgumentException("timer interval must be >= 1ms: " + intervalNs + "ns");
        }
        this.intervalNs = intervalNs;
        this.clock = clock;
        this.errors = errors;
        this.threadName = threadName;
    }

    @Override
    public String name() {
        return "timer";
    }

    @Override
    public synchronized void start(final InboundPublisher publisher) {
        if (thread != null) {
            throw new IllegalStateException("timer already started");
        }
        running = true;
        // The grid starts now, on the caller's clock reading, not whenever the new thread first runs.
        final long firstTickNs = clock.nanoTime() + intervalNs;
        thread = new Thread(() -> run(publisher, firstTickNs), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("timer thread did not stop within 5s");
        }
    }

    /** Ticks published so far. */
    public long ticks() {
        return ticks;
    }

    /** Ticks skipped because the thread fell behind. */
    public long skipped() {
        return skipped;
    }

    private void run(final InboundPublisher publisher, final long firstTickNs) {
        long nextNs = firstTickNs;
        while (running) {
            final long waitNs = nextNs - clock.nanoTime();
            if (waitNs > 0) {
                LockSupport.parkNanos(this, waitNs);
                continue;
            }
            scheduledNs = nextNs;
            firedNs = clock.nanoTime();
            try {
                if (publisher.tryPublish(TICK, this) == PublishResult.PUBLISHED) {
                    ticks++;
                }
            } catch (final Throwable t) {
                errors.onError(ErrorKind.PRODUCER, threadName, t);
            }
            nextNs += intervalNs;
            final long behindNs = firedNs - nextNs;
            if (behindNs > 0) {
                final long missed = behindNs / intervalNs + 1;
                skipped += missed;
                nextNs += missed * intervalNs;
            }
        }
    }
}
