package io.ringtrader.gateway.binance.marketdata;

import static io.ringtrader.gateway.binance.RecordedFrames.AKRO_SNAPSHOT;
import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.gateway.binance.TestInstruments;
import io.ringtrader.gateway.common.marketdata.BookTranslators;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class DepthSnapshotDecoderTest {
    private final DepthSnapshotDecoder decoder = new DepthSnapshotDecoder(TestInstruments.registry(), 1000);

    @Test
    void shouldDecodeARecordedSnapshotBody() {
        assertEquals(DecodeStatus.OK, decode(AKRO_SNAPSHOT));

        final DepthStaging snapshot = decoder.staging();
        assertEquals(TestInstruments.AKROUSDT, snapshot.instrumentId);
        assertEquals(600859605486L, snapshot.lastUpdateId);
        assertEquals(InboundEvent.NONE, snapshot.firstUpdateId);
        assertEquals(1626992741242L * 1_000_000L, snapshot.exchangeTimeNs);
        assertEquals(2, snapshot.bidCount());
        assertEquals(1_731L, snapshot.bidPrice(0));
        assertEquals(57_618L, snapshot.bidQty(0));
        assertEquals(1_733L, snapshot.askPrice(1));
        assertEquals(355_270L, snapshot.askQty(1));
    }

    @Test
    void shouldSplitAThousandLevelSnapshotIntoAThirtyTwoSlotBatch() {
        final StringBuilder body = new StringBuilder("{\"lastUpdateId\":7,\"bids\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append("[\"").append(1000 - i).append(".0\",\"1\"]");
        }
        body.append("],\"asks\":[[\"2000.0\",\"3\"]]}");
        final UnsafeBuffer buffer = ascii(body.toString());
        assertEquals(DecodeStatus.OK, decoder.decode(TestInstruments.BTCUSDT, buffer, 0, buffer.capacity(), 1));
        final DepthStaging snapshot = decoder.staging();

        assertEquals(32, snapshot.slotsNeeded(32));
        final InboundEvent last = new InboundEvent(32);
        BookTranslators.SNAPSHOT.translateTo(last, 31, 31, 32, snapshot);
        assertEquals(EventKind.BOOK_SNAPSHOT, last.kind);
        assertEquals(1000 - 31 * 32, last.bidCount);
        assertEquals(100L, last.bidPrices[last.bidCount - 1]);
        assertEquals(0, last.askCount);
        assertEquals(7L, last.lastUpdateId);
    }

    @Test
    void shouldRejectAnErrorResponse() {
        assertEquals(DecodeStatus.MISSING_FIELD, decode("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
    }

    @Test
    void shouldRejectATruncatedBody() {
        assertEquals(DecodeStatus.MALFORMED, decode(AKRO_SNAPSHOT.substring(0, AKRO_SNAPSHOT.length() - 3)));
    }

    @Test
    void shouldRejectASnapshotForNoInstrument() {
        final UnsafeBuffer buffer = ascii(AKRO_SNAPSHOT);
        assertEquals(DecodeStatus.UNKNOWN_SYMBOL, decoder.decode(-1, buffer, 0, buffer.capacity(), 1));
    }

    private DecodeStatus decode(final String text) {
        final UnsafeBuffer buffer = ascii(text);
        return decoder.decode(TestInstruments.AKROUSDT, buffer, 0, buffer.capacity(), 1);
    }
}
