package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InboundPublisherTest {
    private static final BatchTranslator<int[]> LEVELS = (event, sequence, index, count, source) -> {
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = source[0];
        event.lastUpdateId = source[1];
        event.addBid(1_000 - index, count);
    };

    @Test
    void shouldPublishEachBatchOnConsecutiveSlotsDespiteConcurrentProducers() throws Exception {
        final List<long[]> seen = new ArrayList<>();
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(256)
            .journal((event, sequence, endOfBatch) -> seen.add(new long[] {
                event.instrumentId, event.lastUpdateId, event.batchIndex, event.batchLast ? 1 : 0, event.bidQtys[0]}))
            .build();
        pipeline.start();
        final Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++) {
            final int producer = p;
            producers[p] = new Thread(() -> {
                for (int batch = 0; batch < 500; batch++) {
                    final int size = 1 + batch % 7;
                    while (pipeline.inboundPublisher().tryPublishBatch(size, LEVELS, new int[] {producer, batch})
                        == PublishResult.BACK_PRESSURED) {
                        Thread.yield();
                    }
                }
            });
            producers[p].start();
        }
        for (final Thread producer : producers) {
            producer.join();
        }
        assertTrue(pipeline.stop().clean());

        int i = 0;
        int batches = 0;
        while (i < seen.size()) {
            final long[] first = seen.get(i);
            final long size = first[4];
            for (int k = 0; k < size; k++) {
                final long[] slot = seen.get(i + k);
                assertEquals(first[0], slot[0], "same producer throughout the batch");
                assertEquals(first[1], slot[1], "same batch throughout");
                assertEquals(k, slot[2], "batch index");
                assertEquals(k == size - 1 ? 1 : 0, slot[3], "last flag only on the last slot");
            }
            i += (int)size;
            batches++;
        }
        assertEquals(1_000, batches);
    }

    @Test
    void shouldPublishADiscardedSlotThatOnlyTheJournalSeesWhenATranslatorThrows() {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final List<EventKind> journal = new ArrayList<>();
        final List<EventKind> book = new ArrayList<>();
        final EventTranslatorOneArg<InboundEvent, String> failing = (event, sequence, arg) -> {
            event.kind = EventKind.TRADE;
            throw new IllegalStateException(arg);
        };
        final EventTranslatorOneArg<InboundEvent, String> timer = (event, sequence, arg) -> event.kind = EventKind.TIMER;
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(64)
            .errorHandler(errors)
            .journal((event, sequence, endOfBatch) -> journal.add(event.kind))
            .book((event, sequence, endOfBatch) -> book.add(event.kind))
            .build();
        pipeline.start();
        assertEquals(PublishResult.FAILED, pipeline.inboundPublisher().tryPublish(failing, "decoder bug"));
        assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().tryPublish(timer, null));
        assertTrue(pipeline.stop().clean());

        assertEquals(List.of(EventKind.DISCARDED, EventKind.TIMER), journal);
        assertEquals(List.of(EventKind.TIMER), book);
        assertEquals(1, errors.count(ErrorKind.PRODUCER));
    }

    @Test
    void shouldReportBackPressureInsteadOfBlockingWhenTheRingIsFull() throws Exception {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final EventTranslatorOneArg<InboundEvent, String> timer = (event, sequence, arg) -> event.kind = EventKind.TIMER;
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(64)
            .errorHandler(errors)
            .book((event, sequence, endOfBatch) -> {
                try {
                    release.await();
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })
            .build();
        pipeline.start();
        int published = 0;
        while (pipeline.inboundPublisher().tryPublish(timer, null) == PublishResult.PUBLISHED) {
            published++;
        }
        release.countDown();
        assertTrue(pipeline.stop().clean());
        assertTrue(published >= 64 && published <= 65, "published " + published);
        assertEquals(1, errors.count(ErrorKind.RING_FULL));
    }
}
