package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.load;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.problems;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code strategies:} and {@code risk:}; the engine's tests register the factory {@code test-echo}. */
class StrategyRiskConfigTest {
    private static final String INSTRUMENTS = yaml(
        "instruments:",
        "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
        "  - {symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.01\"}");

    @Test
    void shouldReadAStrategyWithItsParamsAndInstruments() {
        final RingTraderConfig config = config(INSTRUMENTS + yaml(
            "strategies:",
            "  - name: echo",
            "    type: test-echo",
            "    instruments: [ETHUSDT, BTCUSDT]",
            "    params: {qty: 3}"));
        assertEquals(1, config.strategies().size());
        final StrategyConfig strategy = config.strategies().get(0);
        assertEquals("echo", strategy.name());
        assertEquals("test-echo", strategy.type());
        assertEquals(List.of("binance:ETHUSDT", "binance:BTCUSDT"), strategy.instruments(), "by qualified name");
        assertEquals("Params[qty=3]", strategy.params().toString());
    }

    @Test
    void shouldDefaultToNoStrategiesAndNoRiskLimits() {
        final RingTraderConfig config = config(INSTRUMENTS);
        assertTrue(config.strategies().isEmpty());
        assertEquals(RiskConfig.NONE, config.risk());
    }

    @Test
    void shouldNameTheKnownTypesForAnUnknownType() {
        final ConfigProblem problem = problem(INSTRUMENTS + yaml(
            "strategies:",
            "  - {name: x, type: obi, instruments: [BTCUSDT]}"));
        assertEquals("strategies[0].type", problem.path());
        assertEquals(5, problem.line());
        assertEquals("unknown strategy type 'obi' (expected one of: test-echo)", problem.message());
    }

    @Test
    void shouldReportUnknownAmbiguousAndRepeatedInstruments() {
        final List<String> messages = problems(INSTRUMENTS + yaml(
            "  - {symbol: ETHUSDT, venue: bitget, tickSize: \"0.01\", lotSize: \"0.01\"}",
            "strategies:",
            "  - {name: x, type: test-echo, instruments: [XRPUSDT, BTCUSDT, BTCUSDT, ETHUSDT]}"))
            .stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of(
            "strategies[0].instruments: unknown instrument 'XRPUSDT' (expected one of: BTCUSDT, binance:ETHUSDT, "
                + "bitget:ETHUSDT)",
            "strategies[0].instruments: instrument 'BTCUSDT' is listed twice",
            "strategies[0].instruments: instrument 'ETHUSDT' is ambiguous: it is configured on 2 venues (write "
                + "binance:ETHUSDT or bitget:ETHUSDT)"), messages);
    }

    /** A bad instrument is reported once; what refers to it is not checked against placeholder values. */
    @Test
    void shouldNotQuotePlaceholderValuesOfAnInstrumentThatHasProblems() {
        final List<String> messages = problems(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: abc}",
            "strategies:",
            "  - {name: x, type: test-echo, instruments: [BTCUSDT]}",
            "risk:",
            "  maxPosition: {BTCUSDT: \"0.010\"}",
            "  maxOrderQty: \"0.005\""))
            .stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of("instruments[0].lotSize: got 'abc' (expected a decimal number, e.g. 0.01)"), messages);
    }

    @Test
    void shouldReportAnInstrumentDefinedTwiceOnOneVenueOnlyAsADuplicate() {
        final List<String> messages = problems(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "strategies:",
            "  - {name: x, type: test-echo, instruments: [BTCUSDT]}"))
            .stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of("instruments[1]: duplicate instrument binance BTCUSDT (first defined at instruments[0])"), messages);
    }

    @Test
    void shouldRequireNameTypeAndInstruments() {
        final List<String> messages = problems(INSTRUMENTS + yaml("strategies:", "  - {params: {}}"))
            .stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of(
            "strategies[0].name: missing required key (expected a string)",
            "strategies[0].type: missing required key (expected a string)",
            "strategies[0].instruments: missing required key (expected a non-empty list of strings)"), messages);
    }

    @Test
    void shouldRejectDuplicateNamesBadNamesAndEmptyInstrumentLists() {
        final List<String> messages = problems(INSTRUMENTS + yaml(
            "strategies:",
            "  - {name: a, type: test-echo, instruments: [BTCUSDT]}",
            "  - {name: a, type: test-echo, instruments: []}",
            "  - {name: 'no spaces', type: test-echo, instruments: [BTCUSDT]}"))
            .stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of(
            "strategies[1].name: duplicate strategy name 'a' (first defined at strategies[0])",
            "strategies[1].instruments: must not be empty (expected a non-empty list of strings)",
            "strategies[2].name: must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit"),
            messages);
    }

    @Test
    void shouldReportUnknownAndInvalidParams() {
        final List<String> messages = problems(INSTRUMENTS + yaml(
            "strategies:",
            "  - {name: a, type: test-echo, instruments: [BTCUSDT], params: {qty: 0, qtty: 1}, extra: 1}"))
            .stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(List.of(
            "strategies[0].params.qty: must be between 1 and 1000 (got 0)",
            "strategies[0].params.qtty: unknown key (did you mean qty?)",
            "strategies[0].extra: unknown key (expected one of: name, type, instruments, params)"), messages);
    }

    @Test
    void shouldReadRiskLimitsForEveryInstrumentOrBySymbol() {
        final RiskConfig risk = config(INSTRUMENTS + yaml(
            "risk:",
            "  maxPosition: \"0.05\"",
            "  maxOrderQty: {default: \"0.01\", ETHUSDT: \"0.5\"}",
            "  maxOrdersPerSecond: 5",
            "  maxBookAge: 2s",
            "  maxSessionLoss: \"100.50\"")).risk();
        assertEquals(Map.of("binance:BTCUSDT", new BigDecimal("0.05"), "binance:ETHUSDT", new BigDecimal("0.05")),
            risk.maxPosition());
        assertEquals(Map.of("binance:BTCUSDT", new BigDecimal("0.01"), "binance:ETHUSDT", new BigDecimal("0.5")),
            risk.maxOrderQty());
        assertEquals(OptionalInt.of(5), risk.maxOrdersPerSecond());
        assertEquals(Optional.of(Duration.ofSeconds(2)), risk.maxBookAge());
        assertEquals(Optional.of(new BigDecimal("100.50")), risk.maxSessionLoss());
    }

    @Test
    void shouldLeaveASymbolWithoutLimitWhenTheMapHasNoDefault() {
        final RiskConfig risk = config(INSTRUMENTS + yaml("risk:", "  maxPosition: {BTCUSDT: \"1\"}")).risk();
        assertEquals(Map.of("binance:BTCUSDT", BigDecimal.ONE), risk.maxPosition());
    }

    @Test
    void shouldReportEveryInvalidRiskValue() {
        final List<String> messages = problems(INSTRUMENTS + yaml(
            "risk:",
            "  maxPosition: {BTCUSDT: \"0.0001\", XRPUSDT: \"1\"}",
            "  maxOrderQty: \"-1\"",
            "  maxOrdersPerSecond: 0",
            "  maxBookAge: 0ms",
            "  maxSessionLoss: \"0\"",
            "  maxLoss: 1",
            "  maxConsecutiveVenueRejects: -1"))
            .stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
        assertEquals(List.of(
            "5 risk.maxPosition.BTCUSDT: has more decimals than BTCUSDT's qtyScale 3 (got 0.0001)",
            "5 risk.maxPosition.XRPUSDT: unknown key (expected one of: default, BTCUSDT, ETHUSDT)",
            "6 risk.maxOrderQty: must be > 0 (got -1)",
            "7 risk.maxOrdersPerSecond: must be between 1 and 1000000 (got 0)",
            "8 risk.maxBookAge: must be >= 1ms (got '0ms')",
            "9 risk.maxSessionLoss: must be > 0 (got 0)",
            "10 risk.maxLoss: unknown key (expected one of: maxPosition, maxOrderQty, maxOrdersPerSecond, maxBookAge, "
                + "maxSessionLoss, maxConsecutiveVenueRejects)",
            "11 risk.maxConsecutiveVenueRejects: must be between 0 and 1000000 (got -1)"), messages);
    }

    @Test
    void shouldPauseAfterTenConsecutiveVenueRejectsUnlessConfigured() {
        assertEquals(10, config(INSTRUMENTS).risk().maxConsecutiveVenueRejects(), "without a risk section");
        assertEquals(10, config(INSTRUMENTS + yaml("risk:", "  maxBookAge: 2s")).risk().maxConsecutiveVenueRejects());
        assertEquals(0, config(INSTRUMENTS + yaml("risk:", "  maxConsecutiveVenueRejects: 0")).risk()
            .maxConsecutiveVenueRejects(), "0 turns the pause off");
    }

    @Test
    void shouldReloadTheEffectiveConfigurationToTheSameConfig() {
        final LoadedConfig first = load(INSTRUMENTS + yaml(
            "strategies:",
            "  - {name: echo, type: test-echo, instruments: [BTCUSDT], params: {qty: 2}}",
            "risk:",
            "  maxPosition: {default: \"0.05\", ETHUSDT: \"1\"}",
            "  maxOrderQty: \"0.01\"",
            "  maxBookAge: 500ms"));
        final LoadedConfig second = ConfigLoader.parse(first.effectiveYaml(), "effective.yaml", ConfigFixtures.NO_ENV);
        assertEquals(first.config(), second.config());
        assertEquals(first.effectiveYaml(), second.effectiveYaml());
    }
}
