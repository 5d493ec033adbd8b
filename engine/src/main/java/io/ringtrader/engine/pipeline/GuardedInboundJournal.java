package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.InboundEvent;

/**
 * The inbound journal stage as the pipeline runs it: advances {@link JournalProgress#inboundWritten()} after each
 * event the journal appended, and turns the first failed write into a recorded {@link JournalProgress.Failure} (one
 * ERROR line, the halt) instead of an exception per event. After a failure nothing more is written: the queue is
 * broken (a full file system faults every later write) and what is in it stays readable; later events are counted.
 *
 * <p>A write into a memory-mapped file that faults (no space left) surfaces as an {@link InternalError} at or soon
 * after the faulting access, so the last event or two marked written before a failure may be missing from the
 * queue; the gate then holds back their commands' successors, not those events' own. Journal stage thread only.
 */
final class GuardedInboundJournal implements InboundJournal {
    private final InboundJournal journal;
    private final JournalProgress progress;
    private final JournalGuard guard;

    GuardedInboundJournal(final InboundJournal journal, final JournalProgress progress) {
        this.journal = journal;
        this.progress = progress;
        this.guard = new JournalGuard(progress, EngineStatus.STREAM_INBOUND, journal.location());
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        if (guard.failed()) {
            progress.eventNotJournaled();
            return;
        }
        try {
            journal.onEvent(event, sequence, endOfBatch);
            progress.inboundWritten(sequence);
        } catch (final Throwable t) {
            progress.eventNotJournaled();
            guard.fail(t, sequence);
        }
    }

    @Override
    public void onStart() {
        journal.onStart();
    }

    @Override
    public void onShutdown() {
        guard.shutdown(journal::onShutdown);
    }

    @Override
    public String location() {
        return journal.location();
    }

    @Override
    public String toString() {
        return "Guarded" + journal;
    }
}
