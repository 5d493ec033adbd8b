package io.ringtrader.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.marketdata.BookTranslators;
import io.ringtrader.gateway.binance.marketdata.DecodeStatus;
import io.ringtrader.gateway.binance.marketdata.DepthUpdateDecoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one Binance USDⓈ-M {@code depthUpdate} payload with 20 levels a side (BTCUSDT prices and sizes
 * as in the hftbacktest capture): the gateway's {@link DepthUpdateDecoder} into its staging, the same plus
 * filling a ring slot, against Jackson's tree model with {@link BigDecimal} prices (a conventional decoder).
 * Run with {@code -prof gc}: the decoder methods must show {@code gc.alloc.rate.norm} ≈ 0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_MISC,
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_REF,
    BenchJvmFlags.ADD_EXPORTS_SUN_NIO_CH,
    BenchJvmFlags.ADD_EXPORTS_JAVAC_FILE,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG_REFLECT,
    BenchJvmFlags.CHRONICLE_ANALYTICS_DISABLE })
@State(Scope.Thread)
public class BinanceDepthDecodeBenchmark {
    private static final int LEVELS = 20;

    private final ObjectMapper mapper = new ObjectMapper();
    private final InboundEvent slot = new InboundEvent(32);
    private DepthUpdateDecoder decoder;
    private byte[] bytes;
    private UnsafeBuffer buffer;

    @Setup
    public void setUp() {
        final InstrumentRegistry instruments = new InstrumentRegistry(
            List.of(new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
        decoder = new DepthUpdateDecoder(instruments, 1_000);
        final StringBuilder json = new StringBuilder(1_024).append("{\"e\":\"depthUpdate\",\"E\":1723161256299,")
            .append("\"T\":1723161256298,\"s\":\"BTCUSDT\",\"U\":5123107832006,\"u\":5123107837557,")
            .append("\"pu\":5123107831937,\"b\":[");
        for (int i = 0; i < LEVELS; i++) {
            json.append(i == 0 ? "" : ",").append("[\"").append(61800 - i).append('.').append(i % 10).append("0\",\"")
                .append(i % 4 == 3 ? "0.000" : "0." + (100 + 37 * i)).append("\"]");
        }
        json.append("],\"a\":[");
        for (int i = 0; i < LEVELS; i++) {
            json.append(i == 0 ? "" : ",").append("[\"").append(61801 + i).append('.').append(i % 10).append("0\",\"")
                .append(i % 5 == 4 ? "0.000" : (1 + i % 3) + "." + (200 + 41 * i)).append("\"]");
        }
        json.append("]}");
        bytes = json.toString().getBytes(StandardCharsets.US_ASCII);
        buffer = new UnsafeBuffer(bytes);
        if (decoder.decode(buffer, 0, bytes.length, 1) != DecodeStatus.OK) {
            throw new IllegalStateException("benchmark frame does not decode");
        }
    }

    /** Frame bytes to validated mantissas in the decoder's staging. */
    @Benchmark
    public int decodeIntoStaging() {
        decoder.decode(buffer, 0, bytes.length, 1);
        return decoder.staging().bidCount();
    }

    /** The same, then the delta translator fills a ring slot from the staging. */
    @Benchmark
    public int decodeAndFillSlot() {
        decoder.decode(buffer, 0, bytes.length, 1);
        slot.reset();
        BookTranslators.DELTA.translateTo(slot, 0, 0, 1, decoder.staging());
        return slot.bidCount;
    }

    /** A conventional decoder: Jackson's tree model, then a {@link BigDecimal} per price and size. */
    @Benchmark
    public int baselineJacksonTreeBigDecimal() throws IOException {
        final JsonNode root = mapper.readTree(bytes);
        int nonZero = 0;
        for (final JsonNode level : root.get("b")) {
            nonZero += new BigDecimal(level.get(0).asText()).signum() + new BigDecimal(level.get(1).asText()).signum();
        }
        for (final JsonNode level : root.get("a")) {
            nonZero += new BigDecimal(level.get(0).asText()).signum() + new BigDecimal(level.get(1).asText()).signum();
        }
        return nonZero + root.get("u").asInt();
    }
}
