package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import org.agrona.DirectBuffer;

/**
 * Parses a Binance level array {@code [["61800.20","2.507"],...]} into a {@link DepthStaging} side.
 * Strict: each level is exactly a price and a quantity (quoted or bare numbers), the price positive and the
 * quantity non-negative at the instrument's scales. Not thread-safe: owned by one decoder.
 */
final class LevelsParser {
    private final JsonScanner levels = new JsonScanner();
    private final JsonScanner pair = new JsonScanner();
    private final DecimalParser decimals = new DecimalParser();

    /**
     * @param bids true to append to the bid side, false for the ask side.
     * @return {@link DecodeStatus#OK} or why the array was rejected (the staging is then partly filled and
     * must be discarded).
     */
    DecodeStatus parse(final DirectBuffer buffer, final int offset, final int length, final int priceScale,
        final int qtyScale, final DepthStaging staging, final boolean bids) {
        if (!levels.wrap(buffer, offset, length).enterArray()) {
            return DecodeStatus.MALFORMED;
        }
        while (levels.nextElement()) {
            if (levels.valueType() != JsonScanner.ARRAY) {
                return DecodeStatus.BAD_LEVEL;
            }
            if (!pair.wrap(buffer, levels.valueOffset(), levels.valueLength()).enterArray() || !pair.nextElement()) {
                return DecodeStatus.BAD_LEVEL;
            }
            final DecodeStatus priceStatus = number(pair, priceScale, true);
            if (priceStatus != DecodeStatus.OK) {
                return priceStatus;
            }
            final long price = decimals.value();
            final int priceDecimals = decimals.decimals();
            if (!pair.nextElement()) {
                return DecodeStatus.BAD_LEVEL;
            }
            final DecodeStatus qtyStatus = number(pair, qtyScale, false);
            if (qtyStatus != DecodeStatus.OK) {
                return qtyStatus;
            }
            if (pair.nextElement() || pair.failed() || !pair.finish()) {
                return DecodeStatus.BAD_LEVEL;
            }
            final boolean added = bids
                ? staging.addBid(price, decimals.value(), priceDecimals, decimals.decimals())
                : staging.addAsk(price, decimals.value(), priceDecimals, decimals.decimals());
            if (!added) {
                return DecodeStatus.TOO_MANY_LEVELS;
            }
        }
        return levels.failed() || !levels.finish() ? DecodeStatus.MALFORMED : DecodeStatus.OK;
    }

    private DecodeStatus number(final JsonScanner scanner, final int scale, final boolean price) {
        final int type = scanner.valueType();
        if (type != JsonScanner.STRING && type != JsonScanner.NUMBER) {
            return DecodeStatus.BAD_LEVEL;
        }
        return Decimals.parse(decimals, scanner.buffer(), scanner.valueOffset(), scanner.valueLength(), scale, price);
    }
}
