package io.ringtrader.engine.config;

import static io.ringtrader.engine.config.ConfigFixtures.config;
import static io.ringtrader.engine.config.ConfigFixtures.problem;
import static io.ringtrader.engine.config.ConfigFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTest {
    private static Duration shutdownTimeout(final String value) {
        return config(yaml("pipeline:", "  shutdownTimeout: " + value)).pipeline().shutdownTimeout();
    }

    private static String shutdownTimeoutProblem(final String value) {
        return problem(yaml("pipeline:", "  shutdownTimeout: " + value)).message();
    }

    @Test
    void shouldParseEveryUnit() {
        assertEquals(Duration.ofNanos(500), Durations.parse("500ns"));
        assertEquals(Duration.ofNanos(250_000), Durations.parse("250us"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    }

    @Test
    void shouldReadDurationsWithUnitsFromConfig() {
        assertEquals(Duration.ofNanos(1_500_000), shutdownTimeout("1500000ns"));
        assertEquals(Duration.ofNanos(2_000_000), shutdownTimeout("2000us"));
        assertEquals(Duration.ofMinutes(5), shutdownTimeout("5m"));
        assertEquals(Duration.ofHours(1), shutdownTimeout("1h"));
    }

    @Test
    void shouldAcceptQuotedDuration() {
        assertEquals(Duration.ofSeconds(2), shutdownTimeout("\"2s\""));
    }

    @Test
    void shouldRejectBareNumber() {
        assertEquals("got '250' without a unit (expected a duration with unit ns|us|ms|s|m|h, e.g. 250ms)",
            shutdownTimeoutProblem("250"));
    }

    @Test
    void shouldRejectUnknownUnit() {
        assertEquals("got '5sec' (expected a duration with unit ns|us|ms|s|m|h, e.g. 250ms)",
            shutdownTimeoutProblem("5sec"));
    }

    @Test
    void shouldRejectFractionalAmount() {
        assertTrue(shutdownTimeoutProblem("1.5s").startsWith("got '1.5s' (expected a duration"));
    }

    @Test
    void shouldRejectNegativeDuration() {
        assertEquals("must not be negative (got '-5s')", shutdownTimeoutProblem("-5s"));
    }

    @Test
    void shouldRejectDurationBelowMinimum() {
        final ConfigProblem problem = problem(yaml("pipeline:", "  timerInterval: 500us"));

        assertEquals("pipeline.timerInterval", problem.path());
        assertEquals("must be >= 1ms (got '500us')", problem.message());
    }

    @Test
    void shouldRejectReportIntervalBelow100ms() {
        assertEquals("must be >= 100ms (got '50ms')", problem(yaml("telemetry:", "  reportInterval: 50ms")).message());
    }

    @Test
    void shouldRejectDurationTooLong() {
        assertTrue(shutdownTimeoutProblem("999999999999h").contains("duration too long"));
    }

    @Test
    void shouldFormatInLargestExactUnit() {
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("500ns", Durations.format(Duration.ofNanos(500)));
        assertEquals("250us", Durations.format(Duration.ofNanos(250_000)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1_500)));
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("2h", Durations.format(Duration.ofHours(2)));
    }
}
