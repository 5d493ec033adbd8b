package io.ringtrader.engine.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Latency and status reporting.
 *
 * @param reportInterval          period of the status and latency log lines.
 * @param outputDir               directory for histogram files ({@code .hgrm}, {@code .hlog}), relative to the
 *                                working directory unless absolute.
 * @param highestTrackableLatency largest latency the histograms can record.
 * @param significantDigits       HdrHistogram precision, 1 to 5 significant decimal digits.
 */
public record TelemetryConfig(
    Duration reportInterval,
    Path outputDir,
    Duration highestTrackableLatency,
    int significantDigits) {
    static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(5);
    static final Duration MIN_REPORT_INTERVAL = Duration.ofMillis(100);
    static final String DEFAULT_OUTPUT_DIR = "run/telemetry";
    static final Duration DEFAULT_HIGHEST_TRACKABLE_LATENCY = Duration.ofSeconds(10);
    static final Duration MIN_HIGHEST_TRACKABLE_LATENCY = Duration.ofNanos(1_000);
    static final int DEFAULT_SIGNIFICANT_DIGITS = 3;
    static final int MAX_SIGNIFICANT_DIGITS = 5;

    public TelemetryConfig {
        Objects.requireNonNull(reportInterval, "reportInterval");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(highestTrackableLatency, "highestTrackableLatency");
    }

    static TelemetryConfig read(final ConfigNode node) {
        final Duration reportInterval = node.optionalDuration("reportInterval", DEFAULT_REPORT_INTERVAL, MIN_REPORT_INTERVAL);
        final String outputDir = node.optionalString("outputDir", DEFAULT_OUTPUT_DIR, TelemetryConfig::checkPath);
        final Duration highestTrackableLatency = node.optionalDuration(
            "highestTrackableLatency", DEFAULT_HIGHEST_TRACKABLE_LATENCY, MIN_HIGHEST_TRACKABLE_LATENCY);
        final int significantDigits = node.optionalInt(
            "significantDigits", DEFAULT_SIGNIFICANT_DIGITS, 1, MAX_SIGNIFICANT_DIGITS);
        node.requireNoUnknownKeys();

        return new TelemetryConfig(reportInterval, toPath(outputDir), highestTrackableLatency, significantDigits);
    }

    static String checkPath(final String path) {
        if (path.isBlank()) {
            return "must not be empty (expected a directory path, e.g. run/telemetry)";
        }
        return toPath(path) == null ? "is not a valid path on this system" : null;
    }

    static Path toPath(final String path) {
        try {
            return Path.of(path);
        } catch (final InvalidPathException ex) {
            return null;
        }
    }
}
