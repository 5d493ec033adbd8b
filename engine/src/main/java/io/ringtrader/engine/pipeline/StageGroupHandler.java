package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.telemetry.StageLatencyRecorder;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Runs the stages fused on one thread, in chain order, for every event, and records each stage's
 * latency (clock after the stage minus the event's receive time) into that stage's recorder.
 *
 * <p>An exception from a stage is counted and logged once; that stage skips the event, the following
 * stages still see it, and the thread keeps running.
 *
 * @param <E> the ring's event type.
 * @param <S> the stage type.
 */
abstract class StageGroupHandler<E, S> implements EventHandler<E> {
    private final String threadName;
    private final S[] stages;
    private final String[] stageNames;
    private final StageLatencyRecorder[] recorders;
    private final EpochNanoClock clock;
    private final DistinctErrorHandler errors;
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    private volatile String startFailure;
    /** Set by the processor: this thread's progress, published after each event when {@link #reportsEachEvent}. */
    private com.lmax.disruptor.Sequence sequenceCallback;
    private final boolean reportsEachEvent;

    StageGroupHandler(
        final String threadName,
        final S[] stages,
        final String[] stageNames,
        final StageLatencyRecorder[] recorders,
        final EpochNanoClock clock,
        final DistinctErrorHandler errors,
        final boolean reportsEachEvent) {
        this.reportsEachEvent = reportsEachEvent;
        this.threadName = threadName;
        this.stages = stages;
        this.stageNames = stageNames;
        this.recorders = recorders;
        this.clock = clock;
        this.errors = errors;
    }

    abstract void invoke(S stage, E event, long sequence, boolean endOfBatch);

    abstract boolean skips(E event, int stageIndex);

    abstract long receiveTimeNs(E event);

    abstract void start(S stage);

    abstract void shutdown(S stage);

    @Override
    public final void onEvent(final E event, final long sequence, final boolean endOfBatch) {
        final long receiveTimeNs = receiveTimeNs(event);
        for (int i = 0; i < stages.length; i++) {
            if (skips(event, i)) {
                continue;
            }
            try {
                invoke(stages[i], event, sequence, endOfBatch);
            } catch (final Throwable t) {
                errors.onError(ErrorKind.STAGE, stageNames[i], t);
            }
            recorders[i].record(clock.nanoTime() - receiveTimeNs);
        }
        if (reportsEachEvent) {
            sequenceCallback.set(sequence);
        }
    }

    @Override
    public final void setSequenceCallback(final com.lmax.disruptor.Sequence sequence) {
        this.sequenceCallback = sequence;
    }

    @Override
    public final void onStart() {
        try {
            for (int i = 0; i < stages.length; i++) {
                try {
                    start(stages[i]);
                } catch (final Throwable t) {
                    errors.onError(ErrorKind.STAGE, stageNames[i] + ".onStart", t);
                    if (startFailure == null) {
                        startFailure = "stage " + stageNames[i] + " failed to start: " + t;
                    }
                }
            }
        } finally {
            started.countDown();
        }
    }

    /**
     * Waits until every stage of the group has run {@code onStart}.
     *
     * @return null when all started, else what failed (or that it timed out).
     */
    String awaitStarted(final long timeoutNs) throws InterruptedException {
        if (!started.await(timeoutNs, java.util.concurrent.TimeUnit.NANOSECONDS)) {
            return "thread " + threadName + " did not finish starting its stages in time";
        }
        return startFailure;
    }

    @Override
    public final void onShutdown() {
        for (int i = 0; i < stages.length; i++) {
            try {
                shutdown(stages[i]);
            } catch (final Throwable t) {
                errors.onError(ErrorKind.STAGE, stageNames[i] + ".onShutdown", t);
            }
        }
    }

    @Override
    public String toString() {
        return "StageGroupHandler{" + threadName + '}';
    }

    /** The inbound ring's stages. Discarded slots reach only the journal. */
    static final class Inbound extends StageGroupHandler<InboundEvent, InboundStage> {
        private final boolean[] seesDiscarded;

        Inbound(
            final String threadName,
            final InboundStage[] stages,
            final StageId[] ids,
            final StageLatencyRecorder[] recorders,
            final EpochNanoClock clock,
            final DistinctErrorHandler errors) {
            super(threadName, stages, names(ids), recorders, clock, errors, false);
            seesDiscarded = new boolean[ids.length];
            for (int i = 0; i < ids.length; i++) {
                seesDiscarded[i] = ids[i] == StageId.JOURNAL;
            }
        }

        @Override
        void invoke(final InboundStage stage, final InboundEvent event, final long sequence, final boolean endOfBatch) {
            stage.onEvent(event, sequence, endOfBatch);
        }

        @Override
        boolean skips(final InboundEvent event, final int stageIndex) {
            return event.kind == EventKind.DISCARDED && !seesDiscarded[stageIndex];
        }

        @Override
        long receiveTimeNs(final InboundEvent event) {
            return event.receiveTimeNs;
        }

        @Override
        void start(final InboundStage stage) {
            stage.onStart();
        }

        @Override
        void shutdown(final InboundStage stage) {
            stage.onShutdown();
        }
    }

    /** The outbound ring's stages; latency is measured from the causing inbound event's receive time. */
    static final class Outbound extends StageGroupHandler<OrderCommand, OutboundStage> {
        Outbound(
            final String threadName,
            final OutboundStage[] stages,
            final StageId[] ids,
            final StageLatencyRecorder[] recorders,
            final EpochNanoClock clock,
            final DistinctErrorHandler errors) {
            // Order commands are few and a venue may wait for this thread: it sees each one as soon as it is done,
            // not only at the end of a batch.
            super(threadName, stages, names(ids), recorders, clock, errors, true);
        }

        @Override
        void invoke(final OutboundStage stage, final OrderCommand command, final long sequence, final boolean endOfBatch) {
            stage.onCommand(command, sequence, endOfBatch);
        }

        @Override
        boolean skips(final OrderCommand command, final int stageIndex) {
            return false;
        }

        @Override
        long receiveTimeNs(final OrderCommand command) {
            return command.causeReceiveTimeNs;
        }

        @Override
        void start(final OutboundStage stage) {
            stage.onStart();
        }

        @Override
        void shutdown(final OutboundStage stage) {
            stage.onShutdown();
        }
    }

    private static String[] names(final StageId[] ids) {
        final String[] names = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            names[i] = ids[i].configName();
        }
        return names;
    }
}
