package io.ringtrader.gateway.binance.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.nio.charset.StandardCharsets;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class FieldSpansTest {
    private final JsonScanner scanner = new JsonScanner();
    private final FieldSpans fields = new FieldSpans();

    @Test
    void shouldCollectSingleCharacterKeysWithTheirTypesAndSpans() {
        assertTrue(collect("{\"e\":\"bookTicker\",\"u\":42,\"s\":\"BTCUSDT\",\"m\":true,\"pu\":7}"));
        assertTrue(fields.stringEquals('e', "bookTicker".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(42, fields.number('u'));
        assertEquals(JsonScanner.TRUE, fields.type('m'));
        assertTrue(fields.isString('s'));
        assertEquals(7, fields.length('s'));
        assertEquals(JsonScanner.NONE, fields.type('p'), "two-character keys are skipped");
    }

    @Test
    void shouldKeepTheLastValueOfARepeatedKey() {
        assertTrue(collect("{\"u\":1,\"u\":2}"));
        assertEquals(2, fields.number('u'));
    }

    @Test
    void shouldForgetTheFieldsOfThePreviousObject() {
        assertTrue(collect("{\"u\":1,\"s\":\"X\"}"));
        assertTrue(collect("{\"E\":5}"));
        assertEquals(JsonScanner.NONE, fields.type('u'));
        assertFalse(fields.isString('s'));
        assertEquals(JsonScanner.INVALID_LONG, fields.number('u'));
    }

    @Test
    void shouldReportANumberOnlyForIntegerNumbers() {
        assertTrue(collect("{\"a\":\"12\",\"b\":1.5,\"c\":-3}"));
        assertEquals(JsonScanner.INVALID_LONG, fields.number('a'));
        assertEquals(JsonScanner.INVALID_LONG, fields.number('b'));
        assertEquals(-3, fields.number('c'));
    }

    @Test
    void shouldRejectAMalformedObject() {
        assertFalse(collect("{\"u\":1,"));
    }

    private boolean collect(final String json) {
        final byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
        assertTrue(scanner.wrap(new UnsafeBuffer(bytes), 0, bytes.length).enterObject());
        return fields.collect(scanner);
    }
}
