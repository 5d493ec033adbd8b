package io.ringtrader.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.JournalSummary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Journals of schema 4 and 5, written as those builds wrote them ({@link LegacyJournals} rewrites freshly recorded
 * sessions), still replay, and {@code --verify} passes on them: a session with a live venue whose timer ticks cause
 * orders ({@link FilledSession}), and a paper session ({@link SyntheticPaperSession}), which replays to the same digest
 * from its old journal as from its schema 6 one.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LegacyJournalReplayTest {
    private static final int TRADES_PER_TICK = 100;
    private static final RingTraderConfig PAPER = SyntheticPaperSession.config("0.5");

    @TempDir
    static Path dir;
    static long commands;

    @BeforeAll
    static void recordAndRewrite() throws Exception {
        commands = FilledSession.record(dir.resolve("live"), TRADES_PER_TICK);
        SyntheticPaperSession.record(dir.resolve("paper"), PAPER, SyntheticPaperSession.BeforeUpdate.NOTHING);
        for (final int version : new int[] {4, 5}) {
            LegacyJournals.rewrite(dir.resolve("live"), dir.resolve("live-" + version), version);
            LegacyJournals.rewrite(dir.resolve("paper"), dir.resolve("paper-" + version), version);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void shouldVerifyAnOldJournalWhoseTimerTicksCausedOrders(final int version) throws Exception {
        final Path journal = dir.resolve("live-" + version);
        assertEquals(version, schemaOf(journal));

        final ReplayResult result = ReplayRunner.run(FilledSession.CONFIG, ReplayOptions.of(journal).withVerify(true),
            FilledSession.strategy(1));

        assertNull(result.divergence(), () -> result.divergence().toString());
        assertEquals(commands, result.commands());
        assertEquals(FilledSession.TRADES / TRADES_PER_TICK, result.eventsByKind().get(EventKind.TIMER));
        assertTrue(result.describe().contains("verify: OK"), result.describe());
        assertTrue(result.describe().contains("instruments: the journal (schema " + version + ") has no instrument table: the"
            + " config's 1 instruments are used unchecked"), result.describe());
    }

    /** As those builds wrote them: a tick's exchange time is its scheduled time, and so is that of the orders it caused. */
    @Test
    void shouldReadTheTimerTicksOfASchema4JournalAsTheyWereWritten() {
        final Path journal = dir.resolve("live-4");
        final Map<Long, Long> scheduledBySequence = new HashMap<>();
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(8);
            while (reader.next(event)) {
                if (event.kind == EventKind.TIMER) {
                    assertEquals(event.timerScheduledNs, event.exchangeTimeNs);
                    scheduledBySequence.put(reader.sequence(), event.timerScheduledNs);
                }
            }
        }
        long causedByTicks = 0;
        try (JournalReader reader = JournalReader.open(journal, JournalStream.OUTBOUND)) {
            final OrderCommand command = new OrderCommand();
            while (reader.next(command)) {
                if (scheduledBySequence.containsKey(command.causeSequence)) {
                    assertEquals(scheduledBySequence.get(command.causeSequence), command.causeExchangeTimeNs);
                    causedByTicks++;
                }
            }
        }
        assertEquals(FilledSession.TRADES / TRADES_PER_TICK, causedByTicks);
    }

    /** Its market states were MARK_PRICE and OPEN_INTEREST messages (codes 6, 7): read back as the same market states. */
    @Test
    void shouldReadTheMarkPricesAndOpenInterestOfASchema4JournalAsMarketStates() {
        final java.util.List<String> written = marketStates(dir.resolve("live"));
        assertEquals(FilledSession.TRADES / FilledSession.MARK_EVERY + FilledSession.TRADES / FilledSession.OPEN_INTEREST_EVERY,
            written.size());
        assertEquals(written, marketStates(dir.resolve("live-4")));
    }

    private static java.util.List<String> marketStates(final Path journal) {
        final java.util.List<String> states = new java.util.ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(8);
            while (reader.next(event)) {
                if (event.kind == EventKind.MARKET_STATE) {
                    states.add(event.marketStateFields + " " + event.markPrice + " " + event.indexPrice + " " + event.fundingRate
                        + " " + event.nextFundingTimeNs + " " + event.fundingIntervalNs + " " + event.openInterest);
                }
            }
        }
        return states;
    }

    /** The schema 6 session's ticks carry no exchange time; that is the one difference a digest can see. */
    @Test
    void shouldGiveTheSchema6TicksNoExchangeTime() {
        try (JournalReader reader = JournalReader.open(dir.resolve("live"), JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(8);
            long ticks = 0;
            while (reader.next(event)) {
                if (event.kind == EventKind.TIMER) {
                    assertEquals(InboundEvent.NONE, event.exchangeTimeNs);
                    ticks++;
                }
            }
            assertEquals(FilledSession.TRADES / TRADES_PER_TICK, ticks);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void shouldVerifyAnOldJournalOfAPaperSession(final int version) throws Exception {
        final ReplayResult result = ReplayRunner.run(PAPER, ReplayOptions.of(dir.resolve("paper-" + version)).withVerify(true),
            EngineExtension.NONE);

        assertNull(result.divergence(), () -> String.valueOf(result.divergence()));
        assertTrue(result.commands() > 0);
    }

    /** The paper session has no ticks: from its old journal it replays to the digest of its schema 6 journal. */
    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void shouldReplayAnOldJournalOfAPaperSessionToTheSameDigest(final int version) throws Exception {
        final ReplayResult current = ReplayRunner.run(PAPER, ReplayOptions.of(dir.resolve("paper")), EngineExtension.NONE);
        final ReplayResult old = ReplayRunner.run(PAPER, ReplayOptions.of(dir.resolve("paper-" + version)), EngineExtension.NONE);

        assertEquals(current.digest(), old.digest());
        assertEquals(current.commands(), old.commands());
        assertTrue(current.instruments().startsWith("1 as in the journal's instrument table (binance:BTCUSDT)"),
            current.instruments());
    }

    /** The schema its writer recorded; checks that its messages carry the checksum of that schema, or none. */
    private static int schemaOf(final Path journal) {
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalSummary summary = reader.summarize();
            assertEquals(0, summary.damagedCount(), summary.describe());
            assertEquals(1, summary.sessions().size());
            final int version = summary.sessions().get(0).schemaVersion();
            assertEquals(version < 5 ? summary.messages() : 0, summary.uncheckedMessages(), summary.describe());
            return version;
        }
    }
}
