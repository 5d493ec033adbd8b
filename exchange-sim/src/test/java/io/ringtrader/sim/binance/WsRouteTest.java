package io.ringtrader.sim.binance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WsRouteTest {
    @Test
    void shouldRouteTheRawTradeStreamToPublic() {
        assertEquals(WsRoute.PUBLIC, WsRoute.ofStream("btcusdt@trade"));
    }

    @Test
    void shouldRouteAggregateTradesKlinesAndMarkPricesToMarket() {
        assertEquals(WsRoute.MARKET, WsRoute.ofStream("btcusdt@aggTrade"));
        assertEquals(WsRoute.MARKET, WsRoute.ofStream("btcusdt@kline_1m"));
        assertEquals(WsRoute.MARKET, WsRoute.ofStream("btcusdt@markPrice@1s"));
    }

    @Test
    void shouldRouteDepthAndBookTickerToPublic() {
        assertEquals(WsRoute.PUBLIC, WsRoute.ofStream("btcusdt@depth@100ms"));
        assertEquals(WsRoute.PUBLIC, WsRoute.ofStream("btcusdt@depth20"));
        assertEquals(WsRoute.PUBLIC, WsRoute.ofStream("btcusdt@bookTicker"));
    }
}
