package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class StageIdTest {
    @Test
    void shouldListBusinessChainInChainOrder() {
        final List<StageId> chain = Arrays.stream(StageId.values()).filter(StageId::isBusinessChain).toList();

        assertEquals(List.of(StageId.BOOK, StageId.FEATURES, StageId.MODEL, StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
            chain);
    }

    @Test
    void shouldPutOnlyVenueAndOutboundJournalOnOutboundRing() {
        final List<StageId> outbound = Arrays.stream(StageId.values()).filter(stage -> !stage.isInbound()).toList();

        assertEquals(List.of(StageId.VENUE, StageId.OUTBOUND_JOURNAL), outbound);
        assertTrue(StageId.JOURNAL.isInbound());
        assertFalse(StageId.JOURNAL.isBusinessChain());
    }

    @Test
    void shouldFindStageByConfigName() {
        for (final StageId stage : StageId.values()) {
            assertEquals(stage, StageId.fromConfigName(stage.configName()));
        }
        assertEquals(StageId.OUTBOUND_JOURNAL, StageId.fromConfigName("outbound-journal"));
        assertNull(StageId.fromConfigName("OUTBOUND_JOURNAL"));
        assertNull(StageId.fromConfigName("nope"));
    }

    @Test
    void shouldFindWaitStrategyByConfigName() {
        for (final WaitStrategyKind kind : WaitStrategyKind.values()) {
            assertEquals(kind, WaitStrategyKind.fromConfigName(kind.configName()));
        }
        assertEquals(WaitStrategyKind.BUSY_SPIN, WaitStrategyKind.fromConfigName("busy-spin"));
        assertNull(WaitStrategyKind.fromConfigName("spin"));
    }
}
