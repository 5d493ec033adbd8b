package io.ringtrader.bench.latency;

import io.ringtrader.engine.config.Durations;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link TickToOrderHarness} runs.
 *
 * @param rates        offered rates, frames per second, run one after another.
 * @param warmup       offered at the rate before measuring; its frames are not recorded.
 * @param duration     the measured part of each run.
 * @param everyNth     1 = every book delta becomes an order, N = every Nth.
 * @param waitStrategy how every ring thread waits (busy-spin starves a 2-core machine).
 * @param outputDir    where the {@code .hgrm} files go.
 * @param inboundRing  inbound ring slots (a power of two); a full ring drops frames, which then yield no sample.
 * @param journal      whether the engine journals (Chronicle queues under {@code outputDir}) and whether orders wait
 *                     for the journal ({@code journal.gateOrders}).
 */
public record Settings(int[] rates, Duration warmup, Duration duration, int everyNth, WaitStrategyKind waitStrategy,
    Path outputDir, int inboundRing, JournalMode journal) {
    /** {@code --journal}: off (no journal), ungated (journal in parallel with sending), gated (journal before send). */
    public enum JournalMode {
        OFF, UNGATED, GATED;

        String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * 1k, 10k and 100k frames/s, 3 s warm-up, 10 s measured, every delta, blocking, {@code target/tick-to-order},
     * 16,384 inbound slots.
     */
    public static Settings defaults() {
        return new Settings(new int[] {1_000, 10_000, 100_000}, Duration.ofSeconds(3), Duration.ofSeconds(10), 1,
            WaitStrategyKind.BLOCKING, Path.of("target", "tick-to-order"), 16_384, JournalMode.OFF);
    }

    public Settings {
        rates = rates.clone();
        if (rates.length == 0) {
            throw new IllegalArgumentException("--rates: at least one rate");
        }
        for (final int rate : rates) {
            if (rate < 1 || rate > 10_000_000) {
                throw new IllegalArgumentException("--rates: each rate must be 1 .. 10,000,000 frames/s: " + rate);
            }
        }
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --duration > 0: " + warmup + ", " + duration);
        }
        if (everyNth < 1) {
            throw new IllegalArgumentException("--every must be >= 1: " + everyNth);
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(outputDir, "outputDir");
        if (inboundRing < 64 || Integer.bitCount(inboundRing) != 1) {
            throw new IllegalArgumentException("--ring must be a power of two >= 64: " + inboundRing);
        }
        Objects.requireNonNull(journal, "journal");
    }

    @Override
    public int[] rates() {
        return rates.clone();
    }

    /**
     * Reads {@code --rates 1000,10000 --warmup 3s --duration 10s --every 1 --wait blocking --out DIR
     * --ring 16384 --journal off} over the defaults.
     *
     * @throws IllegalArgumentException naming the bad argument.
     */
    public static Settings parse(final String... args) {
        Settings s = defaults();
        for (int i = 0; i < args.length; i += 2) {
            final String key = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(key + ": missing value");
            }
            final String value = args[i + 1];
            switch (key) {
                case "--rates" -> s = new Settings(rates(value), s.warmup, s.duration, s.everyNth, s.waitStrategy,
                    s.outputDir, s.inboundRing, s.journal);
                case "--warmup" -> s = new Settings(s.rates, duration(key, value), s.duration, s.everyNth, s.waitStrategy,
                    s.outputDir, s.inboundRing, s.journal);
                case "--duration" -> s = new Settings(s.rates, s.warmup, duration(key, value), s.everyNth, s.waitStrategy,
                    s.outputDir, s.inboundRing, s.journal);
                case "--every" -> s = new Settings(s.rates, s.warmup, s.duration, integer(key, value), s.waitStrategy,
                    s.outputDir, s.inboundRing, s.journal);
                case "--wait" -> s = new Settings(s.rates, s.warmup, s.duration, s.everyNth, waitStrategy(value),
                    s.outputDir, s.inboundRing, s.journal);
                case "--out" -> s = new Settings(s.rates, s.warmup, s.duration, s.everyNth, s.waitStrategy, Path.of(value),
                    s.inboundRing, s.journal);
                case "--ring" -> s = new Settings(s.rates, s.warmup, s.duration, s.everyNth, s.waitStrategy, s.outputDir,
                    integer(key, value), s.journal);
                case "--journal" -> s = new Settings(s.rates, s.warmup, s.duration, s.everyNth, s.waitStrategy, s.outputDir,
                    s.inboundRing, journalMode(value));
                default -> throw new IllegalArgumentException("unknown argument: " + key);
            }
        }
        return s;
    }

    private static int[] rates(final String value) {
        try {
            return Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException("--rates: comma-separated frames/s, got " + value, ex);
        }
    }

    private static int integer(final String key, final String value) {
        try {
            return Integer.parseInt(value);
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException(key + ": not an integer: " + value, ex);
        }
    }

    private static Duration duration(final String key, final String value) {
        try {
            return Durations.parseStrict(value);
        } catch (final IllegalArgumentException ex) {
            throw new IllegalArgumentException(key + ": " + ex.getMessage(), ex);
        }
    }

    private static JournalMode journalMode(final String value) {
        for (final JournalMode mode : JournalMode.values()) {
            if (mode.configName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--journal: off, ungated or gated, got " + value);
    }

    private static WaitStrategyKind waitStrategy(final String value) {
        final WaitStrategyKind kind = WaitStrategyKind.fromConfigName(value);
        if (kind == null) {
            throw new IllegalArgumentException("--wait: blocking, yielding, sleeping or busy-spin, got " + value);
        }
        return kind;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Settings s && Arrays.equals(rates, s.rates) && warmup.equals(s.warmup)
            && duration.equals(s.duration) && everyNth == s.everyNth && waitStrategy == s.waitStrategy
            && outputDir.equals(s.outputDir) && inboundRing == s.inboundRing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(rates), warmup, duration, everyNth, waitStrategy, outputDir, inboundRing);
    }

    @Override
    public String toString() {
        return "Settings{rates=" + Arrays.toString(rates) + ", warmup=" + warmup + ", duration=" + duration
            + ", everyNth=" + everyNth + ", waitStrategy=" + waitStrategy.configName() + ", outputDir=" + outputDir
            + ", inboundRing=" + inboundRing + '}';
    }
}
