package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.MarketStreamsConfig;
import io.ringtrader.engine.config.MarketStreamsConfig.DepthLevels;
import io.ringtrader.engine.config.MarketStreamsConfig.DepthSpeed;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.binance.ws.BinanceMarketDataConnections;
import io.ringtrader.gateway.binance.ws.BinanceWsSettings;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the gateway subscribes to and how it decodes depth, per {@code venues.binance.streams}. */
class BinanceGatewayStreamsTest {
    @Test
    void shouldSubscribeDiffDepthForTheFullBook() {
        assertEquals(List.of("btcusdt@depth@100ms", "sushiusdt@depth@100ms", "akrousdt@depth@100ms", "ctkusdt@depth@100ms"),
            BinanceGateway.streams(depthOnly(DepthSpeed.MS_100, DepthLevels.FULL), TestInstruments.registry()));
        assertFalse(BinanceGateway.marketDataSettings(depthOnly(DepthSpeed.MS_100, DepthLevels.FULL)).partialDepth());
    }

    @Test
    void shouldSubscribeThePartialBookAtEachSpeed() {
        assertEquals("btcusdt@depth20@100ms", firstStream(DepthSpeed.MS_100, DepthLevels.TOP_20));
        assertEquals("btcusdt@depth10", firstStream(DepthSpeed.MS_250, DepthLevels.TOP_10));
        assertEquals("btcusdt@depth5@500ms", firstStream(DepthSpeed.MS_500, DepthLevels.TOP_5));
    }

    @Test
    void shouldDecodePartialBooksWhenSubscribedToThem() {
        final MarketDataSettings settings = BinanceGateway.marketDataSettings(depthOnly(DepthSpeed.MS_250, DepthLevels.TOP_20));

        assertTrue(settings.partialDepth());
        assertEquals(20, settings.partialDepthLevels());
    }

    @Test
    void shouldSubscribeNoDepthWhenItIsOff() {
        assertEquals(List.of(), BinanceGateway.streams(depthOnly(DepthSpeed.OFF, DepthLevels.TOP_20), TestInstruments.registry()));
        assertFalse(BinanceGateway.marketDataSettings(depthOnly(DepthSpeed.OFF, DepthLevels.TOP_20)).partialDepth());
    }

    @Test
    void shouldInvalidateOnlyTheBooksOfTheConnectionThatCarriesTheirDepth() {
        final MarketStreamsConfig config = new MarketStreamsConfig(DepthSpeed.MS_100, DepthLevels.FULL, true, false,
            List.of(), false, false, Duration.ZERO);
        final List<String> streams = BinanceGateway.streams(config, TestInstruments.registry());
        final BinanceMarketDataConnections connections = new BinanceMarketDataConnections(URI.create("ws://127.0.0.1:1"),
            streams, BinanceWsSettings.defaults().toBuilder().maxStreamsPerConnection(3).build(),
            new SystemEpochNanoClock(), new SplittableRandom(1), (buffer, offset, length, receiveTimeNs) -> { },
            ConnectionListener.NONE);
        try {
            final Map<String, int[]> fed = BinanceGateway.booksFedBy(connections.connections(), config,
                TestInstruments.registry());

            // depth + bookTicker per instrument, three streams per connection
            assertArrayEquals(new int[] {TestInstruments.BTCUSDT, TestInstruments.SUSHIUSDT}, fed.get("public-0"));
            assertArrayEquals(new int[] {TestInstruments.AKROUSDT}, fed.get("public-1"));
            assertArrayEquals(new int[] {TestInstruments.CTKUSDT}, fed.get("public-2"));
            assertEquals(3, fed.size());
        } finally {
            connections.close();
        }
    }

    private static String firstStream(final DepthSpeed speed, final DepthLevels levels) {
        return BinanceGateway.streams(depthOnly(speed, levels), TestInstruments.registry()).get(0);
    }

    private static MarketStreamsConfig depthOnly(final DepthSpeed speed, final DepthLevels levels) {
        return new MarketStreamsConfig(speed, levels, false, false, List.of(), false, false, Duration.ZERO);
    }
}
