package io.ringtrader.engine.telemetry;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One stage's latency recorder: written only by the stage's thread ({@link #record}), read by the
 * monitor through {@link LatencyRegistry}. Recording is wait-free and allocation-free.
 *
 * <p>Values outside {@code [0, highestTrackable]} are clamped into it and counted, so a clock quirk
 * or a replayed receive time can never throw on a ring thread.
 */
public final class StageLatencyRecorder {
    private final String name;
    private final long highestTrackableNs;
    private final SingleWriterRecorder recorder;
    private final Histogram total;
    /** Recorded since the last {@link #sampleInterval()}, already added to {@link #total}. */
    private Histogram pending;
    /** The interval {@link #sampleInterval()} returned last; reused as the next pending histogram. */
    private Histogram interval;
    private Histogram drained;
    private volatile long clamped;

    StageLatencyRecorder(final String name, final long highestTrackableNs, final int significantDigits) {
        this.name = name;
        this.highestTrackableNs = highestTrackableNs;
        this.recorder = new SingleWriterRecorder(1, highestTrackableNs, significantDigits);
        this.total = new Histogram(1, highestTrackableNs, significantDigits);
        this.drained = recorder.getIntervalHistogram();
        this.pending = new Histogram(1, highestTrackableNs, significantDigits);
        this.interval = new Histogram(1, highestTrackableNs, significantDigits);
    }

    /** The stage's name, e.g. {@code book}. */
    public String name() {
        return name;
    }

    /** Records one latency in nanoseconds. Stage thread only. */
    public void record(final long latencyNs) {
        long value = latencyNs;
        if (value < 1) {
            value = 1;
            clamped++;
        } else if (value > highestTrackableNs) {
            value = highestTrackableNs;
            clamped++;
        }
        recorder.recordValue(value);
    }

    /** Values clamped into the trackable range so far. */
    public long clamped() {
        return clamped;
    }

    /**
     * Moves what was recorded since the last drain into the total and into the pending interval, without
     * ending the interval. Monitor only.
     */
    void drain() {
        drained = recorder.getIntervalHistogram(drained);
        total.add(drained);
        pending.add(drained);
    }

    /**
     * Drains, then ends the interval: returns everything recorded since the previous call (valid until the
     * next call). Monitor only.
     */
    Histogram sampleInterval() {
        drain();
        final Histogram ended = pending;
        pending = interval;
        pending.reset();
        interval = ended;
        return ended;
    }

    Histogram total() {
        return total;
    }
}
