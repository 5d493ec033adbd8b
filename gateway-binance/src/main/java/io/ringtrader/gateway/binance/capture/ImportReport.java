package io.ringtrader.gateway.binance.capture;

import java.util.List;

/**
 * What a capture import did.
 *
 * @param rows             lines read.
 * @param frames           WebSocket frames decoded (or attempted).
 * @param snapshots        REST snapshot bodies decoded (or attempted).
 * @param skippedRows      rows that are neither (headers, connects, pongs, other REST calls).
 * @param unreadableRows   lines that are not rows of the format.
 * @param events           inbound events published (ring slots) and journaled.
 * @param decodeErrors     frames and snapshots dropped as malformed, absurd or unknown.
 * @param ignored          frames not consumed on purpose (replies, other events, unclosed candles).
 * @param instruments      per-instrument book sync outcome, in id order.
 * @param pipelineClean    the pipeline drained every event before stopping.
 */
public record ImportReport(long rows, long frames, long snapshots, long skippedRows, long unreadableRows, long events,
    long decodeErrors, long ignored, List<InstrumentReport> instruments, boolean pipelineClean) {
    public ImportReport {
        instruments = List.copyOf(instruments);
    }

    /**
     * One instrument's book sync.
     *
     * @param symbol           the venue symbol.
     * @param applied          diffs applied (BOOK_DELTA events).
     * @param stale            diffs dropped as already contained in the snapshot (or duplicates).
     * @param buffered         diffs buffered while waiting for a snapshot.
     * @param gaps             sequence gaps found.
     * @param resyncs          books made valid again after a gap.
     * @param snapshotsApplied snapshots published.
     * @param snapshotsTooOld  snapshots discarded as too old to bridge.
     * @param topOfBookMatches bookTickers at the last applied {@code u} whose top of book matched the book.
     * @param topOfBookMismatches bookTickers at the last applied {@code u} whose top of book did not.
     * @param partialApplied   partial book frames ({@code @depth<N>} streams) published as snapshots.
     * @param partialStale     partial book frames dropped as not newer than the last one.
     * @param synced           whether the book ended in sync (or valid from partial book frames).
     */
    public record InstrumentReport(String symbol, long applied, long stale, long buffered, long gaps, long resyncs,
        long snapshotsApplied, long snapshotsTooOld, long topOfBookMatches, long topOfBookMismatches, long partialApplied,
        long partialStale, boolean synced) {
    }

    /** The report for {@code symbol}, or null. */
    public InstrumentReport instrument(final String symbol) {
        for (final InstrumentReport report : instruments) {
            if (report.symbol().equals(symbol)) {
                return report;
            }
        }
        return null;
    }

    /** Diffs applied, all instruments. */
    public long applied() {
        return instruments.stream().mapToLong(InstrumentReport::applied).sum();
    }

    /** Stale diffs dropped, all instruments. */
    public long stale() {
        return instruments.stream().mapToLong(InstrumentReport::stale).sum();
    }

    /** Resyncs, all instruments. */
    public long resyncs() {
        return instruments.stream().mapToLong(InstrumentReport::resyncs).sum();
    }

    /** Human-readable summary, one instrument per line. */
    public String describe() {
        final StringBuilder out = new StringBuilder(256);
        out.append("rows ").append(rows).append(", frames ").append(frames).append(", snapshots ").append(snapshots)
            .append(", skipped ").append(skippedRows).append(", unreadable ").append(unreadableRows).append('\n');
        out.append("events ").append(events).append(", decode errors ").append(decodeErrors)
            .append(", ignored ").append(ignored).append(", applied diffs ").append(applied())
            .append(", stale diffs ").append(stale()).append(", resyncs ").append(resyncs()).append('\n');
        for (final InstrumentReport i : instruments) {
            out.append(String.format("  %-12s applied %d, stale %d, buffered %d, gaps %d, resyncs %d, snapshots %d"
                    + " (too old %d), top-of-book checks %d ok / %d bad, %s%n",
                i.symbol(), i.applied(), i.stale(), i.buffered(), i.gaps(), i.resyncs(), i.snapshotsApplied(),
                i.snapshotsTooOld(), i.topOfBookMatches(), i.topOfBookMismatches(), i.synced() ? "in sync" : "NOT in sync"));
            if (i.partialApplied() + i.partialStale() > 0) {
                out.append(String.format("  %-12s partial book frames %d, stale %d%n", "", i.partialApplied(),
                    i.partialStale()));
            }
        }
        if (!pipelineClean) {
            out.append("warning: the pipeline did not drain cleanly\n");
        }
        return out.toString();
    }
}
