package io.ringtrader.engine.pipeline;

import java.util.List;
import java.util.StringJoiner;

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
            final String grouping = groupingProblem(thread.stages());
            if (grouping != null) {
                throw new IllegalArgumentException("thread " + thread.name() + ": " + grouping);
            }
            for (final StageId stage : thread.stages()) {
                if (owner[stage.ordinal()] != null) {
                    throw new IllegalArgumentException("stage " + stage.configName() + " on threads "
                        + owner[stage.ordinal()] + " and " + thread.name());
                }
                owner[stage.ordinal()] = thread.name();
            }
        }
        for (final StageId stage : ownerIndex) {
            if (owner[stage.ordinal()] == null) {
                throw new IllegalArgumentException("stage " + stage.configName() + " is on no thread");
            }
        }
    }

    /**
     * What is wrong with running these stages together on one thread: one ring per thread; the journal,
     * the venue and the outbound journal alone (they are parallel consumers); business stages contiguous
     * and in chain order. The config loader reports it with the file and line, {@link #validate} throws it.
     *
     * @return the problem, or null if there is none.
     */
    public static String groupingProblem(final List<StageId> stages) {
        if (stages.size() < 2) {
            return null;
        }

        for (int i = 1; i < stages.size(); i++) {
            if (stages.subList(0, i).contains(stages.get(i))) {
                return "stage " + stages.get(i).configName() + " is listed twice";
            }
        }

        final StringJoiner inbound = new StringJoiner(", ");
        final StringJoiner outbound = new StringJoiner(", ");
        for (final StageId stage : stages) {
            (stage.isInbound() ? inbound : outbound).add(stage.configName());
        }
        if (inbound.length() > 0 && outbound.length() > 0) {
            return "mixes inbound-ring stages (" + inbound + ") with outbound-ring stages (" + outbound +
                "); a thread consumes one ring";
        }

        for (final StageId stage : stages) {
            if (!stage.isBusinessChain()) {
                return stage.configName() + " must run alone on its thread (" +
                    (stage.isInbound() ? "it consumes the inbound ring in parallel with the business chain" :
                    "venue and outbound-journal consume the outbound ring in parallel") + ")";
            }
        }

        for (int i = 1; i < stages.size(); i++) {
            final StageId previous = stages.get(i - 1);
            final StageId stage = stages.get(i);
            if (stage.ordinal() < previous.ordinal()) {
                return "business stages must be listed in chain order " + chain() + " (got " +
                    previous.configName() + " before " + stage.configName() + ")";
            }
        }
        for (int i = 1; i < stages.size(); i++) {
            final StageId previous = stages.get(i - 1);
            final StageId stage = stages.get(i);
            if (stage.ordinal() != previous.ordinal() + 1) {
                final StringJoiner skipped = new StringJoiner(", ");
                for (int ordinal = previous.ordinal() + 1; ordinal < stage.ordinal(); ordinal++) {
                    skipped.add(StageId.values()[ordinal].configName());
                }
                return "business stages on one thread must be contiguous in the chain " + chain() + " (" +
                    previous.configName() + " and " + stage.configName() + " are separated by " + skipped + ")";
            }
        }
        return null;
    }

    private static String chain() {
        final StringJoiner chain = new StringJoiner(" -> ");
        for (final StageId stage : StageId.values()) {
            if (stage.isBusinessChain()) {
                chain.add(stage.configName());
            }
        }
        return chain.toString();
    }
}
