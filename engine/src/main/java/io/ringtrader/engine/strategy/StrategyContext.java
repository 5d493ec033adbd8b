package io.ringtrader.engine.strategy;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Instrument;
import java.util.Objects;

/**
 * What a {@link Strategy} instance knows about where it runs: its strategy id and name, its instrument with
 * tick and lot size, the time of the event being handled, and how to add order intents to that event.
 *
 * <p>Client order ids are deterministic: {@code (strategyId + 1) << 40 | n}, with {@code n} counting 1, 2,
 * ... per strategy (shared by its instruments), so a replay issues the same ids and
 * {@link #strategyIdOf(long)} finds the owner of any execution report. Time is the event's receive time
 * (the engine clock when it arrived, journaled), never a clock reading here.
 *
 * <p>Used on the strategy stage's thread only; allocation-free.
 */
public final class StrategyContext {
    /** Bits of a client order id that count orders within one strategy. */
    public static final int ORDER_COUNTER_BITS = 40;
    private static final long COUNTER_MASK = (1L << ORDER_COUNTER_BITS) - 1;

    private final int strategyId;
    private final String strategyName;
    private final Instrument instrument;
    private final long[] orderCounter;
    private long timeNs;
    private long exchangeTimeNs = InboundEvent.NONE;
    private long droppedIntents;

    /**
     * @param strategyId   the strategy's index in {@code strategies:}, 0 .. 2^23 - 1.
     * @param strategyName its configured name.
     * @param instrument   the instrument this instance trades.
     * @param orderCounter one-element counter shared by the contexts of one strategy (its last order number).
     */
    public StrategyContext(final int strategyId, final String strategyName, final Instrument instrument, final long[] orderCounter) {
        if (strategyId < 0 || strategyId >= (1 << (63 - ORDER_COUNTER_BITS))) {
            throw new IllegalArgumentException("strategyId out of range: " + strategyId);
        }
        this.strategyId = strategyId;
        this.strategyName = Objects.requireNonNull(strategyName, "strategyName");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (orderCounter.length != 1) {
            throw new IllegalArgumentException("orderCounter must have one element");
        }
        this.orderCounter = orderCounter;
    }

    /** The strategy id that issued {@code clientOrderId}, or -1 if no strategy context did. */
    public static int strategyIdOf(final long clientOrderId) {
        if (clientOrderId <= 0 || (clientOrderId & COUNTER_MASK) == 0) {
            return -1;
        }
        return (int)(clientOrderId >>> ORDER_COUNTER_BITS) - 1;
    }

    public int strategyId() {
        return strategyId;
    }

    public String strategyName() {
        return strategyName;
    }

    public Instrument instrument() {
        return instrument;
    }

    public int instrumentId() {
        return instrument.id();
    }

    /** Price increment as a price mantissa. */
    public long tickSize() {
        return instrument.tickSizeMantissa();
    }

    /** Quantity increment as a quantity mantissa. */
    public long lotSize() {
        return instrument.lotSizeMantissa();
    }

    /** Receive time of the event being handled, nanoseconds since the epoch: the strategy's clock. */
    public long timeNs() {
        return timeNs;
    }

    /**
     * The venue's time of the event being handled, or {@link InboundEvent#NONE} when it has none: always on a timer
     * tick ({@code onTimer}), which no venue produced. Data about the market, not a clock to decide by: use
     * {@link #timeNs()}.
     */
    public long exchangeTimeNs() {
        return exchangeTimeNs;
    }

    /** Sets the time of the event about to be handled (the strategy stage, or a test, calls this). */
    public void onEventTime(final InboundEvent event) {
        this.timeNs = event.receiveTimeNs;
        this.exchangeTimeNs = event.exchangeTimeNs;
    }

    /** The next client order id of this strategy. */
    public long nextClientOrderId() {
        final long n = ++orderCounter[0];
        if (n > COUNTER_MASK) {
            throw new IllegalStateException("strategy " + strategyName + " ran out of client order ids");
        }
        return ((long)(strategyId + 1) << ORDER_COUNTER_BITS) | n;
    }

    /**
     * Adds a new-order intent for this instrument to {@code event}.
     *
     * @param priceMantissa limit price; ignored (0) for market orders.
     * @return the order's client order id, or 0 when the event already carries
     *         {@link InboundEvent#MAX_INTENTS} intents (nothing was added; counted).
     */
    public long newOrder(final InboundEvent event, final OrderSide side, final OrderType type, final TimeInForce timeInForce,
        final long priceMantissa, final long qtyMantissa, final boolean reduceOnly) {
        final OrderIntent intent = event.addIntent();
        if (intent == null) {
            droppedIntents++;
            return 0;
        }
        final long clientOrderId = nextClientOrderId();
        intent.newOrder(instrument.id(), strategyId, clientOrderId, side, type, timeInForce,
            type == OrderType.MARKET ? 0 : priceMantissa, qtyMantissa, reduceOnly);
        return clientOrderId;
    }

    /**
     * Adds a cancel intent for one of this strategy's orders to {@code event}.
     *
     * @return false when the event had no room for it (counted).
     */
    public boolean cancel(final InboundEvent event, final long clientOrderId) {
        final OrderIntent intent = event.addIntent();
        if (intent == null) {
            droppedIntents++;
            return false;
        }
        intent.cancel(instrument.id(), strategyId, clientOrderId);
        return true;
    }

    /** Intents this context could not add because the event was full. */
    public long droppedIntents() {
        return droppedIntents;
    }
}
