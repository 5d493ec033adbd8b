package io.ringtrader.gateway.common.rest;

/**
 * Why a REST request failed; futures of a {@link RestClientBase} complete exceptionally with it (or with a venue's
 * subclass). Expected outcomes (a venue reject, a local rate-limit refusal) carry no stack trace. Immutable.
 */
public class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    public enum Reason {
        /** The venue answered with an error code ({@link #code()}): a reject. */
        API_ERROR,
        /** An HTTP error without the venue's error body. */
        HTTP_ERROR,
        /** Refused locally: the request would exceed a configured rate limit. Nothing was sent. */
        RATE_LIMITED,
        /** Refused locally during the back-off after a 429. Nothing was sent. */
        BACKING_OFF,
        /** The IP is banned (418): order entry is stopped. Nothing was sent, or the venue answered 418. */
        IP_BANNED,
        /** HTTP 503 "unknown error, execution status unknown": the request may or may not have executed. */
        UNKNOWN_EXECUTION_STATUS,
        /** HTTP 503 for which the venue says nothing was executed (service unavailable, throttled). */
        SERVICE_UNAVAILABLE,
        /** Connection, timeout or I/O failure: for an order, its status is unknown too. */
        TRANSPORT,
        /** The response could not be parsed. */
        BAD_RESPONSE,
        /** The client was closed. */
        CLOSED,
        /** A signed or keyed endpoint was called on a client without credentials. Nothing was sent. */
        NO_CREDENTIALS
    }

    private final Reason reason;
    private final int httpStatus;
    private final int code;
    private final String venueMessage;

    /**
     * @param reason     the kind.
     * @param httpStatus the HTTP status, 0 if no response.
     * @param code       the venue's error code (Binance's {@code -2010}...), 0 if none.
     * @param message    what happened, for logs.
     * @param cause      the underlying exception or null.
     */
    public RestException(final Reason reason, final int httpStatus, final int code, final String message,
        final Throwable cause) {
        this(reason, httpStatus, code, message, null, cause);
    }

    /**
     * @param venueMessage the {@code msg} of the venue's error body, or null if it sent none.
     */
    public RestException(final Reason reason, final int httpStatus, final int code, final String message,
        final String venueMessage, final Throwable cause) {
        super(message, cause, false, cause != null);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.code = code;
        this.venueMessage = venueMessage;
    }

    public Reason reason() {
        return reason;
    }

    /** HTTP status, 0 if no response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The venue's error code (Binance's {@code -1021}, {@code -2010}, ...), 0 if none. */
    public int code() {
        return code;
    }

    /** The venue's own words for the error (the {@code msg} of its error body), or null if it sent none. */
    public String venueMessage() {
        return venueMessage;
    }

    /** Unwraps completion wrappers; null if {@code error} is not (or does not wrap) a {@code RestException}. */
    public static RestException of(final Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof RestException rest) {
                return rest;
            }
            t = t.getCause();
        }
        return null;
    }
}
