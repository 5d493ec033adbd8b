package io.ringtrader.engine.instrument;

import io.ringtrader.engine.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.ringtrader.engine.instrument.InstrumentRegistry.NOT_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentRegistryTest {
    private final InstrumentRegistry registry = new InstrumentRegistry(List.of(
        instrument(2, Venue.BITGET_USDT_FUTURES, "BTCUSDT"),
        instrument(0, Venue.BINANCE_USDM, "BTCUSDT"),
        instrument(1, Venue.BINANCE_USDM, "ETHUSDT"),
        instrument(3, Venue.BITGET_USDT_FUTURES, "SOLUSDT")));

    @Test
    void shouldCountInstruments() {
        assertEquals(4, registry.count());
    }

    @Test
    void shouldLookUpById() {
        final Instrument instrument = registry.byId(1);

        assertEquals(1, instrument.id());
        assertEquals("ETHUSDT", instrument.symbol());
    }

    @Test
    void shouldIterateInIdOrder() {
        final List<Instrument> instruments = registry.instruments();

        for (int id = 0; id < instruments.size(); id++) {
            assertSame(registry.byId(id), instruments.get(id));
        }
        assertThrows(UnsupportedOperationException.class, () -> instruments.remove(0));
    }

    @Test
    void shouldFindIdBySymbolText() {
        assertEquals(1, registry.idOf(Venue.BINANCE_USDM, "ETHUSDT"));
        assertEquals(1, registry.idOf(Venue.BINANCE_USDM, new StringBuilder("ETHUSDT")));
    }

    @Test
    void shouldFindIdBySymbolBytesInsideAMessage() {
        final UnsafeBuffer buffer = ascii("{\"e\":\"depthUpdate\",\"s\":\"ETHUSDT\",\"U\":1}");

        assertEquals(1, registry.idOf(Venue.BINANCE_USDM, buffer, 24, 7));
    }

    @Test
    void shouldDistinguishSameSymbolOnTwoVenues() {
        final UnsafeBuffer buffer = ascii("BTCUSDT");

        assertEquals(0, registry.idOf(Venue.BINANCE_USDM, buffer, 0, 7));
        assertEquals(2, registry.idOf(Venue.BITGET_USDT_FUTURES, buffer, 0, 7));
        assertEquals(0, registry.idOf(Venue.BINANCE_USDM, "BTCUSDT"));
        assertEquals(2, registry.idOf(Venue.BITGET_USDT_FUTURES, "BTCUSDT"));
    }

    @Test
    void shouldNameAnInstrumentByItsSymbolOnlyWhileNoOtherVenueHasIt() {
        assertEquals("binance:BTCUSDT", registry.displayName(0));
        assertEquals("ETHUSDT", registry.displayName(1));
        assertEquals("bitget:BTCUSDT", registry.displayName(2));
        assertEquals("SOLUSDT", registry.displayName(3));
        assertEquals("bitget:SOLUSDT", registry.byId(3).qualifiedName());
    }

    @Test
    void shouldResolveAQualifiedNameAndABareSymbolOnlyOneVenueHas() {
        assertEquals(2, registry.resolve("bitget:BTCUSDT", false).instrument().id());
        assertEquals(1, registry.resolve("ETHUSDT", false).instrument().id());
        assertEquals(1, registry.resolve("Binance:ethusdt", true).instrument().id());
        assertTrue(registry.resolve("BTCUSDT", false).ambiguous());
        assertEquals("instrument 'BTCUSDT' is ambiguous: it is configured on 2 venues (write binance:BTCUSDT or "
            + "bitget:BTCUSDT)", registry.resolve("BTCUSDT", false).problem());
        assertEquals("unknown instrument 'bitget:ETHUSDT' (expected one of: binance:BTCUSDT, ETHUSDT, bitget:BTCUSDT, "
            + "SOLUSDT)", registry.resolve("bitget:ETHUSDT", false).problem());
    }

    @Test
    void shouldReturnNotFoundForUnknownSymbol() {
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, "XRPUSDT"));
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, ascii("XRPUSDT"), 0, 7));
    }

    @Test
    void shouldReturnNotFoundForSymbolListedOnlyOnAnotherVenue() {
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, "SOLUSDT"));
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, ascii("SOLUSDT"), 0, 7));
    }

    @Test
    void shouldReturnNotFoundForPrefixOrExtensionOfASymbol() {
        final UnsafeBuffer buffer = ascii("ETHUSDTX");

        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, buffer, 0, 6));
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, buffer, 0, 8));
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, "ETHUSD"));
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, "ETHUSDTX"));
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, ""));
    }

    @Test
    void shouldReturnNotFoundForNonAsciiText() {
        assertEquals(NOT_FOUND, registry.idOf(Venue.BINANCE_USDM, "ETHUSD\u0154"));
    }

    @Test
    void shouldAgreeBetweenByteAndTextLookupOnManySymbols() {
        final Random random = new Random(0x5EED);
        final Set<String> keys = new HashSet<>();
        final List<Instrument> instruments = new ArrayList<>();
        while (instruments.size() < 2_000) {
            final String symbol = randomSymbol(random);
            final Venue venue = Venue.values()[random.nextInt(Venue.values().length)];
            if (keys.add(venue + ":" + symbol)) {
                instruments.add(instrument(instruments.size(), venue, symbol));
            }
        }
        Collections.shuffle(instruments, random);
        final InstrumentRegistry large = new InstrumentRegistry(instruments);

        for (final Instrument instrument : instruments) {
            final byte[] bytes = ("\"" + instrument.symbol() + "\"").getBytes(StandardCharsets.US_ASCII);
            final int byBytes = large.idOf(instrument.venue(), new UnsafeBuffer(bytes), 1, bytes.length - 2);

            assertEquals(instrument.id(), byBytes, instrument.toString());
            assertEquals(instrument.id(), large.idOf(instrument.venue(), instrument.symbol()), instrument.toString());
        }
        for (int n = 0; n < 2_000; n++) {
            final String symbol = randomSymbol(random) + "_";
            final Venue venue = Venue.values()[random.nextInt(Venue.values().length)];
            final byte[] bytes = symbol.getBytes(StandardCharsets.US_ASCII);

            assertEquals(NOT_FOUND, large.idOf(venue, new UnsafeBuffer(bytes), 0, bytes.length), symbol);
            assertEquals(NOT_FOUND, large.idOf(venue, symbol), symbol);
        }
    }

    @Test
    void shouldRejectDuplicateVenueAndSymbol() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InstrumentRegistry(List.of(
            instrument(0, Venue.BINANCE_USDM, "BTCUSDT"),
            instrument(1, Venue.BINANCE_USDM, "BTCUSDT"))));

        assertTrue(e.getMessage().contains("duplicate instrument binance:BTCUSDT: ids 0 and 1"), e.getMessage());
    }

    @Test
    void shouldRejectDuplicateId() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InstrumentRegistry(List.of(
            instrument(0, Venue.BINANCE_USDM, "BTCUSDT"),
            instrument(0, Venue.BINANCE_USDM, "ETHUSDT"))));

        assertTrue(e.getMessage().contains("duplicate instrument id 0: binance:BTCUSDT and binance:ETHUSDT"), e.getMessage());
    }

    @Test
    void shouldRejectIdsThatAreNotDense() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InstrumentRegistry(List.of(
            instrument(0, Venue.BINANCE_USDM, "BTCUSDT"),
            instrument(2, Venue.BINANCE_USDM, "ETHUSDT"))));

        assertTrue(e.getMessage().contains("dense 0..1: id 2 of binance:ETHUSDT"), e.getMessage());
    }

    @Test
    void shouldRejectNullInstrument() {
        assertThrows(IllegalArgumentException.class,
            () -> new InstrumentRegistry(Arrays.asList(instrument(0, Venue.BINANCE_USDM, "BTCUSDT"), null)));
    }

    @Test
    void shouldAllowEmptyRegistry() {
        final InstrumentRegistry empty = new InstrumentRegistry(List.of());

        assertEquals(0, empty.count());
        assertEquals(NOT_FOUND, empty.idOf(Venue.BINANCE_USDM, "BTCUSDT"));
        assertEquals(NOT_FOUND, empty.idOf(Venue.BINANCE_USDM, ascii("BTCUSDT"), 0, 7));
    }

    @Test
    void shouldLookUpSymbolBytesWithoutAllocating() {
        final UnsafeBuffer buffer = ascii("ETHUSDT|SOLUSDT|XRPUSDT");
        final Runnable lookUps = () -> {
            registry.idOf(Venue.BINANCE_USDM, buffer, 0, 7);
            registry.idOf(Venue.BITGET_USDT_FUTURES, buffer, 8, 7);
            registry.idOf(Venue.BINANCE_USDM, buffer, 16, 7);
        };

        assertEquals(0L, AllocationMeter.steadyStateBytesAllocatedBy(lookUps));
    }

    private static Instrument instrument(final int id, final Venue venue, final String symbol) {
        return new Instrument(id, venue, symbol, 2, 1L, 3, 1L, 1L, 0);
    }

    private static String randomSymbol(final Random random) {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        final StringBuilder symbol = new StringBuilder();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            symbol.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return symbol.append(random.nextBoolean() ? "USDT" : "").toString();
    }

    private static UnsafeBuffer ascii(final String text) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
