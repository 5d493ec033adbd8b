package io.ringtrader.engine.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The per-stage latency recorders of one pipeline, and the reader side: percentile snapshots and
 * {@code .hgrm} files.
 *
 * <p>Recorders are created before the pipeline starts (single-threaded set-up); afterwards each is
 * written by its stage's thread only. {@link #sample()} and the methods built on it are called by one
 * monitor thread at a time (they are synchronized against each other, never against recording).
 */
public final class LatencyRegistry {
    /** HdrHistogram's percentile output divides values by this: files are in microseconds. */
    private static final double HGRM_UNIT_RATIO = 1_000.0;

    private final long highestTrackableNs;
    private final int significantDigits;
    private final Map<String, StageLatencyRecorder> recorders = new LinkedHashMap<>();

    public LatencyRegistry(final long highestTrackableNs, final int significantDigits) {
        if (highestTrackableNs < 2) {
            throw new IllegalArgumentException("highestTrackableNs must be >= 2: " + highestTrackableNs);
        }
        if (significantDigits < 0 || significantDigits > 5) {
            throw new IllegalArgumentException("significantDigits must be 0..5: " + significantDigits);
        }
        this.highestTrackableNs = highestTrackableNs;
        this.significantDigits = significantDigits;
    }

    /** Creates the recorder for a stage; set-up only. */
    public synchronized StageLatencyRecorder register(final String stage) {
        if (recorders.containsKey(stage)) {
            throw new IllegalArgumentException("latency recorder already registered: " + stage);
        }
        final StageLatencyRecorder recorder = new StageLatencyRecorder(stage, highestTrackableNs, significantDigits);
        recorders.put(stage, recorder);
        return recorder;
    }

    /** Stage names in registration (chain) order. */
    public synchronized List<String> stages() {
        return Collections.unmodifiableList(new ArrayList<>(recorders.keySet()));
    }

    /**
     * Samples every recorder: returns percentiles of what was recorded since the previous sample, and
     * adds it to the running totals.
     */
    public synchronized List<LatencySummary> sample() {
        final List<LatencySummary> result = new ArrayList<>(recorders.size());
        for (final StageLatencyRecorder recorder : recorders.values()) {
            result.add(summarise(recorder.name(), recorder.sampleInterval()));
        }
        return result;
    }

    /** Percentiles over everything recorded since start (samples first). */
    public synchronized List<LatencySummary> totals() {
        sample();
        final List<LatencySummary> result = new ArrayList<>(recorders.size());
        for (final StageLatencyRecorder recorder : recorders.values()) {
            result.add(summarise(recorder.name(), recorder.total()));
        }
        return result;
    }

    /**
     * Writes one {@code <stage>.hgrm} percentile distribution per stage (values in microseconds) into
     * {@code directory}, creating it if needed; returns the files written.
     */
    public synchronized List<Path> writeHgrm(final Path directory) throws IOException {
        sample();
        Files.createDirectories(directory);
        final List<Path> written = new ArrayList<>();
        for (final StageLatencyRecorder recorder : recorders.values()) {
            final Path file = directory.resolve(recorder.name() + ".hgrm");
            try (OutputStream out = Files.newOutputStream(file);
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
                recorder.total().outputPercentileDistribution(print, HGRM_UNIT_RATIO);
            }
            written.add(file);
        }
        return written;
    }

    /** A fixed-width table of totals for humans: one line per stage, microseconds. */
    public String formatTotals() {
        final StringBuilder table = new StringBuilder(256);
        table.append(String.format("%-18s %12s %10s %10s %10s %10s %10s%n",
            "stage", "events", "p50 us", "p90 us", "p99 us", "p99.9 us", "max us"));
        for (final LatencySummary summary : totals()) {
            table.append(String.format("%-18s %12d %10.1f %10.1f %10.1f %10.1f %10.1f%n",
                summary.stage(), summary.count(), micros(summary.p50Ns()), micros(summary.p90Ns()),
                micros(summary.p99Ns()), micros(summary.p999Ns()), micros(summary.maxNs())));
        }
        return table.toString();
    }

    private static double micros(final long nanos) {
        return nanos / 1_000.0;
    }

    private static LatencySummary summarise(final String stage, final Histogram histogram) {
        final long count = histogram.getTotalCount();
        if (count == 0) {
            return new LatencySummary(stage, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(stage, count,
            histogram.getValueAtPercentile(50.0),
            histogram.getValueAtPercentile(90.0),
            histogram.getValueAtPercentile(99.0),
            histogram.getValueAtPercentile(99.9),
            histogram.getMaxValue());
    }
}
