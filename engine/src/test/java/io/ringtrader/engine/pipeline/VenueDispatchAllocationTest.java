package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.AllocationMeter;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.execution.NoVenueHandler;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The venue thread's dispatch allocates nothing per command in steady state: commands to a venue's stage, and a new
 * order for a venue that is not enabled rejected back onto the inbound ring.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VenueDispatchAllocationTest {
    @Test
    void shouldNotAllocatePerCommandInSteadyState() {
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final Pipeline pipeline = Pipeline.builder().inboundRingSize(1 << 17).errorHandler(errors)
            .threads(List.of(
                StageThreadSpec.of("a-journal", WaitStrategyKind.SLEEPING, StageId.JOURNAL),
                StageThreadSpec.of("a-logic", WaitStrategyKind.SLEEPING, StageId.BOOK, StageId.FEATURES, StageId.MODEL,
                    StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
                StageThreadSpec.of("a-venue", WaitStrategyKind.SLEEPING, StageId.VENUE),
                StageThreadSpec.of("a-out-journal", WaitStrategyKind.SLEEPING, StageId.OUTBOUND_JOURNAL)))
            .build();
        pipeline.start();
        try {
            final long[] sent = new long[1];
            final NoVenueHandler fallback = new NoVenueHandler(errors, pipeline.inboundPublisher());
            final VenueDispatcher dispatcher = new VenueDispatcher(
                Map.of(Venue.BINANCE_USDM, (command, sequence, endOfBatch) -> sent[0]++), fallback);
            final OrderCommand binance = command(Venue.BINANCE_USDM, RiskDecision.ACCEPTED);
            final OrderCommand bitget = command(Venue.BITGET_USDT_FUTURES, RiskDecision.VENUE_NOT_ENABLED);

            final long bytes = AllocationMeter.steadyStateBytesAllocatedBy(() -> {
                dispatcher.onCommand(binance, 0, false);
                dispatcher.onCommand(binance, 1, false);
                dispatcher.onCommand(bitget, 2, true);
            });

            assertTrue(bytes < 1_024, "allocated " + bytes + " bytes for 20,000 rounds of 3 commands");
            assertEquals(sent[0], 2 * fallback.rejected(), "every reject published");
            assertEquals(0, errors.totalCount(), errors.distinctErrors()::toString);
        } finally {
            pipeline.stop();
        }
    }

    private static OrderCommand command(final Venue venue, final RiskDecision decision) {
        final OrderCommand command = new OrderCommand();
        command.action = OrderAction.NEW;
        command.decision = decision;
        command.instrumentId = 0;
        command.venueId = venue.id();
        command.clientOrderId = 1;
        command.side = OrderSide.BUY;
        command.qtyMantissa = 1;
        return command;
    }
}
