package io.ringtrader.bench;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the inbound journal stage appending one event, as the pipeline calls it (one event per batch,
 * the worst case for per-batch work): a 10+10-level book delta and a trade. Each iteration writes a fresh
 * queue in a temporary directory under {@code -p dir=...} (default: the JVM's temp directory; a tmpfs
 * takes the disk out of the measurement), deleted afterwards. Run with {@code -prof gc}: appending must
 * allocate ≈0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
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
public class JournalAppendBenchmark {
    private static final int LEVELS = 10;

    /** Parent of the per-iteration journal directories; empty for the JVM's temp directory. */
    @Param({""})
    public String dir;

    private final InboundEvent bookDelta = new InboundEvent(32);
    private final InboundEvent trade = new InboundEvent(32);
    private Path directory;
    private InboundJournalWriter writer;
    private long sequence;

    @Setup(Level.Trial)
    public void fillEvents() {
        header(bookDelta, EventKind.BOOK_DELTA);
        for (int i = 0; i < LEVELS; i++) {
            bookDelta.addBid(6_180_000 - i * 10, 1_000 + i * 7);
            bookDelta.addAsk(6_180_010 + i * 10, 2_000 + i * 3);
            bookDelta.bidPriceDecimals[i] = 1;
            bookDelta.bidQtyDecimals[i] = 3;
            bookDelta.askPriceDecimals[i] = 1;
            bookDelta.askQtyDecimals[i] = 3;
        }
        header(trade, EventKind.TRADE);
        trade.tradeId = 900_001;
        trade.tradeFirstId = 900_000;
        trade.tradeLastId = 900_002;
        trade.tradePrice = 6_180_005;
        trade.tradeQty = 777;
        trade.tradeAggressor = OrderSide.SELL;
    }

    @Setup(Level.Iteration)
    public void openJournal() throws IOException {
        final Path parent = Path.of(dir.isEmpty() ? System.getProperty("java.io.tmpdir") : dir);
        directory = Files.createTempDirectory(parent, "journal-bench-");
        writer = new InboundJournalWriter(JournalConfig.defaults(directory));
        writer.onStart();
    }

    @TearDown(Level.Iteration)
    public void closeJournal() {
        writer.onShutdown();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(JournalAppendBenchmark::delete);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public void appendBookDelta10Levels() {
        bookDelta.lastUpdateId = sequence;
        writer.onEvent(bookDelta, sequence++, true);
    }

    @Benchmark
    public void appendTrade() {
        trade.tradeId = sequence;
        writer.onEvent(trade, sequence++, true);
    }

    private static void header(final InboundEvent event, final EventKind kind) {
        event.reset();
        event.kind = kind;
        event.instrumentId = 1;
        event.venueId = 1;
        event.exchangeTimeNs = 1_700_000_000_000_000_000L;
        event.receiveTimeNs = 1_700_000_000_000_500_000L;
        event.firstUpdateId = 1_000;
        event.lastUpdateId = 1_010;
        event.prevUpdateId = 999;
    }

    private static void delete(final Path path) {
        try {
            Files.delete(path);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
