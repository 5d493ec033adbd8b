package io.ringtrader.engine.instrument;

import io.ringtrader.engine.fixedpoint.FixedPoint;

/**
 * A tradable contract on one venue, with the scales its prices and quantities are expressed at.
 * <p>
 * Prices are {@code long} mantissas at {@link #priceScale()} and quantities at {@link #qtyScale()}
 * (see {@link FixedPoint}). The contract size (base units per contract: 1 on Binance and Bitget linear
 * USDT perpetuals) is also a mantissa at its own scale rather than a {@code double}, so notional and
 * risk arithmetic stays exact: notional mantissa = price × qty × contractSize at scale
 * {@code priceScale + qtyScale + contractSizeScale}.
 * <p>
 * <b>Threading:</b> immutable; safe to share between threads.
 */
public final class Instrument {
    private final int id;
    private final Venue venue;
    private final String symbol;
    private final int priceScale;
    private final long tickSizeMantissa;
    private final int qtyScale;
    private final long lotSizeMantissa;
    private final long contractSizeMantissa;
    private final int contractSizeScale;

    /**
     * @param id                   engine id, dense from 0 within an {@link InstrumentRegistry}.
     * @param venue                where it trades.
     * @param symbol               the venue's symbol, e.g. {@code BTCUSDT}: printable ASCII without spaces.
     * @param priceScale           decimals of price mantissas, 0..{@value FixedPoint#MAX_SCALE}.
     * @param tickSizeMantissa     price increment at {@code priceScale}, &gt; 0.
     * @param qtyScale             decimals of quantity mantissas, 0..{@value FixedPoint#MAX_SCALE}.
     * @param lotSizeMantissa      quantity increment at {@code qtyScale}, &gt; 0.
     * @param contractSizeMantissa base units per contract at {@code contractSizeScale}, &gt; 0.
     * @param contractSizeScale    decimals of the contract size, 0..{@value FixedPoint#MAX_SCALE}.
     * @throws IllegalArgumentException naming the instrument and the offending value.
     */
    public Instrument(
        final int id,
        final Venue venue,
        final String symbol,
        final int priceScale,
        final long tickSizeMantissa,
        final int qtyScale,
        final long lotSizeMantissa,
        final long contractSizeMantissa,
        final int contractSizeScale) {
        if (venue == null) {
            throw new IllegalArgumentException("instrument " + symbol + ": venue must not be null");
        }
        validateSymbol(venue, symbol);
        final String name = venue.configName() + ':' + symbol;
        if (id < 0) {
            throw new IllegalArgumentException("instrument " + name + ": id must be >= 0: " + id);
        }
        validateScale(name, "priceScale", priceScale);
        validateScale(name, "qtyScale", qtyScale);
        validateScale(name, "contractSizeScale", contractSizeScale);
        validatePositive(name, "tickSize", tickSizeMantissa);
        validatePositive(name, "lotSize", lotSizeMantissa);
        validatePositive(name, "contractSize", contractSizeMantissa);

        this.id = id;
        this.venue = venue;
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.tickSizeMantissa = tickSizeMantissa;
        this.qtyScale = qtyScale;
        this.lotSizeMantissa = lotSizeMantissa;
        this.contractSizeMantissa = contractSizeMantissa;
        this.contractSizeScale = contractSizeScale;
    }

    /**
     * @return engine id, an index into {@link InstrumentRegistry#byId(int)}.
     */
    public int id() {
        return id;
    }

    /**
     * @return where it trades.
     */
    public Venue venue() {
        return venue;
    }

    /**
     * @return the venue's symbol, e.g. {@code BTCUSDT}.
     */
    public String symbol() {
        return symbol;
    }

    /**
     * @return decimals of price mantissas.
     */
    public int priceScale() {
        return priceScale;
    }

    /**
     * @return price increment at {@link #priceScale()}.
     */
    public long tickSizeMantissa() {
        return tickSizeMantissa;
    }

    /**
     * @return decimals of quantity mantissas.
     */
    public int qtyScale() {
        return qtyScale;
    }

    /**
     * @return quantity increment at {@link #qtyScale()}.
     */
    public long lotSizeMantissa() {
        return lotSizeMantissa;
    }

    /**
     * @return base units per contract at {@link #contractSizeScale()}.
     */
    public long contractSizeMantissa() {
        return contractSizeMantissa;
    }

    /**
     * @return decimals of {@link #contractSizeMantissa()}.
     */
    public int contractSizeScale() {
        return contractSizeScale;
    }

    /**
     * @param priceMantissa at {@link #priceScale()}.
     * @return whether the price is a whole number of ticks.
     */
    public boolean isOnTick(final long priceMantissa) {
        return priceMantissa % tickSizeMantissa == 0;
    }

    /**
     * @param qtyMantissa at {@link #qtyScale()}.
     * @return whether the quantity is a whole number of lots.
     */
    public boolean isOnLot(final long qtyMantissa) {
        return qtyMantissa % lotSizeMantissa == 0;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Instrument)) {
            return false;
        }
        final Instrument that = (Instrument)o;
        return id == that.id &&
            venue == that.venue &&
            symbol.equals(that.symbol) &&
            priceScale == that.priceScale &&
            tickSizeMantissa == that.tickSizeMantissa &&
            qtyScale == that.qtyScale &&
            lotSizeMantissa == that.lotSizeMantissa &&
            contractSizeMantissa == that.contractSizeMantissa &&
            contractSizeScale == that.contractSizeScale;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id + venue.hashCode()) + symbol.hashCode();
    }

    @Override
    public String toString() {
        return "Instrument{" +
            "id=" + id +
            ", venue=" + venue.configName() +
            ", symbol=" + symbol +
            ", tickSize=" + FixedPoint.toString(tickSizeMantissa, priceScale) +
            ", lotSize=" + FixedPoint.toString(lotSizeMantissa, qtyScale) +
            ", contractSize=" + FixedPoint.toString(contractSizeMantissa, contractSizeScale) +
            '}';
    }

    private static void validateSymbol(final Venue venue, final String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("instrument on " + venue.configName() + ": symbol must not be empty");
        }
        for (int i = 0; i < symbol.length(); i++) {
            final char c = symbol.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("instrument on " + venue.configName() +
                    ": symbol must be printable ASCII without spaces: '" + symbol + "' (index " + i + ")");
            }
        }
    }

    private static void validateScale(final String name, final String field, final int scale) {
        if (scale < 0 || scale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException(
                "instrument " + name + ": " + field + " must be between 0 and " + FixedPoint.MAX_SCALE + ": " + scale);
        }
    }

    private static void validatePositive(final String name, final String field, final long mantissa) {
        if (mantissa <= 0) {
            throw new IllegalArgumentException(
                "instrument " + name + ": " + field + " must be > 0 at its scale, mantissa: " + mantissa);
        }
    }
}
