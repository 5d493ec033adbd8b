package io.ringtrader.gateway.binance;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.BatchTranslator;
import io.ringtrader.gateway.common.marketdata.EventSink;

/** Runs the real translators into one reused slot: a ring of one, without the Disruptor. For allocation tests. */
public final class ReusedSlotSink implements EventSink {
    private final InboundEvent slot;
    private final int levelsPerSlot;

    public ReusedSlotSink(final int levelsPerSlot) {
        this.levelsPerSlot = levelsPerSlot;
        this.slot = new InboundEvent(levelsPerSlot);
    }

    @Override
    public <A> boolean publish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        slot.reset();
        translator.translateTo(slot, 0, arg);
        return true;
    }

    @Override
    public <A> boolean publishBatch(final int count, final BatchTranslator<A> translator, final A source) {
        for (int i = 0; i < count; i++) {
            slot.reset();
            slot.batchIndex = i;
            slot.batchLast = i == count - 1;
            translator.translateTo(slot, i, i, count, source);
        }
        return true;
    }

    @Override
    public int levelsPerSlot() {
        return levelsPerSlot;
    }
}
