package io.ringtrader.gateway.binance.capture;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.FeatureStage;
import java.util.Arrays;

/**
 * Cross-checks the local book against Binance's own top of book: whenever a {@code bookTicker}
 * ({@link EventKind#BBO}) carries the {@code u} of the last applied depth diff of its instrument, the book's
 * best bid and ask (price and quantity, from the book-state fields the book stage wrote into the slot)
 * must equal the ticker's. Runs in the feature position, right after the book stage; reads only and
 * writes no field. Counters are read once the pipeline has stopped.
 */
public final class TopOfBookCheck implements FeatureStage {
    private final long[] lastDeltaIds;
    private final long[] matches;
    private final long[] mismatches;

    public TopOfBookCheck(final int instrumentCount) {
        lastDeltaIds = new long[instrumentCount];
        matches = new long[instrumentCount];
        mismatches = new long[instrumentCount];
        Arrays.fill(lastDeltaIds, InboundEvent.NONE);
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        final int id = event.instrumentId;
        if (id < 0 || id >= lastDeltaIds.length) {
            return;
        }
        if (event.kind == EventKind.BOOK_SNAPSHOT && event.batchLast) {
            lastDeltaIds[id] = InboundEvent.NONE;
        } else if (event.kind == EventKind.BOOK_DELTA && event.batchLast) {
            lastDeltaIds[id] = event.lastUpdateId;
        } else if (event.kind == EventKind.BBO && event.lastUpdateId != InboundEvent.NONE
            && event.lastUpdateId == lastDeltaIds[id]) {
            final boolean same = event.bookState == BookState.VALID
                && event.bookBidLevels > 0 && event.bookAskLevels > 0
                && event.bookBidPrices[0] == event.bboBidPrice && event.bookBidQtys[0] == event.bboBidQty
                && event.bookAskPrices[0] == event.bboAskPrice && event.bookAskQtys[0] == event.bboAskQty;
            if (same) {
                matches[id]++;
            } else {
                mismatches[id]++;
            }
        }
    }

    /** Tickers whose top of book matched the local book. */
    public long matches(final int instrumentId) {
        return matches[instrumentId];
    }

    /** Tickers whose top of book differed from the local book. */
    public long mismatches(final int instrumentId) {
        return mismatches[instrumentId];
    }
}
