package io.ringtrader.engine.runtime.jmx;

/**
 * One pipeline thread (stage group) of a running engine, registered as
 * {@code io.ringtrader:type=StageGroup,name=<thread name>}. Read-only. Any JMX thread may read it; the
 * latency figures are session totals and reading them does not end a {@code .hlog} interval.
 */
public interface StageGroupMXBean {
    /** The thread's name from {@code pipeline.threads}. */
    String getThreadName();

    /** The stages the thread runs, in chain order (config names). */
    String[] getStages();

    /** The wait strategy's config name, e.g. {@code blocking}. */
    String getWaitStrategy();

    /** The CPU the thread is pinned to, or -1 when it is not pinned. */
    int getPinnedCpu();

    /** Per stage of the group: events processed and latency percentiles in microseconds, whole session. */
    StageLatency[] getStageLatencies();
}
