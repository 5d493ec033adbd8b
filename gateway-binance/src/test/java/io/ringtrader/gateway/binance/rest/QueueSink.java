package io.ringtrader.gateway.binance.rest;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.BatchTranslator;
import io.ringtrader.gateway.common.marketdata.EventSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A thread-safe capturing sink for tests whose events are published from REST threads. Allocates. */
final class QueueSink implements EventSink {
    private final BlockingQueue<InboundEvent> events = new LinkedBlockingQueue<>();

    @Override
    public synchronized <A> boolean publish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        final InboundEvent event = new InboundEvent(4);
        translator.translateTo(event, 0, arg);
        events.add(event);
        return true;
    }

    @Override
    public <A> boolean publishBatch(final int count, final BatchTranslator<A> translator, final A source) {
        throw new UnsupportedOperationException("no batches expected");
    }

    @Override
    public int levelsPerSlot() {
        return 4;
    }

    /** The next event, waiting up to 5 seconds; fails the test if none. */
    InboundEvent next() throws InterruptedException {
        final InboundEvent event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event published within 5 s");
        }
        return event;
    }

    int size() {
        return events.size();
    }
}
