package io.ringtrader.gateway.common.ws;

import java.util.ArrayDeque;

/**
 * The paced send queue of one socket: every outgoing frame waits here until the venue's message rate allows it
 * ({@link OutboundRateLimiter}: at most {@code maxMessages} in any window). Control frames (pong, ping, close) go
 * before text frames and are never dropped; text frames may be dropped as a whole when the socket closes.
 *
 * <p>The owner calls {@link #drain(long)} after queueing and whenever {@link #delayNs(long)} said a frame may go;
 * nothing here reads a clock or schedules.
 *
 * <p>Not thread-safe: used on the connection's event loop. Allocation-free after construction, but for the queues'
 * growth.
 *
 * @param <F> the frame type.
 */
public final class SendPacer<F> {
    /** Returned by {@link #delayNs} when nothing is queued. */
    public static final long NOTHING_QUEUED = -1;

    /** Where frames go. */
    public interface Output<F> {
        /** True while frames can be written (the socket is open). */
        boolean isWritable();

        /** Writes one frame now; it is the output's from then on. */
        void write(F frame);

        /** A frame that will never be written (dropped): release what it holds. */
        void discard(F frame);
    }

    private final ArrayDeque<F> control = new ArrayDeque<>();
    private final ArrayDeque<F> text = new ArrayDeque<>();
    private final OutboundRateLimiter limiter;
    private final Output<F> output;

    /**
     * @param maxMessages frames allowed in any window.
     * @param windowNs    the window (the venue's second, plus a guard for network timing).
     * @param output      where frames are written.
     */
    public SendPacer(final int maxMessages, final long windowNs, final Output<F> output) {
        this.limiter = new OutboundRateLimiter(maxMessages, windowNs);
        this.output = output;
    }

    /** Queues a frame; {@link #drain} sends it when the rate allows. */
    public void offer(final F frame, final boolean isControl) {
        (isControl ? control : text).add(frame);
    }

    /**
     * Writes queued frames, control first, as long as the output is writable and the rate allows.
     *
     * @return how many frames were written.
     */
    public int drain(final long nowNs) {
        int written = 0;
        while (!(control.isEmpty() && text.isEmpty()) && output.isWritable() && limiter.delayNs(nowNs) == 0) {
            final F frame = control.isEmpty() ? text.poll() : control.poll();
            limiter.onSent(nowNs);
            written++;
            output.write(frame);
        }
        return written;
    }

    /** How long until the next queued frame may go: 0 for now, {@link #NOTHING_QUEUED} when none waits. */
    public long delayNs(final long nowNs) {
        return control.isEmpty() && text.isEmpty() ? NOTHING_QUEUED : limiter.delayNs(nowNs);
    }

    /** Frames waiting. */
    public int queued() {
        return control.size() + text.size();
    }

    /** Drops the queued text frames (the socket is closing: only its close frame still matters). */
    public void discardText() {
        discard(text);
    }

    /** Drops everything queued (the socket is gone). */
    public void discardAll() {
        discard(control);
        discard(text);
    }

    private void discard(final ArrayDeque<F> queue) {
        F frame;
        while ((frame = queue.poll()) != null) {
            output.discard(frame);
        }
    }
}
