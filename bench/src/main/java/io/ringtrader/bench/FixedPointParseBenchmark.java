package io.ringtrader.bench;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Parsing venue price and quantity text into mantissas: {@link DecimalParser} over a buffer (the decoder path)
 * and over a {@code byte[]}, against {@link Double#parseDouble} and {@link BigDecimal} on pre-built Strings
 * (which do not pay for creating the String a decoder would need first) and against String creation plus
 * {@link Double#parseDouble} (which does).
 * <p>
 * Each invocation parses every sample once; scores are per parsed number. Run with {@code -prof gc}: the
 * {@link DecimalParser} methods must show {@code gc.alloc.rate.norm} ≈ 0 B/op.
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
public class FixedPointParseBenchmark {
    private static final int SAMPLES = 8;
    private static final String[] TEXTS = {
        "61800.20", "0.003", "118234.57", "12.345", "0.00012345", "3456.78901234", "61799.9", "1.000" };
    private static final int[] SCALES = { 2, 3, 2, 3, 8, 8, 2, 3 };

    private final DecimalParser parser = new DecimalParser();
    private final int[] offsets = new int[SAMPLES];
    private final int[] lengths = new int[SAMPLES];
    private final int[] scales = new int[SAMPLES];
    private final String[] texts = new String[SAMPLES];
    private byte[] bytes;
    private UnsafeBuffer buffer;

    /**
     * Lays the samples out as quoted JSON values, the way a depth update carries them.
     */
    @Setup
    public void setUp() {
        final StringBuilder json = new StringBuilder("{\"b\":[");
        for (int i = 0; i < SAMPLES; i++) {
            json.append(i == 0 ? "\"" : ",\"");
            offsets[i] = json.length();
            json.append(TEXTS[i]);
            lengths[i] = TEXTS[i].length();
            json.append('"');
            scales[i] = SCALES[i];
            texts[i] = new String(TEXTS[i].toCharArray());
        }
        json.append("]}");
        bytes = json.toString().getBytes(StandardCharsets.US_ASCII);
        buffer = new UnsafeBuffer(bytes);
    }

    /**
     * The decoder path: straight from the receive buffer.
     *
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void decimalParserDirectBuffer(final Blackhole blackhole) {
        final DecimalParser parser = this.parser;
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(parser.parse(buffer, offsets[i], lengths[i], scales[i], false));
            blackhole.consume(parser.value());
        }
    }

    /**
     * Same parser over a {@code byte[]} region.
     *
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void decimalParserByteArray(final Blackhole blackhole) {
        final DecimalParser parser = this.parser;
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(parser.parse(bytes, offsets[i], lengths[i], scales[i], false));
            blackhole.consume(parser.value());
        }
    }

    /**
     * Baseline: {@code double}, inexact, from an already-built String.
     *
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void baselineDoubleParseDouble(final Blackhole blackhole) {
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(Double.parseDouble(texts[i]));
        }
    }

    /**
     * Baseline: what a String-based decoder pays, creating the String from the received bytes first.
     *
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void baselineNewStringThenParseDouble(final Blackhole blackhole) {
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(Double.parseDouble(new String(bytes, offsets[i], lengths[i], StandardCharsets.US_ASCII)));
        }
    }

    /**
     * Baseline: the same exact mantissa through {@link BigDecimal}, from an already-built String.
     *
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void baselineBigDecimal(final Blackhole blackhole) {
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(new BigDecimal(texts[i]).movePointRight(scales[i]).longValueExact());
        }
    }
}
