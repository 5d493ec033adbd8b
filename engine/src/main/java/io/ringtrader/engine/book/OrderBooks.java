package io.ringtrader.engine.book;

/**
 * The order books of all instruments, indexed by dense instrument id {@code 0..instrumentCount-1}, all created
 * up front with the same depth settings. Same threading contract as {@link OrderBook}.
 */
public final class OrderBooks {
    private final OrderBook[] books;

    /** See {@link OrderBook#OrderBook(int, int, int)} for the depth settings. */
    public OrderBooks(final int instrumentCount, final int initialLevelsPerSide, final int maxLevelsPerSide) {
        if (instrumentCount < 0) {
            throw new IllegalArgumentException("instrumentCount must be >= 0: " + instrumentCount);
        }
        books = new OrderBook[instrumentCount];
        for (int id = 0; id < instrumentCount; id++) {
            books[id] = new OrderBook(id, initialLevelsPerSide, maxLevelsPerSide);
        }
    }

    /** @throws ArrayIndexOutOfBoundsException for an id outside {@code 0..instrumentCount-1}. */
    public OrderBook book(final int instrumentId) {
        return books[instrumentId];
    }

    public int instrumentCount() {
        return books.length;
    }
}
