package io.ringtrader.gateway.binance.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookHandler;
import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.book.OrderBook;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.gateway.binance.CapturingSink;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinancePartialBookTest {
    private static final int ID = 2;

    private final CapturingSink sink = new CapturingSink(32);
    private final BinancePartialBook book = new BinancePartialBook(ID, sink);

    @Test
    void shouldPublishTheFirstFrameAsASnapshotAndBeValid() {
        book.onFrame(frame(100, 110, 90, 5));

        assertEquals(BinancePartialBook.State.VALID, book.state());
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT), kinds());
        final InboundEvent snapshot = sink.last();
        assertEquals(ID, snapshot.instrumentId);
        assertEquals(100, snapshot.firstUpdateId);
        assertEquals(110, snapshot.lastUpdateId);
        assertEquals(90, snapshot.prevUpdateId);
        assertEquals(5, snapshot.bidCount);
        assertEquals(5, snapshot.askCount);
        assertTrue(snapshot.batchLast);
        assertEquals(1, book.applied());
        assertEquals(110, book.lastUpdateId());
    }

    @Test
    void shouldPublishEveryNewerFrameAsASnapshot() {
        book.onFrame(frame(100, 110, 90, 5));
        book.onFrame(frame(111, 120, 110, 5));
        book.onFrame(frame(135, 140, 120, 5));

        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.BOOK_SNAPSHOT, EventKind.BOOK_SNAPSHOT), kinds());
        assertEquals(3, book.applied());
        assertEquals(140, book.lastUpdateId());
    }

    @Test
    void shouldDropAFrameNotNewerThanTheLastAccepted() {
        book.onFrame(frame(100, 110, 90, 5));
        sink.clear();

        book.onFrame(frame(100, 110, 90, 5));
        book.onFrame(frame(95, 105, 85, 5));

        assertTrue(sink.events().isEmpty());
        assertEquals(2, book.stale());
        assertEquals(1, book.applied());
        assertEquals(110, book.lastUpdateId());
        assertEquals(BinancePartialBook.State.VALID, book.state());
    }

    @Test
    void shouldInvalidateAtOnceWhenTheStreamIsInterruptedAndResyncWithTheNextFrame() {
        book.onFrame(frame(100, 110, 90, 5));
        sink.clear();

        book.onStreamInterrupted(1_000);

        assertEquals(BinancePartialBook.State.INVALID, book.state());
        assertEquals(List.of(EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_INVALID, sink.last().gatewayStatus);
        assertEquals(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, sink.last().statusDetail);
        assertEquals(ID, sink.last().instrumentId);
        assertEquals(1_000, sink.last().receiveTimeNs);
        assertEquals(1, book.interruptions());
        sink.clear();

        book.onFrame(frame(200, 210, 190, 5));

        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_RESYNCED, sink.last().gatewayStatus);
        assertEquals(BinancePartialBook.State.VALID, book.state());
        assertEquals(1, book.resyncs());
    }

    @Test
    void shouldAcceptTheFirstFrameAfterAnInterruptionWhateverItsUpdateId() {
        book.onFrame(frame(100, 110, 90, 5));
        book.onStreamInterrupted(1_000);

        book.onFrame(frame(50, 60, 40, 5));

        assertEquals(BinancePartialBook.State.VALID, book.state());
        assertEquals(60, book.lastUpdateId());
        assertEquals(0, book.stale());
    }

    @Test
    void shouldNotPublishAnythingWhenInterruptedBeforeTheFirstFrame() {
        book.onStreamInterrupted(1_000);

        assertTrue(sink.events().isEmpty());
        assertEquals(BinancePartialBook.State.AWAITING_FRAME, book.state());
        book.onFrame(frame(100, 110, 90, 5));
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT), kinds());
        assertEquals(0, book.resyncs());
    }

    @Test
    void shouldPublishAFrameWithFewerLevelsThanSubscribed() {
        final DepthStaging thin = frame(100, 110, 90, 0);
        thin.addBid(10_000, 7, 2, 3);
        thin.addAsk(10_010, 3, 2, 3);
        thin.addAsk(10_020, 4, 2, 3);

        book.onFrame(thin);

        assertEquals(1, sink.last().bidCount);
        assertEquals(2, sink.last().askCount);
        assertEquals(10_020, sink.last().askPrices[1]);
        assertEquals(BinancePartialBook.State.VALID, book.state());
    }

    @Test
    void shouldInvalidateWhenAFrameCannotBePublishedUntilTheNextOneIs() {
        book.onFrame(frame(100, 110, 90, 5));
        sink.clear();
        sink.failNext(1);

        book.onFrame(frame(111, 120, 110, 5));

        assertEquals(BinancePartialBook.State.INVALID, book.state());
        assertEquals(List.of(EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_INVALID, sink.last().gatewayStatus);
        assertEquals(BinanceBookSync.DETAIL_PUBLISH_FAILED, sink.last().statusDetail);
        assertEquals(1, book.publishFailures());
        assertEquals(110, book.lastUpdateId(), "the frame not published was not accepted");
        sink.clear();

        book.onFrame(frame(111, 120, 110, 5));

        assertEquals(List.of(EventKind.BOOK_SNAPSHOT, EventKind.GATEWAY_STATUS), kinds());
        assertEquals(GatewayStatus.BOOK_RESYNCED, sink.last().gatewayStatus);
        assertEquals(BinancePartialBook.State.VALID, book.state());
        assertEquals(120, book.lastUpdateId());
    }

    @Test
    void shouldCountAStatusThatCannotBePublishedEither() {
        book.onFrame(frame(100, 110, 90, 5));
        sink.clear();
        sink.failNext(2);

        book.onFrame(frame(111, 120, 110, 5));

        assertTrue(sink.events().isEmpty());
        assertEquals(2, book.publishFailures());
        assertEquals(BinancePartialBook.State.INVALID, book.state());
    }

    @Test
    void shouldStayAwaitingWhenTheFirstFrameCannotBePublished() {
        sink.failNext(1);

        book.onFrame(frame(100, 110, 90, 5));

        assertTrue(sink.events().isEmpty());
        assertEquals(BinancePartialBook.State.AWAITING_FRAME, book.state());
        book.onFrame(frame(111, 120, 110, 5));
        assertEquals(List.of(EventKind.BOOK_SNAPSHOT), kinds());
        assertEquals(BinancePartialBook.State.VALID, book.state());
    }

    /** The book stage turns each frame into exactly the frame's levels, and shows valid / invalid as statuses say. */
    @Test
    void shouldLeaveTheBookStageWithExactlyTheLevelsOfTheLastFrame() {
        final OrderBooks books = new OrderBooks(ID + 1, 8, 1_000);
        final BookHandler stage = new BookHandler(books, new DistinctErrorHandler());
        final DepthStaging deep = frame(100, 110, 90, 0);
        for (int i = 0; i < 20; i++) {
            deep.addBid(10_000 - 10 * i, 1 + i, 2, 3);
            deep.addAsk(10_010 + 10 * i, 2 + i, 2, 3);
        }
        book.onFrame(deep);
        final DepthStaging thin = frame(111, 120, 110, 0);
        thin.addBid(9_990, 5, 2, 3);
        thin.addBid(9_980, 6, 2, 3);
        thin.addAsk(10_030, 9, 2, 3);
        book.onFrame(thin);
        final List<BookState> states = apply(stage);

        final OrderBook engineBook = books.book(ID);
        assertEquals(BookState.VALID, engineBook.state());
        assertEquals(List.of(BookState.VALID, BookState.VALID), states);
        assertEquals(2, engineBook.bidCount());
        assertEquals(1, engineBook.askCount());
        assertEquals(9_990, engineBook.bidPrice(0));
        assertEquals(5, engineBook.bidQty(0));
        assertEquals(9_980, engineBook.bidPrice(1));
        assertEquals(10_030, engineBook.askPrice(0));
        assertEquals(9, engineBook.askQty(0));

        book.onStreamInterrupted(2_000);
        book.onFrame(frame(300, 310, 290, 3));
        assertEquals(List.of(BookState.INVALID, BookState.VALID, BookState.VALID), apply(stage));
        assertEquals(3, engineBook.bidCount());
        assertEquals(3, engineBook.askCount());
    }

    /** A frame larger than a slot goes out as one batch, which the book stage applies as one snapshot. */
    @Test
    void shouldSpanSlotsWithATwentyLevelFrame() {
        final CapturingSink small = new CapturingSink(4);
        final BinancePartialBook split = new BinancePartialBook(ID, small);
        final OrderBooks books = new OrderBooks(ID + 1, 8, 1_000);
        final BookHandler stage = new BookHandler(books, new DistinctErrorHandler());

        split.onFrame(frame(100, 110, 90, 20));

        assertEquals(5, small.events().size());
        assertTrue(small.last().batchLast);
        for (final InboundEvent event : small.events()) {
            stage.onEvent(event, 0, true);
        }
        assertEquals(BookState.VALID, books.book(ID).state());
        assertEquals(20, books.book(ID).bidCount());
        assertEquals(20, books.book(ID).askCount());
    }

    private List<BookState> apply(final BookHandler stage) {
        final List<BookState> states = new ArrayList<>();
        for (final InboundEvent event : sink.events()) {
            stage.onEvent(event, 0, true);
            states.add(event.bookState);
        }
        sink.clear();
        return states;
    }

    private List<EventKind> kinds() {
        final List<EventKind> kinds = new ArrayList<>();
        for (final InboundEvent event : sink.events()) {
            kinds.add(event.kind);
        }
        return kinds;
    }

    /** A partial-depth frame of {@code levels} levels a side around 100.00 (price scale 2, qty scale 3). */
    private static DepthStaging frame(final long first, final long last, final long prev, final int levels) {
        final DepthStaging frame = new DepthStaging(32);
        frame.instrumentId = ID;
        frame.receiveTimeNs = last * 1_000;
        frame.exchangeTimeNs = last * 1_000_000;
        frame.firstUpdateId = first;
        frame.lastUpdateId = last;
        frame.prevUpdateId = prev;
        for (int i = 0; i < levels; i++) {
            frame.addBid(10_000 - 10 * i, 1_000 + i, 2, 3);
            frame.addAsk(10_010 + 10 * i, 2_000 + i, 2, 3);
        }
        return frame;
    }
}
