package io.ringtrader.gateway.common.ws;

import java.net.URI;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * What a {@link WsConnection} needs to know of a venue's WebSocket protocol: where to connect, which frames are data,
 * and how streams are subscribed. Binance: {@code <base>/public/stream} with {@code {"method":"SUBSCRIBE",...}}
 * requests and {@code {"result":null,"id":N}} replies; its user stream ({@code /private/ws?listenKey=KEY}) has nothing
 * to subscribe.
 *
 * <p>Called on the connection's event loop; {@link #isDataFrame} for every frame, so it must not allocate.
 */
public interface WsProtocol {
    /** The URI to open; asked at every connect (a user stream's key may have changed since the last). */
    URI connectUri();

    /** For the connection's CONNECTING and CONNECTED reports: the URI, or what the connection carries. */
    String describe();

    /**
     * True for a frame to deliver; false for a venue reply, which goes to {@link #isSubscribeAck} (or is logged as
     * unexpected). The default: every frame is data.
     */
    default boolean isDataFrame(final DirectBuffer buffer, final int offset, final int length) {
        return true;
    }

    /**
     * The text of one subscription request for {@code streams} (at most {@link WsSettings#maxStreamsPerSubscribe}).
     *
     * @param requestId unique within the connection, increasing.
     */
    default String subscribeRequest(final List<String> streams, final long requestId) {
        throw new UnsupportedOperationException("this connection subscribes no streams");
    }

    /** True if a reply (not a data frame) acknowledges one subscription request. */
    default boolean isSubscribeAck(final DirectBuffer buffer, final int offset, final int length) {
        return false;
    }
}
