package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {
    private static final String INSTRUMENTS = String.join("\n",
        "instruments:",
        "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
        "  - {symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.001\"}");

    @Test
    void shouldBeOffWithoutASection() {
        assertFalse(config("{}").simulator().enabled());
    }

    @Test
    void shouldReadTheSeedRateAndStartPrices() {
        final SimulatorConfig simulator = config(yaml(INSTRUMENTS,
            "venues: {binance: {enabled: true}}",
            "simulator:",
            "  enabled: true",
            "  seed: 42",
            "  eventsPerSecond: 5000",
            "  instruments:",
            "    - {symbol: BTCUSDT, startPrice: \"90000\"}",
            "    - {symbol: ETHUSDT, startPrice: \"3000.5\"}")).simulator();

        assertEquals(new SimulatorConfig(true, 42, 5_000, List.of(
            new SimulatorConfig.Instrument("BTCUSDT", new BigDecimal("90000")),
            new SimulatorConfig.Instrument("ETHUSDT", new BigDecimal("3000.5")))), simulator);
    }

    @Test
    void shouldNeedTheBinanceVenueEnabled() {
        final ConfigProblem problem = problem(yaml(INSTRUMENTS,
            "simulator:",
            "  enabled: true",
            "  instruments: [{symbol: BTCUSDT, startPrice: \"1\"}, {symbol: ETHUSDT, startPrice: \"1\"}]"));

        assertEquals("simulator.enabled", problem.path());
        assertEquals("the simulator stands in for Binance: set venues.binance.enabled: true", problem.message());
    }

    @Test
    void shouldNeedAStartPriceForEveryBinanceInstrument() {
        final ConfigProblem problem = problem(yaml(INSTRUMENTS,
            "venues: {binance: {enabled: true}}",
            "simulator:",
            "  enabled: true",
            "  instruments: [{symbol: BTCUSDT, startPrice: \"90000\"}]"));

        assertEquals("simulator.instruments", problem.path());
        assertEquals("no startPrice for binance instrument ETHUSDT", problem.message());
    }

    @Test
    void shouldRejectAnUnknownSymbolAndANonPositivePrice() {
        final ConfigProblem unknown = problem(yaml(INSTRUMENTS,
            "simulator:",
            "  instruments: [{symbol: SOLUSDT, startPrice: \"1\"}]"));
        final ConfigProblem negative = problem(yaml(INSTRUMENTS,
            "simulator:",
            "  instruments: [{symbol: BTCUSDT, startPrice: \"-1\"}]"));

        assertEquals("simulator.instruments[0].symbol", unknown.path());
        assertEquals("must be the symbol of a binance instrument in instruments:", unknown.message());
        assertEquals("simulator.instruments[0].startPrice", negative.path());
    }
}
