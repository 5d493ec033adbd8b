package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.recorder.JournalNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session with a strategy that trades and a venue that fills ({@link FilledSession}) is journaled; replays of that journal
 * must reproduce its order commands exactly ({@code --verify}), give the same digest every time and at
 * every speed, and name the first divergence when a strategy parameter changes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayDeterminismTest {
    private static final int TRADES = FilledSession.TRADES;
    private static final RingTraderConfig CONFIG = FilledSession.CONFIG;

    @TempDir
    static Path journal;

    @BeforeAll
    static void recordLiveSession() throws Exception {
        FilledSession.record(journal, 0);
    }

    @Test
    void shouldReproduceTheLiveOrderCommandsExactly() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), strategy(1));
        assertNull(result.divergence(), () -> result.divergence().toString());
        assertEquals(TRADES / 10, result.commands());
        assertEquals(TRADES / 10, result.fills());
        assertEquals(1 + TRADES + TRADES / FilledSession.MARK_EVERY + TRADES / FilledSession.OPEN_INTEREST_EVERY + TRADES / 10,
            result.eventsReplayed(), "the snapshot, the trades, the market states and the fills");
        assertEquals(0, result.errors());
    }

    @Test
    void shouldGiveTheSameDigestOnEveryRunAndAtEverySpeed() throws Exception {
        final String first = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1)).digest();
        final String second = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1)).digest();
        final String paced = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withSpeed(ReplaySpeed.parse("20x")), strategy(1)).digest();
        assertTrue(first.matches("sha256:[0-9a-f]{64}"), first);
        assertEquals(first, second);
        assertEquals(first, paced);
    }

    @Test
    void shouldNameTheFirstDivergenceWhenAStrategyParameterChanges() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), strategy(2));
        assertNotNull(result.divergence());
        assertEquals(0, result.divergence().commandIndex());
        assertTrue(result.divergence().expected().contains("qty=1,"), result.divergence().toString());
        assertTrue(result.divergence().actual().contains("qty=2,"), result.divergence().toString());
        assertNotEquals(ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1)).digest(), result.digest());
    }

    @Test
    void shouldReplayOnlyTheEventsInsideTheTimeRange() throws Exception {
        final ReplayResult all = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), strategy(1));
        final ReplayResult none = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withRange(0, 1), strategy(1));
        assertEquals(all.eventsRead(), none.eventsRead());
        assertEquals(0, none.eventsReplayed());
        assertEquals(0, none.commands());
    }

    @Test
    void shouldWriteTextAndHtmlReports(@TempDir final Path reports) throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true).withReportDir(reports), strategy(1));
        final String text = Files.readString(reports.resolve("replay-report.txt"));
        assertTrue(text.contains("digest: " + result.digest()), text);
        assertTrue(text.contains("verify: OK"), text);
        assertTrue(Files.readString(reports.resolve("replay-report.html")).contains(result.digest()));
    }

    @Test
    void shouldRefuseAMissingJournal(@TempDir final Path empty) {
        assertThrows(JournalNotFoundException.class,
            () -> ReplayRunner.run(CONFIG, ReplayOptions.of(empty.resolve("absent")), EngineExtension.NONE));
    }

    private static EngineExtension strategy(final long qty) {
        return FilledSession.strategy(qty);
    }
}
