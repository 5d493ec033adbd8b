package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventLineTest {
    @Test
    void shouldEscapeJsonStringsSoTheyParseBackUnchanged() throws Exception {
        final String nasty = "a\"b\\c\nd\te\u0001f\u00e9";
        final EventLine line = EventLine.of(DumpFormat.JSONL);
        line.begin();
        line.text("writer", nasty);
        line.text("k\"ey", "v");

        final JsonNode parsed = new ObjectMapper().readTree(line.end().toString());

        assertEquals(nasty, parsed.get("writer").textValue());
        assertEquals("v", parsed.get("k\"ey").textValue());
    }

    @Test
    void shouldWriteDecimalsAtTheirScaleOrRawAndNegativesExactly() {
        final EventLine line = EventLine.of(DumpFormat.TEXT);
        line.begin();
        line.decimal("rate", -10_000, 8);
        line.decimal("raw", 6_180_020, JournalInstruments.RAW);
        line.quote("bid", 5, 1, 2, 3);
        line.levels("asks", new long[] {6_180_030, 6_180_040}, new long[] {200, 1_000}, 2, 2, 3);

        assertEquals("rate=-0.00010000 raw=6180020 bid=0.05x0.001 asks=[61800.30x0.200, 61800.40x1.000]",
            line.end().toString());
    }

    @Test
    void shouldWriteTheSameFieldsAsJson() throws Exception {
        final EventLine line = EventLine.of(DumpFormat.JSONL);
        line.begin();
        line.index("index", 0x512b00000003L);
        line.instrument(1, "ETHUSDT");
        line.batch(2, true);
        line.none("bestBid");
        line.levels("bids", new long[] {300_001}, new long[] {250}, 1, 2, 3);

        assertEquals("{\"index\":89245125443587,\"instrumentId\":1,\"symbol\":\"ETHUSDT\",\"batchIndex\":2,"
            + "\"batchLast\":true,\"bestBid\":null,\"bids\":[[\"3000.01\",\"0.250\"]]}", line.end().toString());
        new ObjectMapper().readTree(line.end().toString());
    }
}
