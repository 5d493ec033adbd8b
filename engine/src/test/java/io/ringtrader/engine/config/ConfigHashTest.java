package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical hash the session journal records: the same config always hashes the same, another config differently. */
class ConfigHashTest {
    private static final String CONFIG = yaml(
        "instruments:",
        "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
        "venues:",
        "  binance: {enabled: true, apiKey: \"${KEY}\", apiSecret: \"${SECRET}\"}",
        "pipeline: {timerInterval: 250ms}");

    @Test
    void shouldHashTheEffectiveConfigWithSha256() {
        final String hash = load(CONFIG, "key-1", "secret-1").canonicalHash();

        assertTrue(hash.matches("sha256:[0-9a-f]{64}"), hash);
    }

    @Test
    void shouldHashTheSameConfigTheSameHoweverItsFileIsWritten() {
        final String reordered = yaml(
            "# the same settings, other order and style, the default spelled out",
            "pipeline:",
            "  timerInterval: 250ms",
            "venues:",
            "  binance:",
            "    apiSecret: \"${SECRET}\"",
            "    apiKey: \"${KEY}\"",
            "    enabled: true",
            "instruments:",
            "  - symbol: BTCUSDT",
            "    venue: binance",
            "    tickSize: \"0.10\"",
            "    lotSize: \"0.001\"",
            "    contractSize: \"1\"");

        assertEquals(load(CONFIG, "key-1", "secret-1").canonicalHash(), load(reordered, "key-1", "secret-1").canonicalHash());
    }

    @Test
    void shouldHashTheSameConfigTheSameWhateverItsSecrets() {
        assertEquals(load(CONFIG, "key-1", "secret-1").canonicalHash(), load(CONFIG, "key-2", "secret-2").canonicalHash());
    }

    @Test
    void shouldHashAChangedSettingDifferently() {
        final String changed = CONFIG.replace("timerInterval: 250ms", "timerInterval: 500ms");

        assertNotEquals(load(CONFIG, "key-1", "secret-1").canonicalHash(), load(changed, "key-1", "secret-1").canonicalHash());
    }

    private static LoadedConfig load(final String text, final String key, final String secret) {
        return ConfigLoader.parse(text, "hash.yaml", Map.of("KEY", key, "SECRET", secret)::get);
    }
}
