package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.NO_ENV;
import static io.ringtrader.engine.config.ConfigFixtures.load;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EffectiveYamlTest {
    private static final String FULL = yaml(
        "telemetry:",
        "  significantDigits: 4",
        "  outputDir: \"out/${RUN:-a}/$${literal}\"",
        "execution: {mode: paper}",
        "pipeline:",
        "  timerInterval: 1500us",
        "  threads:",
        "    - {name: j, stages: [journal], waitStrategy: sleeping, cpu: 1}",
        "    - {name: market, stages: [book, features]}",
        "    - {name: decide, stages: [model, strategy, risk, router], waitStrategy: yielding}",
        "    - {name: v, stages: [venue]}",
        "    - {name: oj, stages: [outbound-journal]}",
        "venues:",
        "  bitget:",
        "    enabled: true",
        "    wsUrl: wss://${HOST:-example.test}/ws",
        "instruments:",
        "  - {symbol: BTCUSDT, venue: bitget, tickSize: 0.1, lotSize: \"0.0001\", contractSize: \"1.000\"}",
        "  - {symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.001\", priceScale: 4}");

    @Test
    void shouldReloadToSameConfig() {
        final LoadedConfig first = load(FULL);

        final LoadedConfig second = ConfigLoader.parse(first.effectiveYaml(), "effective.yaml", NO_ENV);

        assertEquals(first.config(), second.config());
        assertEquals(first.effectiveYaml(), second.effectiveYaml());
    }

    @Test
    void shouldReloadDefaultsToSameConfig() {
        final LoadedConfig first = load("{}");

        assertEquals(first.config(), ConfigLoader.parse(first.effectiveYaml(), "effective.yaml", NO_ENV).config());
    }

    @Test
    void shouldWriteSectionsAndKeysInSchemaOrder() {
        final List<String> topLevel = load(FULL).effectiveYaml().lines()
            .filter(line -> !line.startsWith(" "))
            .toList();

        assertEquals(List.of("instruments:", "venues:", "pipeline:", "execution:", "journal:", "features:", "telemetry:", "strategies: []"), topLevel);
    }

    @Test
    void shouldWriteEveryAppliedValue() {
        final String effective = load(FULL).effectiveYaml();

        assertTrue(effective.contains(
            "  - symbol: BTCUSDT\n" +
            "    venue: bitget\n" +
            "    tickSize: \"0.1\"\n" +
            "    lotSize: \"0.0001\"\n" +
            "    priceScale: 1\n" +
            "    qtyScale: 4\n" +
            "    contractSize: \"1.000\"\n"), effective);
        assertTrue(effective.contains("  timerInterval: 1500us\n"), effective);
        assertTrue(effective.contains("  shutdownTimeout: 5s\n"), effective);
        assertTrue(effective.contains(
            "    - name: j\n" +
            "      stages: [journal]\n" +
            "      waitStrategy: sleeping\n" +
            "      cpu: 1\n"), effective);
        assertTrue(effective.contains("  significantDigits: 4\n"), effective);
    }

    @Test
    void shouldWriteSubstitutedValuesWithLiteralDollarBracesEscaped() {
        final String effective = load(FULL, Map.of("HOST", "md.test", "RUN", "r7")).effectiveYaml();

        assertTrue(effective.contains("    wsUrl: \"wss://md.test/ws\"\n"), effective);
        assertTrue(effective.contains("  outputDir: \"out/r7/$${literal}\"\n"), effective);
    }

    @Test
    void shouldQuoteStringsThatWouldReadAsOtherTypes() {
        final String effective = load(yaml("telemetry:", "  outputDir: \"true\"")).effectiveYaml();

        assertTrue(effective.contains("  outputDir: \"true\"\n"), effective);
    }
}
