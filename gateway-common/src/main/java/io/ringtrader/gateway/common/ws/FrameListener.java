package io.ringtrader.gateway.common.ws;

import org.agrona.DirectBuffer;

/**
 * Receives the data frames of a {@link WsConnection} (Binance: combined-stream envelopes
 * {@code {"stream":"btcusdt@depth@100ms","data":{...}}}), in the order the venue sent them, each once (also across a
 * rotation). Subscription replies are consumed by the connection and not passed on.
 *
 * <p>Called on the connection's event-loop thread only. The buffer is a view over the network buffer and is valid
 * only during the call: decode it, do not keep it. It must not throw: a throw is taken for a broken connection, which
 * is closed and reconnected (with a continuity loss). A decoder's {@code onFrame} of this signature fits as
 * {@code decoder::onFrame}.
 */
@FunctionalInterface
public interface FrameListener {
    /**
     * @param buffer        holding the frame.
     * @param offset        of its first byte.
     * @param length        of the frame in bytes.
     * @param receiveTimeNs when its last byte was read, from the connection's clock.
     */
    void onFrame(DirectBuffer buffer, int offset, int length, long receiveTimeNs);
}
