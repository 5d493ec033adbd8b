package io.ringtrader.strategies;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.features.Features;
import io.ringtrader.engine.risk.PositionKeeper;
import io.ringtrader.engine.strategy.Strategy;
import io.ringtrader.engine.strategy.StrategyContext;

/**
 * An order-book-imbalance scalper for one instrument.
 *
 * <p><b>Entry</b>, flat and with no order working, on a market event with features (valid two-sided book):
 * when the OBI (plain or weighted) crosses {@code +threshold} upwards it buys {@code orderQty}, when it
 * crosses {@code -threshold} downwards it sells, provided the spread is at most {@code maxSpreadTicks} and
 * the cool-down since the last exit is over. <b>Exit</b> (reduce-only, the whole position): take-profit
 * when the price it would exit at (best bid for a long, best ask for a short) is {@code takeProfitTicks} in
 * favour of the entry fill price, stop-loss at {@code stopLossTicks} against, or when the position is
 * {@code maxHolding} old (checked on market events and timer ticks). Orders are market orders or IOC
 * limits at the opposite best price ({@code orderType}).
 *
 * <p>One order at a time: while one is working (sent, no final report) nothing new is sent; a fill with
 * nothing left, a cancel or a reject ends it, and so does {@code orderTimeout} without any of them (an
 * order the risk stage rejected gets no report from a live venue). The position is its own, counted from
 * the fills of its orders. Time is the context's event time, so replays decide identically.
 *
 * <p>Runs on the strategy stage's thread; allocation-free.
 */
public final class ObiScalper implements Strategy {
    private final StrategyContext context;
    private final double threshold;
    private final int featureIndex;
    private final double maxSpreadTicks;
    private final long orderQty;
    private final long takeProfit;
    private final long stopLoss;
    private final long maxHoldingNs;
    private final long cooldownNs;
    private final long orderTimeoutNs;
    private final boolean limitOrders;

    private double previousObi;
    private boolean bookValid;
    private long bestBid;
    private long bestAsk;

    private final PositionKeeper position;
    private long entryTimeNs;
    private long cooldownUntilNs = Long.MIN_VALUE;

    private long workingOrderId;
    private long workingSinceNs;

    private long entries;
    private long exits;
    private long timeouts;

    public ObiScalper(final ObiScalperParams params, final StrategyContext context) {
        this.context = context;
        this.position = new PositionKeeper(context.instrument());
        this.threshold = params.threshold().doubleValue();
        this.featureIndex = params.weighted() ? Features.OBI_WEIGHTED : Features.OBI;
        this.maxSpreadTicks = params.maxSpreadTicks();
        this.orderQty = params.orderQty().movePointRight(context.instrument().qtyScale()).longValueExact();
        if (!context.instrument().isOnLot(orderQty)) {
            throw new IllegalArgumentException("orderQty " + params.orderQty().toPlainString() + " is not on "
                + context.instrument().symbol() + "'s lot grid");
        }
        this.takeProfit = params.takeProfitTicks() * context.tickSize();
        this.stopLoss = params.stopLossTicks() * context.tickSize();
        this.maxHoldingNs = params.maxHolding().toNanos();
        this.cooldownNs = params.cooldown().toNanos();
        this.orderTimeoutNs = params.orderTimeout().toNanos();
        this.limitOrders = params.orderType() == ObiScalperParams.EntryOrderType.IOC_LIMIT;
    }

    @Override
    public void onMarketEvent(final InboundEvent event) {
        final boolean hasFeatures = observeBook(event);
        final long now = context.timeNs();
        expireWorkingOrder(now);
        if (workingOrderId != 0) {
            if (hasFeatures) {
                previousObi = event.features[featureIndex];
            }
            return;
        }
        if (position.qty() != 0) {
            checkExit(event, now);
        } else if (hasFeatures) {
            checkEntry(event, now);
        }
        if (hasFeatures) {
            previousObi = event.features[featureIndex];
        }
    }

    @Override
    public void onTimer(final InboundEvent event) {
        final long now = context.timeNs();
        expireWorkingOrder(now);
        if (workingOrderId == 0 && position.qty() != 0 && bookValid && now - entryTimeNs >= maxHoldingNs) {
            exit(event);
        }
    }

    @Override
    public void onGatewayStatus(final InboundEvent event) {
        if (event.gatewayStatus == GatewayStatus.BOOK_INVALID || event.gatewayStatus == GatewayStatus.DISCONNECTED) {
            bookValid = false;
        }
    }

    @Override
    public void onExecutionReport(final InboundEvent event) {
        observeBook(event);
        final ExecType type = event.execType;
        if (type == ExecType.FILL && event.lastFillQty > 0 && event.execSide != null) {
            applyFill(event.execSide, event.lastFillPrice, event.lastFillQty);
        }
        if (event.clientOrderId == workingOrderId
            && (type == ExecType.REJECT || type == ExecType.CANCELED || type == ExecType.FILL && event.leavesQty == 0)) {
            workingOrderId = 0;
        }
    }

    /** The strategy's own position (quantity mantissa, long > 0). */
    public long position() {
        return position.qty();
    }

    /** Average entry fill price of the open position (price mantissa); 0 when flat. */
    public double entryPrice() {
        return position.averagePrice();
    }

    /** The client order id of the order working now; 0 when none. */
    public long workingOrderId() {
        return workingOrderId;
    }

    /** Entry orders sent. */
    public long entries() {
        return entries;
    }

    /** Exit orders sent. */
    public long exits() {
        return exits;
    }

    /** Orders given up after {@code orderTimeout} without a final report. */
    public long timeouts() {
        return timeouts;
    }

    /** Takes the best prices from a valid book view; returns whether the event carries features. */
    private boolean observeBook(final InboundEvent event) {
        if (event.featureCount > 0) {
            bookValid = true;
            bestBid = event.bookBidPrices[0];
            bestAsk = event.bookAskPrices[0];
            return true;
        }
        if (event.bookState != null && event.bookState != BookState.VALID) {
            bookValid = false;
        }
        return false;
    }

    private void checkEntry(final InboundEvent event, final long now) {
        if (now < cooldownUntilNs || event.features[Features.SPREAD_TICKS] > maxSpreadTicks) {
            return;
        }
        final double obi = event.features[featureIndex];
        final OrderSide side;
        if (obi >= threshold && previousObi < threshold) {
            side = OrderSide.BUY;
        } else if (obi <= -threshold && previousObi > -threshold) {
            side = OrderSide.SELL;
        } else {
            return;
        }
        if (send(event, side, orderQty, false, now)) {
            entries++;
        }
    }

    private void checkExit(final InboundEvent event, final long now) {
        if (!bookValid) {
            return;
        }
        final double entryPrice = position.averagePrice();
        final boolean due;
        if (now - entryTimeNs >= maxHoldingNs) {
            due = true;
        } else if (position.qty() > 0) {
            due = bestBid >= entryPrice + takeProfit || bestBid <= entryPrice - stopLoss;
        } else {
            due = bestAsk <= entryPrice - takeProfit || bestAsk >= entryPrice + stopLoss;
        }
        if (due) {
            exit(event);
        }
    }

    private void exit(final InboundEvent event) {
        final OrderSide side = position.qty() > 0 ? OrderSide.SELL : OrderSide.BUY;
        if (send(event, side, Math.abs(position.qty()), true, context.timeNs())) {
            exits++;
        }
    }

    private boolean send(final InboundEvent event, final OrderSide side, final long qty, final boolean reduceOnly, final long now) {
        final long clientOrderId;
        if (limitOrders) {
            clientOrderId = context.newOrder(event, side, OrderType.LIMIT, TimeInForce.IOC,
                side == OrderSide.BUY ? bestAsk : bestBid, qty, reduceOnly);
        } else {
            clientOrderId = context.newOrder(event, side, OrderType.MARKET, TimeInForce.IOC, 0, qty, reduceOnly);
        }
        if (clientOrderId == 0) {
            return false;
        }
        workingOrderId = clientOrderId;
        workingSinceNs = now;
        return true;
    }

    private void expireWorkingOrder(final long now) {
        if (workingOrderId != 0 && now - workingSinceNs >= orderTimeoutNs) {
            workingOrderId = 0;
            timeouts++;
        }
    }

    private void applyFill(final OrderSide side, final long price, final long qty) {
        final long before = position.qty();
        position.onFill(side, price, qty, 0);
        final long after = position.qty();
        if (after == 0) {
            cooldownUntilNs = context.timeNs() + cooldownNs;
        } else if (before == 0 || Long.signum(after) != Long.signum(before)) {
            entryTimeNs = context.timeNs();
        }
    }
}
