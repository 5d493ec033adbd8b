package io.ringtrader.gateway.binance.user;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.instrument.Venue;

/**
 * One execution report staged for publishing: the {@link EventKind#EXECUTION_REPORT} fields of an
 * {@link InboundEvent}, filled by the user-stream decoder or the REST order entry and copied into a ring slot by
 * {@link #TRANSLATOR}. Prices and quantities are mantissas at the instrument's scales, the fee at
 * {@link InboundEvent#FEE_SCALE}; absent values are {@link InboundEvent#NONE} as in the slot.
 *
 * <p>Mutable and reused; not thread-safe: one instance per producer (thread or lock).
 */
public final class ExecutionReport {
    /** Copies the staged report into a reset slot. */
    public static final EventTranslatorOneArg<InboundEvent, ExecutionReport> TRANSLATOR =
        (event, sequence, report) -> report.fillSlot(event);

    /** Reject code of a venue reject that carries no Binance error code (order status REJECTED). */
    public static final int REJECT_BY_VENUE = RejectCodes.VENUE_UNCODED;

    public ExecType execType;
    public int instrumentId;
    public long exchangeTimeNs;
    public long receiveTimeNs;
    public long clientOrderId;
    public long venueOrderId;
    public OrderSide side;
    public long price;
    public long qty;
    public long lastFillPrice;
    public long lastFillQty;
    public long cumFillQty;
    public long leavesQty;
    public long fee;
    public boolean maker;
    public int rejectCode;
    /** Venue trade id of a fill (not carried by the slot; for dedupe and logs). */
    public long tradeId;

    public ExecutionReport() {
        clear();
    }

    /** Resets every field to the slot's defaults. */
    public void clear() {
        execType = null;
        instrumentId = -1;
        exchangeTimeNs = InboundEvent.NONE;
        receiveTimeNs = 0;
        clientOrderId = 0;
        venueOrderId = InboundEvent.NONE;
        side = null;
        price = InboundEvent.NONE;
        qty = InboundEvent.NONE;
        lastFillPrice = InboundEvent.NONE;
        lastFillQty = 0;
        cumFillQty = 0;
        leavesQty = 0;
        fee = 0;
        maker = false;
        rejectCode = 0;
        tradeId = InboundEvent.NONE;
    }

    /** Writes the report into a reset slot. */
    public void fillSlot(final InboundEvent event) {
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = instrumentId;
        event.venueId = Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.execType = execType;
        event.clientOrderId = clientOrderId;
        event.venueOrderId = venueOrderId;
        event.execSide = side;
        event.orderPrice = price;
        event.orderQty = qty;
        event.lastFillPrice = lastFillPrice;
        event.lastFillQty = lastFillQty;
        event.cumFillQty = cumFillQty;
        event.leavesQty = leavesQty;
        event.execFee = fee;
        event.execMaker = maker;
        event.rejectCode = rejectCode;
    }

    @Override
    public String toString() {
        return "ExecutionReport{" + execType + ", instrumentId=" + instrumentId + ", clientOrderId=" + clientOrderId
            + ", venueOrderId=" + venueOrderId + ", side=" + side + ", price=" + price + ", qty=" + qty
            + ", lastFill=" + lastFillQty + '@' + lastFillPrice + ", cum=" + cumFillQty + ", leaves=" + leavesQty
            + ", fee=" + fee + ", maker=" + maker + ", rejectCode=" + rejectCode + '}';
    }
}
