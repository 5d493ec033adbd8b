package io.ringtrader.engine.instrument;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueTest {
    @Test
    void shouldKeepStableIds() {
        assertEquals(1, Venue.BINANCE_USDM.id());
        assertEquals(2, Venue.BITGET_USDT_FUTURES.id());
    }

    @Test
    void shouldHaveUniqueIds() {
        assertEquals(Venue.values().length, Arrays.stream(Venue.values()).mapToInt(Venue::id).distinct().count());
    }

    @Test
    void shouldKeepConfigNames() {
        assertEquals("binance", Venue.BINANCE_USDM.configName());
        assertEquals("bitget", Venue.BITGET_USDT_FUTURES.configName());
    }

    @Test
    void shouldLookUpEveryVenueById() {
        for (final Venue venue : Venue.values()) {
            assertSame(venue, Venue.fromId(venue.id()));
        }
    }

    @Test
    void shouldRejectUnknownId() {
        for (final int id : new int[]{ -1, 0, 3, Integer.MAX_VALUE }) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Venue.fromId(id));
            assertTrue(e.getMessage().contains("unknown venue id " + id), e.getMessage());
        }
    }

    @Test
    void shouldLookUpEveryVenueByConfigName() {
        for (final Venue venue : Venue.values()) {
            assertSame(venue, Venue.fromConfigName(venue.configName()));
        }
    }

    @Test
    void shouldRejectUnknownConfigNameListingValidNames() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> Venue.fromConfigName("Binance"));

        assertTrue(e.getMessage().contains("'Binance'"), e.getMessage());
        assertTrue(e.getMessage().contains("binance") && e.getMessage().contains("bitget"), e.getMessage());
    }

    @Test
    void shouldRejectNullConfigName() {
        assertThrows(IllegalArgumentException.class, () -> Venue.fromConfigName(null));
    }
}
