package io.ringtrader.gateway.common.capture;

import org.agrona.DirectBuffer;

/** Receives a capture's rows in file order, on the reading thread. Buffers are valid only during the call. */
public interface CaptureListener {
    /** A WebSocket text frame as received. */
    void onFrame(DirectBuffer buffer, int offset, int length, long receiveTimeNs);

    /** A REST depth snapshot body for {@code symbol} (upper case, as the venue writes it). */
    void onSnapshot(String symbol, DirectBuffer buffer, int offset, int length, long receiveTimeNs);

    /** A row that is neither (headers, connects, pongs, other REST calls). */
    void onSkipped();

    /** A line that is not a row of the format (bad timestamp, broken row JSON). */
    void onUnreadable(long lineNumber);
}
