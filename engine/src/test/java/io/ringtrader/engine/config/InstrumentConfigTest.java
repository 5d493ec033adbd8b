package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstrumentConfigTest {
    private static String instrument(final String... extraLines) {
        final StringBuilder sb = new StringBuilder(yaml(
            "instruments:",
            "  - symbol: BTCUSDT",
            "    venue: binance",
            "    tickSize: \"0.10\"",
            "    lotSize: \"0.001\""));
        for (final String line : extraLines) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void shouldDeriveScalesFromIncrementDecimals() {
        final InstrumentConfig instrument = config(instrument()).instruments().get(0);

        assertEquals(new InstrumentConfig("BTCUSDT", "binance", new BigDecimal("0.10"), new BigDecimal("0.001"), 2, 3,
            BigDecimal.ONE), instrument);
    }

    @Test
    void shouldKeepTrailingZerosOfUnquotedNumbers() {
        final InstrumentConfig instrument = config(yaml(
            "instruments:",
            "  - {symbol: ETHUSDT, venue: bitget, tickSize: 0.010, lotSize: 1}")).instruments().get(0);

        assertEquals("0.010", instrument.tickSize().toPlainString());
        assertEquals(3, instrument.priceScale());
        assertEquals(0, instrument.qtyScale());
    }

    @Test
    void shouldAcceptExplicitScalesAboveIncrementDecimals() {
        final InstrumentConfig instrument = config(instrument("priceScale: 8", "qtyScale: 8", "contractSize: \"0.5\""))
            .instruments().get(0);

        assertEquals(8, instrument.priceScale());
        assertEquals(8, instrument.qtyScale());
        assertEquals(new BigDecimal("0.5"), instrument.contractSize());
    }

    @Test
    void shouldRejectPriceScaleBelowTickSizeDecimals() {
        final ConfigProblem problem = problem(instrument("priceScale: 1"));

        assertEquals("instruments[0].priceScale", problem.path());
        assertEquals("must be >= 2, the number of decimals of tickSize 0.10 (got 1)", problem.message());
    }

    @Test
    void shouldRejectScaleAbove18() {
        assertEquals("must be between 0 and 18 (got 19)", problem(instrument("qtyScale: 19")).message());
    }

    @Test
    void shouldRejectExponentInIncrement() {
        final ConfigProblem problem = problem(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: 1e-1, lotSize: \"0.001\"}"));

        assertEquals("instruments[0].tickSize", problem.path());
        assertEquals("got '1e-1' (expected a plain decimal without exponent, e.g. 0.001)", problem.message());
    }

    @Test
    void shouldRejectZeroIncrement() {
        final ConfigProblem problem = problem(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: 0}"));

        assertEquals("instruments[0].lotSize", problem.path());
        assertEquals("must be > 0 (got 0)", problem.message());
    }

    @Test
    void shouldRejectNegativeContractSize() {
        assertEquals("must be > 0 (got -1)", problem(instrument("contractSize: -1")).message());
    }

    @Test
    void shouldRejectUnknownVenue() {
        final ConfigProblem problem = problem(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: kraken, tickSize: \"0.10\", lotSize: \"0.001\"}"));

        assertEquals("instruments[0].venue", problem.path());
        assertEquals("unknown value 'kraken' (expected one of: binance, bitget)", problem.message());
    }

    @Test
    void shouldRejectLowerCaseSymbol() {
        final ConfigProblem problem = problem(yaml(
            "instruments:",
            "  - {symbol: btcusdt, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}"));

        assertEquals("instruments[0].symbol", problem.path());
        assertTrue(problem.message().startsWith("must be 1 to 32 upper-case letters"), problem.message());
    }

    @Test
    void shouldRejectDuplicateInstrumentAtSecondOne() {
        final ConfigProblem problem = problem(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "  - {symbol: ETHUSDT, venue: binance, tickSize: \"0.01\", lotSize: \"0.001\"}",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.1\", lotSize: \"0.001\"}"));

        assertEquals("instruments[2]", problem.path());
        assertEquals(4, problem.line());
        assertEquals("duplicate instrument binance BTCUSDT (first defined at instruments[0])", problem.message());
    }

    @Test
    void shouldAllowSameSymbolOnDifferentVenues() {
        final List<InstrumentConfig> instruments = config(yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "  - {symbol: BTCUSDT, venue: bitget, tickSize: \"0.1\", lotSize: \"0.0001\"}")).instruments();

        assertEquals(List.of("binance", "bitget"), instruments.stream().map(InstrumentConfig::venue).toList());
    }

    @Test
    void shouldAllowNoInstruments() {
        assertEquals(List.of(), config("instruments: []").instruments());
    }

    @Test
    void shouldRejectInstrumentThatIsNotMapping() {
        final ConfigProblem problem = problem(yaml("instruments:", "  - BTCUSDT"));

        assertEquals("instruments[0]", problem.path());
        assertEquals("got a single value (expected a mapping)", problem.message());
    }
}
