package io.ringtrader.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeaturesConfigTest {
    @Test
    void shouldDefaultToFiveLevelsAndAOneSecondWindow() {
        assertEquals(new FeaturesConfig(5, Duration.ofSeconds(1)), load("{}").features());
    }

    @Test
    void shouldReadLevelsAndWindow() {
        assertEquals(new FeaturesConfig(10, Duration.ofMillis(250)),
            load("features:\n  levels: 10\n  tradeWindow: 250ms\n").features());
    }

    @Test
    void shouldRejectMoreLevelsThanTheBookViewCarries() {
        final ConfigException error = assertThrows(ConfigException.class, () -> load("features:\n  levels: 11\n"));
        assertEquals("features.levels", error.problems().get(0).path());
        assertEquals(2, error.problems().get(0).line());
    }

    private static RingTraderConfig load(final String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", name -> null).config();
    }
}
