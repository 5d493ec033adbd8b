package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.PublishResult;
import io.ringtrader.engine.pipeline.RouterStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal writers as the pipeline's journal stages: two producers publish trades, every 10th makes the
 * strategy emit an intent that risk decides and the router sends; after stop, {@code inbound/} holds every
 * event at its ring sequence (sequence i is message i) and {@code outbound/} every command.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineJournalTest {
    private static final int PRODUCERS = 2;
    private static final int PER_PRODUCER = 3_000;
    private static final int TRADE_EVERY = 10;

    private static final EventTranslatorOneArg<InboundEvent, long[]> TRADE = (event, sequence, source) -> {
        event.kind = EventKind.TRADE;
        event.instrumentId = (int)source[0];
        event.venueId = 1;
        event.tradeId = source[1];
        event.tradePrice = 100_00 + source[1] % 50;
        event.tradeQty = 1_000;
        event.tradeAggressor = OrderSide.BUY;
        event.receiveTimeNs = source[1];
    };

    @TempDir
    Path journal;

    @Test
    void shouldJournalEveryEventAtItsRingSequenceAndEveryCommandWithItsDecision() throws Exception {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final JournalConfig config = JournalConfig.defaults(journal);
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(1024)
            .outboundRingSize(256)
            .errorHandler(errors)
            .journal(new InboundJournalWriter(config))
            .outboundJournal(new OutboundJournalWriter(config))
            .strategy((event, sequence, endOfBatch) -> {
                if (event.kind == EventKind.TRADE && event.tradeId % TRADE_EVERY == 0) {
                    final OrderIntent intent = event.addIntent();
                    intent.newOrder(event.instrumentId, 7, event.tradeId * 10 + event.instrumentId, OrderSide.BUY,
                        OrderType.LIMIT, TimeInForce.GTC, event.tradePrice, 1_000, false);
                }
            })
            .risk((event, sequence, endOfBatch) -> {
                for (int i = 0; i < event.intentCount; i++) {
                    event.intents[i].decision = event.tradeId % 20 == 0 ? RiskDecision.ACCEPTED : RiskDecision.BOOK_NOT_VALID;
                }
            })
            .router(publisher -> (RouterStage)(event, sequence, endOfBatch) -> {
                for (int i = 0; i < event.intentCount; i++) {
                    assertEquals(PublishResult.PUBLISHED, publisher.publish(event.intents[i], 1, event, sequence));
                }
            })
            .build();

        pipeline.start();
        final CountDownLatch go = new CountDownLatch(1);
        final List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            final int producerId = p;
            final Thread producer = new Thread(() -> {
                final long[] source = {producerId, 0};
                try {
                    go.await();
                } catch (final InterruptedException e) {
                    return;
                }
                for (int i = 1; i <= PER_PRODUCER; i++) {
                    source[1] = i;
                    if (pipeline.inboundPublisher().publish(TRADE, source) != PublishResult.PUBLISHED) {
                        fail("publish failed");
                    }
                }
            }, "test-producer-" + p);
            producer.start();
            producers.add(producer);
        }
        go.countDown();
        for (final Thread producer : producers) {
            producer.join();
        }
        final Pipeline.StopReport report = pipeline.stop();
        assertTrue(report.clean(), "stop report: " + report);
        assertEquals(0, errors.totalCount(), () -> "errors: " + errors.distinctErrors());
        assertEquals(PRODUCERS * PER_PRODUCER, pipeline.inboundPublished());
        final int orders = PRODUCERS * PER_PRODUCER / TRADE_EVERY;
        assertEquals(orders, pipeline.outboundPublished());

        final long[] lastTradeId = new long[PRODUCERS];
        try (JournalReader reader = JournalReader.open(journal, JournalStream.INBOUND)) {
            final InboundEvent event = new InboundEvent(4);
            long count = 0;
            while (reader.next(event)) {
                assertEquals(count, reader.sequence(), "sequence i is message i");
                assertEquals(EventKind.TRADE, event.kind);
                assertEquals(lastTradeId[event.instrumentId] + 1, event.tradeId, "each producer's events in its order");
                lastTradeId[event.instrumentId] = event.tradeId;
                count++;
            }
            assertEquals(pipeline.inboundPublished(), count);
            assertEquals(JournalTail.CLEAN, reader.summarize().tail());
        }

        try (JournalReader reader = JournalReader.open(journal, JournalStream.OUTBOUND)) {
            final OrderCommand command = new OrderCommand();
            long count = 0;
            while (reader.next(command)) {
                assertEquals(count, reader.sequence());
                final long tradeId = command.clientOrderId / 10;
                assertEquals(tradeId % 20 == 0 ? RiskDecision.ACCEPTED : RiskDecision.BOOK_NOT_VALID, command.decision);
                assertEquals(command.clientOrderId % 10, command.instrumentId);
                assertTrue(command.causeSequence >= 0 && command.causeSequence < pipeline.inboundPublished());
                assertEquals(tradeId, command.causeReceiveTimeNs, "cause is the trade that made it");
                count++;
            }
            assertEquals(orders, count);
        }
    }
}
