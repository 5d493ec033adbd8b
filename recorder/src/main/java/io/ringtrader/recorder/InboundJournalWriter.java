package io.ringtrader.recorder;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.InboundJournal;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The journal stage of the inbound ring: appends every event it is given, DISCARDED slots included, to the
 * {@code inbound/} queue in ring order, encoded by {@link InboundEventCodec}.
 *
 * <p>Runs on the journal stage's thread: {@link #onStart()}, {@link #onEvent} and {@link #onShutdown()} must
 * all be called on one thread (the queue is opened in {@code onStart}). Appending does not allocate in
 * steady state. It reads only the fields producers write, never the stages' outputs, which other
 * threads are writing at the same time.
 */
public final class InboundJournalWriter implements InboundJournal {
    private final QueueWriter queue;

    /** Creates the queue directory; opens nothing yet. */
    public InboundJournalWriter(final JournalConfig config) {
        this(config, null);
    }

    InboundJournalWriter(final JournalConfig config, final TimeProvider timeProvider) {
        queue = new QueueWriter(config, JournalStream.INBOUND, timeProvider);
    }

    @Override
    public void onStart() {
        queue.open();
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        InboundEventCodec.encode(event, sequence, queue.staging());
        queue.appendStaged();
        if (endOfBatch) {
            queue.endOfBatch();
        }
    }

    @Override
    public void onShutdown() {
        queue.close();
    }

    /** Chronicle index of the last event appended. Writer thread only. */
    public long lastIndexAppended() {
        return queue.lastIndexAppended();
    }

    @Override
    public String location() {
        return queue.directory().toString();
    }

    @Override
    public String toString() {
        return "InboundJournalWriter{" + queue.directory() + '}';
    }
}
