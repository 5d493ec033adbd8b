package io.ringtrader.gateway.binance.marketdata;

import static io.ringtrader.gateway.binance.RecordedFrames.AKRO_DEPTH;
import static io.ringtrader.gateway.binance.RecordedFrames.SUSHI_DEPTH;
import static io.ringtrader.gateway.binance.RecordedFrames.payload;
import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.TestInstruments;
import io.ringtrader.gateway.common.marketdata.BookTranslators;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class DepthUpdateDecoderTest {
    private final DepthUpdateDecoder decoder = new DepthUpdateDecoder(TestInstruments.registry(), 100);

    @Test
    void shouldDecodeEveryFieldOfARecordedDiffAtTheInstrumentScale() {
        assertEquals(DecodeStatus.OK, decode(payload(SUSHI_DEPTH)));

        final DepthStaging diff = decoder.staging();
        assertEquals(TestInstruments.SUSHIUSDT, diff.instrumentId);
        assertEquals(1626992741037L * 1_000_000L, diff.exchangeTimeNs);
        assertEquals(42L, diff.receiveTimeNs);
        assertEquals(600859599090L, diff.firstUpdateId);
        assertEquals(600859600917L, diff.lastUpdateId);
        assertEquals(600859598061L, diff.prevUpdateId);
        assertEquals(3, diff.bidCount());
        assertEquals(75_040L, diff.bidPrice(0));
        assertEquals(813L, diff.bidQty(0));
        assertEquals(76_090L, diff.bidPrice(1));
        assertEquals(0L, diff.bidQty(1));
        assertEquals(4, diff.bidPriceDecimals(2));
        assertEquals(0, diff.bidQtyDecimals(2));
        assertEquals(2, diff.askCount());
        assertEquals(76_220L, diff.askPrice(1));
        assertEquals(3284L, diff.askQty(1));
    }

    @Test
    void shouldDecodeADiffWithNoBids() {
        assertEquals(DecodeStatus.OK, decode(payload(AKRO_DEPTH)));

        assertEquals(0, decoder.staging().bidCount());
        assertEquals(1_737L, decoder.staging().askPrice(0));
        assertEquals(decoder.staging().firstUpdateId, decoder.staging().lastUpdateId);
    }

    @Test
    void shouldFillADeltaSlotWithTheUpdateIdsAndLevels() {
        decode(payload(SUSHI_DEPTH));
        final InboundEvent event = new InboundEvent(32);

        BookTranslators.DELTA.translateTo(event, 0, 0, 1, decoder.staging());

        assertEquals(EventKind.BOOK_DELTA, event.kind);
        assertEquals(Venue.BINANCE_USDM.id(), event.venueId);
        assertEquals(TestInstruments.SUSHIUSDT, event.instrumentId);
        assertEquals(600859599090L, event.firstUpdateId);
        assertEquals(600859600917L, event.lastUpdateId);
        assertEquals(600859598061L, event.prevUpdateId);
        assertEquals(3, event.bidCount);
        assertEquals(76_110L, event.bidPrices[2]);
        assertEquals(2L, event.bidQtys[2]);
        assertEquals(2, event.askCount);
        assertEquals(1563L, event.askQtys[0]);
        assertEquals(4, event.askPriceDecimals[0]);
    }

    @Test
    void shouldSplitLevelsAcrossSlotsByTheirLevelCapacity() {
        decode(payload(SUSHI_DEPTH));
        final DepthStaging diff = decoder.staging();
        assertEquals(2, diff.slotsNeeded(2));

        final InboundEvent second = new InboundEvent(2);
        BookTranslators.DELTA.translateTo(second, 1, 1, 2, diff);

        assertEquals(1, second.bidCount);
        assertEquals(76_110L, second.bidPrices[0]);
        assertEquals(0, second.askCount);
    }

    @Test
    void shouldRejectATruncatedFrame() {
        final String whole = payload(SUSHI_DEPTH);
        assertEquals(DecodeStatus.MALFORMED, decode(whole.substring(0, whole.length() - 20)));
    }

    @Test
    void shouldRejectTrailingGarbage() {
        assertEquals(DecodeStatus.MALFORMED, decode(payload(SUSHI_DEPTH) + "}"));
    }

    @Test
    void shouldRejectABadNumber() {
        assertEquals(DecodeStatus.BAD_NUMBER, decode(payload(SUSHI_DEPTH).replace("7.5040", "7.50x0")));
    }

    @Test
    void shouldRejectMoreDecimalsThanTheInstrumentScale() {
        assertEquals(DecodeStatus.BAD_NUMBER, decode(payload(SUSHI_DEPTH).replace("7.5040", "7.50401")));
    }

    @Test
    void shouldRejectANegativeQuantity() {
        assertEquals(DecodeStatus.NEGATIVE_VALUE, decode(payload(SUSHI_DEPTH).replace("\"813\"", "\"-813\"")));
    }

    @Test
    void shouldRejectAZeroPrice() {
        assertEquals(DecodeStatus.NEGATIVE_VALUE, decode(payload(SUSHI_DEPTH).replace("7.5040", "0.0000")));
    }

    @Test
    void shouldRejectAnUnknownSymbol() {
        assertEquals(DecodeStatus.UNKNOWN_SYMBOL, decode(payload(SUSHI_DEPTH).replace("SUSHIUSDT", "SUSHIBUSD")));
    }

    @Test
    void shouldRejectMoreLevelsThanItAccepts() {
        final DepthUpdateDecoder small = new DepthUpdateDecoder(TestInstruments.registry(), 2);
        final UnsafeBuffer buffer = ascii(payload(SUSHI_DEPTH));

        assertEquals(DecodeStatus.TOO_MANY_LEVELS, small.decode(buffer, 0, buffer.capacity(), 42));
        assertEquals(0, small.staging().bidCount());
    }

    @Test
    void shouldRejectALevelThatIsNotAPair() {
        assertEquals(DecodeStatus.BAD_LEVEL, decode(payload(SUSHI_DEPTH).replace("[\"7.5040\",\"813\"]", "[\"7.5040\"]")));
        assertEquals(DecodeStatus.BAD_LEVEL,
            decode(payload(SUSHI_DEPTH).replace("[\"7.5040\",\"813\"]", "[\"7.5040\",\"813\",\"1\"]")));
    }

    @Test
    void shouldRejectAMissingPu() {
        assertEquals(DecodeStatus.MISSING_FIELD, decode(payload(SUSHI_DEPTH).replace("\"pu\":", "\"px\":")));
    }

    @Test
    void shouldRejectULowerThanU() {
        assertEquals(DecodeStatus.BAD_SEQUENCE, decode(payload(SUSHI_DEPTH).replace("\"u\":600859600917", "\"u\":1")));
    }

    @Test
    void shouldIgnoreUnknownFields() {
        final String extended = payload(SUSHI_DEPTH).replace("\"T\":", "\"x\":{\"nested\":[1,\"]\"]},\"T\":");

        assertEquals(DecodeStatus.OK, decode(extended));
        assertEquals(3, decoder.staging().bidCount());
    }

    @Test
    void shouldDecodeTheNextGoodFrameAfterARejectedOne() {
        decode(payload(SUSHI_DEPTH).replace("\"813\"", "\"-813\""));

        assertEquals(DecodeStatus.OK, decode(payload(SUSHI_DEPTH)));
        assertEquals(813L, decoder.staging().bidQty(0));
        assertTrue(decoder.staging().instrumentId >= 0);
    }

    private DecodeStatus decode(final String text) {
        final UnsafeBuffer buffer = ascii(text);
        return decoder.decode(buffer, 0, buffer.capacity(), 42);
    }
}
