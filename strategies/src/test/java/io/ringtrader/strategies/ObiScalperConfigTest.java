package io.ringtrader.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigException;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.ExecutionMode;
import io.ringtrader.engine.config.LoadedConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.config.StrategyConfig;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import io.ringtrader.engine.strategy.StrategyFactories;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code type: obi-scalper} in configuration, and the demo configuration that runs it. */
class ObiScalperConfigTest {
    private static final Function<String, String> NO_ENV = name -> null;
    private static final Path DEMO = Path.of("..", "config", "demo.yaml");
    private static final String INSTRUMENTS = """
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
          - {symbol: ETHUSDT, venue: binance, tickSize: "0.01", lotSize: "0.01"}
        strategies:
          - name: obi
            type: obi-scalper
            instruments: [BTCUSDT, ETHUSDT]
        """;

    @Test
    void shouldBeInstalledForTheServiceLoader() {
        assertTrue(StrategyFactories.installed().types().contains("obi-scalper"));
    }

    @Test
    void shouldReadEveryParameterAndDefault() {
        final StrategyConfig strategy = load(INSTRUMENTS + """
                params: {threshold: "0.7", orderQty: "0.02", takeProfitTicks: 4, stopLossTicks: 3}
            """).config().strategies().get(0);
        assertEquals(new ObiScalperParams(new BigDecimal("0.7"), false, 1, new BigDecimal("0.02"), 4, 3,
            Duration.ofSeconds(30), Duration.ZERO, ObiScalperParams.EntryOrderType.MARKET, Duration.ofSeconds(5)),
            strategy.params());
        final StrategyConfig all = load(INSTRUMENTS + """
                params:
                  threshold: "0.5"
                  weighted: true
                  maxSpreadTicks: 3
                  orderQty: "0.05"
                  takeProfitTicks: 10
                  stopLossTicks: 8
                  maxHolding: 2m
                  cooldown: 500ms
                  orderType: ioc-limit
                  orderTimeout: 1s
            """).config().strategies().get(0);
        assertEquals(new ObiScalperParams(new BigDecimal("0.5"), true, 3, new BigDecimal("0.05"), 10, 8,
            Duration.ofMinutes(2), Duration.ofMillis(500), ObiScalperParams.EntryOrderType.IOC_LIMIT, Duration.ofSeconds(1)),
            all.params());
    }

    @Test
    void shouldReportEveryInvalidParameterWithItsLine() {
        final List<String> problems = problems(INSTRUMENTS + """
                params:
                  threshold: "1.0"
                  weighted: yes
                  maxSpreadTicks: 0
                  orderQty: "0.015"
                  takeProfitTicks: 0
                  stopLossTicks: -1
                  maxHolding: 0s
                  cooldown: 5
                  orderType: limit
                  orderTimout: 1s
            """);
        assertEquals(List.of(
            "9 strategies[0].params.threshold: must be between 0 and 1, both excluded (got 1.0)",
            "10 strategies[0].params.weighted: got 'yes' (expected true or false)",
            "11 strategies[0].params.maxSpreadTicks: must be between 1 and 1000000 (got 0)",
            "12 strategies[0].params.orderQty: must be a multiple of ETHUSDT's lotSize 0.01 (got 0.015)",
            "13 strategies[0].params.takeProfitTicks: must be between 1 and 1000000 (got 0)",
            "14 strategies[0].params.stopLossTicks: must be between 1 and 1000000 (got -1)",
            "15 strategies[0].params.maxHolding: must be >= 1ms (got '0s')",
            "16 strategies[0].params.cooldown: got '5' without a unit (expected a duration with unit ns|us|ms|s|m|h, e.g. 250ms)",
            "17 strategies[0].params.orderType: unknown value 'limit' (expected one of: market, ioc-limit)",
            "18 strategies[0].params.orderTimout: unknown key (did you mean orderTimeout?)"), problems);
    }

    @Test
    void shouldRequireThresholdQuantityAndExits() {
        final List<String> problems = problems(INSTRUMENTS);
        assertEquals(List.of(
            "5 strategies[0].params.threshold: missing required key (expected a decimal number)",
            "5 strategies[0].params.orderQty: missing required key (expected a decimal number)",
            "5 strategies[0].params.takeProfitTicks: missing required key (expected an integer)",
            "5 strategies[0].params.stopLossTicks: missing required key (expected an integer)"), problems);
    }

    @Test
    void shouldLoadTheDemoWithAScalperPerInstrumentAndRiskLimits() {
        final RingTraderConfig config = ConfigLoader.load(DEMO, NO_ENV).config();
        assertEquals(2, config.instruments().size());
        assertEquals(new BigDecimal("0.10"), config.instruments().get(0).tickSize());
        assertEquals(new BigDecimal("0.01"), config.instruments().get(1).tickSize());
        assertEquals(List.of("binance"), config.venues().enabled().stream().map(v -> v.name()).toList());
        assertTrue(config.simulator().enabled(), "the demo trades against the in-process simulator");
        assertEquals(2, config.simulator().instruments().size());
        assertTrue(config.pipeline().threads().stream()
            .allMatch(thread -> thread.waitStrategy() == WaitStrategyKind.BLOCKING && thread.cpu().isEmpty()));
        assertEquals(Duration.ofSeconds(5), config.telemetry().reportInterval());
        assertEquals(ExecutionMode.PAPER, config.execution().mode());
        assertEquals(List.of("obi-btc", "obi-eth"), config.strategies().stream().map(StrategyConfig::name).toList());
        assertEquals(List.of(List.of("binance:BTCUSDT"), List.of("binance:ETHUSDT")),
            config.strategies().stream().map(StrategyConfig::instruments).toList());
        assertEquals(Map.of("binance:BTCUSDT", new BigDecimal("0.010"), "binance:ETHUSDT", new BigDecimal("0.250")),
            config.risk().maxPosition());
        assertFalse(config.risk().maxSessionLoss().isEmpty());
    }

    @Test
    void shouldReloadTheEffectiveDemoToTheSameConfig() {
        final LoadedConfig demo = ConfigLoader.load(DEMO, NO_ENV);
        assertEquals(demo.config(), ConfigLoader.parse(demo.effectiveYaml(), "effective.yaml", NO_ENV).config());
    }

    private static LoadedConfig load(final String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", NO_ENV);
    }

    private static List<String> problems(final String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).problems().stream()
            .map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
    }
}
