package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.OrderCommand;

/**
 * A stage of the outbound ring (order commands). Same threading contract as {@link InboundStage}.
 */
public interface OutboundStage {
    /**
     * Handles one order command.
     *
     * @param command    the slot; valid only during this call.
     * @param sequence   the outbound ring sequence.
     * @param endOfBatch true on the last command currently available.
     */
    void onCommand(OrderCommand command, long sequence, boolean endOfBatch);

    /** Called once on the stage's thread before the first command. */
    default void onStart() {
    }

    /** Called once on the stage's thread after the last command, when the pipeline stops. */
    default void onShutdown() {
    }
}
