package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper session of the {@link Engine} ({@link SyntheticPaperSession}: the configured OBI scalper on synthetic
 * book updates whose imbalance swings and whose price walks) is journaled. {@code --verify} reproduces its order
 * commands; a replay that regenerates the fills with the paper venue gives the same digest on every run and at
 * every speed; and the same journal replayed with a different threshold in the configuration names the first
 * divergence.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PaperSessionReplayTest {
    private static final RingTraderConfig CONFIG = config("0.5");

    @TempDir
    static Path journal;
    static long commands;
    static long accepted;

    @BeforeAll
    static void recordPaperSession() throws Exception {
        final Engine engine = SyntheticPaperSession.record(journal, CONFIG, SyntheticPaperSession.BeforeUpdate.NOTHING);
        assertTrue(engine.status().contains("| pnl "), engine.status());
        final PreTradeRiskHandler risk = engine.businessStages().risk();
        commands = engine.pipeline().outboundPublished();
        accepted = risk.count(RiskDecision.ACCEPTED);
        assertTrue(accepted >= 20, "the scalper entered and exited: " + accepted + " accepted of " + commands);
        assertEquals(0, risk.count(RiskDecision.MAX_POSITION), "one position at a time stays within 0.004");
        assertEquals(0, risk.positionSnapshots().get(0).qty() % 2, "whole orders of 0.002 filled");
    }

    @Test
    void shouldVerifyThePaperSessionAgainstItsJournal() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), EngineExtension.NONE);
        assertNull(result.divergence(), () -> String.valueOf(result.divergence()));
        assertEquals(commands, result.commands());
        assertTrue(result.fills() > 0, "the journaled fills were fed back");
        assertEquals(0, result.eventsGenerated(), "with --verify the journaled reports are fed back");
    }

    @Test
    void shouldRegenerateTheFillsWithThePaperVenueIdenticallyOnEveryRunAndSpeed() throws Exception {
        final ReplayResult first = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), EngineExtension.NONE);
        final ReplayResult second = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), EngineExtension.NONE);
        final ReplayResult paced = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withSpeed(ReplaySpeed.parse("50x")),
            EngineExtension.NONE);
        assertTrue(first.regenerated());
        assertTrue(first.skippedReports() > 0, "the journaled reports were skipped");
        assertTrue(first.eventsGenerated() > 0, "the paper venue published reports");
        assertTrue(first.commands() > 0 && first.fills() > 0, "the replayed scalper traded");
        assertEquals(first.digest(), second.digest());
        assertEquals(first.digest(), paced.digest());
        assertEquals(first.commands(), paced.commands());
        assertEquals(0, first.errors());
    }

    @Test
    void shouldNameTheFirstDivergenceWhenTheThresholdInTheConfigChanges() throws Exception {
        final ReplayResult changed = ReplayRunner.run(config("0.7"), ReplayOptions.of(journal).withVerify(true), EngineExtension.NONE);
        assertNotNull(changed.divergence(), "a threshold of 0.7 skips the +0.6 crossing the session entered on");
        assertEquals(0, changed.divergence().commandIndex());
        assertNotEquals(changed.divergence().expected(), changed.divergence().actual());
        assertNotEquals(ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), EngineExtension.NONE).digest(),
            changed.digest());
    }

    private static RingTraderConfig config(final String threshold) {
        return SyntheticPaperSession.config(threshold);
    }
}
