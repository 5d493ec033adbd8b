package io.ringtrader.engine.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyRegistryTest {
    private final LatencyRegistry registry = new LatencyRegistry(1_000_000_000L, 3);

    @Test
    void shouldReportPercentilesOfRecordedLatencies() {
        final StageLatencyRecorder book = registry.register("book");
        for (int i = 1; i <= 1_000; i++) {
            book.record(i * 1_000L);
        }
        final LatencySummary summary = registry.totals().get(0);
        assertEquals("book", summary.stage());
        assertEquals(1_000, summary.count());
        assertEquals(500_000, summary.p50Ns(), 500);
        assertEquals(990_000, summary.p99Ns(), 1_000);
        assertEquals(1_000_000, summary.maxNs(), 1_000);
    }

    @Test
    void shouldSeparateIntervalsWhileAccumulatingTotals() {
        final StageLatencyRecorder risk = registry.register("risk");
        risk.record(100);
        assertEquals(1, registry.sample().get(0).count());
        risk.record(200);
        risk.record(300);
        assertEquals(2, registry.sample().get(0).count());
        assertEquals(0, registry.sample().get(0).count());
        assertEquals(3, registry.totals().get(0).count());
    }

    @Test
    void shouldClampValuesOutsideTheTrackableRangeInsteadOfThrowing() {
        final StageLatencyRecorder router = registry.register("router");
        router.record(-5);
        router.record(Long.MAX_VALUE);
        assertEquals(2, router.clamped());
        assertEquals(2, registry.totals().get(0).count());
    }

    @Test
    void shouldKeepRegistrationOrderAndRejectDuplicates() {
        registry.register("journal");
        registry.register("book");
        assertEquals(List.of("journal", "book"), registry.stages());
        assertThrows(IllegalArgumentException.class, () -> registry.register("book"));
    }

    @Test
    void shouldWriteOneHgrmFilePerStage(@TempDir final Path dir) throws Exception {
        registry.register("book").record(1_500);
        registry.register("risk").record(2_500);
        final List<Path> files = registry.writeHgrm(dir.resolve("latency"));
        assertEquals(2, files.size());
        final String book = Files.readString(dir.resolve("latency/book.hgrm"));
        assertTrue(book.contains("Value     Percentile TotalCount"), book);
        assertTrue(book.contains("#[Max     =        1.500"), book);
    }
}
