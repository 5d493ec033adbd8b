package io.ringtrader.gateway.binance;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.pipeline.BatchTranslator;
import io.ringtrader.gateway.common.marketdata.EventSink;
import java.util.ArrayList;
import java.util.List;

/** Runs the real translators into fresh slots and keeps them, in publish order. For tests: allocates. */
public final class CapturingSink implements EventSink {
    private final int levelsPerSlot;
    private final List<InboundEvent> events = new ArrayList<>();
    private int failuresToInject;
    private long sequence;

    public CapturingSink(final int levelsPerSlot) {
        this.levelsPerSlot = levelsPerSlot;
    }

    @Override
    public <A> boolean publish(final EventTranslatorOneArg<InboundEvent, A> translator, final A arg) {
        if (failuresToInject > 0) {
            failuresToInject--;
            return false;
        }
        final InboundEvent event = new InboundEvent(levelsPerSlot);
        translator.translateTo(event, sequence++, arg);
        events.add(event);
        return true;
    }

    @Override
    public <A> boolean publishBatch(final int count, final BatchTranslator<A> translator, final A source) {
        if (failuresToInject > 0) {
            failuresToInject--;
            return false;
        }
        for (int i = 0; i < count; i++) {
            final InboundEvent event = new InboundEvent(levelsPerSlot);
            event.batchIndex = i;
            event.batchLast = i == count - 1;
            translator.translateTo(event, sequence++, i, count, source);
            events.add(event);
        }
        return true;
    }

    @Override
    public int levelsPerSlot() {
        return levelsPerSlot;
    }

    /** Makes the next {@code count} publish calls fail, as a full ring would. */
    public void failNext(final int count) {
        failuresToInject = count;
    }

    public List<InboundEvent> events() {
        return events;
    }

    /** The published slots of one kind. */
    public List<InboundEvent> events(final EventKind kind) {
        final List<InboundEvent> result = new ArrayList<>();
        for (final InboundEvent event : events) {
            if (event.kind == kind) {
                result.add(event);
            }
        }
        return result;
    }

    /** The last published slot. */
    public InboundEvent last() {
        return events.get(events.size() - 1);
    }

    public void clear() {
        events.clear();
    }
}
