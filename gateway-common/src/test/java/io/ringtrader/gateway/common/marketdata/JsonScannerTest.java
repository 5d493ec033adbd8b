package io.ringtrader.gateway.common.marketdata;

import static io.ringtrader.gateway.common.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class JsonScannerTest {
    private final JsonScanner scanner = new JsonScanner();

    @Test
    void shouldWalkTheMembersOfAnObjectWithTheirTypesAndSpans() {
        final UnsafeBuffer buffer = wrap(" { \"s\" : \"BTCUSDT\", \"u\":-12, \"x\":true, \"n\":null, \"b\":[[\"1\",\"2\"]], \"k\":{\"i\":\"1m\"} } ");

        assertTrue(scanner.enterObject());
        assertTrue(scanner.nextField());
        assertTrue(scanner.keyIs('s'));
        assertEquals(JsonScanner.STRING, scanner.valueType());
        assertEquals("BTCUSDT", buffer.getStringWithoutLengthAscii(scanner.valueOffset(), scanner.valueLength()));
        assertTrue(scanner.nextField());
        assertEquals(-12L, scanner.valueAsLong());
        assertTrue(scanner.nextField());
        assertEquals(JsonScanner.TRUE, scanner.valueType());
        assertTrue(scanner.nextField());
        assertEquals(JsonScanner.NULL, scanner.valueType());
        assertTrue(scanner.nextField());
        assertEquals(JsonScanner.ARRAY, scanner.valueType());
        assertEquals("[[\"1\",\"2\"]]", buffer.getStringWithoutLengthAscii(scanner.valueOffset(), scanner.valueLength()));
        assertTrue(scanner.nextField());
        assertEquals(JsonScanner.OBJECT, scanner.valueType());
        assertFalse(scanner.nextField());
        assertFalse(scanner.failed());
        assertTrue(scanner.finish());
    }

    @Test
    void shouldSkipBracketsAndEscapedQuotesInsideStringsOfNestedValues() {
        wrap("{\"x\":{\"a\":\"]}\\\"{[\"},\"e\":\"ok\"}");

        assertTrue(scanner.enterObject());
        assertTrue(scanner.nextField());
        assertEquals(JsonScanner.OBJECT, scanner.valueType());
        assertTrue(scanner.nextField());
        assertTrue(scanner.keyIs('e'));
        assertFalse(scanner.nextField());
        assertTrue(scanner.finish());
    }

    @Test
    void shouldFailOnTruncatedInputAtEveryLength() {
        final String whole = "{\"e\":\"depthUpdate\",\"u\":5,\"b\":[[\"1.0\",\"2\"]],\"x\":false}";
        for (int length = 0; length < whole.length(); length++) {
            wrap(whole.substring(0, length));
            boolean complete = scanner.enterObject();
            while (complete && scanner.nextField()) {
                complete = true;
            }
            assertFalse(complete && !scanner.failed() && scanner.finish(), "accepted a prefix of length " + length);
        }
    }

    @Test
    void shouldFailOnAMissingCommaOrColon() {
        wrap("{\"a\":1 \"b\":2}");
        assertTrue(scanner.enterObject());
        assertTrue(scanner.nextField());
        assertFalse(scanner.nextField());
        assertTrue(scanner.failed());

        wrap("{\"a\" 1}");
        assertTrue(scanner.enterObject());
        assertFalse(scanner.nextField());
        assertTrue(scanner.failed());
    }

    @Test
    void shouldFailOnAMisspelledLiteralOrAControlByteInAString() {
        wrap("{\"m\":tru}");
        assertTrue(scanner.enterObject());
        assertFalse(scanner.nextField());
        assertTrue(scanner.failed());

        wrap("{\"s\":\"BTC\nUSDT\"}");
        assertTrue(scanner.enterObject());
        assertFalse(scanner.nextField());
        assertTrue(scanner.failed());
    }

    @Test
    void shouldWalkArrayElements() {
        wrap("[\"61800.20\", 2.5 ,[]]");

        assertTrue(scanner.enterArray());
        assertTrue(scanner.nextElement());
        assertEquals(JsonScanner.STRING, scanner.valueType());
        assertTrue(scanner.nextElement());
        assertEquals(JsonScanner.NUMBER, scanner.valueType());
        assertTrue(scanner.nextElement());
        assertEquals(JsonScanner.ARRAY, scanner.valueType());
        assertFalse(scanner.nextElement());
        assertTrue(scanner.finish());
    }

    @Test
    void shouldParseLongsExactlyAndRejectOverflow() {
        final UnsafeBuffer max = ascii("9223372036854775807");
        final UnsafeBuffer over = ascii("9223372036854775808");
        final UnsafeBuffer decimal = ascii("1.5");

        assertEquals(Long.MAX_VALUE, JsonScanner.parseLong(max, 0, max.capacity()));
        assertEquals(JsonScanner.INVALID_LONG, JsonScanner.parseLong(over, 0, over.capacity()));
        assertEquals(JsonScanner.INVALID_LONG, JsonScanner.parseLong(decimal, 0, decimal.capacity()));
    }

    private UnsafeBuffer wrap(final String text) {
        final UnsafeBuffer buffer = ascii(text.isEmpty() ? " " : text);
        scanner.wrap(buffer, 0, text.length());
        return buffer;
    }
}
