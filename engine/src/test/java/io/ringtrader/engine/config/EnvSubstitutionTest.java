package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.load;
import static io.ringtrader.engine.config.ConfigFixtures.problems;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private static String wsUrl(final String value, final Map<String, String> env) {
        return load(yaml("venues:", "  binance:", "    wsUrl: " + value), env).config().venues().venueConfig("binance").wsUrl();
    }

    private static String outputDir(final String value, final Map<String, String> env) {
        return load(yaml("telemetry:", "  outputDir: " + value), env).config().telemetry().outputDir().toString();
    }

    @Test
    void shouldSubstituteWholeValue() {
        assertEquals("wss://example.test/ws", wsUrl("${WS_URL}", Map.of("WS_URL", "wss://example.test/ws")));
    }

    @Test
    void shouldSubstituteEmbeddedReferences() {
        assertEquals("wss://md.example.test:9443/ws",
            wsUrl("wss://${HOST}:${PORT}/ws", Map.of("HOST", "md.example.test", "PORT", "9443")));
    }

    @Test
    void shouldUseDefaultWhenVariableIsUnset() {
        assertEquals("wss://localhost/ws", wsUrl("wss://${HOST:-localhost}/ws", Map.of()));
    }

    @Test
    void shouldUseDefaultWhenVariableIsEmpty() {
        assertEquals("wss://localhost/ws", wsUrl("wss://${HOST:-localhost}/ws", Map.of("HOST", "")));
    }

    @Test
    void shouldPreferSetVariableOverDefault() {
        assertEquals("wss://prod.test/ws", wsUrl("wss://${HOST:-localhost}/ws", Map.of("HOST", "prod.test")));
    }

    @Test
    void shouldAllowEmptyDefault() {
        final LoadedConfig loaded = load(yaml("venues:", "  binance:", "    apiKey: ${KEY:-}"), Map.of());

        assertTrue(loaded.config().venues().venueConfig("binance").apiKey().isEmpty());
    }

    @Test
    void shouldSubstituteBeforeConvertingType() {
        final LoadedConfig loaded = load(yaml("pipeline:", "  inboundRingSize: ${RING:-1024}"), Map.of());

        assertEquals(1024, loaded.config().pipeline().inboundRingSize());
    }

    @Test
    void shouldReportUnsetVariableWithNameAndPosition() {
        final List<ConfigProblem> problems = problems(yaml("venues:", "  binance:", "    wsUrl: wss://${MD_HOST}/ws"));

        assertEquals(1, problems.size());
        final ConfigProblem problem = problems.get(0);
        assertEquals("venues.binance.wsUrl", problem.path());
        assertEquals(3, problem.line());
        assertEquals(12, problem.column());
        assertEquals("environment variable MD_HOST is not set (write ${MD_HOST:-default} for a default)", problem.message());
    }

    @Test
    void shouldReportEveryUnsetVariable() {
        final List<ConfigProblem> problems = problems(yaml(
            "venues:",
            "  binance:",
            "    apiKey: ${KEY}",
            "    apiSecret: ${SECRET}"));

        assertEquals(List.of("venues.binance.apiKey", "venues.binance.apiSecret"),
            problems.stream().map(ConfigProblem::path).toList());
    }

    @Test
    void shouldTreatEscapedReferenceAsLiteral() {
        assertEquals("out/${notAVariable}", outputDir("\"out/$${notAVariable}\"", Map.of()));
    }

    @Test
    void shouldKeepLoneDollarSigns() {
        assertEquals("out/$a$$b$", outputDir("out/$a$$b$", Map.of()));
    }

    @Test
    void shouldNotSubstituteInsideVariableValues() {
        assertEquals("out/${OTHER}", outputDir("${DIR}", Map.of("DIR", "out/${OTHER}", "OTHER", "x")));
    }

    @Test
    void shouldRejectUnterminatedReference() {
        final ConfigProblem problem = problems(yaml("venues:", "  binance:", "    wsUrl: wss://${HOST/ws")).get(0);

        assertTrue(problem.message().startsWith("unterminated ${"), problem.message());
    }

    @Test
    void shouldRejectInvalidVariableName() {
        final ConfigProblem problem = problems(yaml("venues:", "  binance:", "    wsUrl: wss://${1HOST}/ws")).get(0);

        assertTrue(problem.message().startsWith("invalid environment variable reference"), problem.message());
    }

    @Test
    void shouldNotEchoSubstitutedValueInTypeErrors() {
        final ConfigProblem problem = problems(yaml("pipeline:", "  levelsPerSlot: ${LEVELS}"), Map.of("LEVELS", "lots"))
            .get(0);

        assertEquals("got the value of '${LEVELS}' (expected an integer)", problem.message());
    }
}
