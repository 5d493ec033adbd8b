package io.ringtrader.bench.latency;

import java.nio.file.Path;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one offered rate.
 *
 * @param offeredRate     frames/s asked for.
 * @param framesScheduled frames on the schedule inside the measurement window.
 * @param framesSent      of those, frames the driver handed to the sim before it stopped.
 * @param achievedRate    measured frames sent per second, from the actual send of the first to that of the last.
 * @param ordersMeasured  order commands recorded in the histogram.
 * @param commands        new-order commands the venue stage saw (warm-up included).
 * @param rejected        commands the risk stage did not accept (all are measured: they are on the ring).
 * @param unmatched       commands whose frame was not found.
 * @param maxDriverLagNs  worst delay of a measured frame's send behind its intended time.
 * @param engineErrors    errors the engine counted.
 * @param histogram       tick-to-order latency, ns.
 * @param hgrm            the percentile file written.
 */
public record RateResult(int offeredRate, long framesScheduled, long framesSent, double achievedRate, long ordersMeasured,
    long commands, long rejected, long unmatched, long maxDriverLagNs, long engineErrors, Histogram histogram, Path hgrm) {

    /** One report line: counts, achieved rate and p50/p90/p99/p99.9/max in microseconds. */
    public String line() {
        return String.format(Locale.ROOT,
            "rate %,d/s: frames offered %,d (sent %,d), achieved %,.0f/s, orders measured %,d | us p50 %.1f p90 %.1f"
                + " p99 %.1f p99.9 %.1f max %.1f | driver max lag %.1f ms, rejected %d, unmatched %d, errors %d -> %s",
            offeredRate, framesScheduled, framesSent, achievedRate, ordersMeasured, micros(50), micros(90), micros(99),
            micros(99.9), histogram.getMaxValue() / 1e3, maxDriverLagNs / 1e6, rejected, unmatched, engineErrors,
            hgrm.getFileName());
    }

    /** The percentile in microseconds. */
    public double micros(final double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
