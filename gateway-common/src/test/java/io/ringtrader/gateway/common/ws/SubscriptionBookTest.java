package io.ringtrader.gateway.common.ws;

import static io.ringtrader.gateway.common.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.gateway.common.ws.SubscriptionBook.Reply;
import java.net.URI;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class SubscriptionBookTest {
    private static final UnsafeBuffer ACK = ascii("ack");
    private static final UnsafeBuffer OTHER = ascii("error");

    /** Requests as {@code id:stream,stream}; a reply {@code ack} acknowledges one. */
    private final WsProtocol protocol = new WsProtocol() {
        @Override
        public URI connectUri() {
            return URI.create("ws://127.0.0.1/");
        }

        @Override
        public String describe() {
            return "test";
        }

        @Override
        public String subscribeRequest(final List<String> streams, final long requestId) {
            return requestId + ":" + String.join(",", streams);
        }

        @Override
        public boolean isSubscribeAck(final DirectBuffer buffer, final int offset, final int length) {
            return buffer.getStringWithoutLengthAscii(offset, length).equals("ack");
        }
    };

    @Test
    void shouldCutTheStreamsIntoRequestsOfAtMostTheLimitInOrder() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a", "b", "c", "d", "e"), 2, protocol);

        assertEquals(List.of("1:a,b", "2:c,d", "3:e"), book.requestsFor(1));
    }

    @Test
    void shouldNumberRequestsOnAcrossTheSocketsOfTheConnection() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a", "b"), 1, protocol);
        book.requestsFor(1);

        assertEquals(List.of("3:a", "4:b"), book.requestsFor(2));
    }

    @Test
    void shouldCallASocketSubscribedAtTheAcknowledgementOfItsLastRequest() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a", "b", "c"), 1, protocol);
        book.requestsFor(1);

        assertEquals(Reply.ACKNOWLEDGED, book.onReply(1, ACK, 0, ACK.capacity()));
        assertEquals(Reply.ACKNOWLEDGED, book.onReply(1, ACK, 0, ACK.capacity()));
        assertEquals(Reply.SUBSCRIBED, book.onReply(1, ACK, 0, ACK.capacity()));
        assertEquals(0, book.pending(1));
    }

    @Test
    void shouldCountAcknowledgementsPerSocket() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a", "b"), 1, protocol);
        book.requestsFor(1);
        book.requestsFor(2);

        book.onReply(2, ACK, 0, ACK.capacity());

        assertEquals(2, book.pending(1));
        assertEquals(1, book.pending(2));
    }

    @Test
    void shouldTakeAnAcknowledgementBeyondThoseAwaitedForNothingMore() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a"), 1, protocol);
        book.requestsFor(1);
        book.onReply(1, ACK, 0, ACK.capacity());

        assertEquals(Reply.ACKNOWLEDGED, book.onReply(1, ACK, 0, ACK.capacity()));
    }

    @Test
    void shouldCallAReplyThatAcknowledgesNothingUnexpected() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a"), 1, protocol);
        book.requestsFor(1);

        assertEquals(Reply.UNEXPECTED, book.onReply(1, OTHER, 0, OTHER.capacity()));
        assertEquals(1, book.pending(1));
    }

    @Test
    void shouldHaveNoRequestsForAConnectionWithoutStreams() {
        final SubscriptionBook book = new SubscriptionBook(List.of(), 200, protocol);

        assertEquals(List.of(), book.requestsFor(1));
        assertEquals(0, book.pending(1));
    }

    @Test
    void shouldForgetAGoneSocket() {
        final SubscriptionBook book = new SubscriptionBook(List.of("a"), 1, protocol);
        book.requestsFor(1);

        book.forget(1);

        assertEquals(0, book.pending(1));
    }
}
