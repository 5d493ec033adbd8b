package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.jmx.EngineJmx;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator trips the kill switch over JMX in the middle of a live paper session ({@link SyntheticPaperSession}),
 * resets it, and trips it again before the end. The trips and the reset are journaled as OPERATOR events, so a
 * replay of the journal makes the same order decisions: the same commands, the same {@code KILL_SWITCH} rejects,
 * the same kill switch reason at the end. Without those events the replay would accept what the live session
 * rejected.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OperatorKillSwitchReplayTest {
    private static final RingTraderConfig CONFIG = SyntheticPaperSession.config("0.5");
    private static final int TRIP_AT = 600;
    private static final int RESET_AT = 1_100;
    private static final int TRIP_AGAIN_AT = 1_800;
    private static final String[] STRING = {String.class.getName()};

    @TempDir
    static Path journal;
    @TempDir
    static Path withoutOperatorEvents;
    private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();
    private static EngineJmx jmx;
    private static long commands;
    private static long killSwitchRejects;
    private static long acceptedAfterReset;
    private static long killSwitchTrips;
    private static String killSwitchReason;

    @BeforeAll
    static void recordASessionWithAnOperatorTripResetAndTripOverJmx() throws Exception {
        final long[] acceptedAtReset = new long[1];
        final Engine engine;
        try {
            engine = SyntheticPaperSession.record(journal, CONFIG, (live, update) -> {
                if (update == 1) {
                    jmx = EngineJmx.register(live, SERVER);
                }
                final ObjectName bean = jmx.objectNames().get(0);
                if (update == TRIP_AT || update == TRIP_AGAIN_AT) {
                    assertEquals(Boolean.TRUE, SERVER.invoke(bean, "tripKillSwitch", new Object[] {"test operator"}, STRING));
                    await(() -> live.killSwitch().isTripped(), "the risk stage applied the trip");
                } else if (update == RESET_AT) {
                    SERVER.invoke(bean, "resetKillSwitch", null, null);
                    await(() -> !live.killSwitch().isTripped(), "the risk stage applied the reset");
                    acceptedAtReset[0] = live.businessStages().risk().count(RiskDecision.ACCEPTED);
                }
            });
        } finally {
            if (jmx != null) {
                jmx.close();
            }
        }
        final PreTradeRiskHandler risk = engine.businessStages().risk();
        commands = engine.pipeline().outboundPublished();
        killSwitchRejects = risk.count(RiskDecision.KILL_SWITCH);
        acceptedAfterReset = risk.count(RiskDecision.ACCEPTED) - acceptedAtReset[0];
        killSwitchTrips = risk.killSwitch().trips();
        killSwitchReason = risk.killSwitch().reason();
        assertTrue(engine.status().contains(" | KILL SWITCH: " + PreTradeRiskHandler.JMX_TRIP_REASON), engine.status());
        writeCopyWithoutOperatorEvents(journal, withoutOperatorEvents);
    }

    @Test
    void shouldHaveRejectedOrdersWithTheKillSwitchLiveAndAcceptedSomeAfterTheReset() {
        assertTrue(killSwitchRejects > 0, "the scalper kept trying while the switch was tripped");
        assertTrue(acceptedAfterReset > 0, "orders passed again after the reset");
        assertEquals(2, killSwitchTrips);
        assertEquals(PreTradeRiskHandler.JMX_TRIP_REASON, killSwitchReason);
    }

    @Test
    void shouldReproduceEveryOrderCommandAndRiskDecisionWhenVerifyingTheJournal() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(journal).withVerify(true), EngineExtension.NONE);
        assertNull(result.divergence(), () -> String.valueOf(result.divergence()));
        assertEquals(commands, result.commands());
        assertEquals(3L, result.eventsByKind().get(EventKind.OPERATOR), "two trips and a reset replayed");
        assertEquals(killSwitchTrips, result.killSwitchTrips());
        assertEquals(killSwitchReason, result.killSwitchReason(), "the reason the live status line showed");
        assertTrue(result.describe().contains("kill switch: tripped 2 time(s); at the end: KILL SWITCH: "
            + PreTradeRiskHandler.JMX_TRIP_REASON), result.describe());
        assertEquals(killSwitchRejects, countDecisions(journal, RiskDecision.KILL_SWITCH), "live rejects journaled");
    }

    @Test
    void shouldTripAtTheSamePlacesWhenThePaperVenueRegeneratesTheFills() throws Exception {
        final ReplayResult first = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), EngineExtension.NONE);
        final ReplayResult second = ReplayRunner.run(CONFIG, ReplayOptions.of(journal), EngineExtension.NONE);
        assertTrue(first.regenerated());
        assertEquals(killSwitchTrips, first.killSwitchTrips());
        assertEquals(killSwitchReason, first.killSwitchReason());
        assertEquals(first.digest(), second.digest());
        assertEquals(0, first.errors());
    }

    @Test
    void shouldDivergeOnAKillSwitchRejectWhenTheOperatorEventsAreMissingFromTheJournal() throws Exception {
        final ReplayResult result = ReplayRunner.run(CONFIG, ReplayOptions.of(withoutOperatorEvents).withVerify(true),
            EngineExtension.NONE);
        assertNotNull(result.divergence(), "without the journaled trip the replay accepts what live rejected");
        assertTrue(result.divergence().expected().contains("decision=KILL_SWITCH"), result.divergence().toString());
        assertEquals(0, result.killSwitchTrips());
    }

    /** Copies a journal's inbound events (keeping their sequences) except OPERATOR ones, and all its commands. */
    private static void writeCopyWithoutOperatorEvents(final Path from, final Path to) {
        final JournalConfig config = JournalConfig.defaults(to);
        final InboundJournalWriter inbound = new InboundJournalWriter(config);
        inbound.onStart();
        try (JournalReader reader = JournalReader.open(from, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(CONFIG.pipeline().levelsPerSlot());
            while (reader.next(event)) {
                if (event.kind != EventKind.OPERATOR) {
                    inbound.onEvent(event, reader.sequence(), true);
                }
            }
        } finally {
            inbound.onShutdown();
        }
        final OutboundJournalWriter outbound = new OutboundJournalWriter(config);
        outbound.onStart();
        try (JournalReader reader = JournalReader.open(from, JournalStream.OUTBOUND)) {
            final OrderCommand command = new OrderCommand();
            while (reader.next(command)) {
                outbound.onCommand(command, reader.sequence(), true);
            }
        } finally {
            outbound.onShutdown();
        }
    }

    private static long countDecisions(final Path from, final RiskDecision decision) {
        long count = 0;
        try (JournalReader reader = JournalReader.open(from, JournalStream.OUTBOUND)) {
            final OrderCommand command = new OrderCommand();
            while (reader.next(command)) {
                count += command.decision == decision ? 1 : 0;
            }
        }
        return count;
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNs) {
                throw new AssertionError("timed out waiting: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
