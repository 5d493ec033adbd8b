package io.ringtrader.engine.errors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctErrorHandlerTest {
    private final DistinctErrorHandler errors = new DistinctErrorHandler();

    @Test
    void shouldCountProblemsByKind() {
        errors.onProblem(ErrorKind.DECODE, "depth: bad price");
        errors.onProblem(ErrorKind.DECODE, "depth: bad price");
        errors.onProblem(ErrorKind.RING_FULL, "inbound ring full");

        assertEquals(2, errors.count(ErrorKind.DECODE));
        assertEquals(1, errors.count(ErrorKind.RING_FULL));
        assertEquals(0, errors.count(ErrorKind.BOOK));
        assertEquals(3, errors.totalCount());
    }

    @Test
    void shouldKeepOneEntryPerDistinctProblemWithItsCount() {
        for (int i = 0; i < 1_000; i++) {
            errors.onProblem(ErrorKind.DECODE, "depth: bad price");
        }
        errors.onProblem(ErrorKind.DECODE, "depth: unknown symbol");

        final List<DistinctErrorHandler.DistinctError> distinct = errors.distinctErrors();
        assertEquals(2, distinct.size());
        assertEquals(new DistinctErrorHandler.DistinctError(ErrorKind.DECODE, "depth: bad price", 1_000), distinct.get(0));
        assertEquals(1, distinct.get(1).count());
    }

    @Test
    void shouldTreatSameExceptionFromSamePlaceAsOneDistinctError() {
        for (int i = 0; i < 5; i++) {
            errors.onError(ErrorKind.STAGE, "book", fail("boom"));
        }
        errors.onError(ErrorKind.STAGE, "features", fail("boom"));

        assertEquals(6, errors.count(ErrorKind.STAGE));
        assertEquals(2, errors.distinctErrors().size());
        assertEquals(5, errors.distinctErrors().get(0).count());
    }

    @Test
    void shouldNeverThrowEvenForNullArguments() {
        assertDoesNotThrow(() -> errors.onError(ErrorKind.INTERNAL, null, null));
        assertDoesNotThrow(() -> errors.onError(null));
        assertDoesNotThrow(errors::logSummary);
        assertEquals(2, errors.count(ErrorKind.INTERNAL));
    }

    @Test
    void shouldCountConcurrentReportsExactly() throws InterruptedException {
        final Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    errors.onProblem(ErrorKind.DECODE, "same problem");
                }
            });
            threads[t].start();
        }
        for (final Thread thread : threads) {
            thread.join();
        }
        assertEquals(40_000, errors.count(ErrorKind.DECODE));
        assertEquals(1, errors.distinctErrors().size());
        assertEquals(40_000, errors.distinctErrors().get(0).count());
    }

    private static IllegalStateException fail(final String message) {
        return new IllegalStateException(message);
    }
}
