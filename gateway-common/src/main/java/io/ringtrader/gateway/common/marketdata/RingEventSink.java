package io.ringtrader.gateway.common.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.BatchTranslator;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.PublishResult;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link EventSink} over the inbound ring. In {@link Mode#TRY} (gateway IO threads) a full ring drops the
 * event and reports it (the publisher counts {@code RING_FULL}); in {@link Mode#WAIT} (capture import, a sole
 * producer that must lose nothing) it parks briefly until the ring has room.
 *
 * <p>Used by one producer thread; the counters are that thread's.
 */
public final class RingEventSink implements EventSink {
    /** What to do when the ring is full. */
    public enum Mode { TRY, WAIT }

    private static final long PARK_NS = 50_000L;

    private final InboundPublisher publisher;
    private final int levelsPerSlot;
    private final Mode mode;
    private long slotsPublished;
    private long failures;

    /**
     * @param publisher     the inbound ring's publisher.
     * @param levelsPerSlot the ring's {@code levelsPerSlot} setting.
     * @param mode          drop or wait when the ring is full.
     */
    public RingEventSink(final InboundPublisher publisher, final int levelsPerSlot, final Mode mode) {
        if (levelsPerSlot < 1) {
            throw new IllegalArgumentException("levelsPerSlot must be >= 1: " + levelsPerSlot);
        }
        this.publisher = publisher;
        this.levelsPerSlot = levelsPerSlot;
        this.mode = mode;
    }

    @Override
    public <A> boolean publish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        if (mode == Mode.WAIT && !awaitRoom(1)) {
            failures++;
            return false;
        }
        return counted(publisher.tryPublish(translator, arg), 1);
    }

    @Override
    public <A> boolean publishBatch(final int count, final BatchTranslator<A> translator, final A source) {
        if (mode == Mode.WAIT && !awaitRoom(count)) {
            failures++;
            return false;
        }
        return counted(publisher.tryPublishBatch(count, translator, source), count);
    }

    @Override
    public int levelsPerSlot() {
        return levelsPerSlot;
    }

    /** Ring slots published through this sink. */
    public long slotsPublished() {
        return slotsPublished;
    }

    /** Events or batches not published (ring full in TRY mode, closed, translator failure). */
    public long failures() {
        return failures;
    }

    private boolean awaitRoom(final int slots) {
        while (publisher.remainingCapacity() < slots) {
            if (publisher.isClosed()) {
                return false;
            }
            LockSupport.parkNanos(PARK_NS);
        }
        return true;
    }

    private boolean counted(final PublishResult result, final int slots) {
        if (result == PublishResult.PUBLISHED) {
            slotsPublished += slots;
            return true;
        }
        failures++;
        return false;
    }
}
