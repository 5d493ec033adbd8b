package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.NO_ENV;
import static io.ringtrader.engine.config.ConfigFixtures.SOURCE;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.gateway.Gateway;
import io.ringtrader.engine.gateway.GatewayContext;
import io.ringtrader.engine.gateway.GatewayProvider;
import io.ringtrader.engine.gateway.GatewayProviders;
import io.ringtrader.engine.gateway.TestGateways;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code venues:} is a map of sections, each read by the schema of the gateway that provides the venue. */
class VenueSectionsTest {
    /** A venue section unlike the standard one: an enabled flag and a token. */
    private record TokenSection(String name, boolean enabled, String token) implements VenueSettings {
    }

    /** A bitget gateway with its own schema, in place of the test one. */
    private static final GatewayProvider TOKEN_BITGET = new GatewayProvider() {
        @Override
        public Venue venue() {
            return Venue.BITGET_USDT_FUTURES;
        }

        @Override
        public VenueConfigSchema configSchema() {
            return new VenueConfigSchema() {
                @Override
                public VenueSettings read(final ConfigNode section) {
                    final TokenSection settings = new TokenSection("bitget", section.optionalBoolean("enabled", false),
                        section.optionalString("token", ""));
                    section.requireNoUnknownKeys();
                    return settings;
                }

                @Override
                public List<String> missingForLiveTrading(final VenueSettings settings) {
                    return ((TokenSection)settings).token().isEmpty() ? List.of("token") : List.of();
                }
            };
        }

        @Override
        public Gateway open(final VenueSettings settings, final GatewayContext context) {
            throw new UnsupportedOperationException("not opened in config tests");
        }
    };

    private static final GatewayProviders BINANCE_AND_TOKEN_BITGET =
        new GatewayProviders(List.of(new TestGateways.Binance(), TOKEN_BITGET));

    @Test
    void shouldRefuseAVenueNoInstalledGatewayProvidesAtItsLineAndColumn() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance: {enabled: false}", "  kraken:", "    enabled: true"));

        assertEquals("test.yaml:3:3: venues.kraken: no installed gateway provides venue 'kraken' (installed: binance, "
            + "bitget)", problem.toString());
    }

    @Test
    void shouldReadEachVenueSectionWithItsGatewaysOwnSchema() {
        final VenuesConfig venues = load(yaml("venues:", "  bitget: {enabled: true, token: abc}")).venues();

        assertEquals(new TokenSection("bitget", true, "abc"), venues.section("bitget"));
        assertEquals(List.of(venues.section("bitget")), venues.enabled());
        assertEquals("binance", venues.section("binance").name(), "an installed venue the file does not name: defaults");
    }

    @Test
    void shouldReportWhatAGatewaysSchemaRefuses() {
        final List<ConfigProblem> problems = problems(yaml("venues:", "  bitget: {enabled: true, restUrl: x}"));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("venues.bitget.restUrl: unknown key (expected one of: enabled, token)",
            problems.get(0).path() + ": " + problems.get(0).message());
    }

    @Test
    void shouldAskTheEnabledVenuesSchemaWhatLiveTradingNeeds() {
        final List<ConfigProblem> problems = problems(yaml("execution: {mode: live}", "venues:", "  bitget: {enabled: true}"));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("venues.bitget.token: must be set when the venue is enabled and trades live (execution.mode / execution.venues)",
            problems.get(0).path() + ": " + problems.get(0).message());
    }

    @Test
    void shouldTakeAnInstrumentOfAVenueWithoutGatewayButNotItsSection() {
        final GatewayProviders binanceOnly = new GatewayProviders(List.of(new TestGateways.Binance()));
        final String instruments = yaml("instruments:",
            "  - {symbol: BTCUSDT, venue: bitget, tickSize: \"0.1\", lotSize: \"0.001\"}");

        assertEquals("bitget", ConfigLoader.parse(instruments, SOURCE, NO_ENV, binanceOnly).config().instruments().get(0)
            .venue(), "a replay or a journal tool names the venue, connects nothing");
        final ConfigProblem problem = assertThrows(ConfigException.class, () -> ConfigLoader.parse(instruments
            + yaml("venues:", "  bitget: {enabled: true}"), SOURCE, NO_ENV, binanceOnly)).problems().get(0);
        assertEquals("test.yaml:4:3: venues.bitget: no installed gateway provides venue 'bitget' (installed: binance)",
            problem.toString());
    }

    @Test
    void shouldHaveNoSectionForAVenueWithoutGateway() {
        final VenuesConfig venues = ConfigLoader.parse("{}", SOURCE, NO_ENV,
            new GatewayProviders(List.of(new TestGateways.Binance()))).config().venues();

        assertNull(venues.section("bitget"));
        assertThrows(IllegalArgumentException.class, () -> venues.venueConfig("bitget"));
    }

    @Test
    void shouldRefuseTwoGatewaysForOneVenue() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new GatewayProviders(List.of(new TestGateways.Bitget(), TOKEN_BITGET)));

        assertTrue(e.getMessage().startsWith("venue bitget has two gateways: "), e.getMessage());
    }

    private static RingTraderConfig load(final String yaml) {
        return ConfigLoader.parse(yaml, SOURCE, NO_ENV, BINANCE_AND_TOKEN_BITGET).config();
    }

    private static List<ConfigProblem> problems(final String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).problems();
    }
}
