package io.ringtrader.gateway.binance;

/**
 * Limits and choices of the Binance market-data decoders.
 *
 * @param maxDiffLevels       most levels per side a depth diff may carry; more drops the frame.
 * @param maxSnapshotLevels   most levels per side a REST snapshot may carry (Binance sends up to 1000).
 * @param maxBufferedDiffs    diffs each instrument buffers while waiting for a snapshot.
 * @param publishKlineUpdates publish unclosed candles too, not only closed ones.
 */
public record MarketDataSettings(int maxDiffLevels, int maxSnapshotLevels, int maxBufferedDiffs,
    boolean publishKlineUpdates) {
    public MarketDataSettings {
        if (maxDiffLevels < 1 || maxSnapshotLevels < 1 || maxBufferedDiffs < 1) {
            throw new IllegalArgumentException("market data limits must be >= 1: maxDiffLevels=" + maxDiffLevels
                + ", maxSnapshotLevels=" + maxSnapshotLevels + ", maxBufferedDiffs=" + maxBufferedDiffs);
        }
    }

    /**
     * Up to 5000 levels per diff and 1000 per snapshot (Binance's largest {@code limit}), 1000 buffered diffs per
     * instrument, closed candles only.
     */
    public static MarketDataSettings defaults() {
        return new MarketDataSettings(5_000, 1_000, 1_000, false);
    }

    public MarketDataSettings withPublishKlineUpdates(final boolean publish) {
        return new MarketDataSettings(maxDiffLevels, maxSnapshotLevels, maxBufferedDiffs, publish);
    }
}
