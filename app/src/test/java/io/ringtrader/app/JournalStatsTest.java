package io.ringtrader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalStatsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void shouldKeepTheLargestGapsLargestFirstAndCountEveryOneOverTheThreshold() {
        final JournalStats.Inbound stats = new JournalStats.Inbound(S);
        final long[] gapsSeconds = {2, 0, 7, 3, 1, 9, 4, 5, 6};
        final InboundEvent event = new InboundEvent(1);
        long receiveNs = TestJournal.T0;
        long index = 100;
        TestJournal.header(event, EventKind.TIMER, -1, receiveNs);
        stats.onEvent(index++, event);
        for (final long gap : gapsSeconds) {
            receiveNs += gap * S;
            TestJournal.header(event, EventKind.TIMER, -1, receiveNs);
            stats.onEvent(index++, event);
        }

        assertEquals(7, stats.gaps(), "over 1s: 2, 7, 3, 9, 4, 5, 6");
        final List<JournalStats.Gap> largest = stats.largestGaps();
        assertEquals(JournalStats.LARGEST_GAPS, largest.size());
        assertEquals(9 * S, largest.get(0).ns());
        assertEquals(106, largest.get(0).index());
        assertEquals(7 * S, largest.get(1).ns());
        assertEquals(6 * S, largest.get(2).ns());
        assertEquals(5 * S, largest.get(3).ns());
        assertEquals(4 * S, largest.get(4).ns());
    }

    @Test
    void shouldCountReceiveTimesGoingBackwardsAndSkipSlotsWithoutOne() {
        final JournalStats.Inbound stats = new JournalStats.Inbound(S);
        final InboundEvent event = new InboundEvent(1);
        TestJournal.header(event, EventKind.TRADE, 0, TestJournal.T0 + 5 * S);
        stats.onEvent(0, event);
        TestJournal.header(event, EventKind.TRADE, 0, TestJournal.T0);
        stats.onEvent(1, event);
        event.reset();
        event.kind = EventKind.DISCARDED;
        stats.onEvent(2, event);
        TestJournal.header(event, EventKind.TRADE, 0, TestJournal.T0 + S / 2);
        stats.onEvent(3, event);

        final StringWriter text = new StringWriter();
        stats.print(new PrintWriter(text, true), JournalInstruments.raw());

        assertEquals(0, stats.gaps());
        assertEquals(1, stats.count(EventKind.DISCARDED));
        assertTrue(text.toString().contains("0 over 1s; receive time went backwards 1 times"), text.toString());
        assertTrue(text.toString().contains("#0                   3"), text.toString());
    }

    /** Journals of schema 5 and earlier hold a tick's scheduled local time as its exchange time: not venue time. */
    @Test
    void shouldTakeTheExchangeTimeRangeFromVenueEventsOnly() {
        final JournalStats.Inbound stats = new JournalStats.Inbound(S);
        final InboundEvent event = new InboundEvent(1);
        TestJournal.header(event, EventKind.TIMER, -1, TestJournal.T0);
        event.exchangeTimeNs = TestJournal.T0 - S;
        stats.onEvent(0, event);
        TestJournal.header(event, EventKind.TRADE, 0, TestJournal.T0 + S);
        stats.onEvent(1, event);
        TestJournal.header(event, EventKind.TIMER, -1, TestJournal.T0 + 2 * S);
        event.exchangeTimeNs = TestJournal.T0 + 2 * S;
        stats.onEvent(2, event);

        final StringWriter text = new StringWriter();
        stats.print(new PrintWriter(text, true), JournalInstruments.raw());

        assertTrue(text.toString().contains("exchange time    2023-11-14T22:13:20.995000000Z .. 2023-11-14T22:13:20.995000000Z"),
            text.toString());
    }
}
