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
import org.HdrHistogram.HistogramLogWriter;

/**
 * The per-stage latency recorders of one pipeline, and the reader side: percentile snapshots and
 * {@code .hgrm} files.
 *
 * <p>Only {@link #sample()} (and opening or closing the interval logs) ends an interval: the session's status
 * line calls it once per report interval, so the {@code .hlog} intervals follow that cadence.
 * {@link #totals()} and {@link #writeHgrm} read the running totals without ending an interval, so a monitor
 * (the JMX beans) may call them at any time.
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
    /** Open interval logs by stage while {@link #startIntervalLogs} is in effect. */
    private final Map<String, IntervalLog> intervalLogs = new LinkedHashMap<>();

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
     * adds it to the running totals (and to the interval logs, when open).
     */
    public synchronized List<LatencySummary> sample() {
        final long nowMs = System.currentTimeMillis();
        final List<LatencySummary> result = new ArrayList<>(recorders.size());
        for (final StageLatencyRecorder recorder : recorders.values()) {
            final Histogram interval = recorder.sampleInterval();
            final IntervalLog log = intervalLogs.get(recorder.name());
            if (log != null) {
                log.append(interval, nowMs);
            }
            result.add(summarise(recorder.name(), interval));
        }
        return result;
    }

    /**
     * Opens one HdrHistogram interval log per stage, {@code <stage>.hlog} in {@code directory} (created if
     * needed; existing files are replaced): from now on every {@link #sample()} appends each stage's interval
     * histogram (nanoseconds, tagged with the stage) with its start and end time. Read them with
     * HdrHistogram's {@code HistogramLogProcessor} or HistogramLogAnalyzer. Close with {@link #stopIntervalLogs()}.
     *
     * @return the files opened.
     */
    public synchronized List<Path> startIntervalLogs(final Path directory) throws IOException {
        if (!intervalLogs.isEmpty()) {
            throw new IllegalStateException("interval logs already open");
        }
        Files.createDirectories(directory);
        sample();
        final long startMs = System.currentTimeMillis();
        final List<Path> files = new ArrayList<>(recorders.size());
        try {
            for (final StageLatencyRecorder recorder : recorders.values()) {
                final Path file = directory.resolve(recorder.name() + ".hlog");
                intervalLogs.put(recorder.name(), IntervalLog.open(file, recorder.name(), startMs));
                files.add(file);
            }
        } catch (final IOException | RuntimeException e) {
            stopIntervalLogs();
            throw e;
        }
        return files;
    }

    /** Samples a last time into the interval logs and closes them; does nothing if none is open. */
    public synchronized void stopIntervalLogs() {
        if (intervalLogs.isEmpty()) {
            return;
        }
        sample();
        for (final IntervalLog log : intervalLogs.values()) {
            log.close();
        }
        intervalLogs.clear();
    }

    /**
     * Percentiles over everything recorded since start; does not end an interval (what it drains is still
     * reported by the next {@link #sample()} and interval log line).
     */
    public synchronized List<LatencySummary> totals() {
        drainAll();
        final List<LatencySummary> result = new ArrayList<>(recorders.size());
        for (final StageLatencyRecorder recorder : recorders.values()) {
            result.add(summarise(recorder.name(), recorder.total()));
        }
        return result;
    }

    /**
     * Writes one {@code <stage>.hgrm} percentile distribution per stage (values in microseconds) into
     * {@code directory}, creating it if needed; returns the files written. Does not end an interval.
     */
    public synchronized List<Path> writeHgrm(final Path directory) throws IOException {
        drainAll();
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

    private void drainAll() {
        for (final StageLatencyRecorder recorder : recorders.values()) {
            recorder.drain();
        }
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

    /** One stage's interval log: the writer and the start of the interval being recorded. */
    private static final class IntervalLog {
        private final PrintStream out;
        private final HistogramLogWriter writer;
        private final String tag;
        private long intervalStartMs;

        private IntervalLog(final PrintStream out, final String tag, final long startMs) {
            this.out = out;
            this.writer = new HistogramLogWriter(out);
            this.tag = tag;
            this.intervalStartMs = startMs;
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputComment("RingTrader stage " + tag + ": latency from event receive time to stage done, ns");
            writer.outputLegend();
        }

        static IntervalLog open(final Path file, final String tag, final long startMs) throws IOException {
            final PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8);
            return new IntervalLog(out, tag, startMs);
        }

        void append(final Histogram interval, final long nowMs) {
            interval.setStartTimeStamp(intervalStartMs);
            interval.setEndTimeStamp(nowMs);
            interval.setTag(tag);
            writer.outputIntervalHistogram(interval);
            out.flush();
            intervalStartMs = nowMs;
        }

        void close() {
            out.close();
        }
    }
}
