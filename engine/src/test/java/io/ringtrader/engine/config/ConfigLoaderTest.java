package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.SOURCE;
import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.problems;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void shouldApplyDefaultsToAnEmptyMapping() {
        final RingTraderConfig config = config("{}");

        assertEquals(List.of(), config.instruments());
        assertEquals(16_384, config.pipeline().inboundRingSize());
        assertEquals(4_096, config.pipeline().outboundRingSize());
        assertEquals(32, config.pipeline().levelsPerSlot());
        assertEquals(Duration.ofMillis(100), config.pipeline().timerInterval());
        assertEquals(Duration.ofSeconds(5), config.pipeline().shutdownTimeout());
        assertEquals(ExecutionMode.PAPER, config.execution().mode());
        assertEquals(Duration.ofSeconds(5), config.telemetry().reportInterval());
        assertEquals(Path.of("run", "telemetry"), config.telemetry().outputDir());
        assertEquals(Duration.ofSeconds(10), config.telemetry().highestTrackableLatency());
        assertEquals(3, config.telemetry().significantDigits());
        assertFalse(config.venues().venueConfig("binance").enabled());
        assertFalse(config.venues().venueConfig("bitget").enabled());
    }

    @Test
    void shouldReportTypoedKeyWithSuggestionAndPosition() {
        final ConfigProblem problem = problem(yaml(
            "pipeline:",
            "  levelsPerSlot: 32",
            "  inboundRingSzie: 1024"));

        assertEquals(SOURCE, problem.file());
        assertEquals(3, problem.line());
        assertEquals(3, problem.column());
        assertEquals("pipeline.inboundRingSzie", problem.path());
        assertEquals("test.yaml:3:3: pipeline.inboundRingSzie: unknown key (did you mean inboundRingSize?)",
            problem.format());
    }

    @Test
    void shouldListKnownKeysWhenNoKeyIsClose() {
        final ConfigProblem problem = problem(yaml("execution:", "  flavour: paper"));

        assertEquals("unknown key (expected one of: mode, venues, makerFeeRate, takerFeeRate, onStop)", problem.message());
    }

    @Test
    void shouldCancelOpenOrdersAtStopByDefaultInLiveAndLeaveThemInPaper() {
        assertEquals(OnStopAction.CANCEL_ORDERS, config(live()).execution().onStop());
        assertEquals(OnStopAction.LEAVE, config(yaml("execution:", "  mode: paper")).execution().onStop());
        assertEquals(OnStopAction.FLATTEN, config(live() + yaml("  onStop: flatten")).execution().onStop());
        assertEquals(OnStopAction.LEAVE, config(live() + yaml("  onStop: leave")).execution().onStop());
    }

    @Test
    void shouldRejectAnUnknownOnStopActionWithItsPosition() {
        final ConfigProblem problem = problem(live() + yaml("  onStop: close"));

        assertEquals("test.yaml:7:11: execution.onStop: unknown value 'close' (expected one of: leave, cancel-orders, "
            + "flatten)", problem.format());
    }

    /** A live config whose {@code execution:} section is last, so a test can add keys to it. */
    private static String live() {
        return yaml(
            "instruments:",
            "  - {symbol: BTCUSDT, venue: binance, tickSize: \"0.10\", lotSize: \"0.001\"}",
            "venues:",
            "  binance: {enabled: true, apiKey: k, apiSecret: s}",
            "execution:",
            "  mode: live");
    }

    @Test
    void shouldSuggestTopLevelSection() {
        final ConfigProblem problem = problem(yaml("telemtry:", "  reportInterval: 5s"));

        assertEquals("telemtry", problem.path());
        assertEquals("unknown key (did you mean telemetry?)", problem.message());
    }

    @Test
    void shouldRejectListWhereScalarExpected() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  levelsPerSlot: [1, 2]"));

        assertEquals("pipeline.levelsPerSlot", problem.path());
        assertEquals("got a list (expected an integer)", problem.message());
        assertEquals(2, problem.line());
        assertEquals(18, problem.column());
    }

    @Test
    void shouldRejectTextForInteger() {
        assertEquals("got 'abc' (expected an integer)", problem(yaml("pipeline:", "  levelsPerSlot: abc")).message());
    }

    @Test
    void shouldRejectFractionForInteger() {
        assertEquals("got '1.5' (expected an integer)", problem(yaml("pipeline:", "  levelsPerSlot: 1.5")).message());
    }

    @Test
    void shouldRejectNullValue() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  levelsPerSlot:", "  timerInterval: 1s"));

        assertEquals("pipeline.levelsPerSlot", problem.path());
        assertEquals("got null (expected an integer)", problem.message());
    }

    @Test
    void shouldRejectNullSection() {
        final ConfigProblem problem = problem(yaml("telemetry:"));

        assertEquals("telemetry", problem.path());
        assertEquals("got null (expected a mapping)", problem.message());
    }

    @Test
    void shouldRejectScalarWhereMappingExpected() {
        assertEquals("got a single value (expected a mapping)", problem("pipeline: fast").message());
    }

    @Test
    void shouldRejectIntegerOutOfRange() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  levelsPerSlot: 1001"));

        assertEquals("must be between 1 and 1000 (got 1001)", problem.message());
    }

    @Test
    void shouldRejectIntegerBeyondLongRange() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  levelsPerSlot: 99999999999999999999"));

        assertTrue(problem.message().startsWith("got '99999999999999999999'"), problem.message());
    }

    @Test
    void shouldRejectNonBooleanForBoolean() {
        final ConfigProblem problem = problem(yaml("venues:", "  binance:", "    enabled: yes"));

        assertEquals("venues.binance.enabled", problem.path());
        assertEquals("got 'yes' (expected true or false)", problem.message());
    }

    @Test
    void shouldRejectUnknownEnumValueListingAllowedValues() {
        final ConfigProblem problem = problem(yaml("execution:", "  mode: paperr"));

        assertEquals("execution.mode", problem.path());
        assertEquals("unknown value 'paperr' (did you mean paper? expected one of: paper, live)", problem.message());
    }

    @Test
    void shouldRejectInboundRingSizeThatIsNotPowerOfTwo() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  inboundRingSize: 1000"));

        assertEquals("pipeline.inboundRingSize", problem.path());
        assertEquals("must be a power of two (got 1000)", problem.message());
    }

    @Test
    void shouldRejectOutboundRingSizeAboveMaximum() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  outboundRingSize: 8388608"));

        assertEquals("must be between 64 and 4194304 (got 8388608)", problem.message());
    }

    @Test
    void shouldAcceptLargestInboundRingSize() {
        assertEquals(1 << 24, config(yaml("pipeline:", "  inboundRingSize: 16777216")).pipeline().inboundRingSize());
    }

    @Test
    void shouldReportMissingRequiredKeyAtItsMapping() {
        final ConfigProblem problem = problem(yaml(
            "instruments:",
            "  - symbol: BTCUSDT",
            "    venue: binance",
            "    lotSize: \"0.001\""));

        assertEquals("instruments[0].tickSize", problem.path());
        assertEquals("missing required key (expected a decimal number)", problem.message());
        assertEquals(2, problem.line());
        assertEquals(5, problem.column());
    }

    @Test
    void shouldRejectDuplicateKeyWithBothLines() {
        final ConfigProblem problem = problem(yaml(
            "pipeline:",
            "  levelsPerSlot: 16",
            "  timerInterval: 10ms",
            "  levelsPerSlot: 32"));

        assertEquals("pipeline.levelsPerSlot", problem.path());
        assertEquals(4, problem.line());
        assertEquals("duplicate key (first defined at line 2)", problem.message());
    }

    @Test
    void shouldRejectDuplicateKeyInsideUnreadSection() {
        final List<ConfigProblem> problems = problems(yaml("model:", "  a: 1", "  a: 2"));

        assertEquals(List.of("model.a: duplicate key (first defined at line 2)", "model: section not supported by this version yet"),
            problems.stream().map(p -> p.path() + ": " + p.message()).sorted().toList());
    }

    @Test
    void shouldRejectMergeKeys() {
        final List<ConfigProblem> problems = problems(yaml(
            "base: &base",
            "  levelsPerSlot: 16",
            "pipeline:",
            "  <<: *base"));

        assertTrue(problems.stream().anyMatch(p -> p.path().equals("pipeline.<<") &&
            p.message().startsWith("merge keys are not supported")), problems::toString);
    }

    @Test
    void shouldRejectEachUnsupportedSection() {
        for (final String section : List.of("model")) {
            final ConfigProblem problem = problem(yaml(section + ":", "  anything: 1"));

            assertEquals(section, problem.path());
            assertEquals("section not supported by this version yet", problem.message());
            assertEquals(1, problem.line());
        }
    }

    @Test
    void shouldReportEveryProblemInOnePassInFileOrder() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigFixtures.load(yaml(
            "pipeline:",
            "  inboundRingSize: 1000",
            "  waitStrategy: busy-spin",
            "execution:",
            "  mode: backtest",
            "telemetry:",
            "  significantDigits: 9")));

        assertEquals(List.of(2, 3, 5, 7), ex.problems().stream().map(ConfigProblem::line).toList());
        final String[] lines = ex.getMessage().split("\n");
        assertEquals("4 configuration problems in test.yaml:", lines[0]);
        assertEquals("test.yaml:2:20: pipeline.inboundRingSize: must be a power of two (got 1000)", lines[1]);
        assertEquals("test.yaml:7:22: telemetry.significantDigits: must be between 1 and 5 (got 9)", lines[4]);
    }

    @Test
    void shouldRejectEmptyDocument() {
        final ConfigProblem problem = problem("");

        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("configuration is empty"), problem.message());
    }

    @Test
    void shouldRejectDocumentWithOnlyComments() {
        assertTrue(problem("# nothing yet\n").message().startsWith("configuration is empty"));
    }

    @Test
    void shouldRejectRootThatIsNotMapping() {
        final ConfigProblem problem = problem(yaml("", "- pipeline"));

        assertEquals(2, problem.line());
        assertEquals("the top level must be a mapping of sections (got a list)", problem.message());
    }

    @Test
    void shouldReportSyntaxErrorWithPositionAndShortProblem() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigFixtures.load(yaml(
            "pipeline:",
            "  levelsPerSlot: 32",
            "  timerInterval: [10ms")));
        final ConfigProblem problem = ex.problems().get(0);

        assertEquals(1, ex.problems().size());
        assertEquals(4, problem.line());
        assertTrue(problem.message().startsWith("YAML syntax error: "), problem.message());
        assertFalse(ex.getMessage().contains("\tat "), "no stack trace in the message");
        assertEquals(null, ex.getCause());
    }

    @Test
    void shouldLocateTheFirstByteThatIsNotUtf8(@TempDir final Path dir) throws Exception {
        final Path file = Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte)0xC3, 0x28});

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, name -> null));

        assertEquals(file + ":2:4: not UTF-8 text: byte 0xC3 at offset 8 cannot be decoded (is this a binary file?)",
            ex.getMessage());
    }

    @Test
    void shouldLocateACharacterYamlDoesNotAllow() {
        final ConfigProblem nul = problem(yaml("instruments:", "  - symbol: BTC\u0000USDT"));
        assertEquals(2, nul.line());
        assertEquals(16, nul.column());
        assertEquals("character U+0000 (NULL) is not allowed in YAML (is this a binary file?)", nul.message());
        final ConfigProblem bell = problem(yaml("pipeline:", "  levelsPerSlot: 3\u00072"));
        assertEquals(2, bell.line());
        assertEquals("character U+0007 (BEL) is not allowed in YAML", bell.message());
    }

    @Test
    void shouldLocateNestingThatIsTooDeep() {
        final ConfigProblem deep = problems("pipeline: " + "[".repeat(60) + "]".repeat(60) + "\n").stream()
            .filter(p -> p.message().startsWith("nested")).findFirst().orElseThrow();
        assertEquals(1, deep.line());
        assertEquals(60, deep.column());
        assertEquals("nested deeper than 50 levels (mappings and lists inside each other)", deep.message());
        final ConfigProblem deeper = problem("a: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n");
        assertEquals(1, deeper.line());
        assertEquals(54, deeper.column());
    }

    @Test
    void shouldLocateTheAliasOverTheLimit() {
        final StringBuilder text = new StringBuilder("pipeline:\n  x: &a [1, 2]\n");
        for (int i = 0; i < 60; i++) {
            text.append("  y").append(i).append(": *a\n");
        }
        final ConfigProblem alias = problems(text.toString()).stream()
            .filter(p -> p.message().startsWith("more than 50 references")).findFirst().orElseThrow();
        assertEquals(53, alias.line(), "the 51st alias");
        final StringBuilder many = new StringBuilder("x: &a [1, 2]\n");
        for (int i = 0; i < 1_200; i++) {
            many.append("y").append(i).append(": *a\n");
        }
        final ConfigProblem beyondParser = problem(many.toString());
        assertEquals(52, beyondParser.line());
        assertEquals("more than 50 references (*alias) to anchored mappings or lists", beyondParser.message());
    }

    @Test
    void shouldListAtMost25ProblemsAndCountTheRest() {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("extra").append(i).append(": 1\n");
        }
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigFixtures.load(text.toString()));
        assertEquals(40, ex.problems().size());
        final String[] lines = ex.getMessage().split("\n");
        assertEquals(1 + 25 + 1, lines.length, ex.getMessage());
        assertEquals("40 configuration problems in test.yaml:", lines[0]);
        assertEquals("... and 15 more (fix the ones above first)", lines[26]);
    }

    @Test
    void shouldReportMissingFileWithItsName(@TempDir final Path dir) {
        final Path file = dir.resolve("absent.yaml");

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, name -> null));

        assertEquals(file + ": cannot read configuration: file not found", ex.getMessage());
        assertEquals(file.toString(), ex.problems().get(0).file());
    }

    @Test
    void shouldReportProblemsAgainstTheFileNameGiven(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("bad.yaml"), yaml("execution:", "  mode: x"));

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, name -> null));

        assertTrue(ex.getMessage().startsWith(file + ":2:9: execution.mode: unknown value 'x'"), ex.getMessage());
    }

    @Test
    void shouldReadTelemetrySection() {
        final TelemetryConfig telemetry = config(yaml(
            "telemetry:",
            "  reportInterval: 1s",
            "  outputDir: out/latency",
            "  highestTrackableLatency: 100ms",
            "  significantDigits: 2")).telemetry();

        assertEquals(new TelemetryConfig(Duration.ofSeconds(1), Path.of("out", "latency"), Duration.ofMillis(100), 2), telemetry);
    }

    @Test
    void shouldRejectEmptyOutputDir() {
        assertEquals("telemetry.outputDir", problem(yaml("telemetry:", "  outputDir: \"\"")).path());
    }
}
