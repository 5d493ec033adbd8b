package io.ringtrader.gateway.binance.ws;

import org.agrona.DirectBuffer;

/**
 * Receives the text frames of a {@link BinanceWsConnection}: combined-stream envelopes
 * {@code {"stream":"btcusdt@depth@100ms","data":{...}}}, in the order the venue sent them, each once (also across a
 * rotation). Subscription replies are consumed by the connection and not passed on.
 *
 * <p>Called on the connection's event-loop thread only. The buffer is a view over the network buffer and is valid
 * only during the call: decode it, do not keep it. It must not throw: a throw is taken for a broken connection, which
 * is closed and reconnected (with a continuity loss). The signature matches
 * {@link io.ringtrader.gateway.binance.BinanceFrameDecoder#onFrame}, so {@code decoder::onFrame} fits.
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
