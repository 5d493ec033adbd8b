package io.ringtrader.engine.execution;

import static io.ringtrader.engine.Conditions.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live venue stage of commands whose venue has no stage: a new order for a venue that is not enabled goes back to
 * its strategy as a reject; the venue thread never waits on a full inbound ring (the reject waits in a queue).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NoVenueHandlerTest {
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.stop();
        }
    }

    @Test
    void shouldReportOnlyNewOrdersForAVenueThatIsNotEnabled() {
        pipeline = pipeline(16);
        final NoVenueHandler handler = new NoVenueHandler(errors, pipeline.inboundPublisher());

        handler.onCommand(command(RiskDecision.VENUE_NOT_ENABLED, OrderAction.NEW, 1), 0, true);
        handler.onCommand(command(RiskDecision.VENUE_NOT_ENABLED, OrderAction.CANCEL, 2), 1, true);
        handler.onCommand(command(RiskDecision.BOOK_NOT_VALID, OrderAction.NEW, 3), 2, true);

        assertEquals(1, handler.rejected(), "a cancel or another risk reject is not reported");
        assertEquals(1, pipeline.inboundPublished());
        assertEquals(0, handler.unsent());
    }

    @Test
    void shouldCountAndRejectAnAcceptedCommandNoVenueStageTakes() {
        pipeline = pipeline(16);
        final NoVenueHandler handler = new NoVenueHandler(errors, pipeline.inboundPublisher());

        handler.onCommand(command(RiskDecision.ACCEPTED, OrderAction.NEW, 1), 0, true);
        handler.onCommand(command(RiskDecision.ACCEPTED, OrderAction.NEW, 2), 1, true);

        assertEquals(2, handler.unsent());
        assertEquals(2, handler.rejected());
        assertEquals(1, errors.distinctErrors().size(), "reported once");
    }

    @Test
    void shouldQueueRejectsWhileTheInboundRingIsFullAndPublishThemWithALaterCommand() throws Exception {
        pipeline = pipeline(4);
        final NoVenueHandler handler = new NoVenueHandler(errors, pipeline.inboundPublisher());
        for (int i = 1; i <= 6; i++) {
            handler.onCommand(command(RiskDecision.VENUE_NOT_ENABLED, OrderAction.NEW, i), i, true);
        }
        assertEquals(4, pipeline.inboundPublished(), "the ring holds 4 until its stages run");
        assertEquals(4, handler.rejected());

        pipeline.start();
        awaitTrue(() -> pipeline.inboundPublisher().remainingCapacity() == 4, "the stages consumed the ring");
        handler.onCommand(command(RiskDecision.VENUE_NOT_ENABLED, OrderAction.NEW, 7), 7, true);

        assertEquals(7, handler.rejected(), "the two queued rejects, then the new one");
        assertEquals(7, pipeline.inboundPublished());
        assertEquals(0, errors.totalCount(), errors.distinctErrors()::toString);
    }

    private Pipeline pipeline(final int inboundSlots) {
        return Pipeline.builder()
            .inboundRingSize(inboundSlots)
            .errorHandler(errors)
            .threads(List.of(
                StageThreadSpec.of("t-journal", WaitStrategyKind.SLEEPING, StageId.JOURNAL),
                StageThreadSpec.of("t-logic", WaitStrategyKind.SLEEPING, StageId.BOOK, StageId.FEATURES, StageId.MODEL,
                    StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
                StageThreadSpec.of("t-venue", WaitStrategyKind.SLEEPING, StageId.VENUE),
                StageThreadSpec.of("t-out-journal", WaitStrategyKind.SLEEPING, StageId.OUTBOUND_JOURNAL)))
            .build();
    }

    private static OrderCommand command(final RiskDecision decision, final OrderAction action, final long clientOrderId) {
        final OrderCommand command = new OrderCommand();
        command.action = action;
        command.decision = decision;
        command.instrumentId = 0;
        command.venueId = Venue.BITGET_USDT_FUTURES.id();
        command.clientOrderId = clientOrderId;
        command.side = OrderSide.BUY;
        command.qtyMantissa = 1;
        command.causeReceiveTimeNs = 1_000 + clientOrderId;
        return command;
    }
}
