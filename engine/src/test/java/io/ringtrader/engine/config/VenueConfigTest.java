package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.MarketStreamsConfig.DepthLevels;
import io.ringtrader.engine.config.MarketStreamsConfig.DepthSpeed;
import io.ringtrader.engine.config.MarketStreamsConfig.KlineInterval;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class VenueConfigTest {
    @Test
    void shouldDefaultToDisabledVenuesWithPublicEndpoints() {
        final VenuesConfig venues = config("{}").venues();

        assertEquals(new VenueConfig("binance", false, "https://fapi.binance.com", "wss://fstream.binance.com",
            Secret.empty(), Secret.empty(), Secret.empty(), MarketStreamsConfig.defaults(), ConnectionConfig.defaults()),
            venues.venueConfig("binance"));
        assertEquals(new VenueConfig("bitget", false, "https://api.bitget.com", "wss://ws.bitget.com/v2/ws/public",
            Secret.empty(), Secret.empty(), Secret.empty(), MarketStreamsConfig.defaults(), ConnectionConfig.defaults()),
            venues.venueConfig("bitget"));
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

        assertEquals(List.of(venues.venueConfig("bitget")), venues.enabled());
        assertEquals("http://localhost:8080", venues.venueConfig("bitget").restUrl());
        assertEquals("ws://localhost:8081/ws", venues.venueConfig("bitget").wsUrl());
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
        assertEquals("no installed gateway provides venue 'binanse' (did you mean binance? installed: binance, bitget)",
            problem.message());
    }

    @Test
    void shouldReadStreamsAndConnectionSettings() {
        final VenueConfig binance = config(yaml(
            "venues:",
            "  binance:",
            "    streams:",
            "      depth: 500ms",
            "      bookTicker: false",
            "      klines: [1m, 15m, 1h]",
            "      klineUpdates: true",
            "      openInterestInterval: 0s",
            "    connection:",
            "      idleTimeout: 5s",
            "      reconnectInitialBackoff: 100ms",
            "      reconnectMaxBackoff: 10s",
            "      rotateAfter: 12h",
            "      maxMessagesPerSecond: 8",
            "      recvWindow: 2s",
            "      userStream: false")).venues().venueConfig("binance");

        assertEquals(new MarketStreamsConfig(DepthSpeed.MS_500, DepthLevels.FULL, false, true,
            List.of(KlineInterval.M1, KlineInterval.M15, KlineInterval.H1), true, true, Duration.ZERO), binance.streams());
        assertEquals(new ConnectionConfig(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(10),
            Duration.ofHours(12), 8, Duration.ofSeconds(2), Duration.ofSeconds(10), false), binance.connection());
    }

    @Test
    void shouldKeepTheFullBookByDefault() {
        final VenueConfig binance = config(yaml("venues:", "  binance:", "    streams:", "      depth: 250ms")).venues().venueConfig("binance");

        assertEquals(DepthLevels.FULL, binance.streams().depthLevels());
        assertFalse(binance.streams().depthLevels().partial());
    }

    @Test
    void shouldReadPartialBookDepthLevels() {
        final VenueConfig binance = config(yaml("venues:", "  binance:", "    streams:", "      depth: 500ms",
            "      depthLevels: 20")).venues().venueConfig("binance");

        assertEquals(DepthLevels.TOP_20, binance.streams().depthLevels());
        assertEquals(20, binance.streams().depthLevels().levels());
        assertEquals(DepthSpeed.MS_500, binance.streams().depth());
    }

    @Test
    void shouldReadEveryDepthLevelsValue() {
        for (final DepthLevels levels : DepthLevels.values()) {
            final VenueConfig binance = config(yaml("venues:", "  binance:", "    streams:",
                "      depthLevels: \"" + levels.configName() + "\"")).venues().venueConfig("binance");

            assertEquals(levels, binance.streams().depthLevels());
        }
    }

    @Test
    void shouldRejectDepthLevelsTheVenueDoesNotServe() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    streams:", "      depthLevels: 15"));

        assertEquals("test.yaml", problem.file());
        assertEquals(4, problem.line());
        assertEquals("venues.binance.streams.depthLevels", problem.path());
        assertTrue(problem.message().startsWith("unknown value '15'"), problem.message());
        assertTrue(problem.message().endsWith("expected one of: full, 5, 10, 20)"), problem.message());
    }

    @Test
    void shouldAcceptNoKlines() {
        final VenueConfig binance = config(yaml("venues:", "  binance:", "    streams:", "      klines: []")).venues().venueConfig("binance");

        assertEquals(List.of(), binance.streams().klines());
    }

    @Test
    void shouldRejectUnknownKlineInterval() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    streams:", "      klines: [1m, 7m]"));

        assertEquals("venues.binance.streams.klines[1]", problem.path());
        assertTrue(problem.message().contains("1m, 3m, 5m"), problem.message());
    }

    @Test
    void shouldRejectMoreMessagesPerSecondThanBinanceAllows() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    connection:", "      maxMessagesPerSecond: 11"));

        assertEquals("venues.binance.connection.maxMessagesPerSecond", problem.path());
    }

    @Test
    void shouldRejectMaxBackoffBelowInitial() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    connection:",
            "      reconnectInitialBackoff: 2s", "      reconnectMaxBackoff: 1s"));

        assertEquals("venues.binance.connection.reconnectMaxBackoff", problem.path());
        assertEquals("must be at least reconnectInitialBackoff (2s)", problem.message());
    }

    @Test
    void shouldRejectSubSecondOpenInterestPolling() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    streams:", "      openInterestInterval: 500ms"));

        assertEquals("venues.binance.streams.openInterestInterval", problem.path());
    }
}
