package io.ringtrader.sim.binance;

import io.ringtrader.sim.SimFilters;
import io.ringtrader.sim.SimSymbol;

import java.math.BigDecimal;

/**
 * The symbol filters a new order must pass ({@link SimFilters}), answered with the venue's codes and messages
 * (Binance USDⓈ-M "Error Codes", 40xx):
 * <pre>
 * -4013 Price less than min price.            -4002 Price greater than max price.        (PRICE_FILTER)
 * -4004 Quantity less than min quantity.      -4005 Quantity greater than max quantity.  (LOT_SIZE, MARKET_LOT_SIZE)
 * -4016 Price is higher than mark price multiplier cap.                                   (PERCENT_PRICE, BUY)
 * -4024 Price is lower than mark price multiplier floor.                                  (PERCENT_PRICE, SELL)
 * -4131 The counterparty's best price does not meet the PERCENT_PRICE filter limit       (PERCENT_PRICE, MARKET)
 * -4164 Order's notional must be no smaller than N (unless you choose reduce only)       (MIN_NOTIONAL)
 * </pre>
 * Stateless; called under the market lock.
 */
final class OrderFilterChecks {
    private OrderFilterChecks() {
    }

    /**
     * Throws the venue's answer for the first filter the order fails.
     *
     * @param price        the limit price, null for a MARKET order.
     * @param mark         the mark price (reference price), null when the symbol has none yet: the PERCENT_PRICE and
     *                     a MARKET order's MIN_NOTIONAL are then not checked.
     * @param bestOpposite the best price a MARKET order would take first, null when that side is empty.
     */
    static void check(final SimSymbol s, final boolean buy, final BigDecimal qty, final BigDecimal price,
                      final boolean reduceOnly, final BigDecimal mark, final BigDecimal bestOpposite) {
        final SimFilters f = s.filters();
        if (price != null && price.compareTo(f.minPrice()) < 0) {
            throw BinanceApiException.badRequest(-4013, "Price less than min price.");
        }
        if (price != null && price.compareTo(f.maxPrice()) > 0) {
            throw BinanceApiException.badRequest(-4002, "Price greater than max price.");
        }
        if (qty.compareTo(f.minQty()) < 0) {
            throw BinanceApiException.badRequest(-4004, "Quantity less than min quantity.");
        }
        if (qty.compareTo(price == null ? f.marketMaxQty() : f.maxQty()) > 0) {
            throw BinanceApiException.badRequest(-4005, "Quantity greater than max quantity.");
        }
        if (mark != null) {
            final BigDecimal cap = mark.multiply(f.multiplierUp());
            final BigDecimal floor = mark.multiply(f.multiplierDown());
            if (price != null && buy && price.compareTo(cap) > 0) {
                throw BinanceApiException.badRequest(-4016, "Price is higher than mark price multiplier cap.");
            }
            if (price != null && !buy && price.compareTo(floor) < 0) {
                throw BinanceApiException.badRequest(-4024, "Price is lower than mark price multiplier floor.");
            }
            if (price == null && bestOpposite != null
                && (buy ? bestOpposite.compareTo(cap) > 0 : bestOpposite.compareTo(floor) < 0)) {
                throw BinanceApiException.badRequest(-4131,
                    "The counterparty's best price does not meet the PERCENT_PRICE filter limit");
            }
        }
        final BigDecimal notionalPrice = price != null ? price : mark;
        if (!reduceOnly && notionalPrice != null && notionalPrice.multiply(qty).compareTo(f.minNotional()) < 0) {
            throw BinanceApiException.badRequest(-4164, "Order's notional must be no smaller than "
                + f.minNotional().toPlainString() + " (unless you choose reduce only)");
        }
    }
}
