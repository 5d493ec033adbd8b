package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.MarketStreamsConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.gateway.binance.BinanceGateway;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated venue keeps the configured streams when it points {@code venues.binance} at itself. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatedVenueTest {
    @Test
    void shouldKeepThePartialBookDepthOfTheConfig() {
        final RingTraderConfig config = ConfigLoader.parse(String.join("\n",
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "venues:",
            "  binance:",
            "    enabled: true",
            "    streams: {depth: 500ms, depthLevels: 10, klines: [], markPrice: false, openInterestInterval: 0s}",
            "simulator:",
            "  enabled: true",
            "  instruments:",
            "    - {symbol: BTCUSDT, startPrice: \"90000\"}",
            ""), "simulated-venue-test.yaml", name -> null).config();

        try (SimulatedVenue venue = SimulatedVenue.start(config)) {
            final MarketStreamsConfig streams = venue.config().venues().venueConfig("binance").streams();

            assertEquals(MarketStreamsConfig.DepthLevels.TOP_10, streams.depthLevels());
            assertEquals(List.of("btcusdt@depth10@500ms", "btcusdt@bookTicker", "btcusdt@aggTrade"),
                BinanceGateway.streams(streams, Engine.registry(venue.config().instruments())));
        }
    }
}
