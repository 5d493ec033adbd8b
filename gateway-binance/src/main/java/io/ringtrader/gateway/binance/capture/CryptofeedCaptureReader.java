package io.ringtrader.gateway.binance.capture;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.ParseStatus;
import io.ringtrader.gateway.common.capture.CaptureLineReader;
import io.ringtrader.gateway.common.capture.CaptureListener;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.io.IOException;
import java.nio.file.Path;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a cryptofeed raw capture: one JSON row per line,
 * {@code {"t":"header"|"http"|"connect"|"send"|"recv","conn":..,"ts":<epoch s>,"url"|"addr":..,"data":"<raw text>"}}.
 * {@code http} rows for {@code /fapi/v1/depth?symbol=X&limit=...} are REST snapshots of X; {@code recv} rows
 * whose text is a JSON object are WebSocket frames ({@code pong} texts are skipped); everything else is
 * skipped. The {@code data} text is unescaped into a reused buffer. Single-threaded.
 */
public final class CryptofeedCaptureReader {
    private static final int NANOS_SCALE = 9;
    private static final byte[] T = {'t'};
    private static final byte[] TS = {'t', 's'};
    private static final byte[] URL = {'u', 'r', 'l'};
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] RECV = {'r', 'e', 'c', 'v'};
    private static final byte[] HTTP = {'h', 't', 't', 'p'};
    private static final String DEPTH_PATH = "/fapi/v1/depth?";
    private static final String SYMBOL_PARAMETER = "symbol=";

    private final JsonScanner scanner = new JsonScanner();
    private final DecimalParser decimals = new DecimalParser();
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[1]);
    private byte[] unescaped = new byte[1 << 12];

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
        boolean recv = false;
        boolean http = false;
        long receiveTimeNs = -1;
        int urlOffset = -1;
        int urlLength = 0;
        int dataOffset = -1;
        int dataLength = 0;
        if (!scanner.wrap(buffer, 0, length).enterObject()) {
            listener.onUnreadable(lines.lineNumber());
            return;
        }
        while (scanner.nextField()) {
            final boolean string = scanner.valueType() == JsonScanner.STRING;
            if (scanner.keyIs(T)) {
                recv = scanner.valueIs(RECV);
                http = scanner.valueIs(HTTP);
            } else if (scanner.keyIs(TS) && scanner.valueType() == JsonScanner.NUMBER) {
                if (decimals.parse(buffer, scanner.valueOffset(), scanner.valueLength(), NANOS_SCALE, false) == ParseStatus.OK) {
                    receiveTimeNs = decimals.value();
                }
            } else if (string && scanner.keyIs(URL)) {
                urlOffset = scanner.valueOffset();
                urlLength = scanner.valueLength();
            } else if (string && scanner.keyIs(DATA)) {
                dataOffset = scanner.valueOffset();
                dataLength = scanner.valueLength();
            }
        }
        if (scanner.failed() || !scanner.finish()) {
            listener.onUnreadable(lines.lineNumber());
            return;
        }
        if (!recv && !http) {
            listener.onSkipped();
            return;
        }
        if (dataOffset < 0 || receiveTimeNs < 0) {
            listener.onUnreadable(lines.lineNumber());
            return;
        }
        final int textLength = unescape(buffer, dataOffset, dataLength);
        if (textLength < 0) {
            listener.onUnreadable(lines.lineNumber());
            return;
        }
        if (recv) {
            if (textLength > 0 && firstNonBlank(textLength) == '{') {
                listener.onFrame(text, 0, textLength, receiveTimeNs);
            } else {
                listener.onSkipped();
            }
            return;
        }
        final String symbol = urlOffset < 0 ? null : depthSymbol(buffer.getStringWithoutLengthAscii(urlOffset, urlLength));
        if (symbol == null) {
            listener.onSkipped();
        } else {
            listener.onSnapshot(symbol, text, 0, textLength, receiveTimeNs);
        }
    }

    /** The symbol of a depth snapshot URL, or null if the URL is not one. */
    static String depthSymbol(final String url) {
        final int path = url.indexOf(DEPTH_PATH);
        if (path < 0) {
            return null;
        }
        final int start = url.indexOf(SYMBOL_PARAMETER, path);
        if (start < 0) {
            return null;
        }
        final int from = start + SYMBOL_PARAMETER.length();
        int end = url.indexOf('&', from);
        if (end < 0) {
            end = url.length();
        }
        return end > from ? url.substring(from, end) : null;
    }

    private byte firstNonBlank(final int length) {
        for (int i = 0; i < length; i++) {
            final byte b = text.getByte(i);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return 0;
    }

    /** JSON string content to raw bytes in {@link #text}; returns the length, or -1 for a bad escape. */
    private int unescape(final DirectBuffer source, final int offset, final int length) {
        if (length + 4 > unescaped.length) {
            unescaped = new byte[Math.max(length + 4, unescaped.length * 2)];
        }
        int out = 0;
        final int end = offset + length;
        for (int i = offset; i < end; i++) {
            final byte b = source.getByte(i);
            if (b != '\\') {
                unescaped[out++] = b;
                continue;
            }
            if (++i >= end) {
                return -1;
            }
            final byte escaped = source.getByte(i);
            switch (escaped) {
                case '"', '\\', '/' -> unescaped[out++] = escaped;
                case 'b' -> unescaped[out++] = '\b';
                case 'f' -> unescaped[out++] = '\f';
                case 'n' -> unescaped[out++] = '\n';
                case 'r' -> unescaped[out++] = '\r';
                case 't' -> unescaped[out++] = '\t';
                case 'u' -> {
                    if (i + 4 >= end) {
                        return -1;
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        final int digit = Character.digit(source.getByte(i + k), 16);
                        if (digit < 0) {
                            return -1;
                        }
                        code = code * 16 + digit;
                    }
                    i += 4;
                    out = appendUtf8(code, out);
                }
                default -> {
                    return -1;
                }
            }
        }
        text.wrap(unescaped, 0, Math.max(out, 1));
        return out;
    }

    private int appendUtf8(final int code, final int out) {
        int position = out;
        if (code < 0x80) {
            unescaped[position++] = (byte)code;
        } else if (code < 0x800) {
            unescaped[position++] = (byte)(0xC0 | (code >> 6));
            unescaped[position++] = (byte)(0x80 | (code & 0x3F));
        } else {
            unescaped[position++] = (byte)(0xE0 | (code >> 12));
            unescaped[position++] = (byte)(0x80 | ((code >> 6) & 0x3F));
            unescaped[position++] = (byte)(0x80 | (code & 0x3F));
        }
        return position;
    }
}
