package io.ringtrader.engine.execution;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.RouterStage;
import io.ringtrader.engine.routing.IntentRouter;

/**
 * The router stage of a paper session: routes every decided intent like the live router (so the outbound
 * journal holds the same commands), and hands accepted ones to the {@link PaperExchange} on this same
 * thread, where the market events are seen in ring order too. The exchange's execution reports go back
 * onto the inbound ring as events, and so does a {@code REJECT} (code {@link PaperExchange#REJECT_RISK}) for
 * every new order the risk stage rejected, as a venue would report an order it refused.
 *
 * <p>The router consumes the inbound ring, so it never waits on it: a report that finds the ring full
 * is queued (in order) and published on a later event; a timer tick always comes. Only if that queue
 * itself fills is a report lost, counted and logged.
 *
 * <p>Runs on the router stage's thread only.
 */
public final class PaperTradingRouter implements RouterStage, PaperExchange.Reports {
    /** Reports queued while the inbound ring is full. */
    static final int PENDING_CAPACITY = 4_096;

    private final IntentRouter router;
    private final PaperExchange exchange;
    private final DistinctErrorHandler errors;
    private final ExecutionReportQueue pending;
    private final int[] venueIds;
    /** By instrument id: whether its venue's orders are filled here (its execution mode is paper). */
    private final boolean[] paper;
    private long causeReceiveNs;

    /**
     * Reports carry the causing event's times (exchange time, {@code NONE} when it had none, and receive time), not a
     * clock reading, so a replay produces them identically.
     */
    public PaperTradingRouter(
        final IntentRouter router,
        final PaperExchange exchange,
        final InboundPublisher publisher,
        final InstrumentRegistry instruments,
        final DistinctErrorHandler errors) {
        this(router, exchange, publisher, instruments, errors, java.util.EnumSet.allOf(io.ringtrader.engine.instrument.Venue.class));
    }

    /**
     * @param paperVenues the venues whose orders are filled here; the others' commands are only routed (their gateway's
     *                    order entry sends them live).
     */
    public PaperTradingRouter(
        final IntentRouter router,
        final PaperExchange exchange,
        final InboundPublisher publisher,
        final InstrumentRegistry instruments,
        final DistinctErrorHandler errors,
        final java.util.Set<io.ringtrader.engine.instrument.Venue> paperVenues) {
        this.router = router;
        this.exchange = exchange;
        this.errors = errors;
        this.pending = new ExecutionReportQueue(PENDING_CAPACITY, publisher, errors, "paper venue");
        this.venueIds = new int[instruments.count()];
        this.paper = new boolean[instruments.count()];
        for (int id = 0; id < venueIds.length; id++) {
            venueIds[id] = instruments.byId(id).venue().id();
            paper[id] = paperVenues.contains(instruments.byId(id).venue());
        }
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        pending.flush();
        causeReceiveNs = event.receiveTimeNs;
        exchange.onMarketEvent(event, this);
        router.onEvent(event, sequence, endOfBatch);
        for (int i = 0; i < event.intentCount; i++) {
            final OrderIntent intent = event.intents[i];
            if (intent.instrumentId >= 0 && intent.instrumentId < paper.length && !paper[intent.instrumentId]) {
                continue;
            }
            if (intent.decision == RiskDecision.ACCEPTED) {
                exchange.onOrder(intent, event, this);
            } else if (intent.decision != RiskDecision.PENDING && intent.action == OrderAction.NEW) {
                report(ExecType.REJECT, intent.instrumentId, intent.clientOrderId, InboundEvent.NONE, intent.side,
                    intent.priceMantissa, intent.qtyMantissa, InboundEvent.NONE, 0, 0, 0, 0, false,
                    PaperExchange.REJECT_RISK, event.exchangeTimeNs);
            }
        }
        pending.flush();
    }

    @Override
    public void onShutdown() {
        if (pending.size() > 0) {
            errors.onProblem(ErrorKind.STAGE, "paper venue: execution reports still queued at shutdown were not published");
        }
    }

    /** Reports waiting for room on the inbound ring. */
    public int pendingReports() {
        return pending.size();
    }

    /** The simulated venue, for positions and PnL. */
    public PaperExchange exchange() {
        return exchange;
    }

    @Override
    public void report(final ExecType type, final int instrumentId, final long clientOrderId, final long venueOrderId,
        final OrderSide side, final long orderPrice, final long orderQty, final long fillPrice, final long fillQty,
        final long cumQty, final long leavesQty, final long fee, final boolean maker, final int rejectCode, final long timeNs) {
        final int venueId = instrumentId >= 0 && instrumentId < venueIds.length ? venueIds[instrumentId] : 0;
        pending.add(type, instrumentId, venueId, clientOrderId, venueOrderId, side, orderPrice, orderQty, fillPrice, fillQty,
            cumQty, leavesQty, fee, maker, rejectCode, timeNs, causeReceiveNs);
    }
}
