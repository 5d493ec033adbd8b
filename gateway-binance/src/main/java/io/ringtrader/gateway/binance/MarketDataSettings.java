package io.ringtrader.gateway.binance;

/**
 * Limits and choices of the Binance market-data decoders.
 *
 * @param maxDiffLevels       most levels per side a depth diff may carry; more drops the frame.
 * @param maxSnapshotLevels   most levels per side a REST snapshot may carry (Binance sends up to 1000).
 * @param maxBufferedDiffs    diffs each instrument buffers while waiting for a snapshot.
 * @param publishKlineUpdates publish unclosed candles too, not only closed ones.
 * @param partialDepthLevels  0: every instrument's book is kept from depth diffs and REST snapshots; 5, 10 or 20: from
 *                            the partial book depth stream of that many levels. A combined-stream frame that names its
 *                            stream is routed by that name whatever this says.
 */
public record MarketDataSettings(int maxDiffLevels, int maxSnapshotLevels, int maxBufferedDiffs,
    boolean publishKlineUpdates, int partialDepthLevels) {
    public MarketDataSettings {
        if (maxDiffLevels < 1 || maxSnapshotLevels < 1 || maxBufferedDiffs < 1) {
            throw new IllegalArgumentException("market data limits must be >= 1: maxDiffLevels=" + maxDiffLevels
                + ", maxSnapshotLevels=" + maxSnapshotLevels + ", maxBufferedDiffs=" + maxBufferedDiffs);
        }
        if (partialDepthLevels != 0 && partialDepthLevels != 5 && partialDepthLevels != 10 && partialDepthLevels != 20) {
            throw new IllegalArgumentException(
                "partialDepthLevels must be 0 (full book), 5, 10 or 20: " + partialDepthLevels);
        }
    }

    /** Full books from diffs and snapshots. */
    public MarketDataSettings(final int maxDiffLevels, final int maxSnapshotLevels, final int maxBufferedDiffs,
        final boolean publishKlineUpdates) {
        this(maxDiffLevels, maxSnapshotLevels, maxBufferedDiffs, publishKlineUpdates, 0);
    }

    /**
     * Up to 5000 levels per diff and 1000 per snapshot (Binance's largest {@code limit}), 1000 buffered diffs per
     * instrument, closed candles only, full books.
     */
    public static MarketDataSettings defaults() {
        return new MarketDataSettings(5_000, 1_000, 1_000, false, 0);
    }

    public MarketDataSettings withPublishKlineUpdates(final boolean publish) {
        return new MarketDataSettings(maxDiffLevels, maxSnapshotLevels, maxBufferedDiffs, publish, partialDepthLevels);
    }

    /** @param levels 0 for full books, else 5, 10 or 20 (see {@link #partialDepthLevels()}). */
    public MarketDataSettings withPartialDepthLevels(final int levels) {
        return new MarketDataSettings(maxDiffLevels, maxSnapshotLevels, maxBufferedDiffs, publishKlineUpdates, levels);
    }

    /** True when books are kept from the partial book depth stream. */
    public boolean partialDepth() {
        return partialDepthLevels > 0;
    }
}
