package io.ringtrader.engine.execution;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.VenueStage;

/**
 * The venue stage of live commands whose venue has no stage of its own: a venue that is not enabled (the risk stage
 * decided {@link RiskDecision#VENUE_NOT_ENABLED}), or, as a wiring bug, an accepted command no venue stage takes. Such
 * a command is never silently dropped: a new order is rejected back to its strategy with an {@link ExecType#REJECT}
 * execution report carrying {@link RejectCodes#VENUE_NOT_ENABLED} (so it need not wait for a timeout), and an accepted
 * command is also counted ({@link #unsent()}) and reported once through the error handler. Other rejected commands
 * pass without a word: the risk stage has counted them.
 *
 * <p>The report carries the command's cause times (journaled values), and, live, goes into the journal like any venue's
 * report; a replay feeds the journaled one back and runs no venue stage, so it is never produced twice.
 *
 * <p>Runs on the venue stage's thread, which must never wait on the inbound ring: a report that finds the ring full is
 * queued (in order, up to {@value #PENDING_CAPACITY}) and published with a later command. Allocation-free per command.
 */
public final class NoVenueHandler implements VenueStage {
    /** Reports queued while the inbound ring is full. */
    static final int PENDING_CAPACITY = 256;

    private final DistinctErrorHandler errors;
    /** By venue id: filled on paper, nothing to do here. */
    private final boolean[] paper;
    private final ExecutionReportQueue pending;
    private long unsent;

    /** Counts and reports accepted commands only; publishes nothing (no inbound ring to report to). */
    public NoVenueHandler(final DistinctErrorHandler errors) {
        this(errors, null);
    }

    /**
     * @param publisher the inbound ring, for the rejects; null to report nothing back.
     */
    public NoVenueHandler(final DistinctErrorHandler errors, final InboundPublisher publisher) {
        this(errors, publisher, java.util.Set.of());
    }

    /**
     * @param publisher   the inbound ring, for the rejects; null to report nothing back.
     * @param paperVenues venues whose orders the paper venue fills on the router's thread: their commands need no stage
     *                    here and pass without a word.
     */
    public NoVenueHandler(final DistinctErrorHandler errors, final InboundPublisher publisher,
        final java.util.Set<io.ringtrader.engine.instrument.Venue> paperVenues) {
        this.errors = errors;
        this.pending = publisher == null ? null : new ExecutionReportQueue(PENDING_CAPACITY, publisher, errors, "venue");
        int maxId = 0;
        for (final io.ringtrader.engine.instrument.Venue venue : io.ringtrader.engine.instrument.Venue.values()) {
            maxId = Math.max(maxId, venue.id());
        }
        this.paper = new boolean[maxId + 1];
        for (final io.ringtrader.engine.instrument.Venue venue : paperVenues) {
            paper[venue.id()] = true;
        }
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        if (pending != null) {
            pending.flush();
        }
        if (command.venueId >= 0 && command.venueId < paper.length && paper[command.venueId]) {
            return;
        }
        final boolean accepted = command.decision == RiskDecision.ACCEPTED;
        if (accepted) {
            unsent++;
            errors.onProblem(ErrorKind.STAGE, "venue: no venue stage for the command's venue, accepted order command not "
                + "sent (rejected back to the strategy)");
        }
        if ((accepted || command.decision == RiskDecision.VENUE_NOT_ENABLED) && command.action == OrderAction.NEW
            && pending != null) {
            final long exchangeTimeNs = command.causeExchangeTimeNs != InboundEvent.NONE ? command.causeExchangeTimeNs
                : command.causeReceiveTimeNs;
            pending.add(ExecType.REJECT, command.instrumentId, command.venueId, command.clientOrderId, InboundEvent.NONE,
                command.side, command.priceMantissa, command.qtyMantissa, InboundEvent.NONE, 0, 0, 0, 0, false,
                RejectCodes.VENUE_NOT_ENABLED, exchangeTimeNs, command.causeReceiveTimeNs);
            pending.flush();
        }
    }

    @Override
    public void onShutdown() {
        if (pending != null) {
            pending.flush();
            if (pending.size() > 0) {
                errors.onProblem(ErrorKind.STAGE, "venue: " + pending.size() + " rejects of commands for venues that are "
                    + "not enabled were still queued at shutdown and not published");
            }
        }
    }

    /** Accepted commands that could not be sent. */
    public long unsent() {
        return unsent;
    }

    /** Rejects published back to strategies. */
    public long rejected() {
        return pending == null ? 0 : pending.published();
    }
}
