package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;

/**
 * The same stages as a {@link Pipeline}, driven on the calling thread: replay and backtests feed it
 * events as fast as they can read them, and the result depends on nothing but the event sequence.
 *
 * <p>{@link #process} runs one event through journal, book, features, model, strategy, risk and router;
 * then hands every order command the router produced to the venue and the outbound journal; then runs
 * every event the venue published back (execution reports from the paper venue) through the chain the same
 * way, until nothing is left. Events the venue publishes get negative sequences, -1, -2, ..., so they
 * are told apart from journaled ones.
 *
 * <p>The outbound ring must have room for every command one event causes, directly or through the
 * execution reports it leads to; the router would otherwise wait on itself.
 *
 * <p>Single-threaded: one thread calls {@link #start}, {@link #process} and {@link #stop}. A stage's
 * exception is counted by the error handler and the chain goes on, as in the threaded pipeline.
 */
public final class FusedPipeline {
    private final InboundStage[] inboundStages;
    private final String[] inboundNames;
    // The chain again as one field per stage: each call site below sees one class and can be inlined,
    // where a loop over the array would be megamorphic.
    private final InboundStage journal;
    private final InboundStage book;
    private final InboundStage features;
    private final InboundStage model;
    private final InboundStage strategy;
    private final InboundStage risk;
    private final InboundStage router;
    private final OutboundStage[] outboundStages;
    private final String[] outboundNames;
    private final RingBuffer<OrderCommand> outboundRing;
    private final Sequence outboundConsumed = new Sequence();
    private final RingBuffer<InboundEvent> feedbackRing;
    private final Sequence feedbackConsumed = new Sequence();
    private final InboundPublisher feedbackPublisher;
    private final DistinctErrorHandler errors;
    private long generated;
    private long processed;

    FusedPipeline(
        final InboundStage[] inboundStages,
        final StageId[] inboundIds,
        final java.util.function.BiFunction<OrderCommandPublisher, InboundPublisher, ? extends RouterStage> router,
        final java.util.function.Function<InboundPublisher, ? extends VenueStage> venue,
        final OutboundStage outboundJournal,
        final int outboundRingSize,
        final int feedbackRingSize,
        final int levelsPerSlot,
        final DistinctErrorHandler errors) {
        this.errors = errors;
        outboundRing = RingBuffer.create(ProducerType.SINGLE, OrderCommand::new, outboundRingSize, new YieldingWaitStrategy());
        outboundRing.addGatingSequences(outboundConsumed);
        feedbackRing = RingBuffer.create(ProducerType.SINGLE, () -> new InboundEvent(levelsPerSlot), feedbackRingSize,
            new YieldingWaitStrategy());
        feedbackRing.addGatingSequences(feedbackConsumed);
        feedbackPublisher = new InboundPublisher(feedbackRing, errors);

        this.inboundStages = new InboundStage[inboundStages.length + 1];
        this.inboundNames = new String[inboundStages.length + 1];
        for (int i = 0; i < inboundStages.length; i++) {
            this.inboundStages[i] = inboundStages[i];
            this.inboundNames[i] = inboundIds[i].configName();
        }
        this.inboundStages[inboundStages.length] = router.apply(new OrderCommandPublisher(outboundRing), feedbackPublisher);
        this.inboundNames[inboundStages.length] = StageId.ROUTER.configName();
        if (this.inboundStages.length != 7) {
            throw new IllegalArgumentException("the fused chain is journal, book, features, model, strategy, risk, router");
        }
        this.journal = this.inboundStages[0];
        this.book = this.inboundStages[1];
        this.features = this.inboundStages[2];
        this.model = this.inboundStages[3];
        this.strategy = this.inboundStages[4];
        this.risk = this.inboundStages[5];
        this.router = this.inboundStages[6];
        this.outboundStages = new OutboundStage[] {venue.apply(feedbackPublisher), outboundJournal};
        this.outboundNames = new String[] {StageId.VENUE.configName(), StageId.OUTBOUND_JOURNAL.configName()};
    }

    /** Calls every stage's {@code onStart}. */
    public void start() {
        for (int i = 0; i < inboundStages.length; i++) {
            try {
                inboundStages[i].onStart();
            } catch (final Throwable t) {
                errors.onError(ErrorKind.STAGE, inboundNames[i] + ".onStart", t);
            }
        }
        for (int i = 0; i < outboundStages.length; i++) {
            try {
                outboundStages[i].onStart();
            } catch (final Throwable t) {
                errors.onError(ErrorKind.STAGE, outboundNames[i] + ".onStart", t);
            }
        }
    }

    /**
     * Runs one event, and everything it causes, through the stages.
     *
     * @param event    the event as the producer made it: reset, then filled (as a journal decoder or a
     *                 translator leaves it); its stage outputs must be clear.
     * @param sequence its inbound ring sequence (the journal index for a replay).
     */
    public void process(final InboundEvent event, final long sequence) {
        runInbound(event, sequence);
        drain();
    }

    /** Calls every stage's {@code onShutdown}. */
    public void stop() {
        for (int i = 0; i < inboundStages.length; i++) {
            try {
                inboundStages[i].onShutdown();
            } catch (final Throwable t) {
                errors.onError(ErrorKind.STAGE, inboundNames[i] + ".onShutdown", t);
            }
        }
        for (int i = 0; i < outboundStages.length; i++) {
            try {
                outboundStages[i].onShutdown();
            } catch (final Throwable t) {
                errors.onError(ErrorKind.STAGE, outboundNames[i] + ".onShutdown", t);
            }
        }
        feedbackPublisher.close();
    }

    /** Inbound events run so far, generated ones included. */
    public long processed() {
        return processed;
    }

    /** Events the venue published back (execution reports) so far. */
    public long generated() {
        return generated;
    }

    /** Order commands the router produced so far. */
    public long commands() {
        return outboundRing.getCursor() + 1;
    }

    private void runInbound(final InboundEvent event, final long sequence) {
        processed++;
        try {
            journal.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[0], t);
        }
        if (event.kind == EventKind.DISCARDED) {
            return;
        }
        try {
            book.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[1], t);
        }
        try {
            features.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[2], t);
        }
        try {
            model.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[3], t);
        }
        try {
            strategy.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[4], t);
        }
        try {
            risk.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[5], t);
        }
        try {
            router.onEvent(event, sequence, true);
        } catch (final Throwable t) {
            errors.onError(ErrorKind.STAGE, inboundNames[6], t);
        }
    }

    private void drain() {
        while (true) {
            final long next = outboundConsumed.get() + 1;
            if (next <= outboundRing.getCursor()) {
                final OrderCommand command = outboundRing.get(next);
                final boolean last = next == outboundRing.getCursor();
                for (int i = 0; i < outboundStages.length; i++) {
                    try {
                        outboundStages[i].onCommand(command, next, last);
                    } catch (final Throwable t) {
                        errors.onError(ErrorKind.STAGE, outboundNames[i], t);
                    }
                }
                outboundConsumed.set(next);
            } else if (feedbackConsumed.get() >= feedbackRing.getCursor()) {
                return;
            }
            // What came back (from the venue for this command, or from the router itself) runs before the
            // next command is sent; commands it causes join the end of the outbound ring.
            long nextEvent = feedbackConsumed.get() + 1;
            while (nextEvent <= feedbackRing.getCursor()) {
                generated++;
                runInbound(feedbackRing.get(nextEvent), -generated);
                feedbackConsumed.set(nextEvent);
                nextEvent++;
            }
        }
    }
}
