package io.ringtrader.gateway.common.marketdata;

/**
 * Outcome of decoding one venue message. Every value but {@link #OK} and {@link #IGNORED} is a dropped
 * frame, counted per kind by {@link DecodeOutcomes} and reported once per distinct problem with its constant
 * {@link #detail()}, after the decoder's venue prefix (e.g. {@code "binance: "}).
 */
public enum DecodeStatus {
    OK("ok"),
    /** A message the gateway does not consume (subscription replies, other event types); not an error. */
    IGNORED("message ignored"),
    MALFORMED("malformed or truncated JSON, frame dropped"),
    MISSING_FIELD("required field missing or of the wrong type, frame dropped"),
    BAD_NUMBER("unparseable number or more decimals than the instrument's scale, frame dropped"),
    NEGATIVE_VALUE("negative or zero price, or negative quantity, frame dropped"),
    UNKNOWN_SYMBOL("symbol not in the instrument registry, frame dropped"),
    TOO_MANY_LEVELS("more book levels than the decoder accepts, frame dropped"),
    BAD_LEVEL("book level is not a [price, quantity] pair, frame dropped"),
    BAD_TIMESTAMP("timestamp out of range, frame dropped"),
    BAD_SEQUENCE("update ids out of order (U > u or negative), frame dropped");

    private final String detail;

    DecodeStatus(final String detail) {
        this.detail = detail;
    }

    /** Constant text, without a venue: with the decoder's prefix, the error handler's distinct-problem key. */
    public String detail() {
        return detail;
    }

    /** True for statuses that drop a frame as a decode error. */
    public boolean isError() {
        return this != OK && this != IGNORED;
    }
}
