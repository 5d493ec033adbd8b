package io.ringtrader.engine.risk;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.fixedpoint.FixedPoint;
import io.ringtrader.engine.instrument.Instrument;

/**
 * The position of one instrument from its fills: signed quantity, average entry price, realised PnL (fees
 * deducted) and unrealised PnL at the latest mark (book mid or mark price).
 *
 * <p>Average entry: increasing a position averages the fill price in; reducing it realises
 * {@code closedQty * (fill - entry)} (sign of the position) and keeps the entry; a fill that flips the
 * position closes the old one and opens the rest at the fill price. PnL is in the quote currency:
 * {@code qty * price * contractSize} scaled from mantissas.
 *
 * <p>Written by the risk thread only ({@link #onFill}, {@link #onMark}); allocation-free there. Any thread
 * may read a consistent {@link #snapshot()}: the writer publishes through a sequence lock.
 */
public final class PositionKeeper {
    private final Instrument instrument;
    private final double notionalUnit;
    private final double feeUnit = 1.0 / FixedPoint.pow10(InboundEvent.FEE_SCALE);

    // writer state (risk thread)
    private long qty;
    private double averagePrice;
    private double realised;
    private double fees;
    private double mark = Double.NaN;

    // published: a sequence lock over volatile fields (odd while writing)
    private volatile long version;
    private volatile long publishedQty;
    private volatile double publishedAverage;
    private volatile double publishedRealised;
    private volatile double publishedUnrealised;
    private volatile double publishedFees;
    private volatile double publishedMark = Double.NaN;

    public PositionKeeper(final Instrument instrument) {
        this.instrument = instrument;
        this.notionalUnit = (double)instrument.contractSizeMantissa()
            / FixedPoint.pow10(instrument.priceScale() + instrument.qtyScale() + instrument.contractSizeScale());
    }

    public Instrument instrument() {
        return instrument;
    }

    /**
     * Applies a fill.
     *
     * @param side          the side of our order.
     * @param priceMantissa fill price.
     * @param qtyMantissa   fill quantity, > 0.
     * @param fee           fee paid at {@link InboundEvent#FEE_SCALE} (negative for a rebate).
     */
    public void onFill(final OrderSide side, final long priceMantissa, final long qtyMantissa, final long fee) {
        if (qtyMantissa <= 0 || side == null) {
            return;
        }
        final long signed = side == OrderSide.BUY ? qtyMantissa : -qtyMantissa;
        final long before = qty;
        final long after = before + signed;
        if (before == 0 || Long.signum(before) == Long.signum(signed)) {
            averagePrice = (averagePrice * Math.abs(before) + (double)priceMantissa * qtyMantissa) / Math.abs(after);
        } else {
            final long closed = Math.min(Math.abs(before), qtyMantissa);
            realised += Long.signum(before) * closed * (priceMantissa - averagePrice) * notionalUnit;
            if (after == 0) {
                averagePrice = 0;
            } else if (Long.signum(after) != Long.signum(before)) {
                averagePrice = priceMantissa;
            }
        }
        final double feeQuote = fee * feeUnit;
        realised -= feeQuote;
        fees += feeQuote;
        qty = after;
        publish();
    }

    /** Sets the price the open position is valued at (a price mantissa, may be between ticks). */
    public void onMark(final double priceMantissa) {
        if (priceMantissa == mark) {
            return;
        }
        mark = priceMantissa;
        if (qty != 0 || Double.isNaN(publishedMark)) {
            publish();
        }
    }

    /** Signed position quantity (a mantissa; long > 0). Risk thread. */
    public long qty() {
        return qty;
    }

    /** Realised PnL net of fees (fees deducted), quote currency. Risk thread. */
    public double netRealisedPnl() {
        return realised;
    }

    /** Unrealised PnL at the latest mark, quote currency; 0 when flat or no mark yet. Risk thread. */
    public double unrealisedPnl() {
        return qty == 0 || Double.isNaN(mark) ? 0.0 : qty * (mark - averagePrice) * notionalUnit;
    }

    /** Average entry price (a price mantissa); 0 when flat. Risk thread. */
    public double averagePrice() {
        return averagePrice;
    }

    /** Whether a mark has been seen. Risk thread. */
    public boolean hasMark() {
        return !Double.isNaN(mark);
    }

    /** A consistent copy of the published state; any thread (allocates). */
    public Snapshot snapshot() {
        while (true) {
            final long start = version;
            if ((start & 1) == 0) {
                final Snapshot snapshot = new Snapshot(instrument.symbol(), publishedQty, publishedAverage, publishedRealised,
                    publishedUnrealised, publishedFees, publishedMark);
                if (version == start) {
                    return snapshot;
                }
            }
            Thread.onSpinWait();
        }
    }

    private void publish() {
        version = version + 1;
        publishedQty = qty;
        publishedAverage = averagePrice;
        publishedRealised = realised;
        publishedUnrealised = unrealisedPnl();
        publishedFees = fees;
        publishedMark = mark;
        version = version + 1;
    }

    /**
     * The position at one moment.
     *
     * @param symbol        the instrument's symbol.
     * @param qty           signed quantity mantissa.
     * @param averagePrice  average entry price mantissa; 0 when flat.
     * @param netRealisedPnl quote currency, fees deducted.
     * @param unrealisedPnl quote currency at {@code mark}.
     * @param fees          fees paid, quote currency.
     * @param mark          the valuation price mantissa; NaN before the first.
     */
    public record Snapshot(String symbol, long qty, double averagePrice, double netRealisedPnl, double unrealisedPnl,
                           double fees, double mark) {
        /** Realised plus unrealised PnL. */
        public double totalPnl() {
            return netRealisedPnl + unrealisedPnl;
        }
    }
}
