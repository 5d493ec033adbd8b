package io.ringtrader.engine.execution;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.pipeline.InboundPublisher;
import io.ringtrader.engine.pipeline.PublishResult;

/**
 * Execution reports on their way onto the inbound ring from a stage that must never wait on it (the paper venue on
 * the router thread, the engine's venue stage of venues that are not enabled): {@link #add} queues a report in order,
 * {@link #flush()} publishes as many as the ring has room for and keeps the rest for the next call. Only when the queue
 * itself is full is a report lost, counted and reported once.
 *
 * <p>One thread: the stage's. Pre-allocated; allocation-free.
 */
public final class ExecutionReportQueue {
    private static final EventTranslatorOneArg<InboundEvent, ExecutionReportQueue> REPORT =
        (event, sequence, queue) -> queue.fillHead(event);

    private final int capacity;
    private final InboundPublisher publisher;
    private final DistinctErrorHandler errors;
    private final String lostProblem;
    private final String closedProblem;
    private final ExecType[] type;
    private final int[] instrumentId;
    private final int[] venueId;
    private final long[] clientOrderId;
    private final long[] venueOrderId;
    private final OrderSide[] side;
    private final long[] orderPrice;
    private final long[] orderQty;
    private final long[] fillPrice;
    private final long[] fillQty;
    private final long[] cumQty;
    private final long[] leavesQty;
    private final long[] fee;
    private final boolean[] maker;
    private final int[] rejectCode;
    private final long[] exchangeTimeNs;
    private final long[] receiveTimeNs;
    private int head;
    private int size;
    private long published;

    /**
     * @param capacity  reports it holds while the ring is full.
     * @param publisher the inbound ring.
     * @param owner     who reports, for the problems ({@code paper venue}).
     */
    public ExecutionReportQueue(final int capacity, final InboundPublisher publisher, final DistinctErrorHandler errors,
        final String owner) {
        this.capacity = capacity;
        this.publisher = publisher;
        this.errors = errors;
        this.lostProblem = owner + ": report queue full, execution report lost";
        this.closedProblem = owner + ": execution report not published (pipeline closing)";
        type = new ExecType[capacity];
        instrumentId = new int[capacity];
        venueId = new int[capacity];
        clientOrderId = new long[capacity];
        venueOrderId = new long[capacity];
        side = new OrderSide[capacity];
        orderPrice = new long[capacity];
        orderQty = new long[capacity];
        fillPrice = new long[capacity];
        fillQty = new long[capacity];
        cumQty = new long[capacity];
        leavesQty = new long[capacity];
        fee = new long[capacity];
        maker = new boolean[capacity];
        rejectCode = new int[capacity];
        exchangeTimeNs = new long[capacity];
        receiveTimeNs = new long[capacity];
    }

    /**
     * Queues one report (the fields of {@link InboundEvent}'s execution report); {@link #flush()} publishes it.
     *
     * @return false when the queue was full and the report was lost (counted, reported once).
     */
    public boolean add(final ExecType type, final int instrumentId, final int venueId, final long clientOrderId,
        final long venueOrderId, final OrderSide side, final long orderPrice, final long orderQty, final long fillPrice,
        final long fillQty, final long cumQty, final long leavesQty, final long fee, final boolean maker,
        final int rejectCode, final long exchangeTimeNs, final long receiveTimeNs) {
        if (size == capacity) {
            errors.onProblem(ErrorKind.RING_FULL, lostProblem);
            return false;
        }
        final int slot = (head + size) % capacity;
        this.type[slot] = type;
        this.instrumentId[slot] = instrumentId;
        this.venueId[slot] = venueId;
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
        this.exchangeTimeNs[slot] = exchangeTimeNs;
        this.receiveTimeNs[slot] = receiveTimeNs;
        size++;
        return true;
    }

    /** Publishes queued reports in order until the ring is full or none is left. */
    public void flush() {
        while (size > 0) {
            final PublishResult result = publisher.tryPublishOrDefer(REPORT, this);
            if (result == PublishResult.BACK_PRESSURED) {
                return;
            }
            if (result == PublishResult.PUBLISHED) {
                published++;
            } else {
                errors.onProblem(ErrorKind.STAGE, closedProblem);
            }
            head = (head + 1) % capacity;
            size--;
        }
    }

    /** Reports waiting for room on the inbound ring. */
    public int size() {
        return size;
    }

    /** Reports published so far. */
    public long published() {
        return published;
    }

    private void fillHead(final InboundEvent event) {
        final int slot = head;
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = instrumentId[slot];
        event.venueId = venueId[slot];
        event.exchangeTimeNs = exchangeTimeNs[slot];
        event.receiveTimeNs = receiveTimeNs[slot];
        event.execType = type[slot];
        event.clientOrderId = clientOrderId[slot];
        event.venueOrderId = venueOrderId[slot];
        event.execSide = side[slot];
        event.orderPrice = orderPrice[slot];
        event.orderQty = orderQty[slot];
        event.lastFillPrice = fillPrice[slot];
        event.lastFillQty = fillQty[slot];
        event.cumFillQty = cumQty[slot];
        event.leavesQty = leavesQty[slot];
        event.execFee = fee[slot];
        event.execMaker = maker[slot];
        event.rejectCode = rejectCode[slot];
    }
}
