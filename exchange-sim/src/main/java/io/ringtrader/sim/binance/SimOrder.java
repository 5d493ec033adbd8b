package io.ringtrader.sim.binance;

import io.ringtrader.sim.SimSymbol;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One order of the simulated account; guarded by the market lock. */
final class SimOrder {
    final long orderId;
    final String clientOrderId;
    final SimSymbol symbol;
    final boolean buy;
    final String type;
    final String timeInForce;
    final BigDecimal origQty;
    final BigDecimal price;
    final boolean reduceOnly;
    final long timeMs;
    String status = "NEW";
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    long updateTimeMs;
    /** The cost (initial margin plus open loss) taken when placed; an open order holds it pro rata of its remaining. */
    BigDecimal reservedMargin = BigDecimal.ZERO;

    SimOrder(final long orderId, final String clientOrderId, final SimSymbol symbol, final boolean buy,
             final String type, final String timeInForce, final BigDecimal origQty, final BigDecimal price,
             final boolean reduceOnly, final long timeMs) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.buy = buy;
        this.type = type;
        this.timeInForce = timeInForce;
        this.origQty = origQty;
        this.price = price;
        this.reduceOnly = reduceOnly;
        this.timeMs = timeMs;
        this.updateTimeMs = timeMs;
    }

    BigDecimal remaining() {
        return origQty.subtract(executedQty);
    }

    boolean isOpen() {
        return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
    }

    /** The margin this order holds while open: its reserved margin pro rata of the quantity not yet filled. */
    BigDecimal heldMargin() {
        return reservedMargin.signum() == 0 ? BigDecimal.ZERO
            : reservedMargin.multiply(remaining()).divide(origQty, 8, RoundingMode.HALF_UP);
    }

    /** Average fill price, zero before the first fill. */
    BigDecimal avgPrice() {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
            : cumQuote.divide(executedQty, symbol.priceDecimals() + 3, RoundingMode.HALF_EVEN);
    }

    String side() {
        return buy ? "BUY" : "SELL";
    }
}
