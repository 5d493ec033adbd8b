package io.ringtrader.engine.book;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.BookStage;

/**
 * The book stage: applies snapshots and deltas to the per-instrument {@link OrderBooks}, invalidates
 * a book when its gateway reports a gap, and writes the book-state fields of every event that names
 * an instrument ({@code bookState}, {@code bookVersion} and the top levels per side, up to
 * {@value InboundEvent#BOOK_VIEW_DEPTH}), so downstream stages on other threads read
 * a consistent copy instead of the book itself.
 *
 * <p>A book update split over several slots is applied as one: the snapshot begins on the batch's first
 * slot and ends on its last; book-state fields are written only on the last slot of a batch (on the
 * others they stay unset, {@code bookState == null}).
 *
 * <p>Runs on the book stage's thread only.
 */
public final class BookHandler implements BookStage {
    private final OrderBooks books;
    private final DistinctErrorHandler errors;
    private final int viewDepth;
    private long rejectedLevels;

    /** A book stage that copies all {@value InboundEvent#BOOK_VIEW_DEPTH} view levels into each event. */
    public BookHandler(final OrderBooks books, final DistinctErrorHandler errors) {
        this(books, errors, InboundEvent.BOOK_VIEW_DEPTH);
    }

    /**
     * @param viewDepth levels per side copied into each event, 1..{@value InboundEvent#BOOK_VIEW_DEPTH}: as
     *                  many as the downstream stages read, no more (the copy is on every event).
     */
    public BookHandler(final OrderBooks books, final DistinctErrorHandler errors, final int viewDepth) {
        if (viewDepth < 1 || viewDepth > InboundEvent.BOOK_VIEW_DEPTH) {
            throw new IllegalArgumentException("viewDepth must be 1.." + InboundEvent.BOOK_VIEW_DEPTH + ": " + viewDepth);
        }
        this.books = books;
        this.errors = errors;
        this.viewDepth = viewDepth;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        final int instrumentId = event.instrumentId;
        if (instrumentId < 0) {
            return;
        }
        if (instrumentId >= books.instrumentCount()) {
            errors.onProblem(ErrorKind.BOOK, "book stage: event for an unknown instrument id (ignored)");
            return;
        }
        final OrderBook book = books.book(instrumentId);
        final EventKind kind = event.kind;
        if (kind == EventKind.BOOK_SNAPSHOT) {
            if (event.batchIndex == 0) {
                book.beginSnapshot();
            }
            applyLevels(book, event, true);
            if (event.batchLast) {
                book.endSnapshot();
            }
        } else if (kind == EventKind.BOOK_DELTA) {
            applyLevels(book, event, false);
        } else if (kind == EventKind.GATEWAY_STATUS && event.gatewayStatus == GatewayStatus.BOOK_INVALID) {
            book.invalidate();
        }
        if (event.batchLast) {
            writeView(book, event);
        }
    }

    /** Levels the book refused (negative values, or deltas inside an unfinished snapshot). */
    public long rejectedLevels() {
        return rejectedLevels;
    }

    private void applyLevels(final OrderBook book, final InboundEvent event, final boolean snapshot) {
        for (int i = 0; i < event.bidCount; i++) {
            check(snapshot
                ? book.addSnapshotLevel(Side.BID, event.bidPrices[i], event.bidQtys[i])
                : book.applyDelta(Side.BID, event.bidPrices[i], event.bidQtys[i]));
        }
        for (int i = 0; i < event.askCount; i++) {
            check(snapshot
                ? book.addSnapshotLevel(Side.ASK, event.askPrices[i], event.askQtys[i])
                : book.applyDelta(Side.ASK, event.askPrices[i], event.askQtys[i]));
        }
    }

    private void check(final BookUpdateResult result) {
        switch (result) {
            case REJECTED_NEGATIVE -> reject("book stage: level with a negative price or quantity rejected");
            case REJECTED_SNAPSHOT_IN_PROGRESS -> reject("book stage: delta inside an unfinished snapshot rejected");
            case REJECTED_NO_SNAPSHOT -> reject("book stage: snapshot level without a snapshot start rejected");
            default -> {
            }
        }
    }

    private void reject(final String detail) {
        rejectedLevels++;
        errors.onProblem(ErrorKind.BOOK, detail);
    }

    private void writeView(final OrderBook book, final InboundEvent event) {
        event.bookState = book.state();
        event.bookVersion = book.version();
        event.bookBidLevels = book.depth(Side.BID, viewDepth, event.bookBidPrices, event.bookBidQtys);
        event.bookAskLevels = book.depth(Side.ASK, viewDepth, event.bookAskPrices, event.bookAskQtys);
    }
}
