package io.ringtrader.gateway.common.ws;

import org.agrona.DirectBuffer;

/**
 * The handover of a connection whose frames carry no stream and event id to join two sockets by (a user data stream):
 * while both sockets deliver, each frame goes downstream once, the first time its bytes are seen; a frame whose bytes
 * equal one of the last {@value #REMEMBERED} delivered during the handover is dropped. It never completes by itself:
 * the rotation finishes when the handover times out, with nothing unmatched.
 *
 * <p>Not thread-safe: used on the connection's event loop; allocation-free after construction.
 */
public final class DuplicateFrameFilter implements FrameHandover {
    /** How many frames' hashes a handover remembers. */
    public static final int REMEMBERED = 1_024;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final long[] hashes = new long[REMEMBERED];
    private int count;
    private int next;
    private boolean active;

    @Override
    public void begin() {
        count = 0;
        next = 0;
        active = true;
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public void end() {
        active = false;
    }

    @Override
    public void trail() {
    }

    @Override
    public boolean trailing() {
        return false;
    }

    @Override
    public boolean guardsCleared() {
        return true;
    }

    @Override
    public boolean onOld(final DirectBuffer buffer, final int offset, final int length) {
        return firstSighting(buffer, offset, length);
    }

    @Override
    public boolean onNew(final DirectBuffer buffer, final int offset, final int length) {
        return firstSighting(buffer, offset, length);
    }

    @Override
    public int forceSwitch() {
        return 0;
    }

    /** Records the frame's hash; {@link #DROP} if an identical frame was delivered during this handover. */
    private boolean firstSighting(final DirectBuffer buffer, final int offset, final int length) {
        long hash = FNV_OFFSET;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = (hash ^ (buffer.getByte(i) & 0xFF)) * FNV_PRIME;
        }
        for (int i = 0; i < count; i++) {
            if (hashes[i] == hash) {
                return DROP;
            }
        }
        hashes[next] = hash;
        next = (next + 1) % REMEMBERED;
        count = Math.min(count + 1, REMEMBERED);
        return DELIVER;
    }
}
