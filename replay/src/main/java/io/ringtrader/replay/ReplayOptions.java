package io.ringtrader.replay;

import java.nio.file.Path;

/**
 * What to replay and how.
 *
 * @param journal   a session's journal directory (holding {@code inbound/} and {@code outbound/}).
 * @param fromNs    replay events received at or after this time (epoch ns); {@link Long#MIN_VALUE} for all.
 * @param toNs      replay events received at or before this time (epoch ns); {@link Long#MAX_VALUE} for all.
 * @param speed     pacing.
 * @param verify    compare the produced order commands with the journaled {@code outbound/} ones.
 * @param reportDir where to write the report files; null for none.
 */
public record ReplayOptions(Path journal, long fromNs, long toNs, ReplaySpeed speed, boolean verify, Path reportDir) {
    public ReplayOptions {
        if (journal == null) {
            throw new IllegalArgumentException("journal directory must be set");
        }
        if (speed == null) {
            throw new IllegalArgumentException("speed must be set");
        }
        if (fromNs > toNs) {
            throw new IllegalArgumentException("--from is after --to");
        }
    }

    /** Everything, as fast as possible, no verification, no report. */
    public static ReplayOptions of(final Path journal) {
        return new ReplayOptions(journal, Long.MIN_VALUE, Long.MAX_VALUE, ReplaySpeed.MAX, false, null);
    }

    public ReplayOptions withVerify(final boolean verify) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir);
    }

    public ReplayOptions withSpeed(final ReplaySpeed speed) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir);
    }

    public ReplayOptions withRange(final long fromNs, final long toNs) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir);
    }

    public ReplayOptions withReportDir(final Path reportDir) {
        return new ReplayOptions(journal, fromNs, toNs, speed, verify, reportDir);
    }
}
