package io.ringtrader.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What market data a venue's gateway subscribes to for every instrument of that venue.
 *
 * @param depth                 depth stream speed, or {@link DepthSpeed#OFF} for no order book.
 * @param depthLevels           how the book is kept: {@link DepthLevels#FULL} from depth diffs and REST snapshots, or
 *                              the venue's partial book of the top 5, 10 or 20 levels per side.
 * @param bookTicker            subscribe to the best bid/offer stream.
 * @param trades                subscribe to the public trade stream (Binance {@code aggTrade}).
 * @param klines                candle intervals to subscribe to; empty for none.
 * @param klineUpdates          publish unclosed candles too, not only closed ones.
 * @param markPrice             subscribe to mark price and funding ({@code markPrice@1s}).
 * @param openInterestInterval  how often open interest is polled over REST; {@link Duration#ZERO} for never.
 */
public record MarketStreamsConfig(
    DepthSpeed depth,
    DepthLevels depthLevels,
    boolean bookTicker,
    boolean trades,
    List<KlineInterval> klines,
    boolean klineUpdates,
    boolean markPrice,
    Duration openInterestInterval) {
    static final Duration MIN_OPEN_INTEREST_INTERVAL = Duration.ofSeconds(1);

    /**
     * Depth stream speeds (Binance USDⓈ-M diffs: {@code @depth@100ms}, {@code @depth} = 250 ms, {@code @depth@500ms};
     * partial books the same with the levels: {@code @depth20@100ms}, {@code @depth20}, {@code @depth20@500ms}).
     */
    public enum DepthSpeed {
        OFF("off"),
        MS_100("100ms"),
        MS_250("250ms"),
        MS_500("500ms");

        private final String configName;

        DepthSpeed(final String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    /**
     * How the gateway keeps a book: the full book from depth diffs kept in sync with REST snapshots, or the venue's
     * partial book (Binance {@code <symbol>@depth<N>}), each frame of which replaces the top {@code N} levels per side.
     */
    public enum DepthLevels {
        FULL("full", 0),
        TOP_5("5", 5),
        TOP_10("10", 10),
        TOP_20("20", 20);

        private final String configName;
        private final int levels;

        DepthLevels(final String configName, final int levels) {
            this.configName = configName;
            this.levels = levels;
        }

        public String configName() {
            return configName;
        }

        /** Levels per side of the partial book; 0 for {@link #FULL}. */
        public int levels() {
            return levels;
        }

        /** True for a partial book (5, 10 or 20 levels). */
        public boolean partial() {
            return levels > 0;
        }
    }

    /** Candle intervals as Binance names them. */
    public enum KlineInterval {
        M1("1m"), M3("3m"), M5("5m"), M15("15m"), M30("30m"),
        H1("1h"), H2("2h"), H4("4h"), H6("6h"), H8("8h"), H12("12h"),
        D1("1d"), D3("3d"), W1("1w"), MONTH1("1M");

        private final String configName;

        KlineInterval(final String configName) {
            this.configName = configName;
        }

        /** The interval as it appears in config and in stream names ({@code kline_1m}). */
        public String configName() {
            return configName;
        }
    }

    public MarketStreamsConfig {
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(depthLevels, "depthLevels");
        klines = List.copyOf(klines);
        Objects.requireNonNull(openInterestInterval, "openInterestInterval");
    }

    /** Full depth at 100 ms, bookTicker, trades, 1m candles (closed only), mark price; open interest every 10 s. */
    public static MarketStreamsConfig defaults() {
        return new MarketStreamsConfig(DepthSpeed.MS_100, DepthLevels.FULL, true, true, List.of(KlineInterval.M1), false, true,
            Duration.ofSeconds(10));
    }

    static MarketStreamsConfig read(final ConfigNode node) {
        final MarketStreamsConfig d = defaults();
        final DepthSpeed depth = node.optionalEnum("depth", d.depth(), DepthSpeed.values(), DepthSpeed::configName);
        final DepthLevels depthLevels =
            node.optionalEnum("depthLevels", d.depthLevels(), DepthLevels.values(), DepthLevels::configName);
        final boolean bookTicker = node.optionalBoolean("bookTicker", d.bookTicker());
        final boolean trades = node.optionalBoolean("trades", d.trades());
        final List<KlineInterval> klines =
            node.optionalEnumList("klines", KlineInterval.values(), KlineInterval::configName, d.klines());
        final boolean klineUpdates = node.optionalBoolean("klineUpdates", d.klineUpdates());
        final boolean markPrice = node.optionalBoolean("markPrice", d.markPrice());
        final Duration openInterest = node.optionalDuration("openInterestInterval", d.openInterestInterval(), Duration.ZERO);
        if (!openInterest.isZero() && openInterest.compareTo(MIN_OPEN_INTEREST_INTERVAL) < 0) {
            node.error("openInterestInterval", "must be 0s (never) or at least 1s");
        }
        if (klines.size() != klines.stream().distinct().count()) {
            node.error("klines", "lists an interval twice");
        }
        node.requireNoUnknownKeys();
        return new MarketStreamsConfig(depth, depthLevels, bookTicker, trades, klines, klineUpdates, markPrice, openInterest);
    }
}
