package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageThreadSpecTest {
    private static final WaitStrategyKind W = WaitStrategyKind.BLOCKING;

    @Test
    void shouldAcceptTheDefaultLayout() {
        assertDoesNotThrow(() -> StageThreadSpec.validate(StageThreadSpec.defaults()));
    }

    @Test
    void shouldRejectAStageOnTwoThreads() {
        final List<StageThreadSpec> threads = new ArrayList<>(StageThreadSpec.defaults());
        threads.add(StageThreadSpec.of("extra", W, StageId.JOURNAL));
        assertMessage(threads, "stage journal on threads rt-journal and extra");
    }

    @Test
    void shouldRejectAMissingStage() {
        final List<StageThreadSpec> threads = new ArrayList<>(StageThreadSpec.defaults());
        threads.remove(3);
        assertMessage(threads, "stage outbound-journal is on no thread");
    }

    @Test
    void shouldRejectJournalSharingAThread() {
        assertMessage(List.of(
            StageThreadSpec.of("a", W, StageId.JOURNAL, StageId.BOOK),
            StageThreadSpec.of("b", W, StageId.FEATURES, StageId.MODEL, StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
            StageThreadSpec.of("c", W, StageId.VENUE),
            StageThreadSpec.of("d", W, StageId.OUTBOUND_JOURNAL)), "must run alone on its thread");
    }

    @Test
    void shouldRejectBusinessStagesOutOfChainOrder() {
        assertMessage(List.of(
            StageThreadSpec.of("a", W, StageId.JOURNAL),
            StageThreadSpec.of("b", W, StageId.BOOK, StageId.MODEL),
            StageThreadSpec.of("b2", W, StageId.FEATURES, StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
            StageThreadSpec.of("c", W, StageId.VENUE),
            StageThreadSpec.of("d", W, StageId.OUTBOUND_JOURNAL)), "must be contiguous in the chain");
    }

    @Test
    void shouldRejectTwoThreadsOnOneCpu() {
        final List<StageThreadSpec> threads = new ArrayList<>();
        for (final StageThreadSpec spec : StageThreadSpec.defaults()) {
            threads.add(new StageThreadSpec(spec.name(), spec.stages(), spec.waitStrategy(), spec.name().equals("rt-journal") ? 1 : spec.name().equals("rt-logic") ? 1 : -1));
        }
        assertMessage(threads, "cpu 1 pinned twice");
    }

    @Test
    void shouldRejectACpuThisMachineDoesNotHave() {
        final int cpus = Runtime.getRuntime().availableProcessors();
        final List<StageThreadSpec> threads = new ArrayList<>(StageThreadSpec.defaults());
        threads.set(0, new StageThreadSpec("rt-journal", List.of(StageId.JOURNAL), W, cpus));
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> Pipeline.builder().threads(threads).build());
        assertTrue(error.getMessage().contains("cpu " + cpus + " does not exist"), error.getMessage());
    }

    private static void assertMessage(final List<StageThreadSpec> threads, final String expected) {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StageThreadSpec.validate(threads));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
