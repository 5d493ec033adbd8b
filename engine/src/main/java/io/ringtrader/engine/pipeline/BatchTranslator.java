package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.InboundEvent;

/**
 * Fills one slot of a multi-slot batch (a book update split across consecutive slots). Implement it as
 * a {@code static final} non-capturing lambda or a reused object: it is called on the producer's
 * thread, once per slot, on slots already reset with {@code batchIndex}/{@code batchLast} set.
 *
 * @param <A> the producer's source object (a decoder's staging area).
 */
@FunctionalInterface
public interface BatchTranslator<A> {
    void translateTo(InboundEvent event, long sequence, int index, int count, A source);
}
