package io.ringtrader.bench;

import io.ringtrader.engine.fixedpoint.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * Formatting mantissas as ASCII into a buffer (journal rendering, Bitget checksum text) against
 * {@link BigDecimal#toPlainString()}. Run with {@code -prof gc}: the {@link FixedPoint} methods must show
 * {@code gc.alloc.rate.norm} ≈ 0 B/op.
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
public class FixedPointFormatBenchmark {
    private static final int SAMPLES = 4;

    private final long[] mantissas = { 6180020L, 3L, 12345L, 345678901234L };
    private final int[] scales = { 2, 3, 8, 8 };
    private final int[] decimals = { 4, 3, 8, 10 };
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FixedPoint.MAX_FORMATTED_LENGTH]);

    /**
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void formatToBuffer(final Blackhole blackhole) {
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(FixedPoint.format(mantissas[i], scales[i], buffer, 0));
        }
    }

    /**
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void formatWithReceivedDecimalsToBuffer(final Blackhole blackhole) {
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(FixedPoint.formatWithDecimals(mantissas[i], scales[i], decimals[i], buffer, 0));
        }
    }

    /**
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void baselineBigDecimalToPlainString(final Blackhole blackhole) {
        for (int i = 0; i < SAMPLES; i++) {
            blackhole.consume(BigDecimal.valueOf(mantissas[i], scales[i]).toPlainString());
        }
    }
}
