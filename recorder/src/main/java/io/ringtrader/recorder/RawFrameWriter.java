package io.ringtrader.recorder;

import net.openhft.chronicle.core.time.TimeProvider;

/**
 * Appends raw venue frames, with their receive time and source id, to the {@code raw/} queue of a journal.
 *
 * <p>Single-threaded: {@link #open()}, {@link #append} and {@link #close()} on one thread (a gateway's
 * IO thread). Several IO threads use one writer each, on the same journal: Chronicle's write lock orders
 * their messages. {@link #append} does not allocate in steady state.
 */
public final class RawFrameWriter implements AutoCloseable {
    private final QueueWriter queue;

    /** Creates the queue directory; opens nothing yet. */
    public RawFrameWriter(final JournalConfig config) {
        this(config, null);
    }

    RawFrameWriter(final JournalConfig config, final TimeProvider timeProvider) {
        queue = new QueueWriter(config, JournalStream.RAW, timeProvider);
    }

    /** Opens the queue on the calling thread, the one that appends. */
    public void open() {
        queue.open();
    }

    /** Appends {@code frame[offset, offset + length)}. */
    public void append(final long receiveTimeNs, final int sourceId, final byte[] frame, final int offset, final int length) {
        RawFrameCodec.encode(receiveTimeNs, sourceId, frame, offset, length, queue.staging());
        queue.appendStaged();
    }

    /** Syncs when configured to and applies retention after a roll: call when a read loop goes idle. */
    public void endOfBatch() {
        queue.endOfBatch();
    }

    @Override
    public void close() {
        queue.close();
    }

    @Override
    public String toString() {
        return "RawFrameWriter{" + queue.directory() + '}';
    }
}
