package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Journal before send ({@code journal.gateOrders}): the venue stage gets a command only once the outbound journal
 * wrote it and the inbound journal wrote the event that caused it; a failed journal write is recorded once, stops
 * the journal, and nothing it could not write is sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalGateTest {
    private static final EventTranslatorOneArg<InboundEvent, Long> TRADE = (event, sequence, id) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.tradeId = id;
        event.tradePrice = 100_00;
        event.tradeQty = 1;
        event.receiveTimeNs = 1_700_000_000_000_000_000L + id;
    };

    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final JournalProgress progress = new JournalProgress(errors);
    private final List<Long> sentCauses = new CopyOnWriteArrayList<>();
    private final List<Long> journaledCommands = new CopyOnWriteArrayList<>();
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.stop();
        }
    }

    @Test
    void shouldHoldACommandUntilTheEventThatCausedItIsInTheInboundJournal() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch holding = new CountDownLatch(1);
        pipeline = pipeline(true, (event, sequence, endOfBatch) -> {
            if (sequence == 2) {
                holding.countDown();
                await(release);
            }
        }, (command, sequence, endOfBatch) -> journaledCommands.add(command.causeSequence));
        pipeline.start();
        publishTrades(3);

        assertTrue(holding.await(10, TimeUnit.SECONDS));
        awaitTrue(() -> sentCauses.size() == 2, "the commands of events 0 and 1 are sent");
        awaitTrue(() -> pipeline.outboundPublished() == 3, "the router published the third command");
        assertEquals(List.of(0L, 1L), sentCauses, "the command of event 2 waits for its cause to be journaled");
        assertEquals(List.of(0L, 1L), journaledCommands, "and is not journaled before it either");

        release.countDown();
        awaitTrue(() -> sentCauses.size() == 3, "sent once event 2 is journaled (inbound written " + progress.inboundWritten() + ", outbound " + progress.outboundWritten() + ")");
        assertEquals(List.of(0L, 1L, 2L), journaledCommands);
        assertEquals(2, progress.inboundWritten());
        assertEquals(2, progress.outboundWritten());
    }

    @Test
    void shouldSendWithoutWaitingForTheJournalWhenTheGateIsOff() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        pipeline = pipeline(false, (event, sequence, endOfBatch) -> await(release),
            (command, sequence, endOfBatch) -> journaledCommands.add(command.causeSequence));
        pipeline.start();
        publishTrades(2);

        awaitTrue(() -> sentCauses.size() == 2, "sent while the inbound journal is stuck on event 0");
        release.countDown();
        assertFalse(pipeline.ordersGated());
    }

    @Test
    void shouldNeitherJournalNorSendWhatFollowsAFailedInboundWriteAndReportItOnce() throws Exception {
        pipeline = pipeline(true, new InboundJournal() {
            @Override
            public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
                if (sequence >= 3) {
                    throw new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code");
                }
            }

            @Override
            public String location() {
                return "/journals/s1/inbound";
            }
        }, (command, sequence, endOfBatch) -> journaledCommands.add(command.causeSequence));
        final int[] listened = new int[1];
        progress.onFailure(() -> listened[0]++);
        pipeline.start();
        publishTrades(6);

        awaitTrue(() -> progress.unjournaledEvents() == 3, "events 3, 4 and 5 are not journaled");
        awaitTrue(() -> progress.commandsNotSent() == 3, "their commands are not sent");
        assertEquals(List.of(0L, 1L, 2L), sentCauses);
        assertEquals(List.of(0L, 1L, 2L), journaledCommands, "no command whose cause is not journaled is journaled");
        assertEquals(2, progress.inboundWritten());

        final JournalProgress.Failure failure = progress.failure(EngineStatus.STREAM_INBOUND);
        assertNotNull(failure);
        assertEquals(3, failure.sequence());
        assertTrue(failure.message().startsWith("journal: cannot write the inbound queue /journals/s1/inbound (ring sequence 3):"
            + " InternalError: a fault occurred in a recent unsafe memory access"), failure.message());
        assertTrue(failure.message().contains("Trading is HALTED"), failure.message());
        assertEquals(1, errors.distinctErrors().stream().filter(e -> e.description().startsWith("journal: cannot write"))
            .mapToLong(e -> e.count()).sum(), "the failure is reported once");
        assertEquals(0, errors.count(ErrorKind.STAGE), "no exception per event");
        assertEquals(1, listened[0], "the failure listener (the health agent) is woken once");
    }

    @Test
    void shouldNotSendACommandTheOutboundJournalFailedToWrite() throws Exception {
        pipeline = pipeline(true, (event, sequence, endOfBatch) -> { }, new OutboundJournal() {
            @Override
            public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
                if (sequence == 1) {
                    throw new UncheckedIOException(new java.io.IOException("No space left on device"));
                }
                journaledCommands.add(command.causeSequence);
            }
        });
        pipeline.start();
        publishTrades(3);

        awaitTrue(() -> progress.commandsNotSent() == 2, "commands 1 and 2 are not sent");
        assertEquals(List.of(0L), sentCauses);
        assertEquals(List.of(0L), journaledCommands, "nothing is written after the failure");
        final JournalProgress.Failure failure = progress.failure(EngineStatus.STREAM_OUTBOUND);
        assertNotNull(failure);
        assertTrue(failure.cause().contains("No space left on device"), failure.cause());
        assertNull(progress.failure(EngineStatus.STREAM_INBOUND));
    }

    private Pipeline pipeline(final boolean gate, final InboundJournal journal, final OutboundJournal outboundJournal) {
        return Pipeline.builder()
            .inboundRingSize(64)
            .outboundRingSize(16)
            .threads(StageThreadSpec.defaults())
            .errorHandler(errors)
            .journal(journal)
            .outboundJournal(outboundJournal)
            .risk((event, sequence, endOfBatch) -> {
                if (event.kind == EventKind.TRADE) {
                    event.addIntent().newOrder(0, 1, event.tradeId + 1, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC,
                        event.tradePrice, 1, false);
                    event.intents[0].decision = RiskDecision.ACCEPTED;
                }
            })
            .router(publisher -> (RouterStage)(event, sequence, endOfBatch) -> {
                for (int i = 0; i < event.intentCount; i++) {
                    publisher.publish(event.intents[i], 1, event, sequence);
                }
            })
            .venue(publisher -> (VenueStage)(command, sequence, endOfBatch) -> {
                assertTrue(!gate || command.journaled, "a gated venue only sees journaled commands");
                sentCauses.add(command.causeSequence);
            })
            .journalProgress(progress, gate)
            .build();
    }

    private void publishTrades(final int count) {
        for (long id = 0; id < count; id++) {
            assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TRADE, id));
        }
    }

    private static void await(final CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                fail("not released");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting: " + what);
            }
            Thread.sleep(1);
        }
    }
}
