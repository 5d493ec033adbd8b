package io.ringtrader.bench;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.replay.ReplayOptions;
import io.ringtrader.replay.ReplayResult;
import io.ringtrader.replay.ReplayRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput: a journal of {@value #EVENTS} book events (one snapshot, then deltas of 1 to 4
 * levels around a random-walking mid) replayed from Chronicle Queue through the live business stages
 * fused on one thread (book, features, model, strategy, risk, router; model and strategy are pass-through
 * until those stages exist). The score is journal events per second.
 *
 * <p>Nothing removes the levels the mid walks away from, so the book ends up crossed (80 to 110 levels a side,
 * the best bid about 50 ticks above the mid) and most deltas land 32 to 63 levels from the top: a harder
 * book search than a venue's stream, whose deltas are mostly near the top.
 *
 * <p>The journal (about 1 GB) is written once per fork into the temp directory and deleted afterwards.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ReplayThroughputBenchmark.EVENTS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "-Xmx2g",
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_MISC,
    BenchJvmFlags.ADD_EXPORTS_JDK_INTERNAL_REF,
    BenchJvmFlags.ADD_EXPORTS_SUN_NIO_CH,
    BenchJvmFlags.ADD_EXPORTS_JAVAC_FILE,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG,
    BenchJvmFlags.ADD_OPENS_JAVA_LANG_REFLECT,
    BenchJvmFlags.CHRONICLE_ANALYTICS_DISABLE })
@State(Scope.Benchmark)
public class ReplayThroughputBenchmark {
    static final int EVENTS = 10_000_000;
    private static final long TICK = 10;
    private static final long MID = 6_180_000;

    private Path journal;
    private RingTraderConfig config;

    @Setup(Level.Trial)
    public void writeJournal() throws IOException {
        journal = Files.createTempDirectory("ringtrader-replay-bench");
        config = ConfigLoader.parse("""
            instruments:
              - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
            """, "bench.yaml", name -> null).config();
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final InboundEvent event = new InboundEvent(32);
        final SplittableRandom random = new SplittableRandom(42);
        long mid = MID;
        long timeNs = 1_723_161_600_000_000_000L;
        event.reset();
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = 0;
        event.receiveTimeNs = timeNs;
        for (int level = 1; level <= 32; level++) {
            event.addBid(mid - level * TICK, 1_000 + level);
            event.addAsk(mid + level * TICK, 1_000 + level);
        }
        writer.onEvent(event, 0, true);
        for (long sequence = 1; sequence < EVENTS; sequence++) {
            // A mid that wanders but reverts to its start keeps the book at a few hundred levels a side,
            // as a venue's depth stream (which removes levels leaving its depth) does.
            final long drift = mid > MID ? -1 : mid < MID ? 1 : 0;
            mid += (random.nextInt(5) - 2 + (random.nextInt(4) == 0 ? drift : 0)) * TICK;
            timeNs += 100_000;
            event.reset();
            event.kind = EventKind.BOOK_DELTA;
            event.instrumentId = 0;
            event.receiveTimeNs = timeNs;
            event.exchangeTimeNs = timeNs - 1_000_000;
            event.firstUpdateId = sequence * 3;
            event.lastUpdateId = sequence * 3 + 2;
            event.prevUpdateId = sequence * 3 - 1;
            final int levels = 1 + random.nextInt(4);
            for (int i = 0; i < levels; i++) {
                final long qty = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(5_000);
                if (random.nextBoolean()) {
                    event.addBid(mid - (1 + random.nextInt(20)) * TICK, qty);
                } else {
                    event.addAsk(mid + (1 + random.nextInt(20)) * TICK, qty);
                }
            }
            writer.onEvent(event, sequence, (sequence & 1023) == 0);
        }
        writer.onShutdown();
    }

    @Benchmark
    public long replay() throws IOException {
        final ReplayResult result = ReplayRunner.run(config, ReplayOptions.of(journal), EngineExtension.NONE);
        if (result.eventsReplayed() != EVENTS || result.errors() != 0) {
            throw new IllegalStateException("replayed " + result.eventsReplayed() + " events with " + result.errors() + " errors");
        }
        return result.eventsReplayed();
    }

    @TearDown(Level.Trial)
    public void deleteJournal() throws IOException {
        try (Stream<Path> files = Files.walk(journal)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
