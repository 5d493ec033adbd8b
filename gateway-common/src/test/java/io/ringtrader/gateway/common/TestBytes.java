package io.ringtrader.gateway.common;

import org.agrona.concurrent.UnsafeBuffer;

/** Test text as buffers. */
public final class TestBytes {
    private TestBytes() {
    }

    /** The text's characters as single bytes, in a buffer of exactly that length. */
    public static UnsafeBuffer ascii(final String text) {
        final byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte)text.charAt(i);
        }
        return new UnsafeBuffer(bytes);
    }
}
