package io.ringtrader.engine.runtime.jmx;

import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.telemetry.LatencyRegistry;
import io.ringtrader.engine.telemetry.LatencySummary;
import java.util.List;

/**
 * The {@link StageGroupMXBean} of one pipeline thread: the thread's spec and its stages' latency totals from
 * the pipeline's {@link LatencyRegistry}. Thread-safe (the spec is immutable, the registry synchronized).
 */
public final class StageGroupMonitor implements StageGroupMXBean {
    private final StageThreadSpec spec;
    private final LatencyRegistry latency;

    /**
     * @param spec    the thread.
     * @param latency the pipeline's latency registry, which holds a recorder per stage.
     */
    public StageGroupMonitor(final StageThreadSpec spec, final LatencyRegistry latency) {
        this.spec = spec;
        this.latency = latency;
    }

    @Override
    public String getThreadName() {
        return spec.name();
    }

    @Override
    public String[] getStages() {
        return spec.stages().stream().map(StageId::configName).toArray(String[]::new);
    }

    @Override
    public String getWaitStrategy() {
        return spec.waitStrategy().configName();
    }

    @Override
    public int getPinnedCpu() {
        return spec.cpu();
    }

    @Override
    public StageLatency[] getStageLatencies() {
        final List<LatencySummary> totals = latency.totals();
        final StageLatency[] result = new StageLatency[spec.stages().size()];
        for (int i = 0; i < result.length; i++) {
            final String stage = spec.stages().get(i).configName();
            LatencySummary summary = new LatencySummary(stage, 0, 0, 0, 0, 0, 0);
            for (final LatencySummary candidate : totals) {
                if (candidate.stage().equals(stage)) {
                    summary = candidate;
                }
            }
            result[i] = StageLatency.of(summary);
        }
        return result;
    }
}
