package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.FixedPoint;
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
    private long compactValue;
    private int compactDecimals;

    /**
     * @param bids true to append to the bid side, false for the ask side.
     * @return {@link DecodeStatus#OK} or why the array was rejected (the staging is then partly filled and
     * must be discarded).
     */
    DecodeStatus parse(final DirectBuffer buffer, final int offset, final int length, final int priceScale,
        final int qtyScale, final DepthStaging staging, final boolean bids) {
        final int before = bids ? staging.bidCount() : staging.askCount();
        if (parseCompact(buffer, offset, offset + length, priceScale, qtyScale, staging, bids) == offset + length) {
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
     * Parses a level array that starts at {@code offset} and ends somewhere before {@code limit}, on the fast path
     * only (see {@link #parseCompact}), so that a decoder can take it while it walks the payload.
     *
     * @return the index just past the array's closing bracket; or -1, with the side as it was, if the fast path
     * does not take it (the caller then parses it with {@link #parse}).
     */
    int parseInPlace(final DirectBuffer buffer, final int offset, final int limit, final int priceScale,
        final int qtyScale, final DepthStaging staging, final boolean bids) {
        final int before = bids ? staging.bidCount() : staging.askCount();
        final int end = parseCompact(buffer, offset, limit, priceScale, qtyScale, staging, bids);
        if (end < 0) {
            staging.truncate(bids, before);
        }
        return end;
    }

    /**
     * The fast path: {@code [["p","q"],...]} without whitespace, each number a quoted plain decimal
     * ({@code digits[.digits]}, at most {@code 18 - scale} integer digits, nothing but zeros beyond the scale),
     * prices not zero. Numbers are parsed while their closing quote is looked for, to the same mantissas and
     * decimals as {@link Decimals#parse}.
     *
     * @param end the array's end if known, else the end of the region it lies in.
     * @return the index just past the array's closing bracket; -1 for any other shape or any problem, leaving
     * the side partly filled.
     */
    private int parseCompact(final DirectBuffer buffer, final int offset, final int end, final int priceScale,
        final int qtyScale, final DepthStaging staging, final boolean bids) {
        if (end - offset < 2 || buffer.getByte(offset) != '[') {
            return -1;
        }
        int p = offset + 1;
        if (buffer.getByte(p) == ']') {
            return p + 1;
        }
        while (true) {
            if (p + 2 >= end || buffer.getByte(p) != '[' || buffer.getByte(p + 1) != '"') {
                return -1;
            }
            final int priceEnd = compactNumber(buffer, p + 2, end, priceScale);
            if (priceEnd < 0 || compactValue == 0 || priceEnd + 2 >= end || buffer.getByte(priceEnd + 1) != ','
                || buffer.getByte(priceEnd + 2) != '"') {
                return -1;
            }
            final long price = compactValue;
            final int priceDecimals = compactDecimals;
            final int qtyEnd = compactNumber(buffer, priceEnd + 3, end, qtyScale);
            if (qtyEnd < 0 || qtyEnd + 2 >= end || buffer.getByte(qtyEnd + 1) != ']') {
                return -1;
            }
            final boolean added = bids
                ? staging.addBid(price, compactValue, priceDecimals, compactDecimals)
                : staging.addAsk(price, compactValue, priceDecimals, compactDecimals);
            if (!added) {
                return -1;
            }
            p = qtyEnd + 2;
            final byte next = buffer.getByte(p++);
            if (next == ']') {
                return p;
            }
            if (next != ',') {
                return -1;
            }
        }
    }

    /**
     * Parses a plain decimal from {@code from} up to its closing quote into {@link #compactValue} (mantissa at
     * {@code scale}) and {@link #compactDecimals} (fraction digits as written).
     *
     * @return the index of the closing quote, or -1 for anything the fast path does not take.
     */
    private int compactNumber(final DirectBuffer buffer, final int from, final int end, final int scale) {
        long mantissa = 0;
        int p = from;
        byte b = 0;
        while (p < end) {
            b = buffer.getByte(p);
            if (b < '0' || b > '9') {
                break;
            }
            mantissa = mantissa * 10 + (b - '0');
            p++;
        }
        final int integerDigits = p - from;
        if (integerDigits == 0 || integerDigits > FixedPoint.MAX_SCALE - scale || p >= end) {
            return -1;
        }
        int fractionDigits = 0;
        if (b == '.') {
            p++;
            while (p < end) {
                b = buffer.getByte(p);
                if (b < '0' || b > '9') {
                    break;
                }
                if (fractionDigits < scale) {
                    mantissa = mantissa * 10 + (b - '0');
                } else if (b != '0') {
                    return -1;
                }
                fractionDigits++;
                p++;
            }
            if (fractionDigits == 0 || p >= end) {
                return -1;
            }
        }
        if (b != '"') {
            return -1;
        }
        compactValue = mantissa * Decimals.POW10[scale - Math.min(fractionDigits, scale)];
        compactDecimals = fractionDigits;
        return p;
    }

    private DecodeStatus number(final JsonScanner scanner, final int scale, final boolean price) {
        final int type = scanner.valueType();
        if (type != JsonScanner.STRING && type != JsonScanner.NUMBER) {
            return DecodeStatus.BAD_LEVEL;
        }
        return Decimals.parse(decimals, scanner.buffer(), scanner.valueOffset(), scanner.valueLength(), scale, price);
    }
}
