package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import java.util.concurrent.locks.LockSupport;
import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A sequence barrier with its own wait strategy. Disruptor ties the wait strategy to the ring; we
 * want it per thread (a pinned logic thread spins while the journal thread blocks on the same ring), so
 * each stage thread gets a barrier like this over the shared ring.
 *
 * <p>A blocking thread must use the ring's own wait strategy, which the sequencer signals on publish; behind another
 * consumer it does not spin for that one (see {@link #waitBlockingBehindDependent}).
 */
final class StageBarrier implements SequenceBarrier {
    private static final long DEPENDENT_PARK_NS = 10_000;
    private final RingBuffer<?> ring;
    private final WaitStrategy waitStrategy;
    private final Sequence cursor;
    private final Sequence dependent;
    private final boolean blockingBehindDependent;
    private volatile boolean alerted;

    StageBarrier(final RingBuffer<?> ring, final WaitStrategy waitStrategy, final Sequence dependent) {
        this.ring = ring;
        this.waitStrategy = waitStrategy;
        this.cursor = new CursorSequence(ring);
        this.dependent = dependent == null ? cursor : dependent;
        this.blockingBehindDependent = dependent != null && waitStrategy instanceof BlockingWaitStrategy;
    }

    @Override
    public long waitFor(final long sequence) throws AlertException, InterruptedException, TimeoutException {
        checkAlert();
        final long available = blockingBehindDependent ? waitBlockingBehindDependent(sequence)
            : waitStrategy.waitFor(sequence, cursor, dependent, this);
        if (available < sequence) {
            return available;
        }
        // On a multi-producer ring the cursor is the highest claimed sequence: stop at the first gap.
        for (long next = sequence; next <= available; next++) {
            if (!ring.isAvailable(next)) {
                return next - 1;
            }
        }
        return available;
    }

    /**
     * A blocking thread behind another consumer: Disruptor's blocking strategy blocks only until the cursor has
     * moved and then spins until the consumer ahead has caught up, which on a small machine burns a core for as long
     * as that consumer is busy (the gated venue behind an outbound journal that waits for the inbound journal). Here
     * it blocks on the cursor as usual, then spins briefly, yields, and parks in short steps.
     */
    private long waitBlockingBehindDependent(final long sequence) throws AlertException, InterruptedException, TimeoutException {
        waitStrategy.waitFor(sequence, cursor, cursor, this);
        long available;
        for (int round = 0; (available = dependent.get()) < sequence; round++) {
            checkAlert();
            if (round < 200) {
                Thread.onSpinWait();
            } else if (round < 400) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(DEPENDENT_PARK_NS);
            }
        }
        return available;
    }

    @Override
    public long getCursor() {
        return dependent.get();
    }

    @Override
    public boolean isAlerted() {
        return alerted;
    }

    @Override
    public void alert() {
        alerted = true;
        waitStrategy.signalAllWhenBlocking();
    }

    @Override
    public void clearAlert() {
        alerted = false;
    }

    @Override
    public void checkAlert() throws AlertException {
        if (alerted) {
            throw AlertException.INSTANCE;
        }
    }

    /** The ring's cursor seen as a {@link Sequence}, as wait strategies expect. */
    private static final class CursorSequence extends Sequence {
        private final RingBuffer<?> ring;

        CursorSequence(final RingBuffer<?> ring) {
            this.ring = ring;
        }

        @Override
        public long get() {
            return ring.getCursor();
        }
    }
}
