package io.ringtrader.engine.routing;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.OrderCommandPublisher;
import io.ringtrader.engine.pipeline.PublishResult;
import io.ringtrader.engine.pipeline.RouterStage;

/**
 * The router stage: every decided intent becomes an order command on the outbound ring, addressed to
 * its instrument's venue. Rejected intents go out too, carrying their reason, so the outbound journal
 * holds every decision; the venue stage sends only accepted ones. An intent the risk stage did not
 * decide is a wiring bug: it is counted and not routed.
 *
 * <p>Runs on the router stage's thread only (the outbound ring's single producer).
 */
public final class IntentRouter implements RouterStage {
    private final InstrumentRegistry instruments;
    private final OrderCommandPublisher publisher;
    private final DistinctErrorHandler errors;
    private long routed;

    public IntentRouter(final InstrumentRegistry instruments, final OrderCommandPublisher publisher, final DistinctErrorHandler errors) {
        this.instruments = instruments;
        this.publisher = publisher;
        this.errors = errors;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        for (int i = 0; i < event.intentCount; i++) {
            final OrderIntent intent = event.intents[i];
            if (intent.decision == RiskDecision.PENDING) {
                errors.onProblem(ErrorKind.STAGE, "router: intent without a risk decision not routed");
                continue;
            }
            final int instrumentId = intent.instrumentId;
            final int venueId = instrumentId >= 0 && instrumentId < instruments.count()
                ? instruments.byId(instrumentId).venue().id() : 0;
            if (publisher.publish(intent, venueId, event, sequence) == PublishResult.PUBLISHED) {
                routed++;
            } else {
                errors.onProblem(ErrorKind.STAGE, "router: outbound ring closed, order command not routed");
            }
        }
    }

    /** Commands published so far (router thread, or after stop). */
    public long routed() {
        return routed;
    }
}
