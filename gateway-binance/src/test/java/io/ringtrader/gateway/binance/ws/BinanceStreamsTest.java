package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BinanceStreamsTest {
    @Test
    void shouldBuildLowercaseStreamNames() {
        assertEquals("btcusdt@depth@100ms", BinanceStreams.depth("BTCUSDT"));
        assertEquals("btcusdt@depth", BinanceStreams.depth("BTCUSDT", 250));
        assertEquals("btcusdt@depth@500ms", BinanceStreams.depth("BTCUSDT", 500));
        assertEquals("ethusdt@depth20@100ms", BinanceStreams.partialDepth("ETHUSDT", 20, 100));
        assertEquals("btcusdt@bookTicker", BinanceStreams.bookTicker("BTCUSDT"));
        assertEquals("btcusdt@aggTrade", BinanceStreams.aggTrade("BTCUSDT"));
        assertEquals("btcusdt@kline_1m", BinanceStreams.kline("BTCUSDT", "1m"));
        assertEquals("btcusdt@markPrice@1s", BinanceStreams.markPrice("BTCUSDT"));
    }

    @Test
    void shouldRouteDepthAndBookTickerToPublicAndTradesKlinesMarkPriceToMarket() {
        for (final String stream : List.of("btcusdt@depth@100ms", "btcusdt@depth", "btcusdt@depth@500ms",
            "btcusdt@depth5", "btcusdt@depth10@100ms", "btcusdt@depth20@500ms", "btcusdt@bookTicker")) {
            assertEquals(BinanceStreams.Route.PUBLIC, BinanceStreams.route(stream), stream);
        }
        for (final String stream : List.of("btcusdt@aggTrade", "btcusdt@kline_1m", "btcusdt@kline_1h",
            "btcusdt@markPrice@1s", "btcusdt@markPrice")) {
            assertEquals(BinanceStreams.Route.MARKET, BinanceStreams.route(stream), stream);
        }
        assertEquals("/public", BinanceStreams.Route.PUBLIC.path());
        assertEquals("/market", BinanceStreams.Route.MARKET.path());
    }

    @Test
    void shouldRejectUnknownOrMalformedStreams() {
        assertThrows(IllegalArgumentException.class, () -> BinanceStreams.route("btcusdt@forceOrder"));
        assertThrows(IllegalArgumentException.class, () -> BinanceStreams.route("btcusdt"));
        assertThrows(IllegalArgumentException.class, () -> BinanceStreams.route("@depth"));
        assertThrows(IllegalArgumentException.class, () -> BinanceStreams.depth("BTCUSDT", 1_000));
        assertThrows(IllegalArgumentException.class, () -> BinanceStreams.partialDepth("BTCUSDT", 7, 100));
        assertThrows(IllegalArgumentException.class, () -> BinanceStreams.bookTicker(" "));
    }

    @Test
    void shouldPickTheEventIdOfEachStreamKind() {
        assertEquals('u', BinanceStreams.eventIdKey("btcusdt@depth@100ms"));
        assertEquals('u', BinanceStreams.eventIdKey("btcusdt@bookTicker"));
        assertEquals('a', BinanceStreams.eventIdKey("btcusdt@aggTrade"));
        assertEquals('E', BinanceStreams.eventIdKey("btcusdt@kline_1m"));
        assertEquals('E', BinanceStreams.eventIdKey("btcusdt@markPrice@1s"));
    }

    @Test
    void shouldGroupStreamsByRouteAndSplitAtTheConnectionLimit() {
        final List<String> streams = IntStream.range(0, 5).boxed()
            .flatMap(i -> List.of(BinanceStreams.depth("S" + i + "USDT"), BinanceStreams.aggTrade("S" + i + "USDT")).stream())
            .toList();

        final Map<BinanceStreams.Route, List<List<String>>> plan = BinanceMarketDataConnections.plan(streams, 2);

        assertEquals(List.of(List.of("s0usdt@depth@100ms", "s1usdt@depth@100ms"),
            List.of("s2usdt@depth@100ms", "s3usdt@depth@100ms"), List.of("s4usdt@depth@100ms")),
            plan.get(BinanceStreams.Route.PUBLIC));
        assertEquals(3, plan.get(BinanceStreams.Route.MARKET).size());
        assertEquals(2, plan.size());
    }

    @Test
    void shouldSubscribeADuplicateStreamOnce() {
        final Map<BinanceStreams.Route, List<List<String>>> plan =
            BinanceMarketDataConnections.plan(List.of("btcusdt@bookTicker", "btcusdt@bookTicker"), 1_024);
        assertEquals(List.of(List.of("btcusdt@bookTicker")), plan.get(BinanceStreams.Route.PUBLIC));
    }
}
