package io.ringtrader.gateway.binance;

import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Broken input never throws, never publishes part of a frame, and never stops the next frame decoding. */
class MalformedFrameTest {
    private static final List<String> FRAMES = List.of(RecordedFrames.SUSHI_DEPTH, RecordedFrames.BTC_BOOK_TICKER,
        RecordedFrames.BTC_TRADE, RecordedFrames.CTK_AGG_TRADE, RecordedFrames.SUSHI_KLINE_CLOSED);

    private final CapturingSink sink = new CapturingSink(32);
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final BinanceFrameDecoder decoder =
        new BinanceFrameDecoder(TestInstruments.registry(), sink, SnapshotRequester.NONE, errors, MarketDataSettings.defaults());

    @Test
    void shouldRejectEveryTruncationOfRecordedFramesWithoutPublishingOrBuffering() {
        long rejected = 0;
        for (final String frame : FRAMES) {
            for (int length = 0; length < frame.length(); length++) {
                final UnsafeBuffer buffer = ascii(frame + " ");
                final DecodeStatus status = decoder.onFrame(buffer, 0, length, 1);
                assertTrue(status.isError(), "prefix of " + length + " bytes of " + frame + ": " + status);
                rejected++;
            }
        }

        assertTrue(sink.events().isEmpty());
        assertEquals(0, decoder.sync(TestInstruments.SUSHIUSDT).buffered());
        assertEquals(rejected, decoder.decodeErrors());
    }

    @Test
    void shouldSurviveRandomByteCorruptionAndDecodeTheNextGoodFrame() {
        final Random random = new Random(20240809L);
        for (int round = 0; round < 20_000; round++) {
            final String frame = FRAMES.get(random.nextInt(FRAMES.size()));
            final UnsafeBuffer buffer = ascii(frame);
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                buffer.putByte(random.nextInt(buffer.capacity()), (byte)(32 + random.nextInt(95)));
            }
            decoder.onFrame(buffer, 0, buffer.capacity(), round);
        }
        sink.clear();

        final UnsafeBuffer good = ascii(RecordedFrames.BTC_BOOK_TICKER);
        assertEquals(DecodeStatus.OK, decoder.onFrame(good, 0, good.capacity(), 1));
        assertEquals(1, sink.events().size());
        assertEquals(decoder.decodeErrors(), errors.totalCount());
    }
}
