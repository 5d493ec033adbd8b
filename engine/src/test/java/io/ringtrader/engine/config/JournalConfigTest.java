package io.ringtrader.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JournalConfigTest {
    @Test
    void shouldJournalIntoRunJournalDailyByDefault() {
        final JournalConfig journal = load("{}").journal();
        assertTrue(journal.enabled());
        assertEquals(Path.of("run/journal"), journal.dir());
        assertEquals(JournalRollCycle.DAILY, journal.rollCycle());
        assertEquals(2, journal.retentionCycles(), "the current daily file and the one before");
        assertFalse(journal.fsyncOnBatch());
        assertFalse(journal.recordRaw());
    }

    @Test
    void shouldReadEveryKey() {
        final JournalConfig journal = load("""
            journal:
              enabled: false
              dir: /var/ringtrader/journal
              rollCycle: half-hourly
              retentionCycles: 48
              fsyncOnBatch: true
              recordRaw: true
            """).journal();
        assertEquals(new JournalConfig(false, Path.of("/var/ringtrader/journal"), JournalRollCycle.HALF_HOURLY, 48, true, true), journal);
    }

    @Test
    void shouldRejectAnUnknownRollCycleListingTheAllowedOnes() {
        final ConfigException error = assertThrows(ConfigException.class, () -> load("journal:\n  rollCycle: monthly\n"));
        final ConfigProblem problem = error.problems().get(0);
        assertEquals("journal.rollCycle", problem.path());
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("daily") && problem.message().contains("minutely"), problem.message());
    }

    @Test
    void shouldKeepAtLeastADayOfFilesByDefaultWhateverTheRollCycle() {
        assertEquals(25, load("journal:\n  rollCycle: hourly\n").journal().retentionCycles());
        assertEquals(1_441, load("journal:\n  rollCycle: minutely\n").journal().retentionCycles());
        assertEquals(2, load("journal:\n  rollCycle: weekly\n").journal().retentionCycles());
    }

    @Test
    void shouldKeepEverythingWhenRetentionIsZero() {
        assertEquals(0, load("journal:\n  retentionCycles: 0\n").journal().retentionCycles());
    }

    @Test
    void shouldRejectNegativeRetention() {
        final ConfigException error = assertThrows(ConfigException.class, () -> load("journal:\n  retentionCycles: -1\n"));
        assertEquals("journal.retentionCycles", error.problems().get(0).path());
    }

    private static RingTraderConfig load(final String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", name -> null).config();
    }
}
