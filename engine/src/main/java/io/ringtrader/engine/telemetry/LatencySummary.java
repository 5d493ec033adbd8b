package io.ringtrader.engine.telemetry;

/**
 * Percentiles of one stage's latency (stage done minus event receive time), in nanoseconds.
 *
 * @param stage the stage name.
 * @param count number of events recorded.
 */
public record LatencySummary(String stage, long count, long p50Ns, long p90Ns, long p99Ns, long p999Ns, long maxNs) {
}
