package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.Sequence;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EngineStatus;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * What the journal stages have written and whether they failed: the gate of the order path
 * ({@code journal.gateOrders}) and the trigger of the journal-failure halt.
 *
 * <p>The inbound and outbound journal stages, wrapped by the pipeline, advance {@link #inboundWritten()} and
 * {@link #outboundWritten()} after each message they appended, on their own threads (one ordered store each). The
 * first failed write of a stream records a {@link Failure} (once per stream), logs it as one ERROR line and wakes
 * the failure listeners (the health agent publishes an {@link EngineStatus#JOURNAL_FAILED} event). Everything here
 * may be read from any thread.
 */
public final class JournalProgress {
    /** How long the outbound journal waits for the inbound journal to write a command's cause before giving up. */
    static final long CAUSE_WAIT_LIMIT_NS = TimeUnit.SECONDS.toNanos(10);
    private static final int STREAMS = 4;

    private final DistinctErrorHandler errors;
    private final Sequence inbound = new Sequence(-1);
    private final Sequence outbound = new Sequence(-1);
    private final AtomicReferenceArray<Failure> failures = new AtomicReferenceArray<>(STREAMS);
    private final AtomicLong unjournaledEvents = new AtomicLong();
    private final AtomicLong unjournaledCommands = new AtomicLong();
    private final AtomicLong commandsNotSent = new AtomicLong();
    private final List<Runnable> failureListeners = new CopyOnWriteArrayList<>();

    public JournalProgress(final DistinctErrorHandler errors) {
        this.errors = errors;
    }

    /**
     * A journal stream that can no longer be written.
     *
     * @param stream   {@link EngineStatus#STREAM_INBOUND}, {@link EngineStatus#STREAM_OUTBOUND} or
     *                 {@link EngineStatus#STREAM_RAW}.
     * @param location the queue's directory.
     * @param cause    the exception's type and message.
     * @param sequence the ring sequence whose message failed ({@code -1} for raw frames).
     * @param message  the one-line description that was logged.
     */
    public record Failure(int stream, String location, String cause, long sequence, String message) {
    }

    /** Last inbound ring sequence the inbound journal appended; -1 before the first. */
    public long inboundWritten() {
        return inbound.get();
    }

    /** Last outbound ring sequence the outbound journal appended; -1 before the first. */
    public long outboundWritten() {
        return outbound.get();
    }

    /** The first failure of any stream, or null; any thread. */
    public Failure failure() {
        for (int stream = 1; stream < STREAMS; stream++) {
            final Failure failure = failures.get(stream);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** The failure of {@code stream}, or null. */
    public Failure failure(final int stream) {
        return failures.get(stream);
    }

    /** True once any journal stream failed. */
    public boolean failed() {
        return failure() != null;
    }

    /** Inbound events not journaled because the inbound journal had failed. */
    public long unjournaledEvents() {
        return unjournaledEvents.get();
    }

    /** Order commands not journaled (their journal, or their cause's, had failed). */
    public long unjournaledCommands() {
        return unjournaledCommands.get();
    }

    /** Order commands the venue stage did not send because they were not journaled. */
    public long commandsNotSent() {
        return commandsNotSent.get();
    }

    /** Runs {@code listener} (on the failing journal's thread; it must not block) after every first failure of a stream. */
    public void onFailure(final Runnable listener) {
        failureListeners.add(listener);
    }

    void inboundWritten(final long sequence) {
        inbound.set(sequence);
    }

    void outboundWritten(final long sequence) {
        outbound.set(sequence);
    }

    void eventNotJournaled() {
        unjournaledEvents.incrementAndGet();
    }

    void commandNotJournaled() {
        unjournaledCommands.incrementAndGet();
    }

    void commandNotSent() {
        commandsNotSent.incrementAndGet();
    }

    /**
     * Waits until the inbound journal has appended {@code causeSequence}: spins briefly, then yields, then parks in
     * short steps, so a journal a few microseconds behind costs microseconds and one far behind costs no CPU.
     *
     * @return true once it is written; false when the inbound journal failed first or stalled for
     *         {@link #CAUSE_WAIT_LIMIT_NS}.
     */
    boolean awaitInbound(final long causeSequence) {
        if (causeSequence < 0 || inbound.get() >= causeSequence) {
            return true;
        }
        final long deadlineNs = System.nanoTime() + CAUSE_WAIT_LIMIT_NS;
        for (int round = 0; ; round++) {
            if (inbound.get() >= causeSequence) {
                return true;
            }
            if (failures.get(EngineStatus.STREAM_INBOUND) != null) {
                return inbound.get() >= causeSequence;
            }
            if (round < 1_000) {
                Thread.onSpinWait();
            } else if (round < 2_000) {
                Thread.yield();
            } else {
                if (System.nanoTime() > deadlineNs) {
                    errors.onProblem(ErrorKind.JOURNAL, "outbound journal: the inbound journal did not write a command's"
                        + " cause within 10 s; that command is neither journaled nor sent");
                    return false;
                }
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /**
     * Records the first failure of {@code stream}, logs it as one ERROR line (path, cause, free space, what happens
     * now) and wakes the listeners; later failures of the same stream are only counted by the caller.
     *
     * @return true if this call recorded the stream's failure.
     */
    public boolean fail(final int stream, final String location, final Throwable cause, final long sequence) {
        final String causeText = describe(cause);
        final String message = "journal: cannot write the " + streamName(stream) + " queue " + location
            + (sequence >= 0 ? " (ring sequence " + sequence + ")" : "") + ": " + causeText + freeSpace(location)
            + ". Trading is HALTED for the rest of the session: nothing unjournaled is sent, no new order passes risk;"
            + " the session ends with exit code 1";
        final Failure failure = new Failure(stream, location, causeText, sequence, message);
        if (!failures.compareAndSet(stream, null, failure)) {
            return false;
        }
        errors.onFailure(ErrorKind.JOURNAL, message);
        for (final Runnable listener : failureListeners) {
            try {
                listener.run();
            } catch (final RuntimeException e) {
                errors.onError(ErrorKind.INTERNAL, "journal failure listener", e);
            }
        }
        return true;
    }

    static String streamName(final int stream) {
        return switch (stream) {
            case EngineStatus.STREAM_INBOUND -> "inbound";
            case EngineStatus.STREAM_OUTBOUND -> "outbound";
            case EngineStatus.STREAM_RAW -> "raw";
            default -> "stream " + stream;
        };
    }

    private static String describe(final Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        final String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (root == cause) {
            return text;
        }
        return text + " (caused by " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }

    private static String freeSpace(final String location) {
        try {
            Path path = Path.of(location);
            while (path != null && !Files.exists(path)) {
                path = path.getParent();
            }
            if (path == null) {
                return "";
            }
            final FileStore store = Files.getFileStore(path);
            return "; its file system has " + bytes(store.getUsableSpace()) + " of " + bytes(store.getTotalSpace()) + " free";
        } catch (final IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@code bytes} in binary units with one decimal: {@code 8.0 MiB}. */
    public static String bytes(final long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        final String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
