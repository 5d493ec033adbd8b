package io.ringtrader.bench.latency;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.strategy.Strategy;
import io.ringtrader.engine.strategy.StrategyContext;

/**
 * The harness's strategy: every {@code everyNth} book delta of its instrument with a valid book becomes one
 * passive GTC limit order (one lot, 100 ticks behind the touch, buys and sells alternating), and the delta's
 * {@code pu} is noted against the order's client order id so the venue-side probe can find the frame.
 *
 * <p>Called on the strategy stage's thread only; allocation-free. The cause table is read by the outbound
 * probe after the router published the command (the outbound ring orders the write before the read).
 */
final class LatencyProbeStrategy implements Strategy {
    private static final int BEHIND_TICKS = 100;

    private final StrategyContext context;
    private final int everyNth;
    private final long[] causeByOrder;
    private final int causeMask;
    private long deltas;
    private long orders;

    /**
     * @param context     the strategy context of the instrument.
     * @param everyNth    1 = every book delta, N = every Nth.
     * @param causeSlots  power of two, larger than the outbound ring: cause entries held.
     */
    LatencyProbeStrategy(final StrategyContext context, final int everyNth, final int causeSlots) {
        if (everyNth < 1) {
            throw new IllegalArgumentException("everyNth must be >= 1: " + everyNth);
        }
        if (Integer.bitCount(causeSlots) != 1) {
            throw new IllegalArgumentException("causeSlots must be a power of two: " + causeSlots);
        }
        this.context = context;
        this.everyNth = everyNth;
        this.causeByOrder = new long[causeSlots];
        this.causeMask = causeSlots - 1;
    }

    @Override
    public void onMarketEvent(final InboundEvent event) {
        if (event.kind != EventKind.BOOK_DELTA || event.featureCount == 0 || event.bookBidLevels == 0
            || event.bookAskLevels == 0 || ++deltas % everyNth != 0) {
            return;
        }
        final boolean buy = (orders++ & 1) == 0;
        final long price = buy
            ? event.bookBidPrices[0] - BEHIND_TICKS * context.tickSize()
            : event.bookAskPrices[0] + BEHIND_TICKS * context.tickSize();
        final long clientOrderId = context.newOrder(event, buy ? OrderSide.BUY : OrderSide.SELL, OrderType.LIMIT,
            TimeInForce.GTC, price, context.lotSize(), false);
        if (clientOrderId != 0) {
            causeByOrder[(int)(clientOrderId & causeMask)] = event.prevUpdateId;
        }
    }

    @Override
    public void onExecutionReport(final InboundEvent event) {
    }

    /** The {@code pu} of the delta that caused this order (valid while the order is within the table's reach). */
    long causePrevUpdateId(final long clientOrderId) {
        return causeByOrder[(int)(clientOrderId & causeMask)];
    }

    /** Orders issued so far (strategy thread; read after the pipeline stopped). */
    long orders() {
        return orders;
    }
}
