package io.ringtrader.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * One simulated instrument: its venue name and the price and quantity grids orders and book levels live on.
 * Immutable; safe to share between threads.
 */
public final class SimSymbol {
    private final String name;
    private final BigDecimal tickSize;
    private final BigDecimal stepSize;
    private final int priceDecimals;
    private final int qtyDecimals;

    /**
     * @param name          venue symbol, upper case (e.g. {@code BTCUSDT})
     * @param tickSize      price increment (PRICE_FILTER tickSize)
     * @param stepSize      quantity increment (LOT_SIZE stepSize)
     * @param priceDecimals decimals prices are written with (pricePrecision)
     * @param qtyDecimals   decimals quantities are written with (quantityPrecision)
     */
    public SimSymbol(final String name, final String tickSize, final String stepSize, final int priceDecimals,
                     final int qtyDecimals) {
        this.name = Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
        this.tickSize = new BigDecimal(tickSize);
        this.stepSize = new BigDecimal(stepSize);
        if (this.tickSize.signum() <= 0 || this.stepSize.signum() <= 0) {
            throw new IllegalArgumentException("tickSize and stepSize must be positive for " + name
                + ": tickSize=" + tickSize + " stepSize=" + stepSize);
        }
        if (priceDecimals < this.tickSize.stripTrailingZeros().scale()
            || qtyDecimals < this.stepSize.stripTrailingZeros().scale()) {
            throw new IllegalArgumentException("decimals too few for the grid of " + name + ": priceDecimals="
                + priceDecimals + " tickSize=" + tickSize + " qtyDecimals=" + qtyDecimals + " stepSize=" + stepSize);
        }
        this.priceDecimals = priceDecimals;
        this.qtyDecimals = qtyDecimals;
    }

    /** BTCUSDT as listed on Binance USDⓈ-M: tick 0.10, step 0.001, 2 price and 3 quantity decimals. */
    public static SimSymbol btcusdt() {
        return new SimSymbol("BTCUSDT", "0.10", "0.001", 2, 3);
    }

    /** ETHUSDT as listed on Binance USDⓈ-M: tick 0.01, step 0.001, 2 price and 3 quantity decimals. */
    public static SimSymbol ethusdt() {
        return new SimSymbol("ETHUSDT", "0.01", "0.001", 2, 3);
    }

    /** Venue symbol, upper case. */
    public String name() {
        return name;
    }

    /** Lower-case name as used in stream names. */
    public String streamName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Price increment. */
    public BigDecimal tickSize() {
        return tickSize;
    }

    /** Quantity increment. */
    public BigDecimal stepSize() {
        return stepSize;
    }

    /** Decimals prices are written with. */
    public int priceDecimals() {
        return priceDecimals;
    }

    /** Decimals quantities are written with. */
    public int qtyDecimals() {
        return qtyDecimals;
    }

    /** The price written at this symbol's price decimals, as the venue quotes it. */
    public String formatPrice(final BigDecimal price) {
        return price.setScale(priceDecimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The quantity written at this symbol's quantity decimals. */
    public String formatQty(final BigDecimal qty) {
        return qty.setScale(qtyDecimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** True when {@code price} is a whole multiple of the tick size. */
    public boolean onTick(final BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    /** True when {@code qty} is a whole multiple of the step size. */
    public boolean onStep(final BigDecimal qty) {
        return qty.remainder(stepSize).signum() == 0;
    }

    @Override
    public String toString() {
        return name + "{tick=" + tickSize.toPlainString() + ", step=" + stepSize.toPlainString() + '}';
    }
}
