package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.problems;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instruments named {@code venue:SYMBOL} where two venues share a symbol: strategies, risk limits and the simulator
 * section take the qualified name, and a bare symbol only while one venue has it (the engine's tests install the
 * binance and bitget test gateways).
 */
class QualifiedInstrumentConfigTest {
    private static final String TWO_VENUES = yaml(
        "instruments:",
        "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
        "  - {symbol: BTCUSDT, venue: bitget, tickSize: \"0.1\", lotSize: \"0.0001\"}",
        "  - {symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.001\"}");

    @Test
    void shouldBindStrategiesToQualifiedInstrumentsAndToABareSymbolOnlyOneVenueHas() {
        final RingTraderConfig config = config(TWO_VENUES + yaml(
            "strategies:",
            "  - {name: a, type: test-echo, instruments: [binance:BTCUSDT, ETHUSDT]}",
            "  - {name: b, type: test-echo, instruments: [\"bitget:BTCUSDT\"]}"));

        assertEquals(List.of("binance:BTCUSDT", "binance:ETHUSDT"), config.strategies().get(0).instruments());
        assertEquals(List.of("bitget:BTCUSDT"), config.strategies().get(1).instruments());
    }

    @Test
    void shouldRefuseABareSymbolTwoVenuesShareAtItsLineAndColumn() {
        final ConfigProblem problem = problem(TWO_VENUES + yaml(
            "strategies:",
            "  - name: a",
            "    type: test-echo",
            "    instruments: [BTCUSDT]"));

        assertEquals("test.yaml:8:18: strategies[0].instruments: instrument 'BTCUSDT' is ambiguous: it is configured on "
            + "2 venues (write binance:BTCUSDT or bitget:BTCUSDT)", problem.toString());
    }

    @Test
    void shouldRefuseAQualifiedNameOfAnInstrumentNotConfigured() {
        final ConfigProblem problem = problem(TWO_VENUES + yaml(
            "strategies:",
            "  - {name: a, type: test-echo, instruments: [bitget:ETHUSDT]}"));

        assertEquals("unknown instrument 'bitget:ETHUSDT' (expected one of: binance:BTCUSDT, bitget:BTCUSDT, ETHUSDT)",
            problem.message());
    }

    @Test
    void shouldKeyRiskLimitsByQualifiedInstrument() {
        final RiskConfig risk = config(TWO_VENUES + yaml(
            "risk:",
            "  maxOrderQty:",
            "    binance:BTCUSDT: \"0.002\"",
            "    bitget:BTCUSDT: \"0.0015\"",
            "    ETHUSDT: \"0.5\"",
            "  maxPosition: \"1\"")).risk();

        assertEquals(Map.of("binance:BTCUSDT", new BigDecimal("0.002"), "bitget:BTCUSDT", new BigDecimal("0.0015"),
            "binance:ETHUSDT", new BigDecimal("0.5")), risk.maxOrderQty());
        assertEquals(Map.of("binance:BTCUSDT", BigDecimal.ONE, "bitget:BTCUSDT", BigDecimal.ONE,
            "binance:ETHUSDT", BigDecimal.ONE), risk.maxPosition());
    }

    @Test
    void shouldRefuseAnAmbiguousRiskLimitKeyAtTheKey() {
        final ConfigProblem problem = problem(TWO_VENUES + yaml(
            "risk:",
            "  maxOrderQty:",
            "    default: \"0.01\"",
            "    BTCUSDT: \"0.002\""));

        assertEquals("test.yaml:8:5: risk.maxOrderQty.BTCUSDT: instrument 'BTCUSDT' is ambiguous: it is configured on 2 "
            + "venues (write binance:BTCUSDT or bitget:BTCUSDT)", problem.toString());
    }

    @Test
    void shouldRefuseTwoRiskLimitKeysNamingOneInstrument() {
        final ConfigProblem problem = problem(TWO_VENUES + yaml(
            "risk:",
            "  maxPosition: {ETHUSDT: \"1\", binance:ETHUSDT: \"2\"}"));

        assertEquals("risk.maxPosition.binance:ETHUSDT", problem.path());
        assertEquals("names binance:ETHUSDT again (first as ETHUSDT)", problem.message());
    }

    @Test
    void shouldNameTheSessionsInstrumentsForAnUnknownRiskLimitKey() {
        final ConfigProblem problem = problem(TWO_VENUES + yaml("risk:", "  maxPosition: {SOLUSDT: \"1\"}"));

        assertEquals("unknown key (expected one of: default, binance:BTCUSDT, bitget:BTCUSDT, ETHUSDT)", problem.message());
    }

    @Test
    void shouldTakeAQualifiedSymbolInTheSimulatorSection() {
        final SimulatorConfig simulator = config(TWO_VENUES + yaml(
            "venues: {binance: {enabled: true}}",
            "simulator:",
            "  enabled: true",
            "  instruments:",
            "    - {symbol: \"binance:BTCUSDT\", startPrice: \"90000\"}",
            "    - {symbol: ETHUSDT, startPrice: \"3000\"}")).simulator();

        assertEquals(List.of(new SimulatorConfig.Instrument("BTCUSDT", new BigDecimal("90000")),
            new SimulatorConfig.Instrument("ETHUSDT", new BigDecimal("3000"))), simulator.instruments());
    }

    @Test
    void shouldRefuseAnAmbiguousSimulatorSymbolAndOneOfAnotherVenue() {
        final List<String> messages = problems(TWO_VENUES + yaml(
            "simulator:",
            "  instruments:",
            "    - {symbol: BTCUSDT, startPrice: \"90000\"}",
            "    - {symbol: bitget:BTCUSDT, startPrice: \"90000\"}")).stream()
            .map(p -> p.path() + ": " + p.message()).toList();

        assertEquals(List.of(
            "simulator.instruments[0].symbol: instrument 'BTCUSDT' is ambiguous: it is configured on 2 venues (write "
                + "binance:BTCUSDT or bitget:BTCUSDT)",
            "simulator.instruments[1].symbol: must be the symbol of a binance instrument in instruments:"), messages);
    }
}
