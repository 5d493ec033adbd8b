package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;

/**
 * Publishes onto the inbound ring, which has several producers (gateway IO threads, the timer thread,
 * venue stages sending execution reports). Thread-safe.
 *
 * <p>Every slot is {@link InboundEvent#reset() reset} before the translator fills it, so a translator
 * sets only what its event carries. Translators should be {@code static final} and non-capturing, with
 * the data in the argument (for example a decoder's reused staging object).
 *
 * <p>The {@code try*} methods never block: a full ring returns {@link PublishResult#BACK_PRESSURED}.
 * {@link #publish} waits for room, for producers that may (the timer thread); IO threads use the
 * {@code try*} methods.
 */
public final class InboundPublisher {
    private final RingBuffer<InboundEvent> ring;
    private final DistinctErrorHandler errors;
    private volatile boolean closed;

    InboundPublisher(final RingBuffer<InboundEvent> ring, final DistinctErrorHandler errors) {
        this.ring = ring;
        this.errors = errors;
    }

    /** Publishes one event if the ring has room; a full ring is counted as a dropped event. */
    public <A> PublishResult tryPublish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        return tryPublish(translator, arg, true);
    }

    /**
     * Publishes one event if the ring has room, for a producer that keeps what it could not publish and
     * tries again later (a consumer of this ring, which must never wait on it): a full ring is not a drop
     * and is not counted.
     */
    public <A> PublishResult tryPublishOrDefer(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        return tryPublish(translator, arg, false);
    }

    private <A> PublishResult tryPublish(
        final EventTranslatorOneArg<InboundEvent, A> translator, final A arg, final boolean countFull) {
        if (closed) {
            return PublishResult.CLOSED;
        }
        final long sequence;
        try {
            sequence = ring.tryNext();
        } catch (final InsufficientCapacityException e) {
            if (countFull) {
                errors.onProblem(ErrorKind.RING_FULL, "inbound ring full: event not published");
            }
            return PublishResult.BACK_PRESSURED;
        }
        return fillAndPublish(translator, arg, sequence);
    }

    /** Publishes one event, waiting for room if the ring is full. */
    public <A> PublishResult publish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        if (closed) {
            return PublishResult.CLOSED;
        }
        return fillAndPublish(translator, arg, ring.next());
    }

    /**
     * Publishes {@code count} events on consecutive sequences, atomically with respect to other
     * producers: a book update split over several slots. Sets {@code batchIndex} and {@code batchLast}.
     *
     * @param count between 1 and a quarter of the ring size.
     */
    public <A> PublishResult tryPublishBatch(final int count, final BatchTranslator<A> translator, final A source) {
        if (count < 1 || count > ring.getBufferSize() / 4) {
            throw new IllegalArgumentException("batch of " + count + " slots: must be 1.." + ring.getBufferSize() / 4);
        }
        if (closed) {
            return PublishResult.CLOSED;
        }
        final long hi;
        try {
            hi = ring.tryNext(count);
        } catch (final InsufficientCapacityException e) {
            errors.onProblem(ErrorKind.RING_FULL, "inbound ring full: book batch not published");
            return PublishResult.BACK_PRESSURED;
        }
        final long lo = hi - count + 1;
        PublishResult result = PublishResult.PUBLISHED;
        try {
            for (long sequence = lo; sequence <= hi; sequence++) {
                final InboundEvent event = ring.get(sequence);
                event.reset();
                event.batchIndex = (int)(sequence - lo);
                event.batchLast = sequence == hi;
                translator.translateTo(event, sequence, event.batchIndex, count, source);
            }
        } catch (final Throwable t) {
            errors.onError(ErrorKind.PRODUCER, "inbound batch translator", t);
            for (long sequence = lo; sequence <= hi; sequence++) {
                discard(ring.get(sequence));
            }
            result = PublishResult.FAILED;
        } finally {
            ring.publish(lo, hi);
        }
        return result;
    }

    /** Remaining free slots (a hint: other producers race for them). */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    /** True once the pipeline has stopped accepting events. */
    public boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    private <A> PublishResult fillAndPublish(
        final EventTranslatorOneArg<InboundEvent, A> translator, final A arg, final long sequence) {
        final InboundEvent event = ring.get(sequence);
        PublishResult result = PublishResult.PUBLISHED;
        try {
            event.reset();
            translator.translateTo(event, sequence, arg);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.PRODUCER, "inbound translator", t);
            discard(event);
            result = PublishResult.FAILED;
        } finally {
            ring.publish(sequence);
        }
        return result;
    }

    private static void discard(final InboundEvent event) {
        event.reset();
        event.kind = EventKind.DISCARDED;
    }
}
