package io.ringtrader.engine.runtime.jmx;

import io.ringtrader.engine.telemetry.LatencySummary;
import java.beans.ConstructorProperties;

/**
 * One stage's events and latency percentiles (stage done minus event receive time) over the whole session,
 * in microseconds. An MXBean composite type: JMX clients see it as {@code CompositeData}. Immutable.
 */
public final class StageLatency {
    private final String stage;
    private final long eventsProcessed;
    private final double p50Us;
    private final double p90Us;
    private final double p99Us;
    private final double p999Us;
    private final double maxUs;

    /** For the MXBean mapping (a proxy rebuilds it from its {@code CompositeData}). */
    @ConstructorProperties({"stage", "eventsProcessed", "p50Us", "p90Us", "p99Us", "p999Us", "maxUs"})
    public StageLatency(final String stage, final long eventsProcessed, final double p50Us, final double p90Us,
        final double p99Us, final double p999Us, final double maxUs) {
        this.stage = stage;
        this.eventsProcessed = eventsProcessed;
        this.p50Us = p50Us;
        this.p90Us = p90Us;
        this.p99Us = p99Us;
        this.p999Us = p999Us;
        this.maxUs = maxUs;
    }

    /** The same figures as a {@link LatencySummary} (nanoseconds), in microseconds. */
    static StageLatency of(final LatencySummary summary) {
        return new StageLatency(summary.stage(), summary.count(), micros(summary.p50Ns()), micros(summary.p90Ns()),
            micros(summary.p99Ns()), micros(summary.p999Ns()), micros(summary.maxNs()));
    }

    private static double micros(final long nanos) {
        return nanos / 1_000.0;
    }

    /** The stage's config name, e.g. {@code risk}. */
    public String getStage() {
        return stage;
    }

    /** Events whose latency the stage recorded (every event it processed). */
    public long getEventsProcessed() {
        return eventsProcessed;
    }

    public double getP50Us() {
        return p50Us;
    }

    public double getP90Us() {
        return p90Us;
    }

    public double getP99Us() {
        return p99Us;
    }

    public double getP999Us() {
        return p999Us;
    }

    public double getMaxUs() {
        return maxUs;
    }
}
