package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.load;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {
    private static final String KEY = "k3y-Value-0123";
    private static final String SECRET = "s3cret-Value-4567";
    private static final String PASSPHRASE = "pa55-Phrase-89";
    private static final Map<String, String> ENV = Map.of("KEY", KEY, "SECRET", SECRET, "PASSPHRASE", PASSPHRASE);

    private static final String CREDENTIALS = yaml(
        "venues:",
        "  bitget:",
        "    enabled: true",
        "    apiKey: ${KEY}",
        "    apiSecret: ${SECRET}",
        "    passphrase: ${PASSPHRASE}");

    private static void assertNoSecretIn(final String text) {
        assertFalse(text.contains(KEY), text);
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(PASSPHRASE), text);
    }

    @Test
    void shouldRevealSecretsToCode() {
        final VenueConfig bitget = load(CREDENTIALS, ENV).config().venues().venueConfig("bitget");

        assertEquals(KEY, bitget.apiKey().reveal());
        assertEquals(SECRET, bitget.apiSecret().reveal());
        assertEquals(PASSPHRASE, bitget.passphrase().reveal());
    }

    @Test
    void shouldMaskSecretsInEffectiveYaml() {
        final String effective = load(CREDENTIALS, ENV).effectiveYaml();

        assertNoSecretIn(effective);
        assertTrue(effective.contains("    apiKey: \"****\""), effective);
        assertTrue(effective.contains("    passphrase: \"****\""), effective);
    }

    @Test
    void shouldShowEmptySecretsAsEmptyInEffectiveYaml() {
        final String effective = load("{}", Map.of()).effectiveYaml();

        assertTrue(effective.contains("    apiKey: \"\"  # secret, empty"), effective);
    }

    @Test
    void shouldMaskSecretsInToString() {
        final LoadedConfig loaded = load(CREDENTIALS, ENV);

        assertNoSecretIn(loaded.toString());
        assertNoSecretIn(loaded.config().venues().venueConfig("bitget").toString());
        assertTrue(loaded.config().venues().venueConfig("bitget").toString().contains("apiKey=****"));
        assertTrue(loaded.config().venues().venueConfig("binance").toString().contains("apiKey=<empty>"));
    }

    @Test
    void shouldMaskSecretWrittenLiterallyInFile() {
        final LoadedConfig loaded = load(yaml("venues:", "  binance:", "    apiSecret: " + SECRET), Map.of());

        assertNoSecretIn(loaded.effectiveYaml());
        assertNoSecretIn(loaded.config().toString());
    }

    @Test
    void shouldKeepSecretsOutOfExceptionMessages() {
        final String yaml = yaml(
            "venues:",
            "  bitget:",
            "    enabled: maybe",
            "    apiKey: ${KEY}",
            "    apiSecret: [" + SECRET + "]",
            "    passphrase: ${PASSPHRASE}",
            "    apiKeys: " + KEY,
            "pipeline:",
            "  levelsPerSlot: ${SECRET}");

        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml, ENV));

        assertEquals(4, ex.problems().size(), ex.getMessage());
        assertNoSecretIn(ex.getMessage());
    }

    @Test
    void shouldKeepSecretsOutOfSyntaxErrors() {
        final String yaml = yaml("venues:", "  binance:", "    apiSecret: \"" + SECRET);

        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml, Map.of()));

        assertNoSecretIn(ex.getMessage());
        assertEquals(null, ex.getCause());
    }

    @Test
    void shouldRequireCredentialsOfEnabledVenuesInLiveMode() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml(
            "venues:",
            "  bitget:",
            "    enabled: true",
            "    apiKey: ${KEY}",
            "execution:",
            "  mode: live"), ENV));

        assertEquals(2, ex.problems().size(), ex.getMessage());
        assertEquals("venues.bitget.apiSecret", ex.problems().get(0).path());
        assertEquals("venues.bitget.passphrase", ex.problems().get(1).path());
    }

    @Test
    void shouldRequireAnEnabledVenueInLiveMode() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml("execution:", "  mode: live"), ENV));

        assertEquals("execution.mode", ex.problems().get(0).path());
    }

    @Test
    void shouldLoadLiveModeWithCredentials() {
        final LoadedConfig loaded = load(CREDENTIALS + yaml("execution:", "  mode: live"), ENV);

        assertEquals(ExecutionMode.LIVE, loaded.config().execution().mode());
    }

    @Test
    void shouldCompareSecretsByValue() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertFalse(Secret.of("a").equals(Secret.of("b")));
        assertEquals(Secret.empty(), Secret.of(""));
        assertEquals("****", Secret.of("a").toString());
        assertEquals("<empty>", Secret.empty().toString());
    }
}
