package io.ringtrader.gateway.binance.user;

import io.ringtrader.engine.event.InboundEvent;

/**
 * One position of an {@code ACCOUNT_UPDATE}, as a reused flyweight: valid only during
 * {@link PositionListener#onPosition}; copy what you keep.
 * <pre>
 * "P":[{"s":"BTCUSDT","pa":"20","ep":"6563.66500","bep":"0","cr":"0","up":"2850.21200","mt":"isolated",
 *       "iw":"13200.70726908","ps":"LONG"}, ...]
 * </pre>
 * {@code positionAmt} ({@code pa}) is signed, at the instrument's quantity scale (negative = short);
 * {@code entryPrice} ({@code ep}, an average with more decimals than the tick) is rounded half-up to the price
 * scale; {@code unrealizedPnl} ({@code up}) is at {@link #PNL_SCALE}.
 */
public final class PositionUpdate {
    /** Decimals of {@link #unrealizedPnl()} (as fees: {@link InboundEvent#FEE_SCALE}). */
    public static final int PNL_SCALE = InboundEvent.FEE_SCALE;

    /** Margin type ({@code mt}). */
    public enum MarginType { CROSS, ISOLATED }

    /** Position side ({@code ps}): {@code BOTH} in one-way mode, {@code LONG}/{@code SHORT} in hedge mode. */
    public enum PositionSide { BOTH, LONG, SHORT }

    int instrumentId;
    long positionAmt;
    long entryPrice;
    long unrealizedPnl;
    MarginType marginType;
    PositionSide positionSide;
    long eventTimeNs;
    long transactionTimeNs;
    int index;
    int count;

    public int instrumentId() {
        return instrumentId;
    }

    /** Signed position at the quantity scale. */
    public long positionAmt() {
        return positionAmt;
    }

    /** Average entry price at the price scale (rounded half-up); 0 when flat. */
    public long entryPrice() {
        return entryPrice;
    }

    /** Unrealized PnL at {@link #PNL_SCALE}, signed. */
    public long unrealizedPnl() {
        return unrealizedPnl;
    }

    public MarginType marginType() {
        return marginType;
    }

    public PositionSide positionSide() {
        return positionSide;
    }

    /** {@code E}, nanoseconds. */
    public long eventTimeNs() {
        return eventTimeNs;
    }

    /** {@code T}, nanoseconds. */
    public long transactionTimeNs() {
        return transactionTimeNs;
    }

    /** Position of this entry among the update's delivered positions, from 0. */
    public int index() {
        return index;
    }

    /** Positions of known instruments the update delivers. */
    public int count() {
        return count;
    }

    @Override
    public String toString() {
        return "PositionUpdate{instrumentId=" + instrumentId + ", positionAmt=" + positionAmt + ", entryPrice=" + entryPrice
            + ", unrealizedPnl=" + unrealizedPnl + ", " + marginType + ", " + positionSide + ", " + (index + 1) + '/' + count + '}';
    }
}
