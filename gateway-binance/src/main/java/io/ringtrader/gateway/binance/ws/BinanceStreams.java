package io.ringtrader.gateway.binance.ws;

import java.util.Locale;

/**
 * Names of Binance USDⓈ-M market streams for an instrument symbol, and the route (URL path) that serves each:
 * {@code /public} for depth and book ticker, {@code /market} for aggregate trades, klines and mark price,
 * {@code /private} for the user data stream.
 *
 * <p>Stateless and thread-safe. Names are built at set-up, never on a hot path.
 */
public final class BinanceStreams {
    /** A route path of the venue's WebSocket endpoints. */
    public enum Route {
        PUBLIC("/public"),
        MARKET("/market"),
        PRIVATE("/private");

        private final String path;

        Route(final String path) {
            this.path = path;
        }

        /** The path prefix, e.g. {@code /public}. */
        public String path() {
            return path;
        }
    }

    private BinanceStreams() {
    }

    /** Diff depth every 100 ms: {@code btcusdt@depth@100ms}. */
    public static String depth(final String symbol) {
        return depth(symbol, 100);
    }

    /** Diff depth at 100, 250 (the venue's default, {@code @depth}) or 500 ms. */
    public static String depth(final String symbol, final int speedMs) {
        return lower(symbol) + "@depth" + speedSuffix(speedMs);
    }

    /** Partial book of the top 5, 10 or 20 levels at 100, 250 or 500 ms: {@code btcusdt@depth20@100ms}. */
    public static String partialDepth(final String symbol, final int levels, final int speedMs) {
        if (levels != 5 && levels != 10 && levels != 20) {
            throw new IllegalArgumentException("partial depth levels must be 5, 10 or 20: " + levels);
        }
        return lower(symbol) + "@depth" + levels + speedSuffix(speedMs);
    }

    /** Best bid and ask in real time: {@code btcusdt@bookTicker}. */
    public static String bookTicker(final String symbol) {
        return lower(symbol) + "@bookTicker";
    }

    /** Aggregate trades: {@code btcusdt@aggTrade}. */
    public static String aggTrade(final String symbol) {
        return lower(symbol) + "@aggTrade";
    }

    /** Candles of one interval ({@code 1m}, {@code 1h}, ...): {@code btcusdt@kline_1m}. */
    public static String kline(final String symbol, final String interval) {
        if (interval == null || interval.isEmpty()) {
            throw new IllegalArgumentException("kline interval must be set, e.g. 1m");
        }
        return lower(symbol) + "@kline_" + interval;
    }

    /** Mark price and funding every second: {@code btcusdt@markPrice@1s}. */
    public static String markPrice(final String symbol) {
        return lower(symbol) + "@markPrice@1s";
    }

    /**
     * The route serving {@code stream}.
     *
     * @throws IllegalArgumentException for a name without {@code symbol@type} shape or of an unknown type.
     */
    public static Route route(final String stream) {
        final int at = stream == null ? -1 : stream.indexOf('@');
        if (at <= 0 || at == stream.length() - 1) {
            throw new IllegalArgumentException("not a stream name (symbol@type): " + stream);
        }
        final String type = stream.substring(at + 1);
        if (type.startsWith("depth") || type.equals("bookTicker")) {
            return Route.PUBLIC;
        }
        if (type.equals("aggTrade") || type.startsWith("kline_") || type.startsWith("markPrice")) {
            return Route.MARKET;
        }
        throw new IllegalArgumentException("no route known for stream type '" + type + "' of " + stream);
    }

    /**
     * The key of the field that identifies an event of {@code stream} for rotation matching: {@code u} (last update
     * id) for depth and book ticker, {@code a} (aggregate trade id) for aggregate trades, {@code E} (event time)
     * otherwise.
     */
    static byte eventIdKey(final String stream) {
        final String type = stream.substring(stream.indexOf('@') + 1);
        if (type.startsWith("depth") || type.equals("bookTicker")) {
            return 'u';
        }
        return type.equals("aggTrade") ? (byte)'a' : (byte)'E';
    }

    private static String lower(final String symbol) {
        if (symbol == null || symbol.isBlank() || symbol.indexOf('@') >= 0) {
            throw new IllegalArgumentException("not an instrument symbol: " + symbol);
        }
        return symbol.toLowerCase(Locale.ROOT);
    }

    private static String speedSuffix(final int speedMs) {
        switch (speedMs) {
            case 100:
                return "@100ms";
            case 250:
                return "";
            case 500:
                return "@500ms";
            default:
                throw new IllegalArgumentException("depth speed must be 100, 250 or 500 ms: " + speedMs);
        }
    }
}
