package io.ringtrader.gateway.binance.capture;

import io.ringtrader.gateway.common.capture.CaptureLineReader;
import io.ringtrader.gateway.common.capture.CaptureListener;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads an hftbacktest raw capture: one row per line, {@code <local receive time, ns since epoch> <raw JSON>}.
 * A line whose object has a {@code lastUpdateId} member is a REST depth snapshot body; it names no symbol, so
 * it is taken to be for the symbol of the latest depth stream seen ({@code btcusdt@depth@0ms} → BTCUSDT), or
 * the default symbol before any. Every other line is passed on as a WebSocket frame, broken JSON included
 * (the decoder counts it). Single-threaded.
 */
public final class HftBacktestCaptureReader {
    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};
    private static final byte[] LAST_UPDATE_ID = {'l', 'a', 's', 't', 'U', 'p', 'd', 'a', 't', 'e', 'I', 'd'};
    private static final byte[] DEPTH = {'@', 'd', 'e', 'p', 't', 'h'};

    private final JsonScanner scanner = new JsonScanner();
    private final String defaultSymbol;
    private String depthSymbol;

    /** @param defaultSymbol symbol of a snapshot that comes before any depth frame; null for none. */
    public HftBacktestCaptureReader(final String defaultSymbol) {
        this.defaultSymbol = defaultSymbol;
    }

    /** Reads the whole file, calling {@code listener} for each row in order. */
    public void read(final Path file, final CaptureListener listener) throws IOException {
        try (CaptureLineReader lines = new CaptureLineReader(file)) {
            while (lines.next()) {
                onLine(lines, listener);
            }
        }
    }

    private void onLine(final CaptureLineReader lines, final CaptureListener listener) {
        final UnsafeBuffer buffer = lines.buffer();
        final int length = lines.length();
        if (length == 0) {
            listener.onSkipped();
            return;
        }
        int space = 0;
        while (space < length && buffer.getByte(space) != ' ') {
            space++;
        }
        final long receiveTimeNs = JsonScanner.parseLong(buffer, 0, space);
        if (space == length || receiveTimeNs == JsonScanner.INVALID_LONG || receiveTimeNs < 0) {
            listener.onUnreadable(lines.lineNumber());
            return;
        }
        final int jsonOffset = space + 1;
        final int jsonLength = length - jsonOffset;
        boolean snapshot = false;
        if (scanner.wrap(buffer, jsonOffset, jsonLength).enterObject()) {
            while (scanner.nextField()) {
                if (scanner.keyIs(LAST_UPDATE_ID)) {
                    snapshot = true;
                } else if (scanner.keyIs(STREAM) && scanner.valueType() == JsonScanner.STRING) {
                    noteStream(buffer, scanner.valueOffset(), scanner.valueLength());
                }
            }
        }
        final String symbol = depthSymbol != null ? depthSymbol : defaultSymbol;
        if (snapshot && symbol != null) {
            listener.onSnapshot(symbol, buffer, jsonOffset, jsonLength, receiveTimeNs);
        } else if (snapshot) {
            listener.onSkipped();
        } else {
            listener.onFrame(buffer, jsonOffset, jsonLength, receiveTimeNs);
        }
    }

    private void noteStream(final UnsafeBuffer buffer, final int offset, final int length) {
        int at = 0;
        while (at < length && buffer.getByte(offset + at) != '@') {
            at++;
        }
        if (at == 0 || length - at < DEPTH.length) {
            return;
        }
        for (int i = 0; i < DEPTH.length; i++) {
            if (buffer.getByte(offset + at + i) != DEPTH[i]) {
                return;
            }
        }
        if (depthSymbol == null || depthSymbol.length() != at || !sameIgnoringCase(buffer, offset, depthSymbol)) {
            depthSymbol = buffer.getStringWithoutLengthAscii(offset, at).toUpperCase(Locale.ROOT);
        }
    }

    private static boolean sameIgnoringCase(final UnsafeBuffer buffer, final int offset, final String symbol) {
        for (int i = 0; i < symbol.length(); i++) {
            if (Character.toUpperCase((char)buffer.getByte(offset + i)) != symbol.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
