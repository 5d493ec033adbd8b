package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.OrderCommand;

/**
 * The outbound journal stage as the pipeline runs it: journals a command only once the inbound event that caused
 * it is in the inbound journal ({@link JournalProgress#awaitInbound}), then marks it {@link OrderCommand#journaled}
 * and advances {@link JournalProgress#outboundWritten()}. With {@code journal.gateOrders} the venue stage runs
 * behind this stage and sends only journaled commands: journal before send.
 *
 * <p>A command whose cause cannot be journaled (the inbound journal failed before it) is not journaled either, so
 * the outbound queue never holds a command that a replay of the inbound queue could not produce. The first failed
 * write of this queue records a {@link JournalProgress.Failure}; nothing more is written after it. Outbound journal
 * stage thread only.
 */
final class GuardedOutboundJournal implements OutboundJournal {
    private final OutboundJournal journal;
    private final JournalProgress progress;
    private final JournalGuard guard;

    GuardedOutboundJournal(final OutboundJournal journal, final JournalProgress progress) {
        this.journal = journal;
        this.progress = progress;
        this.guard = new JournalGuard(progress, EngineStatus.STREAM_OUTBOUND, journal.location());
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        command.journaled = false;
        if (guard.failed() || !progress.awaitInbound(command.causeSequence)) {
            progress.commandNotJournaled();
            return;
        }
        try {
            journal.onCommand(command, sequence, endOfBatch);
            progress.outboundWritten(sequence);
            command.journaled = true;
        } catch (final Throwable t) {
            progress.commandNotJournaled();
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
