package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class VenueConfigTest {
    @Test
    void shouldDefaultToDisabledVenuesWithPublicEndpoints() {
        final VenuesConfig venues = config("{}").venues();

        assertEquals(new VenueConfig("binance", false, "https://fapi.binance.com", "wss://fstream.binance.com",
            Secret.empty(), Secret.empty(), Secret.empty()), venues.binance());
        assertEquals(new VenueConfig("bitget", false, "https://api.bitget.com", "wss://ws.bitget.com/v2/ws/public",
            Secret.empty(), Secret.empty(), Secret.empty()), venues.bitget());
        assertEquals(List.of(), venues.enabled());
    }

    @Test
    void shouldReadEnabledVenueWithCustomEndpoints() {
        final VenuesConfig venues = config(yaml(
            "venues:",
            "  bitget:",
            "    enabled: true",
            "    restUrl: http://localhost:8080",
            "    wsUrl: ws://localhost:8081/ws")).venues();

        assertEquals(List.of(venues.bitget()), venues.enabled());
        assertEquals("http://localhost:8080", venues.bitget().restUrl());
        assertEquals("ws://localhost:8081/ws", venues.bitget().wsUrl());
    }

    @Test
    void shouldRejectWebSocketUrlWithHttpScheme() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    wsUrl: https://fstream.binance.com"));

        assertEquals("venues.binance.wsUrl", problem.path());
        assertEquals("must be an absolute ws or wss URL, e.g. wss://host/path", problem.message());
    }

    @Test
    void shouldRejectRelativeRestUrl() {
        final ConfigProblem problem = problem(yaml("venues:", "  bitget:", "    restUrl: api.bitget.com"));

        assertEquals("venues.bitget.restUrl", problem.path());
        assertTrue(problem.message().startsWith("must be an absolute http or https URL"), problem.message());
    }

    @Test
    void shouldRejectPassphraseForBinance() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    passphrase: x"));

        assertEquals("venues.binance.passphrase", problem.path());
        assertTrue(problem.message().startsWith("unknown key"), problem.message());
    }

    @Test
    void shouldRejectUnknownVenue() {
        final ConfigProblem problem = problem(yaml("venues:", "  binanse:", "    enabled: true"));

        assertEquals("venues.binanse", problem.path());
        assertEquals("unknown key (did you mean binance?)", problem.message());
    }
}
