package io.ringtrader.engine.execution;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.PublishResult;
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

    private static final EventTranslatorOneArg<InboundEvent, PaperTradingRouter> REPORT =
        (event, sequence, router) -> router.fillPending(event);

    private final IntentRouter router;
    private final PaperExchange exchange;
    private final InboundPublisher publisher;
    private final DistinctErrorHandler errors;
    private final int[] venueIds;

    private final ExecType[] type = new ExecType[PENDING_CAPACITY];
    private final int[] instrumentId = new int[PENDING_CAPACITY];
    private final long[] clientOrderId = new long[PENDING_CAPACITY];
    private final long[] venueOrderId = new long[PENDING_CAPACITY];
    private final OrderSide[] side = new OrderSide[PENDING_CAPACITY];
    private final long[] orderPrice = new long[PENDING_CAPACITY];
    private final long[] orderQty = new long[PENDING_CAPACITY];
    private final long[] fillPrice = new long[PENDING_CAPACITY];
    private final long[] fillQty = new long[PENDING_CAPACITY];
    private final long[] cumQty = new long[PENDING_CAPACITY];
    private final long[] leavesQty = new long[PENDING_CAPACITY];
    private final long[] fee = new long[PENDING_CAPACITY];
    private final boolean[] maker = new boolean[PENDING_CAPACITY];
    private final int[] rejectCode = new int[PENDING_CAPACITY];
    private final long[] timeNs = new long[PENDING_CAPACITY];
    private final long[] receiveNs = new long[PENDING_CAPACITY];
    private long causeReceiveNs;
    private int head;
    private int size;

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
        this.router = router;
        this.exchange = exchange;
        this.publisher = publisher;
        this.errors = errors;
        this.venueIds = new int[instruments.count()];
        for (int id = 0; id < venueIds.length; id++) {
            venueIds[id] = instruments.byId(id).venue().id();
        }
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        flush();
        causeReceiveNs = event.receiveTimeNs;
        exchange.onMarketEvent(event, this);
        router.onEvent(event, sequence, endOfBatch);
        for (int i = 0; i < event.intentCount; i++) {
            final OrderIntent intent = event.intents[i];
            if (intent.decision == RiskDecision.ACCEPTED) {
                exchange.onOrder(intent, event, this);
            } else if (intent.decision != RiskDecision.PENDING && intent.action == OrderAction.NEW) {
                report(ExecType.REJECT, intent.instrumentId, intent.clientOrderId, InboundEvent.NONE, intent.side,
                    intent.priceMantissa, intent.qtyMantissa, InboundEvent.NONE, 0, 0, 0, 0, false,
                    PaperExchange.REJECT_RISK, event.exchangeTimeNs);
            }
        }
        flush();
    }

    @Override
    public void onShutdown() {
        if (size > 0) {
            errors.onProblem(ErrorKind.STAGE, "paper venue: execution reports still queued at shutdown were not published");
        }
    }

    /** Reports waiting for room on the inbound ring. */
    public int pendingReports() {
        return size;
    }

    /** The simulated venue, for positions and PnL. */
    public PaperExchange exchange() {
        return exchange;
    }

    @Override
    public void report(final ExecType type, final int instrumentId, final long clientOrderId, final long venueOrderId,
        final OrderSide side, final long orderPrice, final long orderQty, final long fillPrice, final long fillQty,
        final long cumQty, final long leavesQty, final long fee, final boolean maker, final int rejectCode, final long timeNs) {
        if (size == PENDING_CAPACITY) {
            errors.onProblem(ErrorKind.RING_FULL, "paper venue: report queue full, execution report lost");
            return;
        }
        final int slot = (head + size) % PENDING_CAPACITY;
        this.type[slot] = type;
        this.instrumentId[slot] = instrumentId;
        this.clientOrderId[slot] = clientOrderId;
        this.venueOrderId[slot] = venueOrderId;
        this.side[slot] = side;
        this.orderPrice[slot] = orderPrice;
        this.orderQty[slot] = orderQty;
        this.fillPrice[slot] = fillPrice;
        this.fillQty[slot] = fillQty;
        this.cumQty[slot] = cumQty;
        this.leavesQty[slot] = leavesQty;
        this.fee[slot] = fee;
        this.maker[slot] = maker;
        this.rejectCode[slot] = rejectCode;
        this.timeNs[slot] = timeNs;
        this.receiveNs[slot] = causeReceiveNs;
        size++;
    }

    private void flush() {
        while (size > 0) {
            final PublishResult result = publisher.tryPublishOrDefer(REPORT, this);
            if (result == PublishResult.BACK_PRESSURED) {
                return;
            }
            if (result != PublishResult.PUBLISHED) {
                errors.onProblem(ErrorKind.STAGE, "paper venue: execution report not published (pipeline closing)");
            }
            head = (head + 1) % PENDING_CAPACITY;
            size--;
        }
    }

    private void fillPending(final InboundEvent event) {
        final int slot = head;
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = instrumentId[slot];
        event.venueId = instrumentId[slot] >= 0 && instrumentId[slot] < venueIds.length ? venueIds[instrumentId[slot]] : 0;
        event.exchangeTimeNs = timeNs[slot];
        event.receiveTimeNs = receiveNs[slot];
        event.execType = type[slot];
        event.clientOrderId = clientOrderId[slot];
        event.venueOrderId = venueOrderId[slot];
        event.execSide = side[slot];
        event.execPrice = orderPrice[slot];
        event.execQty = orderQty[slot];
        event.lastFillPrice = fillPrice[slot];
        event.lastFillQty = fillQty[slot];
        event.cumFillQty = cumQty[slot];
        event.leavesQty = leavesQty[slot];
        event.execFee = fee[slot];
        event.execMaker = maker[slot];
        event.rejectCode = rejectCode[slot];
    }
}
