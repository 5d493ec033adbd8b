package io.ringtrader.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.WaitStrategyKind;

/**
 * One ring thread and the stages it runs, in chain order.
 *
 * @param name         the thread name, 1 to 15 characters of {@code [A-Za-z0-9._-]} (the Linux limit).
 * @param stages       the stages, all of one ring; several only for contiguous business stages.
 * @param waitStrategy how the thread waits for events.
 * @param cpu          the CPU the thread is pinned to; empty if not pinned.
 */
public record ThreadConfig(String name, List<StageId> stages, WaitStrategyKind waitStrategy, OptionalInt cpu) {
    static final int MAX_NAME_LENGTH = 15;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

    public ThreadConfig {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(cpu, "cpu");
    }

    /** The pipeline's thread spec for this thread. */
    public StageThreadSpec toSpec() {
        return new StageThreadSpec(name, stages, waitStrategy, cpu.isPresent() ? cpu.getAsInt() : StageThreadSpec.NOT_PINNED);
    }

    /** The config form of a pipeline thread spec. */
    static ThreadConfig fromSpec(final StageThreadSpec spec) {
        return new ThreadConfig(spec.name(), spec.stages(), spec.waitStrategy(),
            spec.cpu() == StageThreadSpec.NOT_PINNED ? OptionalInt.empty() : OptionalInt.of(spec.cpu()));
    }

    static ThreadConfig read(final ConfigNode node) {
        final String name = node.requiredString("name", ThreadConfig::checkName);
        final List<StageId> stages = node.requiredEnumList("stages", StageId.values(), StageId::configName);
        final WaitStrategyKind waitStrategy = node.optionalEnum(
            "waitStrategy", WaitStrategyKind.BLOCKING, WaitStrategyKind.values(), WaitStrategyKind::configName);
        final OptionalInt cpu = node.optionalInt("cpu", 0, Integer.MAX_VALUE);
        node.requireNoUnknownKeys();

        return new ThreadConfig(name, stages, waitStrategy, cpu);
    }

    private static String checkName(final String name) {
        return NAME.matcher(name).matches() ? null :
            "must be 1 to " + MAX_NAME_LENGTH + " characters of A-Z a-z 0-9 . _ - (Linux thread name limit)";
    }

    /**
     * @return this thread as it reads in the effective configuration.
     */
    Map<String, Object> toEffective() {
        final Map<String, Object> effective = new LinkedHashMap<>();
        final List<String> stageNames = new ArrayList<>(stages.size());
        for (final StageId stage : stages) {
            stageNames.add(stage.configName());
        }
        effective.put("name", name);
        effective.put("stages", stageNames);
        effective.put("waitStrategy", waitStrategy.configName());
        cpu.ifPresent(value -> effective.put("cpu", value));
        return effective;
    }
}
