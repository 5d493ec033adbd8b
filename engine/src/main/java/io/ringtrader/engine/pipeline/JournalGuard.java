package io.ringtrader.engine.pipeline;

/**
 * What the guarded journal stages share: whether their queue failed, and turning a failure into one recorded
 * {@link JournalProgress.Failure}. Used on the journal stage's thread only.
 */
final class JournalGuard {
    private final JournalProgress progress;
    private final int stream;
    private final String location;
    private boolean failed;

    JournalGuard(final JournalProgress progress, final int stream, final String location) {
        this.progress = progress;
        this.stream = stream;
        this.location = location;
    }

    boolean failed() {
        return failed;
    }

    /** The queue failed writing the message of {@code sequence} ({@code -1}: not a message's write). */
    void fail(final Throwable cause, final long sequence) {
        if (!failed) {
            failed = true;
            progress.fail(stream, location, cause, sequence);
        }
    }

    /** Runs the stage's shutdown; a failure there counts as the queue's failure unless it had failed already. */
    void shutdown(final Runnable shutdown) {
        try {
            shutdown.run();
        } catch (final Throwable t) {
            fail(t, -1);
        }
    }
}
