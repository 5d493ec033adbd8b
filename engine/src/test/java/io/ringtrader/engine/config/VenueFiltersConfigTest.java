package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.instrument.VenueFilters;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VenueFiltersConfigTest {
    /** BTCUSDT with the given {@code filters:} lines (indented under it). */
    private static String btcusdt(final String... filterLines) {
        final StringBuilder sb = new StringBuilder(yaml(
            "instruments:",
            "  - symbol: BTCUSDT",
            "    venue: binance",
            "    tickSize: \"0.10\"",
            "    lotSize: \"0.001\"",
            "    filters:"));
        for (final String line : filterLines) {
            sb.append("      ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static VenueFiltersConfig filters(final String... filterLines) {
        return config(btcusdt(filterLines)).instruments().get(0).filters();
    }

    @Test
    void shouldReadEveryFilter() {
        final VenueFiltersConfig f = filters("minPrice: \"556.80\"", "maxPrice: \"4529764\"", "maxQty: \"1000\"",
            "marketMaxQty: \"120\"", "minNotional: \"100\"", "priceBand: {up: \"1.0500\", down: \"0.9500\"}");

        assertEquals(Optional.of(new BigDecimal("556.80")), f.minPrice());
        assertEquals(Optional.of(new BigDecimal("4529764")), f.maxPrice());
        assertEquals(Optional.of(new BigDecimal("1000")), f.maxQty());
        assertEquals(Optional.of(new BigDecimal("120")), f.marketMaxQty());
        assertEquals(Optional.of(new BigDecimal("100")), f.minNotional());
        assertEquals(Optional.of(new BigDecimal("1.0500")), f.priceBandUp());
        assertEquals(Optional.of(new BigDecimal("0.9500")), f.priceBandDown());
    }

    @Test
    void shouldConvertToMantissasAtTheInstrumentsScales() {
        final VenueFilters f = filters("minPrice: \"556.80\"", "maxQty: \"1000\"", "minNotional: \"100\"",
            "priceBand: {up: \"1.05\", down: \"0.95\"}").toMantissas(2, 3, 0);

        assertEquals(55_680, f.minPriceMantissa());
        assertEquals(1_000_000, f.maxQtyMantissa());
        assertEquals(1_000_000, f.marketMaxQtyMantissa(), "marketMaxQty defaults to maxQty");
        assertEquals(10_000_000, f.minNotionalMantissa(), "100 at scale 2 + 3");
        assertEquals(105_000_000, f.bandUpMantissa());
        assertEquals(95_000_000, f.bandDownMantissa());
        assertEquals(VenueFilters.NOT_SET, f.maxPriceMantissa());
    }

    @Test
    void shouldHaveNoFiltersWhenTheKeyIsAbsent() {
        final String noFilters = yaml("instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}");
        assertTrue(config(noFilters).instruments().get(0).filters().isEmpty());
    }

    @Test
    void shouldRejectAPriceOffTheTickGrid() {
        final ConfigProblem problem = problem(btcusdt("minPrice: \"556.85\""));

        assertEquals("instruments[0].filters.minPrice", problem.path());
        assertEquals(7, problem.line());
        assertEquals("must be a whole multiple of tickSize 0.10 (got 556.85)", problem.message());
    }

    @Test
    void shouldRejectAQuantityOffTheLotGrid() {
        assertEquals("must be a whole multiple of lotSize 0.001 (got 0.0005)",
            problem(btcusdt("maxQty: \"0.0005\"")).message());
    }

    @Test
    void shouldRejectAMaxPriceNotAboveTheMinPrice() {
        final ConfigProblem problem = problem(btcusdt("minPrice: \"100.0\"", "maxPrice: \"100.0\""));

        assertEquals("instruments[0].filters.maxPrice", problem.path());
        assertEquals("must be > minPrice 100.0 (got 100.0)", problem.message());
    }

    @Test
    void shouldRejectANonPositiveMinimumNotional() {
        assertEquals("must be > 0 (got 0)", problem(btcusdt("minNotional: 0")).message());
    }

    @Test
    void shouldRejectABandUpMultiplierNotAboveOne() {
        final ConfigProblem problem = problem(btcusdt("priceBand: {up: \"0.99\", down: \"0.95\"}"));

        assertEquals("instruments[0].filters.priceBand.up", problem.path());
        assertEquals("must be > 1, a multiplier of the reference price (got 0.99)", problem.message());
    }

    @Test
    void shouldRejectABandDownMultiplierOutsideZeroToOne() {
        assertEquals("must be > 0 and < 1, a multiplier of the reference price (got 1.01)",
            problem(btcusdt("priceBand: {up: \"1.05\", down: \"1.01\"}")).message());
    }

    @Test
    void shouldRequireBothBandMultipliers() {
        final ConfigProblem problem = problem(btcusdt("priceBand: {up: \"1.05\"}"));

        assertEquals("instruments[0].filters.priceBand.down", problem.path());
    }

    @Test
    void shouldSuggestTheKeyOfAMisspelledFilter() {
        final ConfigProblem problem = problem(btcusdt("minNotinal: \"100\""));

        assertEquals("instruments[0].filters.minNotinal", problem.path());
        assertEquals("unknown key (did you mean minNotional?)", problem.message());
    }

    @Test
    void shouldRejectAMinimumNotionalTooLargeForItsMantissa() {
        final ConfigProblem problem = problem(btcusdt("minNotional: \"100000000000000000\""));

        assertEquals("instruments[0].filters.minNotional", problem.path());
        assertTrue(problem.message().startsWith("too large for a mantissa at scale 5"), problem.message());
    }
}
