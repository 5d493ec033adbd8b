package io.ringtrader.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.pipeline.WaitStrategyKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on loopback at a low rate, so it cannot rot: orders measured and a histogram written. */
class TickToOrderHarnessTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Settings.JournalMode.class, names = {"OFF", "GATED"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldMeasureOrdersAndWriteAHistogramAtOneThousandFramesPerSecond(final Settings.JournalMode journal) throws Exception {
        final Settings settings = new Settings(new int[] {1_000}, Duration.ofSeconds(1), Duration.ofSeconds(2), 1,
            WaitStrategyKind.BLOCKING, dir, 4_096, journal);
        final ByteArrayOutputStream report = new ByteArrayOutputStream();

        final List<RateResult> results =
            new TickToOrderHarness(settings, new PrintStream(report, true, StandardCharsets.UTF_8)).run();

        assertEquals(1, results.size());
        final RateResult result = results.get(0);
        final String text = report.toString(StandardCharsets.UTF_8);
        assertTrue(result.ordersMeasured() > 0, text);
        assertEquals(0, result.unmatched(), text);
        assertTrue(result.ordersMeasured() <= result.framesScheduled(), text);
        assertTrue(Files.size(dir.resolve("tick-to-order-1000.hgrm")) > 0, text);
        assertTrue(Files.readString(dir.resolve("tick-to-order-1000.hgrm")).contains("#[Max"), text);
        assertTrue(text.contains("orders measured"), text);
        assertTrue(text.contains("journal " + journal.name().toLowerCase(java.util.Locale.ROOT)), text);
        assertFalse(Files.exists(dir.resolve("journal-gated-1000")), "the run's journal is removed");
    }

    @Test
    void shouldReadCommandLineSettingsOverTheDefaults() {
        final Settings settings = Settings.parse("--rates", "500,2000", "--warmup", "1s", "--duration", "250ms",
            "--every", "3", "--wait", "yielding", "--out", "x", "--ring", "65536");

        assertEquals(2, settings.rates().length);
        assertEquals(2_000, settings.rates()[1]);
        assertEquals(Duration.ofMillis(250), settings.duration());
        assertEquals(3, settings.everyNth());
        assertEquals(WaitStrategyKind.YIELDING, settings.waitStrategy());
        assertEquals(Path.of("x"), settings.outputDir());
        assertEquals(65_536, settings.inboundRing());
    }

    @Test
    void shouldFindIntendedSendTimesByIncreasingKey() {
        final IntendedSendTimes times = new IntendedSendTimes(4);
        for (long k = 1; k <= 6; k++) {
            times.append(k * 10, k * 1_000);
        }

        assertEquals(6_000, times.intendedNanos(60));
        assertEquals(3_000, times.intendedNanos(30));
        assertEquals(IntendedSendTimes.UNKNOWN, times.intendedNanos(20), "overwritten");
        assertEquals(IntendedSendTimes.UNKNOWN, times.intendedNanos(35), "never appended");
    }
}
