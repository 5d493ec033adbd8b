package io.ringtrader.engine.gateway;

import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.pipeline.InboundProducer;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.VenueStage;
import java.util.List;

/**
 * One venue's gateway in one session, as {@link GatewayProvider#open} made it.
 *
 * <p>Threads: the session's assembling thread calls {@link #producer()} and {@link #orderEntry} once each while the
 * engine is built; the pipeline then starts and stops the producer; {@link #stopSummary} is called once, on the
 * session's thread, after the engine stopped.
 */
public interface Gateway {
    /** Publishes the venue's market data (and, with credentials, its user stream) onto the inbound ring. */
    InboundProducer producer();

    /**
     * The venue stage that sends this venue's accepted order commands (live trading only: called only when the
     * context said {@link GatewayContext#liveOrderEntry()}). It receives only commands of this venue; it must never
     * wait on the inbound ring (its execution reports go out from a thread that may wait, or are queued).
     *
     * @param publisher for execution reports.
     */
    VenueStage orderEntry(InboundPublisher publisher);

    /**
     * What the session does and reports for this venue at its stop, once the engine stopped (rings drained): a live
     * gateway takes {@code action} ({@code execution.onStop}) and says what is still open on the venue; the lines of
     * the stop summary (none when there is nothing to say). May block on the venue's answers.
     */
    List<String> stopSummary(OnStopAction action);
}
