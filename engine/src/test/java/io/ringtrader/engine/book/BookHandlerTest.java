package io.ringtrader.engine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import org.junit.jupiter.api.Test;

class BookHandlerTest {
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final OrderBooks books = new OrderBooks(2, 16, 1_000);
    private final BookHandler handler = new BookHandler(books, errors);
    private long sequence;

    @Test
    void shouldApplyASnapshotSplitAcrossSlotsAsOneAndPublishTheViewOnTheLastSlot() {
        final InboundEvent first = snapshotSlot(0, false);
        first.addBid(100_00, 5);
        first.addBid(99_90, 7);
        first.addAsk(100_10, 3);
        handler.onEvent(first, sequence++, false);
        assertNull(first.bookState, "no view while the batch is incomplete");
        assertEquals(BookState.AWAITING_SNAPSHOT, books.book(1).state());

        final InboundEvent last = snapshotSlot(1, true);
        last.addAsk(100_20, 4);
        handler.onEvent(last, sequence++, true);

        assertEquals(BookState.VALID, last.bookState);
        assertEquals(2, last.bookBidLevels);
        assertEquals(2, last.bookAskLevels);
        assertEquals(100_00, last.bookBidPrices[0]);
        assertEquals(5, last.bookBidQtys[0]);
        assertEquals(100_10, last.bookAskPrices[0]);
        assertEquals(100_20, last.bookAskPrices[1]);
        assertEquals(books.book(1).version(), last.bookVersion);
    }

    @Test
    void shouldApplyDeltasWithZeroQuantityRemovingALevel() {
        loadSnapshot();
        final InboundEvent delta = event(EventKind.BOOK_DELTA);
        delta.addBid(100_00, 0);
        delta.addBid(100_05, 2);
        delta.addAsk(100_10, 9);
        handler.onEvent(delta, sequence++, true);

        assertEquals(100_05, delta.bookBidPrices[0]);
        assertEquals(2, delta.bookBidQtys[0]);
        assertEquals(99_90, delta.bookBidPrices[1]);
        assertEquals(9, delta.bookAskQtys[0]);
        assertEquals(BookState.VALID, delta.bookState);
    }

    @Test
    void shouldInvalidateTheBookWhenTheGatewayReportsAGap() {
        loadSnapshot();
        final InboundEvent status = event(EventKind.GATEWAY_STATUS);
        status.gatewayStatus = GatewayStatus.BOOK_INVALID;
        handler.onEvent(status, sequence++, true);

        assertEquals(BookState.INVALID, status.bookState);
        assertEquals(BookState.INVALID, books.book(1).state());
    }

    @Test
    void shouldCopyTheBookViewIntoOtherEventsOfTheInstrument() {
        loadSnapshot();
        final InboundEvent trade = event(EventKind.TRADE);
        handler.onEvent(trade, sequence++, true);
        assertEquals(BookState.VALID, trade.bookState);
        assertEquals(100_00, trade.bookBidPrices[0]);
    }

    @Test
    void shouldCopyOnlyTheConfiguredViewDepth() {
        final BookHandler shallow = new BookHandler(new OrderBooks(2, 16, 1_000), errors, 1);
        final InboundEvent snapshot = snapshotSlot(0, true);
        snapshot.addBid(100_00, 5);
        snapshot.addBid(99_90, 7);
        snapshot.addAsk(100_10, 3);
        snapshot.addAsk(100_20, 4);
        shallow.onEvent(snapshot, 0, true);
        assertEquals(1, snapshot.bookBidLevels);
        assertEquals(1, snapshot.bookAskLevels);
        assertEquals(100_00, snapshot.bookBidPrices[0]);
    }

    @Test
    void shouldLeaveEventsWithoutAnInstrumentUntouched() {
        final InboundEvent tick = new InboundEvent(4);
        tick.kind = EventKind.TIMER;
        handler.onEvent(tick, sequence++, true);
        assertNull(tick.bookState);
    }

    @Test
    void shouldCountAnUnknownInstrumentAndANegativeLevel() {
        final InboundEvent unknown = new InboundEvent(4);
        unknown.kind = EventKind.BOOK_DELTA;
        unknown.instrumentId = 7;
        handler.onEvent(unknown, sequence++, true);

        loadSnapshot();
        final InboundEvent negative = event(EventKind.BOOK_DELTA);
        negative.addBid(100_00, -1);
        handler.onEvent(negative, sequence++, true);

        assertEquals(2, errors.count(ErrorKind.BOOK));
        assertEquals(1, handler.rejectedLevels());
    }

    private void loadSnapshot() {
        final InboundEvent snapshot = snapshotSlot(0, true);
        snapshot.addBid(100_00, 5);
        snapshot.addBid(99_90, 7);
        snapshot.addAsk(100_10, 3);
        handler.onEvent(snapshot, sequence++, true);
        assertEquals(BookState.VALID, snapshot.bookState);
    }

    private static InboundEvent snapshotSlot(final int index, final boolean last) {
        final InboundEvent event = event(EventKind.BOOK_SNAPSHOT);
        event.batchIndex = index;
        event.batchLast = last;
        return event;
    }

    private static InboundEvent event(final EventKind kind) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = kind;
        event.instrumentId = 1;
        return event;
    }
}
