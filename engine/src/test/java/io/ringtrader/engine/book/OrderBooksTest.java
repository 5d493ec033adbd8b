package io.ringtrader.engine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OrderBooksTest {
    @Test
    void shouldHoldOneBookPerInstrumentId() {
        final OrderBooks books = new OrderBooks(3, 8, 64);

        assertEquals(3, books.instrumentCount());
        for (int id = 0; id < 3; id++) {
            assertEquals(id, books.book(id).instrumentId());
            assertEquals(64, books.book(id).maxLevelsPerSide());
        }
        assertNotSame(books.book(0), books.book(1));
    }

    @Test
    void shouldKeepBooksIndependent() {
        final OrderBooks books = new OrderBooks(2, 8, 64);

        books.book(1).applyDelta(Side.BID, 100, 1);

        assertEquals(0, books.book(0).bidCount());
        assertEquals(1, books.book(1).bidCount());
    }

    @Test
    void shouldThrowForInstrumentIdOutOfRange() {
        final OrderBooks books = new OrderBooks(2, 8, 64);

        assertThrows(ArrayIndexOutOfBoundsException.class, () -> books.book(2));
    }

    @Test
    void shouldRejectNegativeInstrumentCount() {
        assertThrows(IllegalArgumentException.class, () -> new OrderBooks(-1, 8, 64));
    }
}
