package io.ringtrader.recorder;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.pipeline.JournalProgress;
import net.openhft.chronicle.core.time.TimeProvider;
import org.agrona.DirectBuffer;

/**
 * Appends raw venue frames, with their receive time and source id, to the {@code raw/} queue of a journal.
 *
 * <p>Single-threaded: {@link #open()}, {@link #append} and {@link #close()} on one thread (a gateway's
 * IO thread). Several IO threads use one writer each, on the same journal: Chronicle's write lock orders
 * their messages. {@link #append} does not allocate in steady state.
 */
public final class RawFrameWriter implements AutoCloseable {
    private static final int INITIAL_SCRATCH = 4_096;

    private final QueueWriter queue;
    /** Frames from an off-heap buffer are copied here first; grows only for a frame longer than any before. */
    private byte[] scratch = new byte[INITIAL_SCRATCH];
    private JournalProgress progress;
    private boolean failed;
    private long unjournaled;

    /** Creates the queue directory; opens nothing yet. */
    public RawFrameWriter(final JournalConfig config) {
        this(config, null);
    }

    RawFrameWriter(final JournalConfig config, final TimeProvider timeProvider) {
        queue = new QueueWriter(config, JournalStream.RAW, timeProvider);
    }

    /**
     * Reports the first failed write to {@code progress} (one ERROR line; trading halts) instead of throwing it into
     * the gateway's read loop; after it nothing more is written, and frames are counted ({@link #unjournaled()}).
     * Without it a failed write throws. Call before {@link #open()}.
     */
    public RawFrameWriter reportFailuresTo(final JournalProgress progress) {
        this.progress = progress;
        return this;
    }

    /** Frames not journaled because the queue had failed. */
    public long unjournaled() {
        return unjournaled;
    }

    /** Opens the queue on the calling thread, the one that appends. */
    public void open() {
        queue.open();
    }

    /** Appends {@code frame[offset, offset + length)}. */
    public void append(final long receiveTimeNs, final int sourceId, final byte[] frame, final int offset, final int length) {
        if (failed) {
            unjournaled++;
            return;
        }
        try {
            RawFrameCodec.encode(receiveTimeNs, sourceId, frame, offset, length, queue.staging());
            queue.appendStaged();
        } catch (final RuntimeException | Error e) {
            fail(e);
        }
    }

    /** Appends {@code buffer[offset, offset + length)} (e.g. a frame still in the network buffer). */
    public void append(final long receiveTimeNs, final int sourceId, final DirectBuffer buffer, final int offset, final int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(offset, scratch, 0, length);
        append(receiveTimeNs, sourceId, scratch, 0, length);
    }

    /** Syncs when configured to and applies retention after a roll: call when a read loop goes idle. */
    public void endOfBatch() {
        if (failed) {
            return;
        }
        try {
            queue.endOfBatch();
        } catch (final RuntimeException | Error e) {
            fail(e);
        }
    }

    @Override
    public void close() {
        try {
            queue.close();
        } catch (final RuntimeException | Error e) {
            if (!failed) {
                fail(e);
            }
        }
    }

    private void fail(final Throwable e) {
        if (progress == null) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error)e;
        }
        failed = true;
        unjournaled++;
        progress.fail(EngineStatus.STREAM_RAW, queue.directory().toString(), e, -1);
    }

    @Override
    public String toString() {
        return "RawFrameWriter{" + queue.directory() + '}';
    }
}
