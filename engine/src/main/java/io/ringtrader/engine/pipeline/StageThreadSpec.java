package io.ringtrader.engine.pipeline;

import java.util.List;

/**
 * One pipeline thread: its name, the stages it runs in chain order, how it waits, and the CPU it is
 * pinned to ({@link #NOT_PINNED} for none).
 */
public record StageThreadSpec(String name, List<StageId> stages, WaitStrategyKind waitStrategy, int cpu) {
    public static final int NOT_PINNED = -1;

    public StageThreadSpec {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("thread name must not be empty");
        }
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("thread " + name + ": no stages");
        }
        if (waitStrategy == null) {
            throw new IllegalArgumentException("thread " + name + ": no wait strategy");
        }
        if (cpu < NOT_PINNED) {
            throw new IllegalArgumentException("thread " + name + ": cpu must be >= 0 or NOT_PINNED: " + cpu);
        }
        stages = List.copyOf(stages);
    }

    /** A thread with no CPU affinity. */
    public static StageThreadSpec of(final String name, final WaitStrategyKind waitStrategy, final StageId... stages) {
        return new StageThreadSpec(name, List.of(stages), waitStrategy, NOT_PINNED);
    }

    /** The default layout that runs on a 2-core laptop: one blocking thread per consumer of each ring. */
    public static List<StageThreadSpec> defaults() {
        return List.of(
            of("rt-journal", WaitStrategyKind.BLOCKING, StageId.JOURNAL),
            of("rt-logic", WaitStrategyKind.BLOCKING, StageId.BOOK, StageId.FEATURES, StageId.MODEL,
                StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
            of("rt-venue", WaitStrategyKind.BLOCKING, StageId.VENUE),
            of("rt-out-journal", WaitStrategyKind.BLOCKING, StageId.OUTBOUND_JOURNAL));
    }

    /**
     * Checks a thread layout: every stage exactly once; one ring per thread; the journal, the venue and
     * the outbound journal alone on their threads (they are parallel consumers); business stages sharing
     * a thread contiguous and in chain order; unique names and CPUs.
     *
     * @throws IllegalArgumentException naming the first problem.
     */
    public static void validate(final List<StageThreadSpec> threads) {
        final StageId[] ownerIndex = StageId.values();
        final String[] owner = new String[ownerIndex.length];
        final java.util.Set<String> names = new java.util.HashSet<>();
        final java.util.Set<Integer> cpus = new java.util.HashSet<>();
        for (final StageThreadSpec thread : threads) {
            if (!names.add(thread.name())) {
                throw new IllegalArgumentException("thread name used twice: " + thread.name());
            }
            if (thread.cpu() != NOT_PINNED && !cpus.add(thread.cpu())) {
                throw new IllegalArgumentException("thread " + thread.name() + ": cpu " + thread.cpu() + " pinned twice");
            }
            StageId previous = null;
            for (final StageId stage : thread.stages()) {
                if (owner[stage.ordinal()] != null) {
                    throw new IllegalArgumentException("stage " + stage.configName() + " on threads "
                        + owner[stage.ordinal()] + " and " + thread.name());
                }
                owner[stage.ordinal()] = thread.name();
                if (thread.stages().size() > 1 && !stage.isBusinessChain()) {
                    throw new IllegalArgumentException("thread " + thread.name() + ": stage " + stage.configName()
                        + " must be alone on its thread");
                }
                if (previous != null && stage.ordinal() != previous.ordinal() + 1) {
                    throw new IllegalArgumentException("thread " + thread.name() + ": stages must be contiguous and in"
                        + " chain order (book, features, model, strategy, risk, router)");
                }
                previous = stage;
            }
        }
        for (final StageId stage : ownerIndex) {
            if (owner[stage.ordinal()] == null) {
                throw new IllegalArgumentException("stage " + stage.configName() + " is on no thread");
            }
        }
    }
}
