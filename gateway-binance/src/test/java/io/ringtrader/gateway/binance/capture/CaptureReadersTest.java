package io.ringtrader.gateway.binance.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ringtrader.gateway.common.capture.CaptureListener;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureReadersTest {
    @TempDir
    Path dir;

    private final List<String> rows = new ArrayList<>();
    private final CaptureListener listener = new CaptureListener() {
        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
            rows.add("frame " + receiveTimeNs + " " + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        @Override
        public void onSnapshot(final String symbol, final DirectBuffer buffer, final int offset, final int length,
            final long receiveTimeNs) {
            rows.add("snapshot " + symbol + " " + receiveTimeNs + " " + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        @Override
        public void onSkipped() {
            rows.add("skipped");
        }

        @Override
        public void onUnreadable(final long lineNumber) {
            rows.add("unreadable " + lineNumber);
        }
    };

    @Test
    void shouldUnescapeCryptofeedRowsAndSortThemIntoFramesSnapshotsAndSkips() throws Exception {
        final Path file = write("capture.jsonl",
            "{\"t\":\"header\",\"format\":2}\n"
                + "{\"t\":\"http\",\"conn\":\"c\",\"ts\":1626992740.175661,\"url\":\"https://fapi.binance.com/fapi/v1/exchangeInfo\",\"data\":\"{}\"}\n"
                + "{\"t\":\"http\",\"conn\":\"c\",\"ts\":1626992740.5,\"url\":\"https://fapi.binance.com/fapi/v1/depth?symbol=AKROUSDT&limit=1000\","
                + "\"data\":\"{\\\"lastUpdateId\\\":7}\"}\n"
                + "{\"t\":\"recv\",\"conn\":\"c\",\"ts\":1626992741.06217,\"data\":\"{\\\"stream\\\":\\\"a\\u0040b\\\"}\"}\r\n"
                + "{\"t\":\"recv\",\"conn\":\"c\",\"ts\":1626992741.1,\"data\":\"pong\"}\n"
                + "{\"t\":\"recv\",\"ts\":1626992741.1,\"data\":\"{\\\"x\n");

        new CryptofeedCaptureReader().read(file, listener);

        assertEquals(List.of(
            "skipped",
            "skipped",
            "snapshot AKROUSDT 1626992740500000000 {\"lastUpdateId\":7}",
            "frame 1626992741062170000 {\"stream\":\"a@b\"}",
            "skipped",
            "unreadable 6"), rows);
    }

    @Test
    void shouldTakeAnHftbacktestSnapshotToBeForTheLatestDepthStream() throws Exception {
        final Path file = write("capture.txt",
            "1723161255030314667 {\"lastUpdateId\":1}\n"
                + "1723161255030314668 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{}}\n"
                + "1723161255030314669 {\"lastUpdateId\":2,\"bids\":[]}\n"
                + "not-a-time {}\n"
                + "\n");

        new HftBacktestCaptureReader("ETHUSDT").read(file, listener);

        assertEquals(List.of(
            "snapshot ETHUSDT 1723161255030314667 {\"lastUpdateId\":1}",
            "frame 1723161255030314668 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{}}",
            "snapshot BTCUSDT 1723161255030314669 {\"lastUpdateId\":2,\"bids\":[]}",
            "unreadable 4",
            "skipped"), rows);
    }

    @Test
    void shouldReadAGzippedCapture() throws Exception {
        final Path file = dir.resolve("capture.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("5 {\"stream\":\"btcusdt@trade\",\"data\":{}}\n".getBytes(StandardCharsets.US_ASCII));
        }

        new HftBacktestCaptureReader(null).read(file, listener);

        assertEquals(List.of("frame 5 {\"stream\":\"btcusdt@trade\",\"data\":{}}"), rows);
    }

    @Test
    void shouldFindTheSymbolOfADepthSnapshotUrl() {
        assertEquals("SUSHIUSDT", CryptofeedCaptureReader.depthSymbol("https://fapi.binance.com/fapi/v1/depth?symbol=SUSHIUSDT&limit=1000"));
        assertEquals("CTKUSDT", CryptofeedCaptureReader.depthSymbol("/fapi/v1/depth?limit=1000&symbol=CTKUSDT"));
        assertNull(CryptofeedCaptureReader.depthSymbol("https://fapi.binance.com/fapi/v1/exchangeInfo"));
    }

    private Path write(final String name, final String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
