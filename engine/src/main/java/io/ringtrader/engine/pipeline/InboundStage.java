package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.InboundEvent;

/**
 * A stage of the inbound ring. Called only on the thread the pipeline assigns it (one thread per stage
 * group); never concurrently with itself.
 *
 * <p>An implementation must not block, sleep, read the wall clock or allocate per event; it writes only
 * the event fields its role owns (see {@link InboundEvent}). An exception is counted and logged once by
 * the pipeline's error handler and the event is skipped by this stage only; it is a bug, never a way to
 * report an expected outcome.
 */
public interface InboundStage {
    /**
     * Handles one event.
     *
     * @param event      the slot; valid only during this call.
     * @param sequence   the inbound ring sequence: the system-wide order of events.
     * @param endOfBatch true on the last event currently available: flush buffered I/O here.
     */
    void onEvent(InboundEvent event, long sequence, boolean endOfBatch);

    /** Called once on the stage's thread before the first event. */
    default void onStart() {
    }

    /** Called once on the stage's thread after the last event, when the pipeline stops. */
    default void onShutdown() {
    }
}
