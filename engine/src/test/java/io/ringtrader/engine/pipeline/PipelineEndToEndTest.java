package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.telemetry.LatencySummary;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two producer threads publish synthetic trades; every stage must see every event once, in ring order,
 * with the fields upstream stages wrote; every 10th trade makes the strategy trade, so commands reach
 * the outbound ring and execution reports come back; stop must be clean with no thread left behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineEndToEndTest {
    private static final int PER_PRODUCER = 20_000;
    private static final int PRODUCERS = 2;
    private static final int TRADE_EVERY = 10;
    private static final int ORDERS = PRODUCERS * PER_PRODUCER / TRADE_EVERY;
    private static final int MAX_EVENTS = PRODUCERS * PER_PRODUCER + ORDERS;

    private static final EventTranslatorOneArg<InboundEvent, long[]> TRADE = (event, sequence, source) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = (int)source[0];
        event.tradeId = source[1];
        event.tradePrice = 100_00 + source[1] % 50;
        event.tradeQty = 1_000;
        event.tradeAggressor = OrderSide.BUY;
        event.receiveTimeNs = source[2];
    };

    static Stream<Arguments> layouts() {
        final StageId[] business = {StageId.BOOK, StageId.FEATURES, StageId.MODEL, StageId.STRATEGY, StageId.RISK, StageId.ROUTER};
        final List<StageThreadSpec> threadPerStage = new ArrayList<>();
        threadPerStage.add(StageThreadSpec.of("t-journal", WaitStrategyKind.SLEEPING, StageId.JOURNAL));
        for (final StageId id : business) {
            threadPerStage.add(StageThreadSpec.of("t-" + id.configName(), WaitStrategyKind.BLOCKING, id));
        }
        threadPerStage.add(StageThreadSpec.of("t-venue", WaitStrategyKind.YIELDING, StageId.VENUE));
        threadPerStage.add(StageThreadSpec.of("t-out-journal", WaitStrategyKind.BLOCKING, StageId.OUTBOUND_JOURNAL));
        final List<StageThreadSpec> split = List.of(
            StageThreadSpec.of("s-journal", WaitStrategyKind.YIELDING, StageId.JOURNAL),
            StageThreadSpec.of("s-book", WaitStrategyKind.BLOCKING, StageId.BOOK, StageId.FEATURES),
            StageThreadSpec.of("s-decide", WaitStrategyKind.SLEEPING, StageId.MODEL, StageId.STRATEGY, StageId.RISK),
            StageThreadSpec.of("s-route", WaitStrategyKind.YIELDING, StageId.ROUTER),
            StageThreadSpec.of("s-venue", WaitStrategyKind.BLOCKING, StageId.VENUE),
            StageThreadSpec.of("s-out-journal", WaitStrategyKind.SLEEPING, StageId.OUTBOUND_JOURNAL));
        return Stream.of(
            Arguments.of("defaults", StageThreadSpec.defaults()),
            Arguments.of("thread per stage", threadPerStage),
            Arguments.of("split groups", split));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void shouldDeliverEveryEventToEveryStageInRingOrderAndStopCleanly(final String layout, final List<StageThreadSpec> threads)
        throws Exception {
        final Set<String> threadsBefore = liveThreadNames();
        final EpochNanoClock clock = new SystemEpochNanoClock();
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final Recording journal = new Recording(MAX_EVENTS);
        final Recording book = new Recording(MAX_EVENTS);
        final Recording features = new Recording(MAX_EVENTS);
        final Recording model = new Recording(MAX_EVENTS);
        final Recording strategy = new Recording(MAX_EVENTS);
        final Recording risk = new Recording(MAX_EVENTS);
        final Recording router = new Recording(MAX_EVENTS);
        final List<OrderCommand> venueSeen = new ArrayList<>();
        final long[] outboundJournalSequences = new long[ORDERS];
        final int[] outboundJournalCount = new int[1];

        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(1024)
            .outboundRingSize(64)
            .threads(threads)
            .clock(clock)
            .errorHandler(errors)
            .journal(journal)
            .book((event, sequence, endOfBatch) -> {
                book.record(event, sequence, endOfBatch);
                event.bookVersion = sequence * 3;
            })
            .features((event, sequence, endOfBatch) -> {
                features.record(event, sequence, endOfBatch);
                assertEquals(sequence * 3, event.bookVersion, "book stage's output visible to features");
                event.features[0] = sequence;
                event.featureCount = 1;
            })
            .model((event, sequence, endOfBatch) -> {
                model.record(event, sequence, endOfBatch);
                event.scores[0] = event.features[0] + 1;
                event.scoreCount = 1;
            })
            .strategy((event, sequence, endOfBatch) -> {
                strategy.record(event, sequence, endOfBatch);
                assertEquals(sequence + 1.0, event.scores[0], "model's output visible to strategy");
                if (event.kind == EventKind.TRADE && event.tradeId % TRADE_EVERY == 0) {
                    final OrderIntent intent = event.addIntent();
                    intent.newOrder(event.instrumentId, 7, event.tradeId * 10 + event.instrumentId, OrderSide.BUY,
                        OrderType.LIMIT, TimeInForce.GTC, event.tradePrice, 1_000, false);
                }
            })
            .risk((event, sequence, endOfBatch) -> {
                risk.record(event, sequence, endOfBatch);
                for (int i = 0; i < event.intentCount; i++) {
                    event.intents[i].decision = RiskDecision.ACCEPTED;
                }
            })
            .router(publisher -> (RouterStage)(event, sequence, endOfBatch) -> {
                router.record(event, sequence, endOfBatch);
                for (int i = 0; i < event.intentCount; i++) {
                    assertEquals(RiskDecision.ACCEPTED, event.intents[i].decision);
                    assertEquals(PublishResult.PUBLISHED, publisher.publish(event.intents[i], 1, event, sequence));
                }
            })
            .venue(publisher -> new AckingVenue(publisher, venueSeen))
            .outboundJournal((command, sequence, endOfBatch) -> outboundJournalSequences[outboundJournalCount[0]++] = sequence)
            .build();

        pipeline.start();
        final CountDownLatch go = new CountDownLatch(1);
        final List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            final int producerId = p;
            final Thread producer = new Thread(() -> {
                final long[] source = new long[3];
                source[0] = producerId;
                try {
                    go.await();
                } catch (final InterruptedException e) {
                    return;
                }
                for (int i = 1; i <= PER_PRODUCER; i++) {
                    source[1] = i;
                    source[2] = clock.nanoTime();
                    assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().publish(TRADE, source));
                }
            }, "test-producer-" + p);
            producer.start();
            producers.add(producer);
        }
        go.countDown();
        for (final Thread producer : producers) {
            producer.join();
        }
        awaitCount(venueSeen, ORDERS);
        awaitExecReports(pipeline, PRODUCERS * PER_PRODUCER + ORDERS);

        final Pipeline.StopReport report = pipeline.stop();
        assertTrue(report.clean(), "stop report: " + report);
        assertEquals(0, report.undrainedInbound());
        assertEquals(0, report.undrainedOutbound());
        assertEquals(0, errors.totalCount(), () -> "errors: " + errors.distinctErrors());

        final int expectedEvents = PRODUCERS * PER_PRODUCER + ORDERS;
        assertEquals(expectedEvents, pipeline.inboundPublished());
        assertEquals(ORDERS, pipeline.outboundPublished());
        for (final Recording stage : List.of(journal, book, features, model, strategy, risk, router)) {
            assertEquals(expectedEvents, stage.count);
            for (int i = 0; i < stage.count; i++) {
                assertEquals(i, stage.sequences[i], "stage saw sequences in ring order");
                assertEquals(journal.identities[i], stage.identities[i], "every stage saw the same event at sequence " + i);
            }
        }
        assertTrue(journal.started && journal.shutdown, "onStart and onShutdown called on the stage's thread");
        assertPerProducerOrder(journal);
        assertEquals(ORDERS, journal.execReports, "execution reports came back onto the inbound ring");
        assertEquals(ORDERS, outboundJournalCount[0]);
        for (int i = 0; i < ORDERS; i++) {
            assertEquals(i, outboundJournalSequences[i]);
        }

        final List<LatencySummary> totals = pipeline.latency().totals();
        assertEquals(StageId.values().length, totals.size());
        for (final LatencySummary summary : totals) {
            final long expected = summary.stage().equals("venue") || summary.stage().equals("outbound-journal") ? ORDERS : expectedEvents;
            assertEquals(expected, summary.count(), "latency samples of " + summary.stage());
            assertTrue(summary.p50Ns() <= summary.p99Ns() && summary.p99Ns() <= summary.maxNs());
        }

        final Set<String> leftBehind = liveThreadNames();
        leftBehind.removeAll(threadsBefore);
        leftBehind.removeIf(name -> name.startsWith("test-producer") || name.startsWith("test-exchange"));
        assertTrue(leftBehind.isEmpty(), "threads left behind: " + leftBehind);
        assertEquals(Pipeline.State.STOPPED, pipeline.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void shouldRejectPublishingAfterStop(final String layout, final List<StageThreadSpec> threads) {
        final Pipeline pipeline = Pipeline.builder().inboundRingSize(64).outboundRingSize(64).threads(threads).build();
        pipeline.start();
        assertTrue(pipeline.stop().clean());
        assertEquals(PublishResult.CLOSED, pipeline.inboundPublisher().tryPublish(TRADE, new long[3]));
        assertFalse(liveThreadNames().stream().anyMatch(name -> threads.stream().anyMatch(t -> t.name().equals(name))));
    }

    private static void assertPerProducerOrder(final Recording journal) {
        final long[] last = new long[PRODUCERS];
        for (int i = 0; i < journal.count; i++) {
            final long identity = journal.identities[i];
            if (identity < 0) {
                continue;
            }
            final int producer = (int)(identity >>> 32);
            final long id = identity & 0xFFFF_FFFFL;
            assertEquals(last[producer] + 1, id, "producer " + producer + "'s events in its publish order");
            last[producer] = id;
        }
        for (int p = 0; p < PRODUCERS; p++) {
            assertEquals(PER_PRODUCER, last[p]);
        }
    }

    private static void awaitCount(final List<OrderCommand> seen, final int count) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            synchronized (seen) {
                if (seen.size() >= count) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("venue saw fewer than " + count + " commands");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static void awaitExecReports(final Pipeline pipeline, final long events) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pipeline.inboundPublished() < events) {
            if (System.nanoTime() > deadline) {
                fail("only " + pipeline.inboundPublished() + " of " + events + " inbound events published");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .collect(Collectors.toSet());
    }

    /** Records what one stage saw; written only by that stage's thread, read after stop. */
    private static final class Recording implements InboundJournal {
        final long[] sequences;
        final long[] identities;
        int count;
        int execReports;
        boolean started;
        boolean shutdown;

        Recording(final int capacity) {
            sequences = new long[capacity];
            identities = new long[capacity];
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
            record(event, sequence, endOfBatch);
        }

        void record(final InboundEvent event, final long sequence, final boolean endOfBatch) {
            sequences[count] = sequence;
            if (event.kind == EventKind.TRADE) {
                identities[count] = ((long)event.instrumentId << 32) | event.tradeId;
            } else {
                assertEquals(EventKind.EXECUTION_REPORT, event.kind);
                identities[count] = -event.clientOrderId;
                execReports++;
            }
            count++;
        }

        @Override
        public void onStart() {
            started = true;
        }

        @Override
        public void onShutdown() {
            shutdown = true;
        }
    }

    /**
     * Acks every command back onto the inbound ring from its own thread, as a live venue's IO thread
     * would. The venue stage itself never waits on the inbound ring: if it did, a full inbound ring
     * would stop the venue, the venue would stop draining the outbound ring, the router would wait on
     * the outbound ring, and the business chain would stop draining the inbound ring.
     */
    private static final class AckingVenue implements VenueStage {
        private static final EventTranslatorOneArg<InboundEvent, long[]> ACK = (event, sequence, report) -> {
            event.kind = EventKind.EXECUTION_REPORT;
            event.instrumentId = (int)report[0];
            event.execType = ExecType.ACK;
            event.clientOrderId = report[1];
            event.receiveTimeNs = report[2];
        };
        private final InboundPublisher publisher;
        private final List<OrderCommand> seen;
        private final java.util.concurrent.BlockingQueue<long[]> reports = new java.util.concurrent.LinkedBlockingQueue<>();
        private Thread exchange;

        AckingVenue(final InboundPublisher publisher, final List<OrderCommand> seen) {
            this.publisher = publisher;
            this.seen = seen;
        }

        @Override
        public void onStart() {
            exchange = new Thread(() -> {
                try {
                    while (true) {
                        final long[] report = reports.take();
                        if (report.length == 0) {
                            return;
                        }
                        assertEquals(PublishResult.PUBLISHED, publisher.publish(ACK, report));
                    }
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-exchange");
            exchange.start();
        }

        @Override
        public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
            final OrderCommand copy = new OrderCommand();
            copy.clientOrderId = command.clientOrderId;
            copy.decision = command.decision;
            synchronized (seen) {
                seen.add(copy);
            }
            reports.add(new long[] {command.instrumentId, command.clientOrderId, command.causeReceiveTimeNs});
        }

        @Override
        public void onShutdown() {
            reports.add(new long[0]);
            try {
                exchange.join(5_000);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
