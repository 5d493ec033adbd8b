package io.ringtrader.engine.execution;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;

/**
 * A simulated venue: a pure function of the orders it is given and the market events it sees, so a live
 * paper session and its replays fill the same way for the same event sequence.
 *
 * <ul>
 *   <li>Every accepted new order is acknowledged first (venue order id = a counter).</li>
 *   <li>Market orders, and the marketable part of limit orders, fill at once by walking the book levels
 *       carried by the event that caused the order (the book view: as many levels as the book stage copies),
 *       level by level, as taker; what the view cannot fill is cancelled. An order decided on an event
 *       without its instrument's book (a timer tick) uses the last view seen for the instrument.</li>
 *   <li>Limit orders: {@code GTX} that would take is rejected; {@code FOK} that cannot fill in full is
 *       cancelled; {@code IOC} remainders are cancelled; {@code GTC}/{@code GTX} remainders rest.</li>
 *   <li>A resting order fills as maker, at its own price, when a later trade goes through it (a trade
 *       strictly below a resting buy, strictly above a resting sell), up to the trade's quantity.</li>
 *   <li>Fees: maker or taker rate times notional, in quote units at {@link InboundEvent#FEE_SCALE}.</li>
 * </ul>
 * Positions and realised PnL are kept per instrument from the fills.
 *
 * <p>Single-threaded (the router's thread); allocation-free after construction.
 */
public final class PaperExchange {
    /** Orders resting at once, over all instruments. */
    public static final int MAX_RESTING = 1_024;
    /** Reject code: the instrument's book was not valid. */
    public static final int REJECT_BOOK_NOT_VALID = 1;
    /** Reject code: a post-only (GTX) order would have taken liquidity. */
    public static final int REJECT_POST_ONLY_WOULD_TAKE = 2;
    /** Reject code: cancel of an order that is not resting. */
    public static final int REJECT_UNKNOWN_ORDER = 3;
    /** Reject code: too many resting orders. */
    public static final int REJECT_TOO_MANY_ORDERS = 4;
    /**
     * Reject code: the risk stage rejected the new order (its reason is in the order command); reported by
     * the paper router so that the strategy learns the order is not working.
     */
    public static final int REJECT_RISK = 5;

    /** Where the exchange's execution reports go. */
    public interface Reports {
        /**
         * One execution report. Prices and quantities are mantissas at the instrument's scales; the fee at
         * {@link InboundEvent#FEE_SCALE}; {@code timeNs} is the venue time (exchange time) of the event that caused it,
         * {@link InboundEvent#NONE} when it had none.
         */
        void report(ExecType type, int instrumentId, long clientOrderId, long venueOrderId, OrderSide side,
            long orderPrice, long orderQty, long fillPrice, long fillQty, long cumQty, long leavesQty,
            long fee, boolean maker, int rejectCode, long timeNs);
    }

    private final InstrumentRegistry instruments;
    private final double makerFeeRate;
    private final double takerFeeRate;
    private final double[] notionalUnit;
    private final long[] positions;
    private final double[] averagePrices;
    private final double[] grossRealisedPnl;

    private final long[][] viewBidPrices;
    private final long[][] viewBidQtys;
    private final long[][] viewAskPrices;
    private final long[][] viewAskQtys;
    private final int[] viewBidLevels;
    private final int[] viewAskLevels;
    private final boolean[] viewValid;

    private final boolean[] restingActive = new boolean[MAX_RESTING];
    private final int[] restingInstrument = new int[MAX_RESTING];
    private final long[] restingClientId = new long[MAX_RESTING];
    private final long[] restingVenueId = new long[MAX_RESTING];
    private final OrderSide[] restingSide = new OrderSide[MAX_RESTING];
    private final long[] restingPrice = new long[MAX_RESTING];
    private final long[] restingQty = new long[MAX_RESTING];
    private final long[] restingCum = new long[MAX_RESTING];
    private int restingCount;
    private long nextVenueOrderId = 1;

    public PaperExchange(final InstrumentRegistry instruments, final double makerFeeRate, final double takerFeeRate) {
        this.instruments = instruments;
        this.makerFeeRate = makerFeeRate;
        this.takerFeeRate = takerFeeRate;
        final int count = instruments.count();
        notionalUnit = new double[count];
        positions = new long[count];
        averagePrices = new double[count];
        grossRealisedPnl = new double[count];
        viewBidPrices = new long[count][InboundEvent.BOOK_VIEW_DEPTH];
        viewBidQtys = new long[count][InboundEvent.BOOK_VIEW_DEPTH];
        viewAskPrices = new long[count][InboundEvent.BOOK_VIEW_DEPTH];
        viewAskQtys = new long[count][InboundEvent.BOOK_VIEW_DEPTH];
        viewBidLevels = new int[count];
        viewAskLevels = new int[count];
        viewValid = new boolean[count];
        for (int id = 0; id < count; id++) {
            final Instrument instrument = instruments.byId(id);
            notionalUnit[id] = (double)instrument.contractSizeMantissa()
                / FixedPoint.pow10(instrument.priceScale() + instrument.qtyScale() + instrument.contractSizeScale());
        }
    }

    /** Handles an accepted intent; {@code cause} is the event it was decided on (its book view is used). */
    public void onOrder(final OrderIntent intent, final InboundEvent cause, final Reports out) {
        final long timeNs = timeOf(cause);
        if (intent.action == OrderAction.CANCEL) {
            final int slot = findResting(intent.instrumentId, intent.clientOrderId);
            if (slot < 0) {
                out.report(ExecType.REJECT, intent.instrumentId, intent.clientOrderId, InboundEvent.NONE, null, 0, 0,
                    InboundEvent.NONE, 0, 0, 0, 0, false, REJECT_UNKNOWN_ORDER, timeNs);
                return;
            }
            cancelResting(slot, timeNs, out);
            return;
        }
        final int id = intent.instrumentId;
        final OrderSide side = intent.side;
        final long venueOrderId = nextVenueOrderId++;
        final boolean causeHasBook = cause.instrumentId == id && cause.bookState != null;
        if (causeHasBook ? cause.bookState != BookState.VALID : !viewValid[id]) {
            reject(intent, venueOrderId, REJECT_BOOK_NOT_VALID, timeNs, out);
            return;
        }
        final boolean buy = side == OrderSide.BUY;
        final long[] prices;
        final long[] qtys;
        final int levels;
        if (causeHasBook) {
            prices = buy ? cause.bookAskPrices : cause.bookBidPrices;
            qtys = buy ? cause.bookAskQtys : cause.bookBidQtys;
            levels = buy ? cause.bookAskLevels : cause.bookBidLevels;
        } else {
            prices = buy ? viewAskPrices[id] : viewBidPrices[id];
            qtys = buy ? viewAskQtys[id] : viewBidQtys[id];
            levels = buy ? viewAskLevels[id] : viewBidLevels[id];
        }
        final boolean limit = intent.type == OrderType.LIMIT;
        final long marketable = marketableQty(prices, qtys, levels, buy, limit, intent.priceMantissa);
        if (limit && intent.timeInForce == TimeInForce.GTX && marketable > 0) {
            reject(intent, venueOrderId, REJECT_POST_ONLY_WOULD_TAKE, timeNs, out);
            return;
        }
        out.report(ExecType.ACK, id, intent.clientOrderId, venueOrderId, side, intent.priceMantissa, intent.qtyMantissa,
            InboundEvent.NONE, 0, 0, intent.qtyMantissa, 0, false, 0, timeNs);
        if (limit && intent.timeInForce == TimeInForce.FOK && marketable < intent.qtyMantissa) {
            out.report(ExecType.CANCELED, id, intent.clientOrderId, venueOrderId, side, intent.priceMantissa,
                intent.qtyMantissa, InboundEvent.NONE, 0, 0, 0, 0, false, 0, timeNs);
            return;
        }
        final long cum = take(intent, venueOrderId, prices, qtys, levels, limit, timeNs, out);
        final long leaves = intent.qtyMantissa - cum;
        if (leaves == 0) {
            return;
        }
        final boolean rests = limit && (intent.timeInForce == TimeInForce.GTC || intent.timeInForce == TimeInForce.GTX);
        if (!rests) {
            out.report(ExecType.CANCELED, id, intent.clientOrderId, venueOrderId, side, intent.priceMantissa,
                intent.qtyMantissa, InboundEvent.NONE, 0, cum, 0, 0, false, 0, timeNs);
            return;
        }
        final int slot = freeSlot();
        if (slot < 0) {
            out.report(ExecType.CANCELED, id, intent.clientOrderId, venueOrderId, side, intent.priceMantissa,
                intent.qtyMantissa, InboundEvent.NONE, 0, cum, 0, 0, false, REJECT_TOO_MANY_ORDERS, timeNs);
            return;
        }
        restingActive[slot] = true;
        restingInstrument[slot] = id;
        restingClientId[slot] = intent.clientOrderId;
        restingVenueId[slot] = venueOrderId;
        restingSide[slot] = side;
        restingPrice[slot] = intent.priceMantissa;
        restingQty[slot] = intent.qtyMantissa;
        restingCum[slot] = cum;
        restingCount++;
    }

    /**
     * Remembers the instrument's book view (for orders decided on events without it) and fills resting
     * orders that a trade went through.
     */
    public void onMarketEvent(final InboundEvent event, final Reports out) {
        rememberView(event);
        if (event.kind != EventKind.TRADE || restingCount == 0 || event.tradeQty <= 0) {
            return;
        }
        long tradeQty = event.tradeQty;
        final long timeNs = timeOf(event);
        for (int slot = 0; slot < MAX_RESTING && tradeQty > 0; slot++) {
            if (!restingActive[slot] || restingInstrument[slot] != event.instrumentId) {
                continue;
            }
            final long price = restingPrice[slot];
            final boolean through = restingSide[slot] == OrderSide.BUY ? event.tradePrice < price : event.tradePrice > price;
            if (!through) {
                continue;
            }
            final long fillQty = Math.min(restingQty[slot] - restingCum[slot], tradeQty);
            tradeQty -= fillQty;
            restingCum[slot] += fillQty;
            final long leaves = restingQty[slot] - restingCum[slot];
            fill(restingInstrument[slot], restingClientId[slot], restingVenueId[slot], restingSide[slot], price,
                restingQty[slot], price, fillQty, restingCum[slot], leaves, true, timeNs, out);
            if (leaves == 0) {
                restingActive[slot] = false;
                restingCount--;
            }
        }
    }

    /** Net position of an instrument, a quantity mantissa (positive long). */
    public long position(final int instrumentId) {
        return positions[instrumentId];
    }

    /** Realised PnL of an instrument in quote units before fees (gross; the risk stage's positions deduct them). */
    public double grossRealisedPnl(final int instrumentId) {
        return grossRealisedPnl[instrumentId];
    }

    /** Unrealised PnL of an instrument at {@code markPrice} (a price mantissa), in quote units. */
    public double unrealisedPnl(final int instrumentId, final long markPrice) {
        return positions[instrumentId] * (markPrice - averagePrices[instrumentId]) * notionalUnit[instrumentId];
    }

    /** Orders resting now. */
    public int restingOrders() {
        return restingCount;
    }

    private long take(final OrderIntent intent, final long venueOrderId, final long[] prices, final long[] qtys,
        final int levels, final boolean limit, final long timeNs, final Reports out) {
        final boolean buy = intent.side == OrderSide.BUY;
        long cum = 0;
        for (int level = 0; level < levels && cum < intent.qtyMantissa; level++) {
            final long price = prices[level];
            if (limit && (buy ? price > intent.priceMantissa : price < intent.priceMantissa)) {
                break;
            }
            final long fillQty = Math.min(qtys[level], intent.qtyMantissa - cum);
            cum += fillQty;
            fill(intent.instrumentId, intent.clientOrderId, venueOrderId, intent.side, intent.priceMantissa,
                intent.qtyMantissa, price, fillQty, cum, intent.qtyMantissa - cum, false, timeNs, out);
        }
        return cum;
    }

    private static long marketableQty(final long[] prices, final long[] qtys, final int levels, final boolean buy,
        final boolean limit, final long limitPrice) {
        long total = 0;
        for (int level = 0; level < levels; level++) {
            if (limit && (buy ? prices[level] > limitPrice : prices[level] < limitPrice)) {
                break;
            }
            total += qtys[level];
        }
        return total;
    }

    private void rememberView(final InboundEvent event) {
        final int id = event.instrumentId;
        if (id < 0 || id >= viewValid.length || event.bookState == null) {
            return;
        }
        viewValid[id] = event.bookState == BookState.VALID;
        if (viewValid[id]) {
            viewBidLevels[id] = event.bookBidLevels;
            viewAskLevels[id] = event.bookAskLevels;
            System.arraycopy(event.bookBidPrices, 0, viewBidPrices[id], 0, event.bookBidLevels);
            System.arraycopy(event.bookBidQtys, 0, viewBidQtys[id], 0, event.bookBidLevels);
            System.arraycopy(event.bookAskPrices, 0, viewAskPrices[id], 0, event.bookAskLevels);
            System.arraycopy(event.bookAskQtys, 0, viewAskQtys[id], 0, event.bookAskLevels);
        }
    }

    private void fill(final int id, final long clientOrderId, final long venueOrderId, final OrderSide side,
        final long orderPrice, final long orderQty, final long fillPrice, final long fillQty, final long cum,
        final long leaves, final boolean maker, final long timeNs, final Reports out) {
        final double notional = (double)fillPrice * fillQty * notionalUnit[id];
        final long fee = Math.round(notional * (maker ? makerFeeRate : takerFeeRate) * FixedPoint.pow10(InboundEvent.FEE_SCALE));
        updatePosition(id, side == OrderSide.BUY ? fillQty : -fillQty, fillPrice);
        out.report(ExecType.FILL, id, clientOrderId, venueOrderId, side, orderPrice, orderQty, fillPrice, fillQty,
            cum, leaves, fee, maker, 0, timeNs);
    }

    private void updatePosition(final int id, final long signedQty, final long price) {
        final long before = positions[id];
        final long after = before + signedQty;
        if (before == 0 || Long.signum(before) == Long.signum(signedQty)) {
            averagePrices[id] = (averagePrices[id] * Math.abs(before) + (double)price * Math.abs(signedQty)) / Math.abs(after);
        } else {
            final long closed = Math.min(Math.abs(before), Math.abs(signedQty));
            grossRealisedPnl[id] += Long.signum(before) * closed * (price - averagePrices[id]) * notionalUnit[id];
            if (after != 0 && Long.signum(after) != Long.signum(before)) {
                averagePrices[id] = price;
            }
        }
        if (after == 0) {
            averagePrices[id] = 0;
        }
        positions[id] = after;
    }

    private void reject(final OrderIntent intent, final long venueOrderId, final int code, final long timeNs, final Reports out) {
        out.report(ExecType.REJECT, intent.instrumentId, intent.clientOrderId, venueOrderId, intent.side,
            intent.priceMantissa, intent.qtyMantissa, InboundEvent.NONE, 0, 0, 0, 0, false, code, timeNs);
    }

    private void cancelResting(final int slot, final long timeNs, final Reports out) {
        restingActive[slot] = false;
        restingCount--;
        out.report(ExecType.CANCELED, restingInstrument[slot], restingClientId[slot], restingVenueId[slot], restingSide[slot],
            restingPrice[slot], restingQty[slot], InboundEvent.NONE, 0, restingCum[slot], 0, 0, false, 0, timeNs);
    }

    private int findResting(final int instrumentId, final long clientOrderId) {
        for (int slot = 0; slot < MAX_RESTING; slot++) {
            if (restingActive[slot] && restingInstrument[slot] == instrumentId && restingClientId[slot] == clientOrderId) {
                return slot;
            }
        }
        return -1;
    }

    private int freeSlot() {
        for (int slot = 0; slot < MAX_RESTING; slot++) {
            if (!restingActive[slot]) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * The simulated venue's time of what it does on {@code event}: the event's venue time, or {@link InboundEvent#NONE}
     * when it has none (a timer tick), never the engine clock's receive time in a venue time field.
     */
    private static long timeOf(final InboundEvent event) {
        return event.exchangeTimeNs;
    }
}
