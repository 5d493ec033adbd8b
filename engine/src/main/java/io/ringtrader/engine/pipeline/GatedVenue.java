package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;

/**
 * The venue stage behind the journal gate ({@code journal.gateOrders}): it runs after the outbound journal on the
 * outbound ring (its barrier waits for that stage's sequence) and hands the venue only commands the journal stages
 * marked {@link OrderCommand#journaled}: those that are in the journal with the event that caused them. Any other
 * accepted command is not sent (rejected ones are handed on: a venue sends none of them), counted ({@link JournalProgress#commandsNotSent()}) and reported once. Venue stage thread only.
 */
final class GatedVenue implements VenueStage {
    private final VenueStage venue;
    private final JournalProgress progress;
    private final DistinctErrorHandler errors;

    GatedVenue(final VenueStage venue, final JournalProgress progress, final DistinctErrorHandler errors) {
        this.venue = venue;
        this.progress = progress;
        this.errors = errors;
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        if (command.journaled || command.decision != RiskDecision.ACCEPTED) {
            venue.onCommand(command, sequence, endOfBatch);
            return;
        }
        progress.commandNotSent();
        errors.onProblem(ErrorKind.JOURNAL, "venue: an order command that is not in the journal was not sent"
            + " (journal.gateOrders); further ones are only counted");
    }

    @Override
    public void onStart() {
        venue.onStart();
    }

    @Override
    public void onShutdown() {
        venue.onShutdown();
    }

    /** The venue stage behind the gate. */
    VenueStage venue() {
        return venue;
    }

    @Override
    public String toString() {
        return "Gated" + venue;
    }
}
