package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.common.marketdata.Decimals;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import org.agrona.DirectBuffer;

/**
 * The fields of one flat JSON object with single-character keys (Binance's stream payloads), collected in
 * one pass: each key's value type and where its value lies in the buffer. Keys of other lengths are
 * skipped; a key that repeats keeps its last value. Decoders then read what they need by key, and nothing
 * is copied or allocated.
 *
 * <p>Not thread-safe: one instance per decoder, reused for every frame.
 */
public final class FieldSpans {
    private static final int KEYS = 128;

    private final int[] types = new int[KEYS];
    private final int[] offsets = new int[KEYS];
    private final int[] lengths = new int[KEYS];
    private final byte[] present = new byte[KEYS];
    private int presentCount;
    private DirectBuffer buffer;

    /**
     * Reads every field of the object the scanner has entered, through its end.
     *
     * @return false if the object is malformed (the spans are then meaningless).
     */
    public boolean collect(final JsonScanner scanner) {
        for (int i = 0; i < presentCount; i++) {
            types[present[i]] = JsonScanner.NONE;
        }
        presentCount = 0;
        buffer = scanner.buffer();
        while (scanner.nextField()) {
            final int key = scanner.singleCharKey();
            if (key < 0 || key >= KEYS) {
                continue;
            }
            if (types[key] == JsonScanner.NONE) {
                present[presentCount++] = (byte)key;
            }
            types[key] = scanner.valueType();
            offsets[key] = scanner.valueOffset();
            lengths[key] = scanner.valueLength();
        }
        return !scanner.failed() && scanner.finish();
    }

    /** True if {@code key} holds a string. */
    public boolean isString(final char key) {
        return types[key] == JsonScanner.STRING;
    }

    /** True if {@code key} holds a string whose raw content equals {@code text} (ASCII). */
    public boolean stringEquals(final char key, final byte[] text) {
        if (!isString(key) || lengths[key] != text.length) {
            return false;
        }
        final int offset = offsets[key];
        for (int i = 0; i < text.length; i++) {
            if (buffer.getByte(offset + i) != text[i]) {
                return false;
            }
        }
        return true;
    }

    /** The integer number {@code key} holds, or {@link JsonScanner#INVALID_LONG} if absent, not a number or not an integer. */
    public long number(final char key) {
        return types[key] == JsonScanner.NUMBER ? JsonScanner.parseLong(buffer, offsets[key], lengths[key]) : JsonScanner.INVALID_LONG;
    }

    /** The Binance instrument named by the string at {@code key}, or {@link InstrumentRegistry#NOT_FOUND}. */
    public int instrument(final InstrumentRegistry instruments, final char key) {
        return instruments.idOf(Venue.BINANCE_USDM, buffer, offsets[key], lengths[key]);
    }

    /**
     * Parses the decimal string at {@code key} at {@code scale} (see {@link Decimals#parse}); on OK the value
     * is in {@code parser}.
     */
    public DecodeStatus decimal(final DecimalParser parser, final char key, final int scale, final boolean positive) {
        return Decimals.parse(parser, buffer, offsets[key], lengths[key], scale, positive);
    }

    /** The value type of {@code key}, {@link JsonScanner#NONE} when absent. */
    public int type(final char key) {
        return types[key];
    }

    /** Where {@code key}'s value starts (a string's first content byte). */
    public int offset(final char key) {
        return offsets[key];
    }

    /** Length of {@code key}'s value (a string's content without quotes). */
    public int length(final char key) {
        return lengths[key];
    }
}
