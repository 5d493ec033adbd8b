package io.ringtrader.gateway.binance;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.book.OrderBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole engine book as the book stage left it after an update with {@code u} = {@code lastUpdateId}, copied on the
 * book's thread for tests that compare it with exchange-sim's book.
 */
record BookCopy(long lastUpdateId, BookState state, List<Level> bids, List<Level> asks) {
    /** One price level, mantissas. */
    record Level(long price, long qty) {
    }

    /** Copies every level of {@code book}; call on the book stage's thread (or a stage fused after it). */
    static BookCopy of(final long lastUpdateId, final OrderBook book) {
        final List<Level> bids = new ArrayList<>(book.bidCount());
        for (int i = 0; i < book.bidCount(); i++) {
            bids.add(new Level(book.bidPrice(i), book.bidQty(i)));
        }
        final List<Level> asks = new ArrayList<>(book.askCount());
        for (int i = 0; i < book.askCount(); i++) {
            asks.add(new Level(book.askPrice(i), book.askQty(i)));
        }
        return new BookCopy(lastUpdateId, book.state(), List.copyOf(bids), List.copyOf(asks));
    }

    /** The first {@code limit} of a sim book side ({price, qty} pairs, best first) as mantissas at the scales. */
    static List<Level> levels(final List<BigDecimal[]> side, final int priceScale, final int qtyScale, final int limit) {
        final List<Level> levels = new ArrayList<>(Math.min(limit, side.size()));
        for (final BigDecimal[] level : side) {
            if (levels.size() == limit) {
                break;
            }
            levels.add(new Level(level[0].movePointRight(priceScale).longValueExact(),
                level[1].movePointRight(qtyScale).longValueExact()));
        }
        return levels;
    }
}
