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

    /** Average fill price, zero before the first fill. */
    BigDecimal avgPrice() {
        return executedQty.signum() == 0 ? BigDecimal.ZERO
            : cumQuote.divide(executedQty, symbol.priceDecimals() + 3, RoundingMode.HALF_EVEN);
    }

    String side() {
        return buy ? "BUY" : "SELL";
    }
}
