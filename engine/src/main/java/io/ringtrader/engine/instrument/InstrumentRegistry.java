package io.ringtrader.engine.instrument;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The instruments of one engine, built once at start-up and read-only afterwards.
 * <p>
 * Ids are dense, {@code 0..count()-1}, so {@link #byId(int)} is an array access and per-instrument state
 * elsewhere can live in arrays indexed by id. Decoders map a venue symbol to an id with
 * {@link #idOf(Venue, DirectBuffer, int, int)} straight from the message bytes: an open-addressing table
 * over (venue, symbol bytes), no {@code String} created, no allocation.
 * <p>
 * <b>Threading:</b> immutable once constructed; safe to share between threads.
 */
public final class InstrumentRegistry {
    /**
     * Returned by the {@code idOf} lookups when no instrument matches.
     */
    public static final int NOT_FOUND = -1;

    private final Instrument[] instrumentsById;
    private final byte[][] symbolBytesById;
    private final int[] slotIds;
    private final int[] slotHashes;
    private final int slotMask;
    private final List<Instrument> instruments;
    private final List<String> displayNames;

    /**
     * @param instruments in any order; their ids must be exactly {@code 0..instruments.size()-1}.
     * @throws IllegalArgumentException for a null instrument, an id out of range, a duplicate id, or two
     *                                  instruments with the same venue and symbol.
     */
    public InstrumentRegistry(final Collection<Instrument> instruments) {
        final int count = instruments.size();
        instrumentsById = new Instrument[count];
        for (final Instrument instrument : instruments) {
            if (instrument == null) {
                throw new IllegalArgumentException("instruments must not contain null");
            }
            final int id = instrument.id();
            if (id >= count) {
                throw new IllegalArgumentException("instrument ids must be dense 0.." + (count - 1) + ": id " + id +
                    " of " + describe(instrument) + " is out of range");
            }
            if (instrumentsById[id] != null) {
                throw new IllegalArgumentException("duplicate instrument id " + id + ": " +
                    describe(instrumentsById[id]) + " and " + describe(instrument));
            }
            instrumentsById[id] = instrument;
        }

        symbolBytesById = new byte[count][];
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(2, count * 2));
        slotIds = new int[capacity];
        slotHashes = new int[capacity];
        slotMask = capacity - 1;
        Arrays.fill(slotIds, NOT_FOUND);

        for (final Instrument instrument : instrumentsById) {
            final Venue venue = instrument.venue();
            final String symbol = instrument.symbol();
            final int existing = idOf(venue, symbol);
            if (existing != NOT_FOUND) {
                throw new IllegalArgumentException("duplicate instrument " + describe(instrument) + ": ids " +
                    existing + " and " + instrument.id());
            }

            final int id = instrument.id();
            final byte[] symbolBytes = new byte[symbol.length()];
            for (int i = 0; i < symbolBytes.length; i++) {
                symbolBytes[i] = (byte)symbol.charAt(i);
            }
            symbolBytesById[id] = symbolBytes;

            final int hash = hash(venue, symbol);
            int slot = hash & slotMask;
            while (slotIds[slot] != NOT_FOUND) {
                slot = (slot + 1) & slotMask;
            }
            slotIds[slot] = id;
            slotHashes[slot] = hash;
        }

        this.instruments = List.of(instrumentsById);
        this.displayNames = InstrumentNames.displayNames(this.instruments, i -> i.venue().configName(), Instrument::symbol);
    }

    /**
     * @return number of instruments; ids are {@code 0..count()-1}.
     */
    public int count() {
        return instrumentsById.length;
    }

    /**
     * @param id 0..{@link #count()}-1.
     * @return the instrument with that id.
     * @throws ArrayIndexOutOfBoundsException if the id is out of range.
     */
    public Instrument byId(final int id) {
        return instrumentsById[id];
    }

    /**
     * Looks a symbol up by its ASCII bytes, for decoders; does not allocate.
     *
     * @param venue  the symbol belongs to.
     * @param buffer holding the symbol.
     * @param offset of the first byte of the symbol.
     * @param length of the symbol in bytes.
     * @return the instrument id, or {@link #NOT_FOUND}.
     */
    public int idOf(final Venue venue, final DirectBuffer buffer, final int offset, final int length) {
        int hash = seed(venue);
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer.getByte(offset + i);
        }
        hash = mix(hash);

        for (int slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
            final int id = slotIds[slot];
            if (id == NOT_FOUND) {
                return NOT_FOUND;
            }
            if (slotHashes[slot] == hash && instrumentsById[id].venue() == venue &&
                equalBytes(symbolBytesById[id], buffer, offset, length)) {
                return id;
            }
        }
    }

    /**
     * Looks a symbol up by text, for configuration and tests; does not allocate.
     *
     * @param venue  the symbol belongs to.
     * @param symbol the venue's symbol, e.g. {@code BTCUSDT}.
     * @return the instrument id, or {@link #NOT_FOUND}.
     */
    public int idOf(final Venue venue, final CharSequence symbol) {
        final int length = symbol.length();
        for (int i = 0; i < length; i++) {
            if (symbol.charAt(i) > 0x7F) {
                return NOT_FOUND;
            }
        }
        final int hash = hash(venue, symbol);

        for (int slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
            final int id = slotIds[slot];
            if (id == NOT_FOUND) {
                return NOT_FOUND;
            }
            if (slotHashes[slot] == hash && instrumentsById[id].venue() == venue &&
                equalChars(symbolBytesById[id], symbol)) {
                return id;
            }
        }
    }

    /**
     * The name the session shows for an instrument (status line, JMX, reports, journal tools): its symbol while no
     * other instrument of this registry has that symbol, else its qualified name {@code venue:SYMBOL} (see
     * {@link InstrumentNames}).
     *
     * @param id 0..{@link #count()}-1.
     */
    public String displayName(final int id) {
        return displayNames.get(id);
    }

    /**
     * Resolves a name written by a person (a CLI option, a JMX argument) to an instrument of this registry: a qualified
     * name, or a bare symbol that only one venue has (see {@link InstrumentNames#resolve}). Allocates; not for ring
     * threads.
     *
     * @param ignoreCase compare ignoring case.
     */
    public InstrumentNames.Match<Instrument> resolve(final String name, final boolean ignoreCase) {
        return InstrumentNames.resolve(name, instruments, i -> i.venue().configName(), Instrument::symbol, ignoreCase);
    }

    /**
     * @return all instruments in id order, unmodifiable.
     */
    public List<Instrument> instruments() {
        return instruments;
    }

    private static int hash(final Venue venue, final CharSequence symbol) {
        int hash = seed(venue);
        for (int i = 0, length = symbol.length(); i < length; i++) {
            hash = 31 * hash + (byte)symbol.charAt(i);
        }
        return mix(hash);
    }

    private static int seed(final Venue venue) {
        return venue.id() * 0x9E3779B9;
    }

    private static int mix(final int hash) {
        final int h = (hash ^ (hash >>> 16)) * 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    private static boolean equalBytes(
        final byte[] symbolBytes, final DirectBuffer buffer, final int offset, final int length) {
        if (symbolBytes.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (symbolBytes[i] != buffer.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalChars(final byte[] symbolBytes, final CharSequence symbol) {
        if (symbolBytes.length != symbol.length()) {
            return false;
        }
        for (int i = 0; i < symbolBytes.length; i++) {
            if (symbolBytes[i] != symbol.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(final Instrument instrument) {
        return instrument.qualifiedName();
    }
}
