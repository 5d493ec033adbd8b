package io.ringtrader.gateway.binance.marketdata;

/**
 * Outcome of decoding one Binance message. Every value but {@link #OK} and {@link #IGNORED} is a dropped
 * frame, counted per kind and reported once per distinct problem with its constant {@link #detail()}.
 */
public enum DecodeStatus {
    OK("ok"),
    /** A message the gateway does not consume (subscription replies, other event types); not an error. */
    IGNORED("binance: message ignored"),
    MALFORMED("binance: malformed or truncated JSON, frame dropped"),
    MISSING_FIELD("binance: required field missing or of the wrong type, frame dropped"),
    BAD_NUMBER("binance: unparseable number or more decimals than the instrument's scale, frame dropped"),
    NEGATIVE_VALUE("binance: negative or zero price, or negative quantity, frame dropped"),
    UNKNOWN_SYMBOL("binance: symbol not in the instrument registry, frame dropped"),
    TOO_MANY_LEVELS("binance: more book levels than the decoder accepts, frame dropped"),
    BAD_LEVEL("binance: book level is not a [price, quantity] pair, frame dropped"),
    BAD_TIMESTAMP("binance: timestamp out of range, frame dropped"),
    BAD_SEQUENCE("binance: update ids out of order (U > u or negative), frame dropped");

    private final String detail;

    DecodeStatus(final String detail) {
        this.detail = detail;
    }

    /** Constant text for the error handler: the distinct-problem key. */
    public String detail() {
        return detail;
    }

    /** True for statuses that drop a frame as a decode error. */
    public boolean isError() {
        return this != OK && this != IGNORED;
    }
}
