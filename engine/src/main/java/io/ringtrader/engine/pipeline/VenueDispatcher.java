package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.instrument.Venue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The outbound ring's venue stage when venues have stages of their own (each enabled venue's order entry): it hands
 * each order command to the stage of the command's venue ({@link OrderCommand#venueId}) and a command of any other
 * venue to the fallback stage (the engine's {@code NoVenueHandler}, which tells the strategy its venue is not enabled).
 * With {@code journal.gateOrders} the dispatcher itself runs behind the gate ({@link GatedVenue}), so each venue's stage
 * gets only journaled commands.
 *
 * <p>Each stage gets the commands of its venue, rejected ones included, in ring order; {@code endOfBatch} is passed on
 * as the ring gave it, so a stage must not rely on it to flush (the batch may end on another venue's command).
 * {@link #onStart()} and {@link #onShutdown()} reach every stage once. Venue stage thread only; allocation-free per
 * command (an array lookup).
 */
final class VenueDispatcher implements VenueStage {
    private final VenueStage[] byVenueId;
    private final VenueStage fallback;
    private final List<VenueStage> stages;

    /**
     * @param stages   each venue's own stage.
     * @param fallback for commands of every venue without one.
     */
    VenueDispatcher(final Map<Venue, VenueStage> stages, final VenueStage fallback) {
        int maxId = 0;
        for (final Venue venue : Venue.values()) {
            maxId = Math.max(maxId, venue.id());
        }
        this.byVenueId = new VenueStage[maxId + 1];
        Arrays.fill(byVenueId, fallback);
        final List<VenueStage> all = new ArrayList<>();
        for (final Map.Entry<Venue, VenueStage> entry : stages.entrySet()) {
            byVenueId[entry.getKey().id()] = entry.getValue();
            all.add(entry.getValue());
        }
        all.add(fallback);
        this.fallback = fallback;
        this.stages = List.copyOf(all);
    }

    @Override
    public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        final int venueId = command.venueId;
        final VenueStage stage = venueId >= 0 && venueId < byVenueId.length ? byVenueId[venueId] : fallback;
        stage.onCommand(command, sequence, endOfBatch);
    }

    @Override
    public void onStart() {
        for (final VenueStage stage : stages) {
            stage.onStart();
        }
    }

    @Override
    public void onShutdown() {
        for (final VenueStage stage : stages) {
            stage.onShutdown();
        }
    }

    /** The stage that gets commands of {@code venue}. */
    VenueStage stageOf(final Venue venue) {
        return byVenueId[venue.id()];
    }

    @Override
    public String toString() {
        return "VenueDispatcher" + stages;
    }
}
