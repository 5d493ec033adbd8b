package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problems;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code execution.venues}: a venue's own execution mode, other than {@code execution.mode}. */
class ExecutionVenueModesTest {
    @Test
    void shouldGiveEachVenueItsOwnModeOrTheSessionsMode() {
        final ExecutionConfig execution = config(yaml(
            "venues:",
            "  binance: {enabled: true, apiKey: k, apiSecret: s}",
            "execution:",
            "  mode: live",
            "  venues: {bitget: paper}")).execution();
        assertEquals(ExecutionMode.LIVE, execution.modeOf("binance"));
        assertEquals(ExecutionMode.PAPER, execution.modeOf("bitget"));
        assertTrue(execution.anyLive() && execution.anyPaper());
        assertEquals(OnStopAction.CANCEL_ORDERS, execution.onStop(), "a live venue: its orders are cancelled at stop");
    }

    @Test
    void shouldKeepEveryVenueOnPaperByDefault() {
        final ExecutionConfig execution = config(yaml("execution: {mode: paper}")).execution();
        assertEquals(ExecutionMode.PAPER, execution.modeOf("binance"));
        assertFalse(execution.anyLive());
        assertEquals(OnStopAction.LEAVE, execution.onStop());
    }

    @Test
    void shouldRefuseAVenueNoGatewayProvidesAndAnUnknownMode() {
        final List<String> messages = problems(yaml(
            "execution:",
            "  venues: {kraken: paper, binance: demo}")).stream().map(p -> p.line() + ":" + p.column() + " " + p.path()
                + ": " + p.message()).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("2:36 execution.venues.binance: unknown value 'demo'")),
            messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("2:12 execution.venues.kraken: unknown key")), messages.toString());
    }

    @Test
    void shouldRefuseALiveVenueThatIsNotEnabledAndOneWithoutCredentials() {
        final List<String> messages = problems(yaml(
            "venues:",
            "  binance: {enabled: true}",
            "execution:",
            "  venues: {binance: live, bitget: live}")).stream().map(p -> p.path() + ": " + p.message()).toList();
        assertTrue(messages.contains("execution.venues.bitget: live, but venues.bitget.enabled is false: a live venue must be"
            + " enabled"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("venues.binance.apiKey: must be set when the venue is enabled"
            + " and trades live")), messages.toString());
    }
}
