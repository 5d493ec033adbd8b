package io.ringtrader.gateway.common.ws;

import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;

/**
 * The subscriptions of one connection: its streams, cut into requests of at most {@code maxStreamsPerRequest} in the
 * order given, the request ids (increasing over the connection's life, across its sockets), and per socket how many
 * requests still wait for the venue's acknowledgement. A socket is subscribed once every request it sent was
 * acknowledged; a connection without streams (a user stream) is subscribed as soon as it is open.
 *
 * <p>Not thread-safe: used on the connection's event loop. Allocates only to build requests, once per socket.
 */
public final class SubscriptionBook {
    /** What a venue reply did. */
    public enum Reply {
        /** Not an acknowledgement: the caller logs it. */
        UNEXPECTED,
        /** One request acknowledged; others are still pending (or none was). */
        ACKNOWLEDGED,
        /** The last pending request of the socket acknowledged: the socket is subscribed. */
        SUBSCRIBED
    }

    private static final int NO_SOCKET = -1;

    private final List<String> streams;
    private final int maxStreamsPerRequest;
    private final WsProtocol protocol;
    private final Int2IntHashMap pendingBySocket = new Int2IntHashMap(NO_SOCKET);
    private long nextRequestId = 1;

    /**
     * @param streams              the stream names, in subscription order; may be empty.
     * @param maxStreamsPerRequest streams per request, at least 1.
     * @param protocol             writes the requests and recognises the acknowledgements.
     */
    public SubscriptionBook(final List<String> streams, final int maxStreamsPerRequest, final WsProtocol protocol) {
        if (maxStreamsPerRequest < 1) {
            throw new IllegalArgumentException("maxStreamsPerRequest must be >= 1: " + maxStreamsPerRequest);
        }
        this.streams = List.copyOf(streams);
        this.maxStreamsPerRequest = maxStreamsPerRequest;
        this.protocol = protocol;
    }

    public List<String> streams() {
        return streams;
    }

    /**
     * The requests to send on a socket that just opened, in order, each counted as pending for it; empty when there
     * is nothing to subscribe (the socket is subscribed at once).
     */
    public List<String> requestsFor(final int socket) {
        final List<String> requests = new ArrayList<>();
        for (int from = 0; from < streams.size(); from += maxStreamsPerRequest) {
            requests.add(protocol.subscribeRequest(streams.subList(from, Math.min(streams.size(), from + maxStreamsPerRequest)),
                nextRequestId++));
        }
        pendingBySocket.put(socket, requests.size());
        return requests;
    }

    /** A reply (a frame that is not data) on {@code socket}. */
    public Reply onReply(final int socket, final DirectBuffer buffer, final int offset, final int length) {
        if (!protocol.isSubscribeAck(buffer, offset, length)) {
            return Reply.UNEXPECTED;
        }
        final int pending = pendingBySocket.get(socket);
        if (pending <= 0) {
            return Reply.ACKNOWLEDGED;
        }
        pendingBySocket.put(socket, pending - 1);
        return pending == 1 ? Reply.SUBSCRIBED : Reply.ACKNOWLEDGED;
    }

    /** Requests of {@code socket} not acknowledged yet; 0 for a socket that sent none. */
    public int pending(final int socket) {
        return Math.max(0, pendingBySocket.get(socket));
    }

    /** The socket is gone: forgets what it waited for. */
    public void forget(final int socket) {
        pendingBySocket.remove(socket);
    }
}
