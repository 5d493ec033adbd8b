package io.ringtrader.engine.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.StringJoiner;

import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.WaitStrategyKind;

/**
 * The rings and the threads that consume them.
 *
 * @param inboundRingSize  slots of the inbound ring, a power of two.
 * @param outboundRingSize slots of the outbound ring, a power of two.
 * @param levelsPerSlot    book levels per side one inbound slot holds; larger updates span several slots.
 * @param timerInterval    period of the timer events published on the inbound ring.
 * @param shutdownTimeout  how long shutdown waits for the rings to drain.
 * @param threads          the ring threads; together they run every {@link StageId} exactly once.
 */
public record PipelineConfig(
    int inboundRingSize,
    int outboundRingSize,
    int levelsPerSlot,
    Duration timerInterval,
    Duration shutdownTimeout,
    List<ThreadConfig> threads) {
    static final int DEFAULT_INBOUND_RING_SIZE = 16_384;
    static final int DEFAULT_OUTBOUND_RING_SIZE = 4_096;
    static final int MIN_RING_SIZE = 64;
    static final int MAX_INBOUND_RING_SIZE = 1 << 24;
    static final int MAX_OUTBOUND_RING_SIZE = 1 << 22;
    static final int DEFAULT_LEVELS_PER_SLOT = 32;
    static final int MAX_LEVELS_PER_SLOT = 1_000;
    static final Duration DEFAULT_TIMER_INTERVAL = Duration.ofMillis(100);
    static final Duration MIN_TIMER_INTERVAL = Duration.ofMillis(1);
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MIN_SHUTDOWN_TIMEOUT = Duration.ofMillis(1);

    public PipelineConfig {
        Objects.requireNonNull(timerInterval, "timerInterval");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        threads = List.copyOf(threads);
    }

    /**
     * The threads used when the configuration names none; they run on a 2-core machine: journal, business
     * chain, venue and outbound journal each on their own thread, all blocking when idle, none pinned.
     */
    public static List<ThreadConfig> defaultThreads() {
        return StageThreadSpec.defaults().stream().map(ThreadConfig::fromSpec).toList();
    }

    static PipelineConfig read(final ConfigNode node) {
        final int inboundRingSize = node.optionalInt(
            "inboundRingSize", DEFAULT_INBOUND_RING_SIZE, MIN_RING_SIZE, MAX_INBOUND_RING_SIZE, PipelineConfig::checkPowerOfTwo);
        final int outboundRingSize = node.optionalInt(
            "outboundRingSize", DEFAULT_OUTBOUND_RING_SIZE, MIN_RING_SIZE, MAX_OUTBOUND_RING_SIZE, PipelineConfig::checkPowerOfTwo);
        final int levelsPerSlot = node.optionalInt("levelsPerSlot", DEFAULT_LEVELS_PER_SLOT, 1, MAX_LEVELS_PER_SLOT);
        final Duration timerInterval = node.optionalDuration("timerInterval", DEFAULT_TIMER_INTERVAL, MIN_TIMER_INTERVAL);
        final Duration shutdownTimeout = node.optionalDuration(
            "shutdownTimeout", DEFAULT_SHUTDOWN_TIMEOUT, MIN_SHUTDOWN_TIMEOUT);

        final List<ThreadConfig> threads;
        if (node.has("threads")) {
            final int problemsBefore = node.problemCount();
            final List<ConfigNode> threadNodes = node.mappingList("threads");
            final List<ThreadConfig> read = new ArrayList<>(threadNodes.size());
            final List<Boolean> readCleanly = new ArrayList<>(threadNodes.size());
            for (final ConfigNode threadNode : threadNodes) {
                final int threadProblemsBefore = node.problemCount();
                read.add(ThreadConfig.read(threadNode));
                readCleanly.add(node.problemCount() == threadProblemsBefore);
            }
            checkLayout(node, threadNodes, read, readCleanly, node.problemCount() == problemsBefore);
            threads = read;
        } else {
            threads = defaultThreads();
            final List<Object> effective = new ArrayList<>(threads.size());
            for (final ThreadConfig thread : threads) {
                effective.add(thread.toEffective());
            }
            node.recordEffective("threads", effective);
        }
        node.requireNoUnknownKeys();

        return new PipelineConfig(inboundRingSize, outboundRingSize, levelsPerSlot, timerInterval, shutdownTimeout, threads);
    }

    private static String checkPowerOfTwo(final Integer value) {
        return Integer.bitCount(value) == 1 ? null : "must be a power of two (got " + value + ")";
    }

    /**
     * Checks the rules of thread layout, reporting at the offending thread.
     *
     * @param readCleanly per thread, true if it was read without problems, so that its stage list is complete.
     * @param complete    true if every thread was read without problems, so that a stage missing from all threads
     *                 is a layout problem rather than a consequence of another one.
     */
    private static void checkLayout(
        final ConfigNode pipeline,
        final List<ConfigNode> nodes,
        final List<ThreadConfig> threads,
        final List<Boolean> readCleanly,
        final boolean complete) {
        final Map<String, String> pathByName = new HashMap<>();
        final List<String> labels = new ArrayList<>(threads.size());
        final Map<StageId, Integer> threadByStage = new EnumMap<>(StageId.class);
        final Map<Integer, Integer> threadByCpu = new HashMap<>();

        for (int i = 0; i < threads.size(); i++) {
            final ThreadConfig thread = threads.get(i);
            final ConfigNode node = nodes.get(i);
            labels.add(thread.name().isEmpty() ? node.path() : thread.name());

            final String firstPath = pathByName.putIfAbsent(thread.name(), node.path());
            if (firstPath != null && !thread.name().isEmpty()) {
                node.error("name", "duplicate thread name (first used by " + firstPath + ")");
            }

            final String stageProblem = readCleanly.get(i) ? StageThreadSpec.groupingProblem(thread.stages()) : null;
            if (stageProblem != null) {
                node.error("stages", stageProblem);
            }

            for (final StageId stage : thread.stages()) {
                final Integer owner = threadByStage.putIfAbsent(stage, i);
                if (owner != null && owner != i) {
                    node.error("stages", "stage " + stage.configName() + " is already on thread " + labels.get(owner) +
                        " (every stage runs on exactly one thread)");
                }
            }

            if (thread.cpu().isPresent()) {
                final Integer owner = threadByCpu.putIfAbsent(thread.cpu().getAsInt(), i);
                if (owner != null) {
                    node.error("cpu", "cpu " + thread.cpu().getAsInt() + " is already pinned by thread " + labels.get(owner) +
                        " (one thread per cpu)");
                }
            }
        }

        if (complete) {
            final StringJoiner missing = new StringJoiner(", ");
            for (final StageId stage : StageId.values()) {
                if (!threadByStage.containsKey(stage)) {
                    missing.add(stage.configName());
                }
            }
            if (missing.length() > 0) {
                pipeline.error("threads", "no thread runs " + missing + " (every stage runs on exactly one thread)");
            }
        }
    }
}
