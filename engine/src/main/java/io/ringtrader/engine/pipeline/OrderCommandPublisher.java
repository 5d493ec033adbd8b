package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderIntent;

/**
 * Publishes order commands onto the outbound ring. The router is its single producer: call only on the
 * router's thread.
 *
 * <p>A full outbound ring is back-pressure: the call waits (spinning politely) until the venue stage
 * frees a slot, because an order command must never be dropped. It gives up only when the pipeline
 * closes, returning {@link PublishResult#CLOSED}.
 */
public final class OrderCommandPublisher {
    private final RingBuffer<OrderCommand> ring;
    private volatile boolean closed;
    private long backPressureWaits;

    OrderCommandPublisher(final RingBuffer<OrderCommand> ring) {
        this.ring = ring;
    }

    /** Publishes the command for a decided intent; returns PUBLISHED or CLOSED. */
    public PublishResult publish(
        final OrderIntent intent, final int venueId, final InboundEvent cause, final long causeSequence) {
        long sequence;
        while (true) {
            if (closed) {
                return PublishResult.CLOSED;
            }
            try {
                sequence = ring.tryNext();
                break;
            } catch (final InsufficientCapacityException e) {
                backPressureWaits++;
                Thread.onSpinWait();
            }
        }
        try {
            final OrderCommand command = ring.get(sequence);
            command.reset();
            command.set(intent, venueId, cause, causeSequence);
        } finally {
            ring.publish(sequence);
        }
        return PublishResult.PUBLISHED;
    }

    /** Times a publish found the ring full and had to wait (router thread only). */
    public long backPressureWaits() {
        return backPressureWaits;
    }

    void close() {
        closed = true;
    }
}
