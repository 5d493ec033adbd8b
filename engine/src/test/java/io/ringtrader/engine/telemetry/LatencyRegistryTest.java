package io.ringtrader.engine.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
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
    void shouldReadTotalsAndWriteHgrmWithoutEndingTheInterval(@TempDir final Path dir) throws Exception {
        final StageLatencyRecorder book = registry.register("book");
        book.record(100);
        assertEquals(1, registry.totals().get(0).count());
        book.record(200);
        registry.writeHgrm(dir);
        assertEquals(2, registry.totals().get(0).count());
        assertEquals(2, registry.sample().get(0).count(), "the interval still holds what totals() drained");
        assertEquals(0, registry.sample().get(0).count());
        assertEquals(2, registry.totals().get(0).count());
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

    @Test
    void shouldWriteOneIntervalPerSamplePerStageToTheHlogFiles(@TempDir final Path dir) throws Exception {
        final StageLatencyRecorder book = registry.register("book");
        final StageLatencyRecorder risk = registry.register("risk");
        book.record(5_000);
        final List<Path> files = registry.startIntervalLogs(dir);
        assertEquals(List.of(dir.resolve("book.hlog"), dir.resolve("risk.hlog")), files);

        book.record(1_000);
        book.record(2_000);
        registry.sample();
        risk.record(7_000);
        registry.stopIntervalLogs();

        final List<Histogram> bookIntervals = intervals(dir.resolve("book.hlog"));
        assertEquals(2, bookIntervals.size());
        assertEquals(2, bookIntervals.get(0).getTotalCount());
        assertEquals("book", bookIntervals.get(0).getTag());
        assertEquals(0, bookIntervals.get(1).getTotalCount());
        final List<Histogram> riskIntervals = intervals(dir.resolve("risk.hlog"));
        assertEquals(1, riskIntervals.get(1).getTotalCount());
        assertEquals(7_000, riskIntervals.get(1).getMaxValue(), 10);
        assertEquals(4, registry.totals().stream().mapToLong(LatencySummary::count).sum());
    }

    @Test
    void shouldRefuseToOpenTheIntervalLogsTwice(@TempDir final Path dir) throws Exception {
        registry.register("book");
        registry.startIntervalLogs(dir);
        assertThrows(IllegalStateException.class, () -> registry.startIntervalLogs(dir));
        registry.stopIntervalLogs();
    }

    private static List<Histogram> intervals(final Path file) throws Exception {
        final List<Histogram> result = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                result.add((Histogram)next);
            }
        }
        return result;
    }
}
