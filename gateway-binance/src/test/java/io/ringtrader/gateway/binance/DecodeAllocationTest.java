package io.ringtrader.gateway.binance;

import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.EventSink;
import io.ringtrader.gateway.common.marketdata.RingEventSink;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Allocation on the IO thread in steady state, measured with the thread's allocated-bytes counter: after
 * every frame once through throwaway decoders (before all tests) and 20,000 depth diffs (or partial book frames) and
 * 20,000 tickers to warm up, five windows of 4,000 of each. Decoding,
 * book sync or partial book, the translators and publishing into a real inbound ring allocate nothing per frame: a per-frame
 * allocation would show at least 16 bytes x 8,000 frames in every window. The JVM itself now and then
 * charges a few dozen bytes to the thread (seen in single windows, whatever the sink), so the test asks
 * for a clean window and bounds the others by far less than a byte per frame.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecodeAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int WINDOWS = 5;
    private static final int WINDOW = 4_000;
    private static final int MEASURED = WINDOWS * WINDOW;
    private static final long SNAPSHOT_ID = 1_000;
    private static final String DIFF_STREAM = "btcusdt@depth@100ms";
    private static final String PARTIAL_STREAM = "btcusdt@depth5@100ms";

    private static UnsafeBuffer[] depthFrames;
    private static UnsafeBuffer[] partialFrames;
    private static UnsafeBuffer[] tickerFrames;
    private static UnsafeBuffer snapshot;
    private static com.sun.management.ThreadMXBean allocation;

    @BeforeAll
    static void recordFrames() {
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter on this JVM");
        allocation = (com.sun.management.ThreadMXBean)threads;
        depthFrames = new UnsafeBuffer[WARM_UP + MEASURED];
        partialFrames = new UnsafeBuffer[WARM_UP + MEASURED];
        tickerFrames = new UnsafeBuffer[WARM_UP + MEASURED];
        long last = SNAPSHOT_ID + 5;
        depthFrames[0] = ascii(depthFrame(DIFF_STREAM, SNAPSHOT_ID - 5, last, SNAPSHOT_ID - 10, 0));
        partialFrames[0] = ascii(depthFrame(PARTIAL_STREAM, SNAPSHOT_ID - 5, last, SNAPSHOT_ID - 10, 0));
        tickerFrames[0] = ascii(tickerFrame(last, 0));
        for (int i = 1; i < depthFrames.length; i++) {
            final long next = last + 3 + (i % 7);
            depthFrames[i] = ascii(depthFrame(DIFF_STREAM, last + 2, next, last, i));
            partialFrames[i] = ascii(depthFrame(PARTIAL_STREAM, last + 2, next, last, i));
            tickerFrames[i] = ascii(tickerFrame(next, i));
            last = next;
        }
        snapshot = ascii("{\"lastUpdateId\":" + SNAPSHOT_ID + ",\"E\":1723161256501,"
            + "\"bids\":[[\"61800.20\",\"2.909\"],[\"61800.10\",\"0.696\"]],\"asks\":[[\"61800.30\",\"3.330\"]]}");
        // Every path once through throwaway decoders, so that the JIT has compiled them before any test measures
        // (a test running first in a cold JVM on a busy machine otherwise still sees the interpreter's allocations).
        measure(new ReusedSlotSink(32));
        measure(new BinanceFrameDecoder(TestInstruments.registry(), new ReusedSlotSink(32), SnapshotRequester.NONE,
            new DistinctErrorHandler(), MarketDataSettings.defaults().withPartialDepthLevels(5)), partialFrames);
    }

    @Test
    void shouldNotAllocateWhileDecodingSyncingAndTranslating() {
        assertNoPerFrameAllocation(measure(new ReusedSlotSink(32)));
    }

    @Test
    void shouldNotAllocateWhileDecodingAndPublishingPartialBookFrames() {
        final ReusedSlotSink sink = new ReusedSlotSink(32);
        final BinanceFrameDecoder decoder = new BinanceFrameDecoder(TestInstruments.registry(), sink,
            SnapshotRequester.NONE, new DistinctErrorHandler(), MarketDataSettings.defaults().withPartialDepthLevels(5));

        assertNoPerFrameAllocation(measure(decoder, partialFrames));

        assertEquals(WARM_UP + MEASURED, decoder.partialBook(TestInstruments.BTCUSDT).applied());
    }

    @Test
    void shouldNotAllocatePerFrameWhilePublishingIntoTheInboundRing() {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(4_096)
            .levelsPerSlot(32)
            .errorHandler(errors)
            .threads(List.of(
                StageThreadSpec.of("alloc-journal", WaitStrategyKind.SLEEPING, StageId.JOURNAL),
                StageThreadSpec.of("alloc-logic", WaitStrategyKind.SLEEPING, StageId.BOOK, StageId.FEATURES,
                    StageId.MODEL, StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
                StageThreadSpec.of("alloc-venue", WaitStrategyKind.SLEEPING, StageId.VENUE),
                StageThreadSpec.of("alloc-out-journal", WaitStrategyKind.SLEEPING, StageId.OUTBOUND_JOURNAL)))
            .build();
        pipeline.start();
        try {
            assertNoPerFrameAllocation(measure(new RingEventSink(pipeline.inboundPublisher(), 32, RingEventSink.Mode.WAIT)));
        } finally {
            pipeline.stop();
        }
    }

    private static void assertNoPerFrameAllocation(final long[] bytesPerWindow) {
        final String windows = Arrays.toString(bytesPerWindow);
        assertEquals(0, Arrays.stream(bytesPerWindow).min().orElseThrow(), "bytes per window: " + windows);
        assertTrue(Arrays.stream(bytesPerWindow).allMatch(bytes -> bytes < WINDOW), "bytes per window: " + windows);
    }

    private static long[] measure(final EventSink sink) {
        final BinanceFrameDecoder decoder = new BinanceFrameDecoder(
            TestInstruments.registry(), sink, SnapshotRequester.NONE, new DistinctErrorHandler(), MarketDataSettings.defaults());
        assertEquals(DecodeStatus.OK, decoder.onSnapshot(TestInstruments.BTCUSDT, snapshot, 0, snapshot.capacity(), 1));
        final long[] bytesPerWindow = measure(decoder, depthFrames);
        assertEquals(WARM_UP + MEASURED, decoder.sync(TestInstruments.BTCUSDT).applied());
        return bytesPerWindow;
    }

    /** Warms up on the first frames, then counts the bytes allocated per window of the rest. */
    private static long[] measure(final BinanceFrameDecoder decoder, final UnsafeBuffer[] depth) {
        decodeAll(decoder, depth, 0, WARM_UP);
        allocation.getCurrentThreadAllocatedBytes();

        final long[] bytesPerWindow = new long[WINDOWS];
        for (int window = 0; window < WINDOWS; window++) {
            final long before = allocation.getCurrentThreadAllocatedBytes();
            decodeAll(decoder, depth, WARM_UP + window * WINDOW, WARM_UP + (window + 1) * WINDOW);
            bytesPerWindow[window] = allocation.getCurrentThreadAllocatedBytes() - before;
        }

        assertEquals(0, decoder.decodeErrors());
        return bytesPerWindow;
    }

    private static void decodeAll(final BinanceFrameDecoder decoder, final UnsafeBuffer[] depthFrames, final int from,
        final int to) {
        for (int i = from; i < to; i++) {
            final long receiveTimeNs = 1_000_000L + i;
            final DecodeStatus depth = decoder.onFrame(depthFrames[i], 0, depthFrames[i].capacity(), receiveTimeNs);
            final DecodeStatus ticker = decoder.onFrame(tickerFrames[i], 0, tickerFrames[i].capacity(), receiveTimeNs);
            if (depth != DecodeStatus.OK || ticker != DecodeStatus.OK) {
                throw new AssertionError("frame " + i + ": " + depth + ", " + ticker);
            }
        }
    }

    private static String depthFrame(final String stream, final long first, final long last, final long prev,
        final int i) {
        final StringBuilder frame = new StringBuilder(512).append("{\"stream\":\"").append(stream).append("\",\"data\":{")
            .append("\"e\":\"depthUpdate\",\"E\":").append(1723161256299L + i).append(",\"T\":").append(1723161256298L + i)
            .append(",\"s\":\"BTCUSDT\",\"U\":").append(first).append(",\"u\":").append(last).append(",\"pu\":").append(prev)
            .append(",\"b\":[");
        for (int level = 0; level < 5; level++) {
            frame.append(level == 0 ? "" : ",").append("[\"").append(61700 + level * 10 + i % 10).append(".10\",\"")
                .append(level == 2 ? "0.000" : "0.0" + (10 + level)).append("\"]");
        }
        frame.append("],\"a\":[");
        for (int level = 0; level < 5; level++) {
            frame.append(level == 0 ? "" : ",").append("[\"").append(61900 + level * 10 + i % 10).append(".20\",\"1.")
                .append(100 + level).append("\"]");
        }
        return frame.append("]}}").toString();
    }

    private static String tickerFrame(final long updateId, final int i) {
        return "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":" + updateId
            + ",\"s\":\"BTCUSDT\",\"b\":\"61800.20\",\"B\":\"2.507\",\"a\":\"61800.30\",\"A\":\"" + (i % 9 + 1)
            + ".510\",\"T\":1723161256313,\"E\":1723161256313}}";
    }
}
