package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import org.junit.jupiter.api.Test;

class ThreadLayoutTest {
    private static final String JOURNAL = "  - {name: j, stages: [journal]}";
    private static final String LOGIC = "  - {name: logic, stages: [book, features, model, strategy, risk, router]}";
    private static final String VENUE = "  - {name: v, stages: [venue]}";
    private static final String OUT_JOURNAL = "  - {name: oj, stages: [outbound-journal]}";

    /**
     * @return a pipeline section whose threads are the given lines, at line 3 onwards.
     */
    private static String threads(final String... threadLines) {
        final List<String> lines = new ArrayList<>();
        lines.add("pipeline:");
        lines.add("  threads:");
        for (final String line : threadLines) {
            lines.add("  " + line);
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void shouldUseDefaultThreadsWhenNoneConfigured() {
        final List<ThreadConfig> threads = config("pipeline: {}").pipeline().threads();

        assertEquals(List.of(
            new ThreadConfig("rt-journal", List.of(StageId.JOURNAL), WaitStrategyKind.BLOCKING, OptionalInt.empty()),
            new ThreadConfig("rt-logic", List.of(StageId.BOOK, StageId.FEATURES, StageId.MODEL, StageId.STRATEGY,
                StageId.RISK, StageId.ROUTER), WaitStrategyKind.BLOCKING, OptionalInt.empty()),
            new ThreadConfig("rt-venue", List.of(StageId.VENUE), WaitStrategyKind.BLOCKING, OptionalInt.empty()),
            new ThreadConfig("rt-out-journal", List.of(StageId.OUTBOUND_JOURNAL), WaitStrategyKind.BLOCKING,
                OptionalInt.empty())),
            threads);
    }

    @Test
    void shouldRecordDefaultThreadsInEffectiveYaml() {
        final String effective = ConfigFixtures.load("{}").effectiveYaml();

        assertTrue(effective.contains(
            "  threads:\n" +
            "    - name: rt-journal\n" +
            "      stages: [journal]\n" +
            "      waitStrategy: blocking\n"), effective);
    }

    @Test
    void shouldReadThreadWithWaitStrategyAndCpu() {
        final List<ThreadConfig> threads = config(threads(
            JOURNAL,
            "  - {name: logic, stages: [book, features, model, strategy, risk, router], waitStrategy: busy-spin, cpu: 2}",
            VENUE,
            OUT_JOURNAL)).pipeline().threads();

        assertEquals(WaitStrategyKind.BUSY_SPIN, threads.get(1).waitStrategy());
        assertEquals(OptionalInt.of(2), threads.get(1).cpu());
        assertEquals(WaitStrategyKind.BLOCKING, threads.get(0).waitStrategy());
        assertEquals(OptionalInt.empty(), threads.get(0).cpu());
    }

    @Test
    void shouldAllowEveryBusinessStageOnItsOwnThread() {
        final List<ThreadConfig> threads = config(threads(
            JOURNAL,
            "  - {name: b, stages: [book]}",
            "  - {name: f, stages: [features]}",
            "  - {name: m, stages: [model]}",
            "  - {name: s, stages: [strategy]}",
            "  - {name: r, stages: [risk]}",
            "  - {name: o, stages: [router]}",
            VENUE,
            OUT_JOURNAL)).pipeline().threads();

        assertEquals(9, threads.size());
    }

    @Test
    void shouldAllowContiguousPartialGroups() {
        final List<ThreadConfig> threads = config(threads(
            JOURNAL,
            "  - {name: market, stages: [book, features, model]}",
            "  - {name: decide, stages: [strategy, risk, router]}",
            VENUE,
            OUT_JOURNAL)).pipeline().threads();

        assertEquals(List.of(StageId.STRATEGY, StageId.RISK, StageId.ROUTER), threads.get(2).stages());
    }

    @Test
    void shouldRejectStageOnNoThread() {
        final ConfigProblem problem = problem(threads(
            JOURNAL,
            "  - {name: logic, stages: [book, features, model, strategy]}",
            VENUE));

        assertEquals("pipeline.threads", problem.path());
        assertEquals(3, problem.line());
        assertEquals("no thread runs risk, router, outbound-journal (every stage runs on exactly one thread)",
            problem.message());
    }

    @Test
    void shouldRejectStageOnTwoThreads() {
        final ConfigProblem problem = problem(threads(
            JOURNAL,
            LOGIC,
            "  - {name: again, stages: [router]}",
            VENUE,
            OUT_JOURNAL));

        assertEquals("pipeline.threads[2].stages", problem.path());
        assertEquals(5, problem.line());
        assertEquals("stage router is already on thread logic (every stage runs on exactly one thread)",
            problem.message());
    }

    @Test
    void shouldRejectStageListedTwiceOnOneThread() {
        final ConfigProblem problem = problem(threads(
            JOURNAL,
            "  - {name: logic, stages: [book, book, features, model, strategy, risk, router]}",
            VENUE,
            OUT_JOURNAL));

        assertEquals("stage book is listed twice", problem.message());
    }

    @Test
    void shouldRejectThreadMixingRings() {
        final ConfigProblem problem = problem(threads(
            JOURNAL,
            "  - {name: logic, stages: [book, features, model, strategy, risk, router, venue]}",
            OUT_JOURNAL));

        assertEquals("pipeline.threads[1].stages", problem.path());
        assertEquals("mixes inbound-ring stages (book, features, model, strategy, risk, router) with outbound-ring " +
            "stages (venue); a thread consumes one ring", problem.message());
    }

    @Test
    void shouldRejectJournalSharingItsThread() {
        final ConfigProblem problem = problem(threads(
            "  - {name: logic, stages: [journal, book, features, model, strategy, risk, router]}",
            VENUE,
            OUT_JOURNAL));

        assertEquals("pipeline.threads[0].stages", problem.path());
        assertTrue(problem.message().startsWith("journal must run alone on its thread"), problem.message());
    }

    @Test
    void shouldRejectVenueAndOutboundJournalSharingAThread() {
        final ConfigProblem problem = problem(threads(JOURNAL, LOGIC, "  - {name: out, stages: [venue, outbound-journal]}"));

        assertEquals("venue must run alone on its thread (venue and outbound-journal consume the outbound ring in parallel)",
            problem.message());
    }

    @Test
    void shouldRejectOutboundJournalSharingAThread() {
        final ConfigProblem problem = problem(threads(JOURNAL, LOGIC, "  - {name: out, stages: [outbound-journal, venue]}"));

        assertTrue(problem.message().startsWith("outbound-journal must run alone on its thread"), problem.message());
    }

    @Test
    void shouldRejectNonContiguousBusinessStages() {
        final List<ConfigProblem> problems = problems(threads(
            JOURNAL,
            "  - {name: a, stages: [book, model]}",
            "  - {name: b, stages: [features]}",
            "  - {name: c, stages: [strategy, risk, router]}",
            VENUE,
            OUT_JOURNAL));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("pipeline.threads[1].stages", problems.get(0).path());
        assertEquals("business stages on one thread must be contiguous in the chain book -> features -> model -> " +
            "strategy -> risk -> router (book and model are separated by features)", problems.get(0).message());
    }

    @Test
    void shouldRejectBusinessStagesOutOfChainOrder() {
        final ConfigProblem problem = problem(threads(
            JOURNAL,
            "  - {name: logic, stages: [book, features, model, strategy, router, risk]}",
            VENUE,
            OUT_JOURNAL));

        assertEquals("business stages must be listed in chain order book -> features -> model -> strategy -> risk -> " +
            "router (got router before risk)", problem.message());
    }

    @Test
    void shouldRejectTwoThreadsPinnedToSameCpu() {
        final ConfigProblem problem = problem(threads(
            "  - {name: j, stages: [journal], cpu: 3}",
            "  - {name: logic, stages: [book, features, model, strategy, risk, router], cpu: 3}",
            VENUE,
            OUT_JOURNAL));

        assertEquals("pipeline.threads[1].cpu", problem.path());
        assertEquals("cpu 3 is already pinned by thread j (one thread per cpu)", problem.message());
    }

    @Test
    void shouldRejectNegativeCpu() {
        final ConfigProblem problem = problem(threads(JOURNAL, LOGIC, VENUE, "  - {name: oj, stages: [outbound-journal], cpu: -1}"));

        assertEquals("pipeline.threads[3].cpu", problem.path());
        assertEquals("must be >= 0 (got -1)", problem.message());
    }

    @Test
    void shouldRejectDuplicateThreadName() {
        final ConfigProblem problem = problem(threads(JOURNAL, LOGIC, VENUE, "  - {name: v, stages: [outbound-journal]}"));

        assertEquals("pipeline.threads[3].name", problem.path());
        assertEquals("duplicate thread name (first used by pipeline.threads[2])", problem.message());
    }

    @Test
    void shouldRejectThreadNameLongerThanLinuxAllows() {
        final ConfigProblem problem = problem(threads(JOURNAL, LOGIC, VENUE, "  - {name: outbound-journal, stages: [outbound-journal]}"));

        assertEquals("pipeline.threads[3].name", problem.path());
        assertTrue(problem.message().startsWith("must be 1 to 15 characters"), problem.message());
    }

    @Test
    void shouldRequireThreadNameAndStages() {
        final List<ConfigProblem> problems = problems(threads(JOURNAL, LOGIC, VENUE, "  - {waitStrategy: blocking}"));

        assertEquals(List.of("pipeline.threads[3].name", "pipeline.threads[3].stages"),
            problems.stream().map(ConfigProblem::path).toList());
    }

    @Test
    void shouldRejectEmptyStageList() {
        final ConfigProblem problem = problem(threads(JOURNAL, LOGIC, VENUE, OUT_JOURNAL, "  - {name: idle, stages: []}"));

        assertTrue(problem.message().startsWith("must not be empty"), problem.message());
    }

    @Test
    void shouldRejectUnknownStageWithSuggestion() {
        final ConfigProblem problem = problem(threads(
            JOURNAL,
            "  - {name: logic, stages: [book, featrues, model, strategy, risk, router]}",
            VENUE,
            OUT_JOURNAL));

        assertEquals("pipeline.threads[1].stages[1]", problem.path());
        assertTrue(problem.message().startsWith("unknown value 'featrues' (did you mean features?"), problem.message());
    }

    @Test
    void shouldRejectUnknownWaitStrategy() {
        final ConfigProblem problem = problem(threads(
            JOURNAL, LOGIC, VENUE, "  - {name: oj, stages: [outbound-journal], waitStrategy: spin}"));

        assertEquals("pipeline.threads[3].waitStrategy", problem.path());
        assertEquals("unknown value 'spin' (expected one of: busy-spin, yielding, sleeping, blocking)", problem.message());
    }
}
