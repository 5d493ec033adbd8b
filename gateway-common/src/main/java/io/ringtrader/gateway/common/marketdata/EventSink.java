package io.ringtrader.gateway.common.marketdata;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.BatchTranslator;

/**
 * Where a gateway's decoded events go: the inbound ring in production ({@link RingEventSink}); tests
 * capture them. Called on the gateway's IO thread (or the capture importer's thread) only.
 */
public interface EventSink {
    /** Publishes one event; false if it was not published (back-pressure, closed, translator failure). */
    <A> boolean publish(EventTranslatorOneArg<InboundEvent, A> translator, A arg);

    /** Publishes {@code count} consecutive slots atomically; false if nothing (usable) was published. */
    <A> boolean publishBatch(int count, BatchTranslator<A> translator, A source);

    /** Book levels per side one slot carries: how book updates are split into batches. */
    int levelsPerSlot();
}
