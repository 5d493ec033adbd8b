package io.ringtrader.recorder;

import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.pipeline.OutboundJournal;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The journal stage of the outbound ring: appends every order command with its risk decision, rejected
 * ones included, to the {@code outbound/} queue, encoded by {@link OrderCommandCodec}.
 *
 * <p>Runs on the outbound journal stage's thread: {@link #onStart()}, {@link #onCommand} and
 * {@link #onShutdown()} must all be called on one thread. Appending does not allocate in steady state.
 */
public final class OutboundJournalWriter implements OutboundJournal {
    private final QueueWriter queue;

    /** Creates the queue directory; opens nothing yet. */
    public OutboundJournalWriter(final JournalConfig config) {
        this(config, null);
    }

    OutboundJournalWriter(final JournalConfig config, final TimeProvider timeProvider) {
        queue = new QueueWriter(config, JournalStream.OUTBOUND, timeProvider);
    }

    @Override
    public void onStart() {
        queue.open();
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        OrderCommandCodec.encode(command, sequence, queue.staging());
        queue.appendStaged();
        if (endOfBatch) {
            queue.endOfBatch();
        }
    }

    @Override
    public void onShutdown() {
        queue.close();
    }

    /** Chronicle index of the last command appended. Writer thread only. */
    public long lastIndexAppended() {
        return queue.lastIndexAppended();
    }

    @Override
    public String location() {
        return queue.directory().toString();
    }

    @Override
    public String toString() {
        return "OutboundJournalWriter{" + queue.directory() + '}';
    }
}
