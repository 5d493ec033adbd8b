package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import org.agrona.DirectBuffer;

/**
 * Parses a Binance level array {@code [["61800.20","2.507"],...]} into a {@link DepthStaging} side.
 * Strict: each level is exactly a price and a quantity (quoted or bare numbers), the price positive and the
 * quantity non-negative at the instrument's scales.
 *
 * <p>The array as Binance writes it (no whitespace, quoted plain decimals) is parsed in one pass over its bytes;
 * anything else, or any problem on that pass, backs the side out and goes through the general {@link JsonScanner}
 * path, which decides the status. Not thread-safe: owned by one decoder.
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
        final int before = bids ? staging.bidCount() : staging.askCount();
        if (parseCompact(buffer, offset, length, priceScale, qtyScale, staging, bids)) {
            return DecodeStatus.OK;
        }
        staging.truncate(bids, before);
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

    /**
     * The fast path: {@code [["p","q"],...]} without whitespace, each number quoted and made only of digits,
     * {@code '.'} and {@code '-'}.
     *
     * @return true if the whole array was parsed and added; false for any other shape or any problem, leaving
     * the side partly filled.
     */
    private boolean parseCompact(final DirectBuffer buffer, final int offset, final int length, final int priceScale,
        final int qtyScale, final DepthStaging staging, final boolean bids) {
        final int end = offset + length;
        if (length < 2 || buffer.getByte(offset) != '[') {
            return false;
        }
        int p = offset + 1;
        if (buffer.getByte(p) == ']') {
            return p + 1 == end;
        }
        while (true) {
            if (p + 2 >= end || buffer.getByte(p) != '[' || buffer.getByte(p + 1) != '"') {
                return false;
            }
            final int priceStart = p + 2;
            final int priceEnd = closingQuote(buffer, priceStart, end);
            if (priceEnd < 0 || priceEnd + 2 >= end || buffer.getByte(priceEnd + 1) != ','
                || buffer.getByte(priceEnd + 2) != '"') {
                return false;
            }
            final int qtyStart = priceEnd + 3;
            final int qtyEnd = closingQuote(buffer, qtyStart, end);
            if (qtyEnd < 0 || qtyEnd + 2 >= end || buffer.getByte(qtyEnd + 1) != ']') {
                return false;
            }
            if (Decimals.parse(decimals, buffer, priceStart, priceEnd - priceStart, priceScale, true) != DecodeStatus.OK) {
                return false;
            }
            final long price = decimals.value();
            final int priceDecimals = decimals.decimals();
            if (Decimals.parse(decimals, buffer, qtyStart, qtyEnd - qtyStart, qtyScale, false) != DecodeStatus.OK) {
                return false;
            }
            final boolean added = bids
                ? staging.addBid(price, decimals.value(), priceDecimals, decimals.decimals())
                : staging.addAsk(price, decimals.value(), priceDecimals, decimals.decimals());
            if (!added) {
                return false;
            }
            p = qtyEnd + 2;
            final byte next = buffer.getByte(p++);
            if (next == ']') {
                return p == end;
            }
            if (next != ',') {
                return false;
            }
        }
    }

    /** The index of the quote closing a run of number bytes from {@code from}, or -1 at any other byte. */
    private static int closingQuote(final DirectBuffer buffer, final int from, final int end) {
        for (int p = from; p < end; p++) {
            final byte b = buffer.getByte(p);
            if (b == '"') {
                return p;
            }
            if ((b < '0' || b > '9') && b != '.' && b != '-') {
                return -1;
            }
        }
        return -1;
    }

    private DecodeStatus number(final JsonScanner scanner, final int scale, final boolean price) {
        final int type = scanner.valueType();
        if (type != JsonScanner.STRING && type != JsonScanner.NUMBER) {
            return DecodeStatus.BAD_LEVEL;
        }
        return Decimals.parse(decimals, scanner.buffer(), scanner.valueOffset(), scanner.valueLength(), scale, price);
    }
}
