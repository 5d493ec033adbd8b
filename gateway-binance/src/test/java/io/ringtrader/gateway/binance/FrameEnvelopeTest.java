package io.ringtrader.gateway.binance;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick look of {@link FrameEnvelope} against its strict walk of the envelope. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FrameEnvelopeTest {
    private static final String PAYLOAD = "{\"e\":\"depthUpdate\",\"E\":1,\"b\":[[\"1.0\",\"2\"]],\"a\":[]}";

    private final FrameEnvelope quick = new FrameEnvelope();
    private final FrameEnvelope strict = new FrameEnvelope();

    @Test
    void shouldFindPayloadAndStreamNameOfAFrameInBinancesShapeWithoutTheScanner() {
        final String frame = "{\"stream\":\"btcusdt@depth20@100ms\",\"data\":" + PAYLOAD + "}";
        final UnsafeBuffer buffer = buffer("xyz" + frame + "}}", 3, frame.length());

        assertEquals(FrameEnvelope.PAYLOAD, quick.locate(buffer, 0, buffer.capacity(), true));
        assertTrue(quick.tentative());
        assertEquals(PAYLOAD, text(buffer, quick.payloadOffset(), quick.payloadLength()));
        assertEquals("btcusdt@depth20@100ms", text(buffer, quick.streamOffset(), quick.streamLength()));
        assertSameSpansAsStrict(buffer);
    }

    @Test
    void shouldReadNamesOfEveryLengthAroundTheWordBoundaries() {
        for (int length = 1; length <= 70; length++) {
            final String name = "a".repeat(length);
            final UnsafeBuffer buffer = buffer("{\"stream\":\"" + name + "\",\"data\":" + PAYLOAD + "}");
            assertEquals(FrameEnvelope.PAYLOAD, quick.locate(buffer, 0, buffer.capacity(), true), name);
            assertEquals(name, text(buffer, quick.streamOffset(), quick.streamLength()));
            assertSameSpansAsStrict(buffer);
        }
    }

    @Test
    void shouldLeaveEveryOtherShapeToTheScannerWithTheStrictResult() {
        final String[] frames = {
            "{\"stream\":\"bt\\u0063usdt@depth\",\"data\":" + PAYLOAD + "}",
            "{\"stream\":\"btc\\\"usdt@depth\",\"data\":" + PAYLOAD + "}",
            "{\"stream\":\"btc\u0001usdt@depth\",\"data\":" + PAYLOAD + "}",
            "{\"stream\":\"btcüsdt@depth\",\"data\":" + PAYLOAD + "}",
            "{ \"stream\":\"btcusdt@depth\",\"data\":" + PAYLOAD + "}",
            "{\"stream\":\"btcusdt@depth\", \"data\":" + PAYLOAD + "}",
            "{\"stream\":\"btcusdt@depth\",\"data\":" + PAYLOAD + " }",
            "{\"stream\":\"btcusdt@depth\",\"data\":" + PAYLOAD + ",\"x\":1}",
            "{\"stream\":\"btcusdt@depth\",\"data\":[1,2]}",
            "{\"stream\":\"btcusdt@depth\",\"dat\":" + PAYLOAD + "}",
            "{\"stream\":\"\",\"data\":" + PAYLOAD + "}",
            "{\"stream\":1,\"data\":" + PAYLOAD + "}",
            "{\"data\":" + PAYLOAD + ",\"stream\":\"btcusdt@depth\"}",
            "{\"result\":null,\"id\":1}",
            PAYLOAD,
        };
        for (final String frame : frames) {
            final UnsafeBuffer buffer = buffer(frame);
            quick.locate(buffer, 0, buffer.capacity(), true);
            assertSameSpansAsStrict(buffer);
        }
    }

    @Test
    void shouldNeverReachPastATruncatedFrame() {
        final String frame = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":" + PAYLOAD + "}";
        for (int length = 0; length < frame.length(); length++) {
            final UnsafeBuffer buffer = buffer(frame.substring(0, length));
            final int result = quick.locate(buffer, 0, length, true);
            if (result == FrameEnvelope.PAYLOAD) {
                assertTrue(quick.payloadOffset() >= 0 && quick.payloadOffset() + quick.payloadLength() <= length,
                    "length " + length);
            }
            assertFalse(quick.streamOffset() + quick.streamLength() > length, "length " + length);
        }
    }

    @Test
    void shouldRecogniseTheDepthHeadExactlyAndNothingElse() {
        // Every real depth payload begins this way; the check must say so (it once compared the wrong words and
        // never matched, leaving every depth frame to the scan without changing any result).
        assertTrue(BinanceFrameDecoder.hasDepthHead(buffer(PAYLOAD), 0, PAYLOAD.length()));
        final String framed = "{\"stream\":\"btcusdt@depth\",\"data\":" + PAYLOAD + "}";
        final int offset = framed.indexOf(PAYLOAD);
        assertTrue(BinanceFrameDecoder.hasDepthHead(buffer(framed), offset, PAYLOAD.length()));

        final String head = "{\"e\":\"depthUpdate\",";
        assertTrue(BinanceFrameDecoder.hasDepthHead(buffer(head), 0, head.length()));
        assertFalse(BinanceFrameDecoder.hasDepthHead(buffer(head), 0, head.length() - 1), "shorter than the head");
        for (int i = 0; i < head.length(); i++) {
            final char[] changed = head.toCharArray();
            changed[i] = (char)(changed[i] ^ 0x01);
            final String other = new String(changed);
            assertFalse(BinanceFrameDecoder.hasDepthHead(buffer(other), 0, other.length()), other);
        }
        final String[] others = {
            "{\"e\":\"bookTicker\",\"u\":1}",
            "{\"e\":\"depthUpdate\" ,\"E\":1}",
            "{\"E\":1,\"e\":\"depthUpdate\"}",
            "{\"e\":\"depthUpdates\",\"E\":1}",
        };
        for (final String other : others) {
            assertFalse(BinanceFrameDecoder.hasDepthHead(buffer(other), 0, other.length()), other);
        }
    }

    @Test
    void shouldRefuseMoreThanAWordOfText() {
        assertEquals(0x3837363534333231L, FrameEnvelope.littleEndian("12345678"));
        assertEquals(0x333231L, FrameEnvelope.littleEndian("123"));
        assertThrows(IllegalArgumentException.class, () -> FrameEnvelope.littleEndian("123456789"));
    }

    /**
     * The quick answer, tentative or not, names the same payload and stream as the strict walk whenever the strict
     * walk finds a payload (a well-formed frame); otherwise it is tentative or the same answer.
     */
    private void assertSameSpansAsStrict(final UnsafeBuffer buffer) {
        final int quickResult = quick.locate(buffer, 0, buffer.capacity(), true);
        final int strictResult = strict.locate(buffer, 0, buffer.capacity(), false);
        final String frame = text(buffer, 0, buffer.capacity());
        if (strictResult == FrameEnvelope.PAYLOAD) {
            assertEquals(FrameEnvelope.PAYLOAD, quickResult, frame);
            assertEquals(strict.payloadOffset(), quick.payloadOffset(), frame);
            assertEquals(strict.payloadLength(), quick.payloadLength(), frame);
            assertEquals(strict.streamOffset(), quick.streamOffset(), frame);
            assertEquals(strict.streamLength(), quick.streamLength(), frame);
        } else {
            assertTrue(quick.tentative() || quickResult == strictResult, frame);
        }
    }

    private static UnsafeBuffer buffer(final String text) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private static UnsafeBuffer buffer(final String text, final int offset, final int length) {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8), offset, length);
    }

    private static String text(final UnsafeBuffer buffer, final int offset, final int length) {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
