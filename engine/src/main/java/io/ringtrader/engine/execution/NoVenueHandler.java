package io.ringtrader.engine.execution;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.pipeline.VenueStage;

/**
 * The venue stage of a deployment with no venue to send to. An accepted command that arrives here is
 * never silently dropped: it is counted and reported through the error handler.
 */
public final class NoVenueHandler implements VenueStage {
    private final DistinctErrorHandler errors;
    private long unsent;

    public NoVenueHandler(final DistinctErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        if (command.decision == RiskDecision.ACCEPTED) {
            unsent++;
            errors.onProblem(ErrorKind.STAGE, "venue: no venue configured, accepted order command not sent");
        }
    }

    /** Accepted commands that could not be sent. */
    public long unsent() {
        return unsent;
    }
}
