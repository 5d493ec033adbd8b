package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.MarketStreamsConfig;
import io.ringtrader.engine.config.MarketStreamsConfig.DepthLevels;
import io.ringtrader.engine.config.MarketStreamsConfig.DepthSpeed;
import java.time.Duration;
import java.util.List;
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

    private static String firstStream(final DepthSpeed speed, final DepthLevels levels) {
        return BinanceGateway.streams(depthOnly(speed, levels), TestInstruments.registry()).get(0);
    }

    private static MarketStreamsConfig depthOnly(final DepthSpeed speed, final DepthLevels levels) {
        return new MarketStreamsConfig(speed, levels, false, false, List.of(), false, false, Duration.ZERO);
    }
}
