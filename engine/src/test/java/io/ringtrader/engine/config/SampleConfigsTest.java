package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.NO_ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalInt;

import io.ringtrader.engine.pipeline.WaitStrategyKind;
import org.junit.jupiter.api.Test;

/**
 * The sample configurations under {@code config/} at the repository root load with an empty environment;
 * {@code demo.yaml} runs the OBI scalper, so it is tested where that type is installed (strategies module).
 */
class SampleConfigsTest {
    private static final Path CONFIG_DIR = Path.of("..", "config");

    @Test
    void shouldLoadPinnedSpinWithEmptyCredentials() {
        final RingTraderConfig config = ConfigLoader.load(CONFIG_DIR.resolve("pinned-spin.yaml"), NO_ENV).config();

        final ThreadConfig logic = config.pipeline().threads().stream()
            .filter(thread -> thread.name().equals("rt-logic")).findFirst().orElseThrow();
        final ThreadConfig journal = config.pipeline().threads().stream()
            .filter(thread -> thread.name().equals("rt-journal")).findFirst().orElseThrow();
        assertEquals(WaitStrategyKind.BUSY_SPIN, logic.waitStrategy());
        assertEquals(OptionalInt.of(2), logic.cpu());
        assertEquals(WaitStrategyKind.YIELDING, journal.waitStrategy());
        assertEquals(OptionalInt.of(3), journal.cpu());
        assertTrue(config.venues().venueConfig("binance").enabled());
        assertTrue(config.venues().venueConfig("binance").apiKey().isEmpty());
        assertFalse(config.venues().venueConfig("bitget").enabled());
    }
}
