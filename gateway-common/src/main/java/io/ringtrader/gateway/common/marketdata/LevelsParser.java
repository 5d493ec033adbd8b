package io.ringtrader.gateway.common.marketdata;

import io.ringtrader.engine.fixedpoint.DecimalParser;
import org.agrona.DirectBuffer;

/**
 * Parses a level array {@code [["61800.20","2.507"],...]} (Binance's and Bitget's shape) into a {@link DepthStaging}
 * side in one pass, straight from the frame: it starts at the array's opening bracket and stops right after its closing
 * one ({@link #end()}), so a decoder can parse levels in place while it walks the object. Strict: each level
 * is exactly a price and a quantity (quoted, or bare numbers), the price positive and the quantity
 * non-negative at the instrument's scales; whitespace is allowed between tokens. Not thread-safe: owned by
 * one decoder.
 */
public final class LevelsParser {
    private final DecimalParser decimals = new DecimalParser();
    private DirectBuffer buffer;
    private int position;
    private int limit;
    private int tokenOffset;
    private int tokenLength;

    /**
     * @param offset where the array (or whitespace before it) starts.
     * @param limit  end of the readable region: the frame's end, or the array's end when it was isolated.
     * @param bids   true to append to the bid side, false for the ask side.
     * @return {@link DecodeStatus#OK}, with {@link #end()} just after the closing bracket, or why the array was
     * rejected (the staging is then partly filled and must be discarded).
     */
    public DecodeStatus parse(final DirectBuffer buffer, final int offset, final int limit, final int priceScale,
        final int qtyScale, final DepthStaging staging, final boolean bids) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = limit;
        if (!expect('[')) {
            return DecodeStatus.MALFORMED;
        }
        skipWhitespace();
        if (position < limit && buffer.getByte(position) == ']') {
            position++;
            return DecodeStatus.OK;
        }
        while (true) {
            if (!expect('[') || !token() || !expect(',')) {
                return levelProblem();
            }
            DecodeStatus status = Decimals.parse(decimals, buffer, tokenOffset, tokenLength, priceScale, true);
            if (status != DecodeStatus.OK) {
                return status;
            }
            final long price = decimals.value();
            final int priceDecimals = decimals.decimals();
            if (!token() || !expect(']')) {
                return levelProblem();
            }
            status = Decimals.parse(decimals, buffer, tokenOffset, tokenLength, qtyScale, false);
            if (status != DecodeStatus.OK) {
                return status;
            }
            final boolean added = bids
                ? staging.addBid(price, decimals.value(), priceDecimals, decimals.decimals())
                : staging.addAsk(price, decimals.value(), priceDecimals, decimals.decimals());
            if (!added) {
                return DecodeStatus.TOO_MANY_LEVELS;
            }
            skipWhitespace();
            if (position >= limit) {
                return DecodeStatus.MALFORMED;
            }
            final byte next = buffer.getByte(position++);
            if (next == ']') {
                return DecodeStatus.OK;
            }
            if (next != ',') {
                return DecodeStatus.MALFORMED;
            }
        }
    }

    /** Reads a quoted string (no escapes) or a bare number into the token span. */
    private boolean token() {
        skipWhitespace();
        if (position >= limit) {
            return false;
        }
        final byte first = buffer.getByte(position);
        if (first == '"') {
            final int start = ++position;
            while (position < limit) {
                final byte b = buffer.getByte(position);
                if (b == '"') {
                    tokenOffset = start;
                    tokenLength = position - start;
                    position++;
                    return true;
                }
                if (b == '\\' || (b >= 0 && b < 0x20)) {
                    return false;
                }
                position++;
            }
            return false;
        }
        final int start = position;
        while (position < limit) {
            final byte b = buffer.getByte(position);
            if ((b < '0' || b > '9') && b != '-' && b != '.') {
                break;
            }
            position++;
        }
        tokenOffset = start;
        tokenLength = position - start;
        return tokenLength > 0;
    }

    private boolean expect(final char c) {
        skipWhitespace();
        if (position < limit && buffer.getByte(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    /** A level that ends with the data is truncated; otherwise it is not a pair. */
    private DecodeStatus levelProblem() {
        return position >= limit ? DecodeStatus.MALFORMED : DecodeStatus.BAD_LEVEL;
    }

    /** After an OK {@link #parse}: the position just after the array's closing bracket. */
    public int end() {
        return position;
    }

    private void skipWhitespace() {
        while (position < limit) {
            final byte b = buffer.getByte(position);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }
}
