package io.ringtrader.recorder;

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
