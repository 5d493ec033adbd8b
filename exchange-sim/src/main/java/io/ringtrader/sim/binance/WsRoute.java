package io.ringtrader.sim.binance;

import java.util.Locale;

/**
 * The routed WebSocket paths of Binance USDⓈ-M futures ("Important WebSocket Change Notice — Base URL Split"):
 * {@code /public} carries the high-frequency public data (depth, bookTicker, the raw {@code @trade} stream),
 * {@code /market} the regular market data (aggTrade, kline, markPrice, ...), {@code /private} user data streams. A
 * stream subscribed on the wrong path is accepted but never delivered, as on the venue.
 */
public enum WsRoute {
    PUBLIC("/public"),
    MARKET("/market"),
    PRIVATE("/private");

    private final String prefix;

    WsRoute(final String prefix) {
        this.prefix = prefix;
    }

    /** The path prefix, e.g. {@code /public}. */
    public String prefix() {
        return prefix;
    }

    /**
     * The route a market stream name belongs to: {@code btcusdt@depth@100ms}, {@code @bookTicker} and {@code @trade} are
     * PUBLIC, {@code btcusdt@aggTrade}, klines and mark prices MARKET.
     */
    public static WsRoute ofStream(final String stream) {
        final int at = stream.indexOf('@');
        final String type = at < 0 ? stream : stream.substring(at + 1).toLowerCase(Locale.ROOT);
        if (type.startsWith("depth") || type.startsWith("bookticker") || type.equals("trade")) {
            return PUBLIC;
        }
        return MARKET;
    }
}
