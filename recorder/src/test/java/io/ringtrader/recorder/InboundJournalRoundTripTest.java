package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events go through the writer exactly as the pipeline drives it and come back field by field. */
class InboundJournalRoundTripTest {
    private static final int LEVELS_PER_SLOT = 16;

    @TempDir
    Path journal;

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void shouldReadBackEveryProducerFieldOfEachKind(final EventKind kind) {
        final List<InboundEvent> written = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            final InboundEvent event = new InboundEvent(LEVELS_PER_SLOT);
            TestEvents.fill(event, kind, seed);
            written.add(event);
        }
        write(written);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent read = new InboundEvent(LEVELS_PER_SLOT);
            for (int i = 0; i < written.size(); i++) {
                assertTrue(reader.next(read), "message " + i);
                assertEquals(100 + i, reader.sequence());
                TestEvents.assertSameProducerFields(written.get(i), read);
            }
            assertFalse(reader.next(read));
        }
    }

    @Test
    void shouldReadBackAMultiSlotBookBatchWithPerLevelDecimals() {
        final List<InboundEvent> batch = new ArrayList<>();
        final int slots = 3;
        for (int slot = 0; slot < slots; slot++) {
            final InboundEvent event = new InboundEvent(LEVELS_PER_SLOT);
            event.reset();
            event.kind = EventKind.BOOK_SNAPSHOT;
            event.instrumentId = 3;
            event.venueId = 2;
            event.lastUpdateId = 77_000;
            event.receiveTimeNs = 1_000 + slot;
            event.batchIndex = slot;
            event.batchLast = slot == slots - 1;
            final int levels = slot == slots - 1 ? 5 : LEVELS_PER_SLOT;
            for (int i = 0; i < levels; i++) {
                final int level = slot * LEVELS_PER_SLOT + i;
                event.addBid(100_000 - level, 10 + level);
                event.addAsk(100_001 + level, 20 + level);
                event.bidPriceDecimals[i] = (byte)(level % 5);
                event.bidQtyDecimals[i] = (byte)(level % 7);
                event.askPriceDecimals[i] = (byte)(level % 3);
                event.askQtyDecimals[i] = (byte)(level % 8);
            }
            batch.add(event);
        }
        write(batch);

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent read = new InboundEvent(LEVELS_PER_SLOT);
            for (final InboundEvent expected : batch) {
                assertTrue(reader.next(read));
                TestEvents.assertSameProducerFields(expected, read);
            }
            assertFalse(reader.next(read));
        }
    }

    @Test
    void shouldJournalOnlyWhatTheProducerWroteNotTheStagesOutputs() {
        final InboundEvent event = new InboundEvent(LEVELS_PER_SLOT);
        TestEvents.fill(event, EventKind.BOOK_DELTA, 5);
        event.bookState = BookState.VALID;
        event.bookVersion = 99;
        event.bookBidLevels = 1;
        event.bookBidPrices[0] = 123;
        event.features[0] = 0.5;
        event.featureCount = 1;
        event.scores[0] = 0.25;
        event.scoreCount = 1;
        event.addIntent().newOrder(1, 2, 3, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 4, 5, false);
        write(List.of(event));

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent read = new InboundEvent(LEVELS_PER_SLOT);
            assertTrue(reader.next(read));
            TestEvents.assertSameProducerFields(event, read);
            assertEquals(0, read.bookBidLevels);
        }
    }

    @Test
    void shouldRefuseABookMessageWithMoreLevelsThanTheReadersSlotHolds() {
        final InboundEvent event = new InboundEvent(LEVELS_PER_SLOT);
        TestEvents.fill(event, EventKind.BOOK_DELTA, 0);
        write(List.of(event));

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final JournalFormatException e = assertThrows(JournalFormatException.class, () -> reader.next(new InboundEvent(4)));
            assertTrue(e.getMessage().contains("has 10 bid and 9 ask levels, more than the slot's 4"), e.getMessage());
        }
    }

    @Test
    void shouldReadBackWithFsyncOnEveryBatch() {
        final InboundEvent event = new InboundEvent(LEVELS_PER_SLOT);
        TestEvents.fill(event, EventKind.TRADE, 1);
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal).withFsyncOnBatch(true));
        writer.onStart();
        writer.onEvent(event, 0, true);
        writer.onEvent(event, 1, true);
        writer.onShutdown();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            assertEquals(2, reader.summarize().messages());
        }
    }

    private void write(final List<InboundEvent> events) {
        final InboundJournalWriter writer = new InboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        for (int i = 0; i < events.size(); i++) {
            writer.onEvent(events.get(i), 100 + i, i == events.size() - 1 || i % 2 == 1);
        }
        writer.onShutdown();
    }
}
