package io.ringtrader.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionTagTest {
    /** 2026-12-08T02:14:53.740Z. */
    private static final long START_MS = 1_796_696_093_740L;

    @Test
    void shouldWriteTheStartTimeInBase36ThenTheSalt() {
        assertEquals(Long.toString(START_MS, 36) + "00z", SessionTag.of(START_MS, 35).value());
        assertEquals(Long.toString(START_MS, 36) + "zzz", SessionTag.of(START_MS, 36 * 36 * 36 - 1).value());
    }

    @Test
    void shouldTellApartTwoSessionsStartedInTheSameMillisecond() {
        final SplittableRandom random = new SplittableRandom(7);

        assertNotEquals(SessionTag.create(START_MS, random), SessionTag.create(START_MS, random));
    }

    @Test
    void shouldRefuseATagTheVenueIdsCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new SessionTag("ABC"));
        assertThrows(IllegalArgumentException.class, () -> new SessionTag(""));
        assertThrows(IllegalArgumentException.class, () -> new SessionTag("0123456789abc"));
        assertThrows(IllegalArgumentException.class, () -> SessionTag.of(START_MS, 36 * 36 * 36));
    }
}
