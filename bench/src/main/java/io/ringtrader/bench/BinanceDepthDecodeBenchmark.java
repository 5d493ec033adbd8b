package io.ringtrader.bench;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import info.bitrich.xchangestream.binance.dto.BinanceWebsocketTransaction;
import info.bitrich.xchangestream.binance.dto.market.DepthBinanceWebSocketTransaction;
import info.bitrich.xchangestream.service.netty.StreamingObjectMapperHelper;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.BinanceFrameDecoder;
import io.ringtrader.gateway.binance.FrameEnvelope;
import io.ringtrader.gateway.binance.capture.HftBacktestCaptureReader;
import io.ringtrader.gateway.binance.marketdata.DepthUpdateDecoder;
import io.ringtrader.gateway.common.capture.CaptureListener;
import io.ringtrader.gateway.common.marketdata.BookTranslators;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.DepthStaging;
import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of decoding one real Binance USDⓈ-M depth diff frame, against XChange as the peer.
 * <p>
 * The frames are the 169 {@code btcusdt@depth@0ms} combined-stream frames of the hftbacktest capture in
 * {@code ../shared/data} (2 to 238 levels per side, median 17; 362 to 9,604 bytes, median ~910), kept as the
 * exact envelope bytes a WebSocket text frame carries, {@code {"stream":"btcusdt@depth@0ms","data":{...}}}.
 * Both sides parse the same envelope bytes, as both gateways do; each invocation takes the next frame, cycling.
 * <ul>
 *   <li>{@code ringtrader}: what {@code BinanceFrameDecoder.onFrame} does for a depth frame, up to publishing:
 *   {@link FrameEnvelope} for the {@code data} span, the event-type check, {@link DepthUpdateDecoder} into its staging
 *   (fixed-point mantissas, symbol to id), then {@link BookTranslators#DELTA} into pre-allocated
 *   {@link InboundEvent} slots of the default {@code levelsPerSlot} (32), as many as the diff needs (up to 8),
 *   each reset and batch-stamped as the inbound publisher does. Left out: the book sync's {@code pu} chain check
 *   (two comparisons), since replaying the same frames would make it drop them as stale, and the Disruptor's
 *   claim and publish.</li>
 *   <li>{@code xchange}: XChange 5.2.4's own Jackson model,
 *   {@code BinanceWebsocketTransaction<DepthBinanceWebSocketTransaction>} (the envelope type XChange's
 *   {@code BinanceStreamingMarketDataService} binds depth frames to), read with XChange's own mapper
 *   ({@link StreamingObjectMapperHelper#getObjectMapper()}) straight from the frame's bytes.</li>
 *   <li>{@code xchangeStreamingPath}: what XChange does per frame in its streaming service: {@code readTree} of
 *   the frame text (as Netty hands it over, a {@code String}), then binding the tree to the same type.</li>
 * </ul>
 * The capture path is the {@code capture} parameter; its default is relative to the working directory, which
 * is the repository root when run as {@code java -jar bench/target/benchmarks.jar} from there (forks inherit it).
 * Setup checks that both sides agree on every frame (ids, level counts, best prices).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_MISC,
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_REF,
    BenchJvmFlags.ADD_EXPORTS_SUN_NIO_CH,
    BenchJvmFlags.ADD_EXPORTS_JAVAC_FILE,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG_REFLECT,
    BenchJvmFlags.CHRONICLE_ANALYTICS_DISABLE })
public class BinanceDepthDecodeBenchmark {
    /** The default {@code pipeline.levelsPerSlot}. */
    static final int LEVELS_PER_SLOT = 32;

    @Benchmark
    public void ringtrader(final Frames frames, final RingtraderState state, final Blackhole blackhole) {
        final int i = state.nextFrame(frames.count);
        final int slots = state.decode(frames.buffers[i], frames.bytes[i].length, frames.receiveTimesNs[i]);
        final InboundEvent last = state.slots[slots - 1];
        blackhole.consume(slots);
        blackhole.consume(last.lastUpdateId);
        blackhole.consume(last.askCount > 0 ? last.askPrices[last.askCount - 1] : last.bidCount);
    }

    @Benchmark
    public void xchange(final Frames frames, final XChangeState state, final Blackhole blackhole) throws IOException {
        final int i = state.nextFrame(frames.count);
        final BinanceWebsocketTransaction<DepthBinanceWebSocketTransaction> frame =
            state.mapper.readValue(frames.bytes[i], state.depthType);
        consume(frame.getData(), blackhole);
    }

    @Benchmark
    public void xchangeStreamingPath(final Frames frames, final XChangeState state, final Blackhole blackhole)
        throws IOException {
        final int i = state.nextFrame(frames.count);
        final JsonNode tree = state.mapper.readTree(frames.texts[i]);
        final BinanceWebsocketTransaction<DepthBinanceWebSocketTransaction> frame =
            state.mapper.readValue(state.mapper.treeAsTokens(tree), state.depthType);
        consume(frame.getData(), blackhole);
    }

    private static void consume(final DepthBinanceWebSocketTransaction depth, final Blackhole blackhole) {
        final SortedMap<BigDecimal, BigDecimal> bids = depth.getOrderBook().bids;
        final SortedMap<BigDecimal, BigDecimal> asks = depth.getOrderBook().asks;
        blackhole.consume(bids.size());
        blackhole.consume(asks.size());
        blackhole.consume(depth.getLastUpdateId());
        blackhole.consume(asks.isEmpty() ? null : asks.lastKey());
    }

    /** The depth frames of the capture, read once per trial. */
    @State(Scope.Benchmark)
    public static class Frames {
        @Param("../shared/data/binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt")
        public String capture;

        int count;
        byte[][] bytes;
        UnsafeBuffer[] buffers;
        String[] texts;
        long[] receiveTimesNs;

        @Setup(Level.Trial)
        public void read() throws IOException {
            final Path file = Path.of(capture);
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("capture not found: " + file.toAbsolutePath()
                    + " (run from the repository root, or pass -p capture=PATH)");
            }
            final DepthFrameCollector collector = new DepthFrameCollector();
            new HftBacktestCaptureReader(null).read(file, collector);
            count = collector.frames.size();
            if (count == 0) {
                throw new IllegalStateException("no depth frames in " + file);
            }
            bytes = collector.frames.toArray(new byte[0][]);
            buffers = new UnsafeBuffer[count];
            texts = new String[count];
            receiveTimesNs = new long[count];
            for (int i = 0; i < count; i++) {
                buffers[i] = new UnsafeBuffer(bytes[i]);
                texts[i] = new String(bytes[i], StandardCharsets.UTF_8);
                receiveTimesNs[i] = collector.receiveTimesNs.get(i);
            }
        }
    }

    /** The gateway's decoding pieces and a run of pre-allocated ring slots. */
    @State(Scope.Thread)
    public static class RingtraderState {
        private static final byte[] DEPTH_UPDATE = {'d', 'e', 'p', 't', 'h', 'U', 'p', 'd', 'a', 't', 'e'};

        private final FrameEnvelope envelope = new FrameEnvelope();
        private final JsonScanner payload = new JsonScanner();
        private DepthUpdateDecoder depth;
        InboundEvent[] slots;
        private int next;

        @Setup(Level.Trial)
        public void setUp(final Frames frames, final XChangeState peer) throws IOException {
            depth = new DepthUpdateDecoder(btcusdt(), 5_000);
            int maxSlots = 1;
            for (int i = 0; i < frames.count; i++) {
                decodeToStaging(frames.buffers[i], frames.bytes[i].length, frames.receiveTimesNs[i]);
                maxSlots = Math.max(maxSlots, depth.staging().slotsNeeded(LEVELS_PER_SLOT));
            }
            slots = new InboundEvent[maxSlots];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = new InboundEvent(LEVELS_PER_SLOT);
            }
            for (int i = 0; i < frames.count; i++) {
                checkAgainstPeer(frames, i, peer);
            }
        }

        int nextFrame(final int count) {
            final int i = next;
            next = i + 1 == count ? 0 : i + 1;
            return i;
        }

        /**
         * Decodes one combined-stream depth frame into {@link #slots} as {@code BinanceFrameDecoder} and the
         * inbound publisher would.
         *
         * @return slots filled.
         * @throws IllegalStateException if the frame does not decode (the capture is known good).
         */
        int decode(final DirectBuffer buffer, final int length, final long receiveTimeNs) {
            final DepthStaging staging = decodeToStaging(buffer, length, receiveTimeNs);
            final int count = staging.slotsNeeded(LEVELS_PER_SLOT);
            for (int i = 0; i < count; i++) {
                final InboundEvent slot = slots[i];
                slot.reset();
                slot.batchIndex = i;
                slot.batchLast = i == count - 1;
                BookTranslators.DELTA.translateTo(slot, i, i, count, staging);
            }
            return count;
        }

        /** The envelope, the event-type check and the depth decoder, as {@code BinanceFrameDecoder}. */
        private DepthStaging decodeToStaging(final DirectBuffer buffer, final int length, final long receiveTimeNs) {
            DecodeStatus status = decodePayload(buffer, length, receiveTimeNs, true);
            if (status != DecodeStatus.OK && envelope.tentative()) {
                status = decodePayload(buffer, length, receiveTimeNs, false);
            }
            if (status != DecodeStatus.OK) {
                throw new IllegalStateException("depth frame not decoded: " + status);
            }
            return depth.staging();
        }

        private DecodeStatus decodePayload(final DirectBuffer buffer, final int length, final long receiveTimeNs,
            final boolean quick) {
            if (envelope.locate(buffer, 0, length, quick) != FrameEnvelope.PAYLOAD) {
                return DecodeStatus.MALFORMED;
            }
            final int offset = envelope.payloadOffset();
            final int payloadLength = envelope.payloadLength();
            if (!isDepthUpdate(buffer, offset, payloadLength)) {
                return DecodeStatus.IGNORED;
            }
            return depth.decode(buffer, offset, payloadLength, receiveTimeNs);
        }

        /** As {@code BinanceFrameDecoder.eventType}: the usual head names a depth update without a scan. */
        private boolean isDepthUpdate(final DirectBuffer buffer, final int offset, final int length) {
            if (BinanceFrameDecoder.hasDepthHead(buffer, offset, length)) {
                return true;
            }
            if (!payload.wrap(buffer, offset, length).enterObject()) {
                return false;
            }
            while (payload.nextField()) {
                if (payload.keyIs('e')) {
                    return payload.valueIs(DEPTH_UPDATE);
                }
            }
            return false;
        }

        private void checkAgainstPeer(final Frames frames, final int i, final XChangeState peer) throws IOException {
            final int count = decode(frames.buffers[i], frames.bytes[i].length, frames.receiveTimesNs[i]);
            final DepthStaging ours = depth.staging();
            final DepthBinanceWebSocketTransaction theirs =
                peer.mapper.<BinanceWebsocketTransaction<DepthBinanceWebSocketTransaction>>readValue(
                    frames.bytes[i], peer.depthType).getData();
            final SortedMap<BigDecimal, BigDecimal> bids = theirs.getOrderBook().bids;
            final SortedMap<BigDecimal, BigDecimal> asks = theirs.getOrderBook().asks;
            final boolean same = ours.firstUpdateId == theirs.getFirstUpdateId()
                && ours.lastUpdateId == theirs.getLastUpdateId()
                && ours.prevUpdateId == theirs.getPu()
                && ours.bidCount() == bids.size()
                && ours.askCount() == asks.size()
                && (bids.isEmpty() || bestBid(ours) == mantissa(Collections.max(bids.keySet()), 2))
                && (asks.isEmpty() || bestAsk(ours) == mantissa(Collections.min(asks.keySet()), 2))
                && count == ours.slotsNeeded(LEVELS_PER_SLOT)
                && slots[count - 1].lastUpdateId == theirs.getLastUpdateId();
            if (!same) {
                throw new IllegalStateException("frame " + i + ": " + ours + " differs from XChange's");
            }
        }

        private static long bestBid(final DepthStaging staging) {
            long best = Long.MIN_VALUE;
            for (int i = 0; i < staging.bidCount(); i++) {
                best = Math.max(best, staging.bidPrice(i));
            }
            return best;
        }

        private static long bestAsk(final DepthStaging staging) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < staging.askCount(); i++) {
                best = Math.min(best, staging.askPrice(i));
            }
            return best;
        }

        private static long mantissa(final BigDecimal price, final int scale) {
            return price.movePointRight(scale).longValueExact();
        }

        /** BTCUSDT on Binance USDⓈ-M: tick 0.10 at price scale 2, lot 0.001 at quantity scale 3. */
        private static InstrumentRegistry btcusdt() {
            return new InstrumentRegistry(List.of(new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
        }
    }

    /** XChange's mapper and the type its streaming market-data service binds depth frames to. */
    @State(Scope.Thread)
    public static class XChangeState {
        final ObjectMapper mapper = StreamingObjectMapperHelper.getObjectMapper();
        final JavaType depthType = mapper.getTypeFactory()
            .constructParametricType(BinanceWebsocketTransaction.class, DepthBinanceWebSocketTransaction.class);
        private int next;

        int nextFrame(final int count) {
            final int i = next;
            next = i + 1 == count ? 0 : i + 1;
            return i;
        }
    }

    /** Keeps the exact bytes of every frame of a {@code <symbol>@depth...} stream. */
    private static final class DepthFrameCollector implements CaptureListener {
        private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};
        private static final byte[] DEPTH = {'@', 'd', 'e', 'p', 't', 'h'};

        final List<byte[]> frames = new ArrayList<>();
        final List<Long> receiveTimesNs = new ArrayList<>();
        private final JsonScanner scanner = new JsonScanner();

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs) {
            if (scanner.wrap(buffer, offset, length).enterObject()) {
                while (scanner.nextField()) {
                    if (scanner.keyIs(STREAM) && scanner.valueType() == JsonScanner.STRING
                        && isDepthStream(buffer, scanner.valueOffset(), scanner.valueLength())) {
                        final byte[] frame = new byte[length];
                        buffer.getBytes(offset, frame);
                        frames.add(frame);
                        receiveTimesNs.add(receiveTimeNs);
                        return;
                    }
                }
            }
        }

        @Override
        public void onSnapshot(final String symbol, final DirectBuffer buffer, final int offset, final int length,
            final long receiveTimeNs) {
        }

        @Override
        public void onSkipped() {
        }

        @Override
        public void onUnreadable(final long lineNumber) {
            throw new IllegalStateException("unreadable capture line " + lineNumber);
        }

        private static boolean isDepthStream(final DirectBuffer buffer, final int offset, final int length) {
            for (int at = 0; at + DEPTH.length <= length; at++) {
                boolean match = true;
                for (int i = 0; i < DEPTH.length && match; i++) {
                    match = buffer.getByte(offset + at + i) == DEPTH[i];
                }
                if (match) {
                    return true;
                }
            }
            return false;
        }
    }
}
