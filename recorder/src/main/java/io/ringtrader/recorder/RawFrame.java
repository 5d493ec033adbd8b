package io.ringtrader.recorder;

import java.util.Arrays;

/**
 * One raw venue frame read back from a {@code raw/} journal: a reusable holder that {@link JournalReader}
 * fills. Its byte array grows (allocates) only when a frame longer than any before arrives.
 * Not thread-safe.
 */
public final class RawFrame {
    private static final int INITIAL_CAPACITY = 4096;

    private long receiveTimeNs;
    private int sourceId;
    private int length;
    private byte[] bytes = new byte[INITIAL_CAPACITY];

    /** Local time the frame was received. */
    public long receiveTimeNs() {
        return receiveTimeNs;
    }

    /** Which connection the frame came from (the gateway's id for it). */
    public int sourceId() {
        return sourceId;
    }

    /** Bytes of the frame, starting at index 0 of {@link #bytes()}. */
    public int length() {
        return length;
    }

    /** The frame's bytes in {@code [0, length())}; the array is reused by the next read. */
    public byte[] bytes() {
        return bytes;
    }

    /** A copy of the frame's bytes. Allocates. */
    public byte[] copyOfBytes() {
        return Arrays.copyOf(bytes, length);
    }

    void set(final long receiveTimeNs, final int sourceId, final int length) {
        this.receiveTimeNs = receiveTimeNs;
        this.sourceId = sourceId;
        this.length = length;
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
    }
}
